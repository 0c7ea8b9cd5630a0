/**
 * The search vocabulary is read from the store once per graph version — at
 * start, and again after a completed load — never per search request.
 */
import { startTestService, type TestService } from '../helpers/service';
import { loadFixtures } from '../../src/load/load';
import { MINI_FIXTURES } from '../helpers/engines';

describe('search vocabulary', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());

  const trips = async (): Promise<number> => {
    const res = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-debug-stats': '1', 'cache-control': 'no-cache' },
      body: JSON.stringify({ query: '{ search(query: "kuberntes") { label } }' }),
    });
    const body = (await res.json()) as { errors?: unknown; extensions: { stats: { dbRoundTrips: number } } };
    expect(body.errors).toBeUndefined();
    return body.extensions.stats.dbRoundTrips;
  };

  it('is built before the first search, and once more after a load', async () => {
    const warm = await trips();
    expect(await trips()).toBe(warm);
    await loadFixtures(service.store.engine, service.store.queries, MINI_FIXTURES);
    // The first search after a load reads every search text once (one round trip)…
    expect(await trips()).toBe(warm + 1);
    // …and the next ones do not.
    expect(await trips()).toBe(warm);
  });
});
