/**
 * The explorer's saved examples stay true to the schema: each one is valid
 * against schema/*.graphql and runs without errors on the mini fixtures, so a
 * schema change that breaks an example fails here rather than in front of an
 * analyst.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildASTSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';
import { loadFixtures } from '../../src/load/load';
import { EXAMPLES } from '../../src/server/examples';
import { openStore, type Store } from '../../src/store/open';
import { GraphQLClient } from '../helpers/graphql';
import { MINI_FIXTURES } from '../helpers/engines';

describe('explorer examples', () => {
  test('there are at least six, with unique ids and names, each a question', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(6);
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    expect(new Set(EXAMPLES.map((e) => e.name)).size).toBe(EXAMPLES.length);
    for (const example of EXAMPLES) {
      expect(example.id).toMatch(/^[a-z0-9-]+$/);
      expect(example.question).toMatch(/\?$/);
    }
  });

  const schema = buildASTSchema(parse(loadTypeDefs()));

  test.each(EXAMPLES.map((e) => [e.name, e] as const))(
    '%s is one named query valid against the schema',
    (_, example) => {
      const document = parse(example.query);
      expect(document.definitions).toHaveLength(1);
      const operation = document.definitions[0] as OperationDefinitionNode;
      expect(operation.operation).toBe('query');
      expect(operation.name?.value).toMatch(/^[A-Z]\w+$/);
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    },
  );

  describe('on the mini fixtures', () => {
    let dir: string;
    let store: Store;
    let client: GraphQLClient;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'recap-graph-examples-'));
      store = await openStore({ dataDir: dir, neo4j: undefined });
      await store.engine.ensureSchema();
      await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
      client = await GraphQLClient.start(store);
    });

    afterAll(async () => {
      await client?.stop();
      await store?.engine.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test.each(EXAMPLES.map((e) => [e.name, e] as const))('%s runs without errors', async (_, example) => {
      const result = await client.run(example.query, example.variables);
      expect(result.errors ?? []).toEqual([]);
    });

    test('the KubeCon EU 2020 talks example answers from the data', async () => {
      const example = EXAMPLES.find((e) => e.id === 'talks-kubecon-eu-2020');
      const data = await client.ok(example?.query ?? '');
      expect(data.talks.totalCount).toBe(1);
      expect(data.talks.edges[0].node.title).toBe(
        'Open Source Intrusion Detection for Containers at Shopify',
      );
    });
  });
});
