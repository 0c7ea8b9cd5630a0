/**
 * The search vocabulary is read from the store once per graph version — at
 * start, and again after a completed load — never per search request; so is
 * the search index (src/search/search-index.ts), in the background.
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
    // Both built at start: the candidates come from the index, with no statement.
    expect(await trips()).toBe(0);
    expect(await trips()).toBe(0);
    await loadFixtures(service.store.engine, service.store.queries, MINI_FIXTURES);
    // The first search after a load reads every search text once for the vocabulary, and runs
    // the candidates' statement while the new index builds in the background…
    expect(await trips()).toBe(2);
    // …the next ones read no vocabulary, and once the index is built, no statement either.
    let next = await trips();
    for (let i = 0; next > 0 && i < 100; i++) {
      expect(next).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      next = await trips();
    }
    expect(next).toBe(0);
  });
});
