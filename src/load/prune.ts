/**
 * A reset load into Neo4j (`npm run load -- --reset`) MERGEs its records over
 * the stored graph, then deletes what it did not write, in the same
 * transaction.
 *
 * Emptying the store first and writing everything again left the same end
 * state, but Neo4j readers are read-committed without a snapshot: a statement
 * that matched a node before the load committed could read it after, deleted,
 * with no properties (a null `Talk.id`, so an INTERNAL_SERVER_ERROR, or an
 * empty page beside a full count). Now a node or relationship in both graphs
 * is the same one before and after, and a reset of unchanged data deletes
 * nothing. Link summaries and their pages are not pruned here: relink derives
 * them from the graph this leaves.
 *
 * Only Neo4j has the prune queries (cypher/neo4j/load/). A Kuzu reset empties
 * the store first, inside the load's transaction, as before: Kuzu's readers see
 * the last committed snapshot, so nobody sees it half done; and Kuzu 0.11.3
 * cannot prune, since a label-free relationship scan inside a write
 * transaction returns each relationship created in it twice, once with wrong
 * properties (a file store's reset is a staged replacement anyway:
 * src/store/kuzu/replace.ts).
 */
import type { WriteTransaction } from '../store/engine';
import type { QueryRegistry } from '../store/queries';
import type { WriteGroup } from './plan';

/**
 * What a load wrote: node ids, and relationship keys as load/prune-relationships.cypher
 * builds them. The batched plan (LoadPlan.records) holds no link summaries: relink writes them.
 */
export class Written {
  readonly nodeIds = new Set<string>();
  readonly relationshipKeys = new Set<string>();

  add(group: WriteGroup): void {
    for (const row of group.rows) {
      if (group.from === undefined) {
        if (row.id) this.nodeIds.add(String(row.id));
        continue;
      }
      if (!row.from || !row.to) continue; // the planner's placeholder rows, which the MERGE skips too
      this.relationshipKeys.add(relationshipKey(group, row));
    }
  }
}

/**
 * type|from|to, then the values of the other properties the MERGE matches on
 * (targets.ts). The Cypher side spells out the two relationships that have
 * such properties: tests/load/prune.test.ts checks no other target has one.
 */
export function relationshipKey(
  group: Pick<WriteGroup, 'table' | 'identity'>,
  row: WriteGroup['rows'][number],
): string {
  const extra = group.identity
    .filter((key) => key !== 'from' && key !== 'to')
    .map((key) => `|${row[key] ?? ''}`);
  return `${group.table}|${String(row.from)}|${String(row.to)}${extra.join('')}`;
}

/**
 * Deletes the nodes, then the relationships, that `written` does not hold;
 * returns the statements run. Each list starts with '', which no id or key
 * is: Kuzu refuses an empty `IN` list, and an empty data set keeps nothing.
 */
export async function prune(tx: WriteTransaction, queries: QueryRegistry, written: Written): Promise<number> {
  await tx.run(queries.get('load/prune-nodes'), { ids: ['', ...written.nodeIds] });
  await tx.run(queries.get('load/prune-relationships'), { keys: ['', ...written.relationshipKeys] });
  return 2;
}
