/**
 * An ad-hoc read for tests that check the store by other means than the named
 * queries under test (dumps, oracles, raw edits): given a name for errors and
 * the parameters its text binds, as the registry would have listed them.
 */
import type { Engine, Params, Row } from '../../src/store/engine';
import type { NamedQuery } from '../../src/store/queries';
import { SEARCHABLE_KINDS } from '../../src/store/kinds';

/** The full-text indexes search reads, one per searchable kind, named alike on both engines. */
export const TOKEN_INDEXES = SEARCHABLE_KINDS.map((kind) => `${kind}_tokens`).sort();

export function adHocQuery(name: string, text: string, params: readonly string[] = []): NamedQuery {
  return { name: `test/${name}`, file: `test/${name}`, text, params, listParams: [] };
}

/**
 * Every node and relationship with its properties, in a stable order: a whole-graph
 * comparison. The load stamp is left out, and so is the stamp each talk page was
 * stored under (src/load/heads.ts): they differ by design between any two loads.
 */
export async function dumpGraph(engine: Engine): Promise<{ nodes: Row[]; rels: Row[] }> {
  const all = await engine.read(adHocQuery('dump-nodes', 'MATCH (n) RETURN n AS node'), {});
  const nodes = all
    .filter((row) => (row.node as { __label?: string }).__label !== 'LoadStamp')
    .map((row) => {
      const node = row.node as { __label?: string; stamp?: unknown };
      return node.__label === 'TalkPage' || node.__label === 'LinkFactsPage'
        ? { ...row, node: { ...node, stamp: undefined } }
        : row;
    });
  const rels = await engine.read(
    adHocQuery('dump-rels', 'MATCH (a)-[r]->(b) RETURN a.id AS a, r AS rel, b.id AS b'),
    {},
  );
  const key = (r: Row) => JSON.stringify(r);
  return {
    nodes: nodes.sort((x, y) => key(x).localeCompare(key(y))),
    rels: rels.sort((x, y) => key(x).localeCompare(key(y))),
  };
}

/**
 * Makes `engine`'s reads of the query `name` fail with `error` until the spy is
 * restored; every other read (the stamp watcher's, every second) goes through.
 */
export function failReadsOf(engine: Engine, name: string, error: Error): jest.SpyInstance {
  const read = engine.read.bind(engine);
  return jest
    .spyOn(engine, 'read')
    .mockImplementation((query, params) =>
      query.name === name ? Promise.reject(error) : read(query, params),
    );
}

/** The statements `engine` ran while `run` ran, by name, in the order they started. */
export async function statementsOf(engine: Engine, run: () => Promise<unknown>): Promise<string[]> {
  const names: string[] = [];
  const read = engine.read.bind(engine);
  const spy = jest.spyOn(engine, 'read').mockImplementation((query: NamedQuery, params: Params, options) => {
    names.push(query.name);
    return read(query, params, options);
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return names;
}
