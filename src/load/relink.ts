/**
 * Company–project link summaries (./plan/links.ts) derived from the graph a
 * store holds rather than from one load's records. A batched load, which
 * merges into whatever the store already holds, ends its transaction with
 * this, so the summaries describe the whole graph it leaves: a second data set
 * loaded on top of a first relates pairs through records of both. A store
 * written before summaries gets them at start the same way (./backfill.ts).
 *
 * `link/input/<x>.cypher` reads from the store what `load/<x>` writes, and the
 * load's own planLinks turns it into links and pages.
 */
import type { WriteTransaction } from '../store/engine';
import type { QueryRegistry } from '../store/queries';
import { batches } from './batches';
import { LINK_INPUTS, planLinks } from './plan/links';
import type { PlanRow, WriteGroup } from './plan';

/** What relink wrote: links, pages, and the statements it ran. */
export interface Relinked {
  links: number;
  pages: number;
  statements: number;
}

/** Replaces every link summary and page with those of the graph `tx` sees. */
export async function relink(tx: WriteTransaction, queries: QueryRegistry): Promise<Relinked> {
  let statements = 0;
  const inputs = new Map<string, readonly PlanRow[]>();
  for (const load of Object.keys(LINK_INPUTS)) {
    inputs.set(load, (await tx.run(queries.get(load.replace(/^load\//, 'link/input/')), {})) as PlanRow[]);
    statements++;
  }
  const links: PlanRow[] = [];
  const pages: PlanRow[] = [];
  planLinks(
    (load) => inputs.get(load) ?? [],
    (row) => links.push(row),
    (row) => pages.push(row),
  );
  inputs.clear();
  await tx.run(queries.get('load/unlink'), {});
  await tx.run(queries.get('load/unpage'), {});
  statements += 2;
  statements += await writeGroup(tx, queries, {
    table: 'Link',
    identity: ['id'],
    query: 'load/link',
    rows: links,
  });
  statements += await writeGroup(tx, queries, {
    table: 'LinkPage',
    identity: ['id'],
    query: 'load/link-page',
    rows: pages,
  });
  return { links: links.length, pages: pages.length, statements };
}

/** Writes derived rows as a load does: in batches, each led by its type-witness row. Returns the statements run. */
export async function writeGroup(
  tx: WriteTransaction,
  queries: QueryRegistry,
  group: WriteGroup,
): Promise<number> {
  let statements = 0;
  if (group.rows.length === 0) return 0;
  for (const rows of batches(group)) {
    await tx.run(queries.get(group.query), { rows });
    statements++;
  }
  return statements;
}
