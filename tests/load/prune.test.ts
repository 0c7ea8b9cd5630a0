/**
 * A reset load over a stored graph (src/load/prune.ts): it leaves exactly the
 * graph a load of the same files into an empty store leaves; and on Neo4j the
 * nodes and relationships both graphs hold are the same ones before and after,
 * so a reader running across the commit never meets one deleted and made again.
 */
import { rmSync } from 'node:fs';
import { loadFixtures } from '../../src/load/load';
import { LOAD_TARGETS } from '../../src/load/plan/targets';
import { relationshipKey } from '../../src/load/prune';
import type { Engine } from '../../src/store/engine';
import type { Store } from '../../src/store/open';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';
import { mutatedFixtures } from '../helpers/fixtures';
import { adHocQuery, dumpGraph } from '../helpers/queries';

type Json = Record<string, unknown> & { id?: string };

/** The mini fixtures less one talk and one mention, with an affiliation and a backing changed. */
const changed = () =>
  mutatedFixtures((files) => {
    const talks = files.talks as Json[];
    files.talks = talks.filter((t) => t.id !== 'talk:linkerd-conduit-observability');
    const envoy = talks.find((t) => t.id === 'talk:envoy-internals-deep-dive') as { mentions: Json[] };
    envoy.mentions = envoy.mentions.filter((m) => m.targetId !== 'project:tokio');
    const affiliation = (files.affiliations as Json[]).find((a) => a.personId === 'person:matt-klein')!;
    affiliation.editionId = 'edition:kubecon-na-2019'; // Lyft is no longer credited for the 2018 talk
    const backing = (files.backs as Json[]).find((b) => b.companyId === 'company:lyft')!;
    backing.kind = 'MAINTAINS';
  });

/** Each node's and relationship's Neo4j identity (elementId), by what the graph calls it. */
async function identities(engine: Engine): Promise<Map<string, string>> {
  const nodes = adHocQuery('node-ids', 'MATCH (n) RETURN n.id AS key, elementId(n) AS internal');
  const rels = adHocQuery(
    'rel-ids',
    `MATCH (a)-[r]->(b)
     RETURN type(r) + '|' + a.id + '|' + b.id + '|' + coalesce(r.editionId, '') + '|' + coalesce(r.kind, '') AS key,
            elementId(r) AS internal`,
  );
  const rows = [...(await engine.read(nodes, {})), ...(await engine.read(rels, {}))];
  return new Map(rows.map((r) => [String(r.key), String(r.internal)]));
}

describeEachEngine('reset load over a stored graph', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await engine.open());
  });
  afterEach(() => cleanup());

  it('leaves the graph a load of the same files into an empty store leaves', async () => {
    const dir = changed();
    try {
      await loadFixtures(store.engine, store.queries, dir);
      const fresh = await dumpGraph(store.engine);
      await loadFixtures(store.engine, store.queries, MINI_FIXTURES, { reset: true });
      expect(await dumpGraph(store.engine)).not.toEqual(fresh);
      const report = await loadFixtures(store.engine, store.queries, dir, { reset: true });
      expect(report.mode).toBe('batched');
      expect(await dumpGraph(store.engine)).toEqual(fresh);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Neo4j's alone: a Kuzu reset empties the store first, unseen by its snapshot readers (src/load/prune.ts).
  const onNeo4j = engine.name === 'neo4j' ? it : () => undefined;
  onNeo4j('keeps every node and relationship both graphs hold: none is deleted and made again', async () => {
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const before = await identities(store.engine);
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES, { reset: true });
    expect(await identities(store.engine)).toEqual(before);

    const dir = changed();
    try {
      await loadFixtures(store.engine, store.queries, dir, { reset: true });
      const after = await identities(store.engine);
      const kept = [...after.keys()].filter((key) => before.has(key));
      expect(kept.length).toBeGreaterThan(30);
      for (const key of kept) expect([key, after.get(key)]).toEqual([key, before.get(key)]);
      // What the new files lack is gone; what they changed is there in its new form.
      expect(after.has('talk:linkerd-conduit-observability')).toBe(false);
      expect(after.has('MENTIONS|talk:envoy-internals-deep-dive|project:tokio||')).toBe(false);
      expect(after.has('PRESENTED|company:lyft|talk:envoy-internals-deep-dive||')).toBe(false);
      expect(after.has('BACKS|company:lyft|project:envoy||CREATED')).toBe(false);
      expect(after.has('BACKS|company:lyft|project:envoy||MAINTAINS')).toBe(true);
      expect(after.has('PRESENTED|person:matt-klein|talk:envoy-internals-deep-dive||')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('relationship keys', () => {
  it('match load/prune-relationships.cypher: only AFFILIATED_WITH and BACKS merge on more than their ends', () => {
    const extra = Object.values(LOAD_TARGETS)
      .filter((t) => t.from !== undefined && t.identity.length > 2)
      .map((t) => `${t.table}:${t.identity.slice(2).join(',')}`);
    expect([...new Set(extra)].sort()).toEqual(['AFFILIATED_WITH:editionId', 'BACKS:kind']);
    expect(
      relationshipKey(LOAD_TARGETS['load/backs']!, { from: 'company:a', to: 'project:b', kind: 'CREATED' }),
    ).toBe('BACKS|company:a|project:b|CREATED');
    expect(relationshipKey(LOAD_TARGETS['load/talk-at']!, { from: 'talk:a', to: 'edition:b' })).toBe(
      'AT|talk:a|edition:b',
    );
  });
});
