/**
 * The plans Neo4j makes for the statements whose speed at scale rests on an
 * index (cypher/neo4j/schema.cypher): a talk page read in the order of its sort
 * key's range index, not a sort of every talk, the newest editions sought in
 * their rank's index, and a `…Contains` filter read from the text index, not
 * tested on every node. Checked with EXPLAIN on the test
 * Neo4j holding the real fixtures, on the copies the repository runs (pruned,
 * projected), so a rewrite that hides a condition or an ordering term from the
 * planner fails here (at 1000× data the talk page went 4 → 63 ms that way).
 */
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadFixtures } from '../../src/load/load';
import { PROJECT_ROOT } from '../../src/paths';
import type { Params } from '../../src/store/engine';
import type { Store } from '../../src/store/open';
import { projected, pruned } from '../../src/store/queries';
import { describeNeo4j, neo4jTestEnv } from '../helpers/engines';

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

/** Each operator of a plan with its details, e.g. `NodeIndexScan RANGE INDEX t:Talk(newestKey) …`. */
function operators(plan: PlanNode): string[] {
  const own = `${plan.operatorType.replace(/@.*/, '')} ${String(plan.arguments.Details ?? '')}`.trim();
  return [own, ...plan.children.flatMap(operators)];
}

const SORT_KEYS = { NEWEST: 'newestKey', OLDEST: 'oldestKey', TITLE: 'titleKey' } as const;

describeNeo4j('Neo4j plans', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let driver: Driver;
  beforeAll(async () => {
    ({ store, cleanup } = await engine.open());
    await loadFixtures(store.engine, store.queries, join(PROJECT_ROOT, 'fixtures'));
    const env = neo4jTestEnv();
    driver = neo4j.driver(env.NEO4J_URI!, neo4j.auth.basic(env.NEO4J_USER!, env.NEO4J_PASSWORD!));
  }, 120_000);
  afterAll(async () => {
    await driver?.close();
    await cleanup?.();
  });

  /** The operators of the plan for `name` as the repository runs it with `params`. */
  async function plan(name: string, params: Params, project?: [string, string[]]): Promise<string[]> {
    const whole = store.queries.get(name);
    const { query, params: bound } = pruned(project ? projected(whole, ...project) : whole, params);
    const session = driver.session({ database: neo4jTestEnv().NEO4J_DATABASE });
    try {
      const result = await session.run(`EXPLAIN ${query.text}`, bound);
      return operators(result.summary.plan as unknown as PlanNode);
    } finally {
      await session.close();
    }
  }

  const noFilter = { editionId: null, kind: null, titleContains: null };
  const window = { skip: 0, limit: 21 };

  it.each(Object.entries(SORT_KEYS))(
    'reads a talk page ordered %s from its sort key index, with no sort of every talk',
    async (sort, key) => {
      const pages = [
        await plan('list/talks-unfiltered', { sort, ...window }, ['t', ['id', 'title']]),
        await plan('list/talks-unfiltered-counted', { sort, ...window }, ['t', ['id', 'title']]),
        await plan('list/talks-direct', { sort, ...noFilter, ...window }),
        await plan('list/talks-direct-counted', { sort, ...noFilter, ...window }),
      ];
      for (const ops of pages) {
        expect(ops.some((op) => op.startsWith(`NodeIndexScan RANGE INDEX t:Talk(${key})`))).toBe(true);
        expect(ops.filter((op) => /^(NodeByLabelScan|Sort|Top) /.test(op) && /\bt\b|`t\./.test(op))).toEqual(
          [],
        );
      }
      // The counted pages count every talk from the count store.
      expect(pages[1]!.some((op) => op.startsWith('NodeCountFromCountStore'))).toBe(true);
      expect(pages[3]!.some((op) => op.startsWith('NodeCountFromCountStore'))).toBe(true);
    },
  );

  it.each(['edition/all', 'analyst/edition-stats', 'analyst/edition-stats-names'])(
    '%s seeks the editions below a rank in the rank index',
    async (name) => {
      const ops = await plan(name, { first: 100 });
      expect(ops.some((op) => op.startsWith('NodeIndexSeekByRange RANGE INDEX'))).toBe(true);
      expect(ops.filter((op) => op.startsWith('NodeByLabelScan'))).toEqual([]);
    },
  );

  it.each([
    ['list/projects', 'p', 'Project', { maturity: null, cncf: null, editionId: null, sort: 'NAME' }],
    ['list/companies', 'c', 'Company', { editionId: null, sort: 'NAME' }],
    ['list/speakers', 'p', 'Person', { companyId: null, editionId: null, sort: 'NAME' }],
  ] as const)('filters %s by name from the text index', async (name, variable, label, rest) => {
    for (const query of [name, `${name}-count`]) {
      const params = { nameContains: 'falco', ...rest, ...(query === name ? window : {}) };
      if (query !== name) delete (params as Record<string, unknown>).sort;
      const ops = await plan(query, params);
      expect([
        query,
        ops.some((op) => op.startsWith(`NodeIndexContainsScan TEXT INDEX ${variable}:${label}(searchText)`)),
      ]).toEqual([query, true]);
      expect([query, ops.filter((op) => op.startsWith('NodeByLabelScan'))]).toEqual([query, []]);
    }
  });
});
