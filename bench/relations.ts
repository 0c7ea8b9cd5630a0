/**
 * Every relationship batch behind a GraphQL field (RELATION_QUERIES and their
 * names twins), each timed for the ids of one kind that the newest 20 talks
 * reach, on the 1× store and on the N× one: a batch that grows with the graph
 * shows in `npm run bench` even when no page of the query set runs it. Such an
 * audit found Project.talks and Project.editions taking 1.4 s for 20 projects
 * at 1000× (cypher/project/editions.cypher says why). Used by bench/bench.ts,
 * which prints the slowest as reference rows.
 */
import { Repository } from '../src/store/repository';
import type { Row } from '../src/store/engine';
import type { Store } from '../src/store/open';
import { NAME_QUERIES, RELATION_QUERIES } from '../src/store/query-names';

const BATCH = 20;

/** Ids of each kind a batch starts from, found through the service's own queries. */
async function batchIds(store: Store): Promise<Record<string, string[]>> {
  const read = (name: string, ids: string[]) =>
    ids.length === 0 ? Promise.resolve([]) : store.engine.read(store.queries.get(name), { ids });
  const idsOf = (rows: readonly Row[]) => [
    ...new Set(rows.map((r) => String(r.id ?? (r.node as { id: string }).id))),
  ];
  const talk = (await new Repository(store.engine, store.queries).orderedIds('talks', {}, 'NEWEST')).slice(
    0,
    BATCH,
  );
  const edition = idsOf(await read('talk/edition-name', talk)).slice(0, BATCH);
  const first = async (name: string, from: string[]) => idsOf(await read(name, from)).slice(0, BATCH);
  return {
    talk,
    edition,
    person: await first('talk/participant-names', talk),
    company: await first('talk/company-names', talk),
    project: await first('talk/project-names', talk),
    article: await first('edition/articles', edition),
    announcement: await first('edition/announcements', edition),
    figure: await first('edition/figures', edition),
  };
}

/** p50 in ms of each batch over `rounds` runs, by query name; the kinds' batches interleaved. */
export async function relationTimes(store: Store, rounds = 5): Promise<Map<string, number>> {
  const ids = await batchIds(store);
  const names = [...RELATION_QUERIES, ...Object.values(NAME_QUERIES)];
  const samples = new Map<string, number[]>(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const query = store.queries.get(name);
      const batch = ids[name.split('/')[0]!] ?? [];
      if (batch.length === 0) continue;
      // Parameters other than the ids (a scope, an edition…) left unset, as a plain field sends them.
      const params = Object.fromEntries(query.params.map((p) => [p, p === 'ids' ? batch : null]));
      const t = performance.now();
      await store.engine.read(query, params);
      samples.get(name)!.push(performance.now() - t);
    }
  }
  const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return new Map([...samples].filter(([, xs]) => xs.length > 0).map(([n, xs]) => [n, p50(xs)]));
}
