/**
 * The response cache over HTTP: repeated read queries are answered without a
 * database round trip, and never across a completed load.
 */
import { startTestService, type TestService } from '../helpers/service';
import { loadFixtures } from '../../src/load/load';
import { MINI_FIXTURES } from '../helpers/engines';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

describe('response cache', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());

  const post = async (body: unknown, headers: Record<string, string> = {}): Promise<Body> =>
    (
      await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-debug-stats': '1', ...headers },
        body: JSON.stringify(body),
      })
    ).json();

  const TALKS = { query: 'query($n: Int) { talks(first: $n) { totalCount edges { node { title } } } }' };

  it('answers a repeated query from the cache, with no round trip, and says so', async () => {
    const first = await post({ ...TALKS, variables: { n: 3 } });
    const second = await post({ ...TALKS, variables: { n: 3 } });
    expect(first.extensions.stats.cache.status).toBe('miss');
    expect(first.extensions.stats.dbRoundTrips).toBeGreaterThan(0);
    expect(second.extensions.stats.cache.status).toBe('hit');
    expect(second.extensions.stats.dbRoundTrips).toBe(0);
    expect(second.data).toEqual(first.data);
    expect(second.extensions.stats.cache.hits).toBeGreaterThan(first.extensions.stats.cache.hits);
  });

  it('keys by variables', async () => {
    await post({ ...TALKS, variables: { n: 2 } });
    const other = await post({ ...TALKS, variables: { n: 1 } });
    expect(other.extensions.stats.cache.status).toBe('miss');
    expect(other.data.talks.edges).toHaveLength(1);
  });

  it('bypasses the cache on Cache-Control: no-cache', async () => {
    await post({ ...TALKS, variables: { n: 4 } });
    const fresh = await post({ ...TALKS, variables: { n: 4 } }, { 'cache-control': 'no-cache' });
    expect(fresh.extensions.stats.cache.status).toBe('bypass');
    expect(fresh.extensions.stats.dbRoundTrips).toBeGreaterThan(0);
  });

  it('does not keep answers with errors', async () => {
    const bad = { query: '{ projectTimeline(projectId: "project:nowhere") { maturity } }' };
    await post(bad);
    const again = await post(bad);
    expect(again.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(again.extensions.stats.cache.status).toBe('miss');
  });

  it('serves nothing computed before a completed load', async () => {
    await post({ ...TALKS, variables: { n: 5 } });
    expect((await post({ ...TALKS, variables: { n: 5 } })).extensions.stats.cache.status).toBe('hit');
    await loadFixtures(service.store.engine, service.store.queries, MINI_FIXTURES);
    const after = await post({ ...TALKS, variables: { n: 5 } });
    expect(after.extensions.stats.cache.status).toBe('miss');
    expect(after.extensions.stats.dbRoundTrips).toBeGreaterThan(0);
  });
});
