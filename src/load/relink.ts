/**
 * Company–project link summaries (./plan/links.ts) derived from the graph a
 * store holds rather than from one load's records. A batched load, which
 * merges into whatever the store already holds, ends its transaction with
 * this, so the summaries describe the whole graph it leaves: a second data set
 * loaded on top of a first relates pairs through records of both. A store
 * written before summaries, or before their pages, gets them at start the same
 * way (./backfill.ts).
 *
 * `input/<x>.cypher` reads from the store what `load/<x>` writes, the
 * load's own planLinks turns it into links and pages, and only those that differ
 * from the stored ones are written.
 */
import type { Row, WriteTransaction } from '../store/engine';
import type { QueryRegistry } from '../store/queries';
import { BATCH_ROWS, batches } from './batches';
import { tableColumns } from './columns';
import { LINK_INPUTS, planLinks, type Rows } from './plan/links';
import type { PlanRow, WriteGroup } from './plan';

/** What relink found and did: the graph's links and pages, those of each it wrote, those it deleted, its statements. */
export interface Relinked {
  links: number;
  pages: number;
  linksWritten: number;
  pagesWritten: number;
  deleted: number;
  statements: number;
}

/** The columns load/link and load/link-page write, in a fixed order: what two rows are compared on. */
const LINK_COLUMNS = [
  'scope',
  'companyId',
  'companyName',
  'projectId',
  'projectName',
  'talks',
  'announcements',
  'backing',
  'weight',
  'rank',
];
const PAGE_COLUMNS = ['scope', 'links'];

/**
 * Makes the stored link summaries and pages those of the graph `tx` sees,
 * writing only the rows that differ and deleting those the graph no longer has:
 * a reload of the same data writes none (deleting and writing them all again
 * took a 100× reload on Neo4j from 5 s to 40 s, measured).
 */
export async function relink(
  tx: WriteTransaction,
  queries: QueryRegistry,
  records?: Rows,
): Promise<Relinked> {
  let statements = 0;
  const read = async (name: string): Promise<readonly Row[]> => {
    statements++;
    return tx.run(queries.get(name), {});
  };
  const inputs = new Map<string, readonly PlanRow[]>();
  for (const load of Object.keys(LINK_INPUTS)) {
    // A load that emptied the store in this transaction: its rows are the graph (see recard).
    inputs.set(
      load,
      records ? records(load) : ((await read(load.replace(/^load\//, 'input/'))) as PlanRow[]),
    );
  }
  const links: PlanRow[] = [];
  const pages: PlanRow[] = [];
  planLinks(
    (load) => inputs.get(load) ?? [],
    (row) => links.push(row),
    (row) => pages.push(row),
  );
  inputs.clear();
  const written = { Link: 0, LinkPage: 0 };
  let deleted = 0;
  for (const [rows, stored, columns, table, write, remove] of [
    [links, await read('link/stored'), LINK_COLUMNS, 'Link', 'load/link', 'load/unlink'],
    [pages, await read('link/stored-pages'), PAGE_COLUMNS, 'LinkPage', 'load/link-page', 'load/unpage'],
  ] as const) {
    const { changed, gone } = difference(rows, stored, table, columns);
    statements += await writeGroup(tx, queries, { table, identity: ['id'], query: write, rows: changed });
    for (let i = 0; i < gone.length; i += BATCH_ROWS) {
      // Never an empty list: Kuzu crashes on one.
      await tx.run(queries.get(remove), { ids: gone.slice(i, i + BATCH_ROWS) });
      statements++;
    }
    written[table] += changed.length;
    deleted += gone.length;
  }
  return {
    links: links.length,
    pages: pages.length,
    linksWritten: written.Link,
    pagesWritten: written.LinkPage,
    deleted,
    statements,
  };
}

/**
 * The planned rows of `table` that are new or differ from the stored ones, and
 * the ids stored but not planned. Each row's columns are read once: a link
 * page's text is built when read (./plan/links.ts).
 */
export function difference(
  planned: readonly PlanRow[],
  stored: readonly Row[],
  table: string,
  columns: readonly string[],
): { changed: PlanRow[]; gone: string[] } {
  // Kuzu gives an empty list back as null: both sides compare with [] (list columns as the schema types them).
  const types = new Map(
    tableColumns()
      .get(table)
      ?.columns.map((c) => [c.name, c.type]),
  );
  const lists = new Set(columns.filter((c) => types.get(c) === 'STRING[]'));
  const key = (row: Readonly<Record<string, unknown>>) =>
    JSON.stringify(columns.map((c) => (row[c] == null && lists.has(c) ? [] : (row[c] ?? null))));
  const before = new Map(stored.map((row) => [String(row.id), key(row)]));
  const changed = planned.filter((row) => before.get(String(row.id)) !== key(row));
  const ids = new Set(planned.map((row) => String(row.id)));
  const gone = [...before.keys()].filter((id) => !ids.has(id));
  return { changed, gone };
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
