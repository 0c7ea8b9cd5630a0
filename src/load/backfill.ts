/**
 * Brings a store written by an earlier version up to the current model at
 * start, so upgrading never means reloading: the talks' stored sort keys
 * (./sort-keys.ts) and edition id, the editions' stored counts (cypher/load/edition-stats.cypher)
 * and the link summaries and their pages (./plan/links.ts), which a store created before them lacks
 * (Kuzu adds the empty columns and tables in its schema; Neo4j simply has no
 * such properties or nodes).
 */
import type { Engine, WriteTransaction } from '../store/engine';
import type { QueryRegistry } from '../store/queries';
import { bumpGraphVersion } from '../store/version';
import { talkSortKeys } from './sort-keys';
import { batches } from './load';
import { LINK_INPUTS, linkPages, planLinks } from './plan/links';
import type { PlanRow, WriteGroup } from './plan';

/** Keys every talk stored without sort keys or edition id, in one write; returns how many it keyed. */
export async function keyUnkeyedTalks(engine: Engine, queries: QueryRegistry): Promise<number> {
  const rows = await engine.read(queries.get('talk/unkeyed'), {});
  if (rows.length === 0) return 0;
  const keyed = rows.map((r) => ({
    id: String(r.id),
    editionId: String(r.editionId),
    ...talkSortKeys(
      { id: String(r.id), title: String(r.title), day: r.day == null ? null : String(r.day) },
      { id: String(r.editionId), year: Number(r.year) },
    ),
  }));
  await engine.write((tx) =>
    writeGroup(tx, queries, { table: 'Talk', identity: ['id'], query: 'load/talk-sort-keys', rows: keyed }),
  );
  bumpGraphVersion(engine);
  return rows.length;
}

/** Stores the editions' counts when some edition lacks them; true when it did. */
export async function countUncountedEditions(engine: Engine, queries: QueryRegistry): Promise<boolean> {
  const [row] = await engine.read(queries.get('edition/uncounted'), {});
  if (Number(row?.count ?? 0) === 0) return false;
  await engine.write((tx) => tx.run(queries.get('load/edition-stats'), {}));
  bumpGraphVersion(engine);
  return true;
}

/**
 * Stores the link summaries and their pages when the store has none (written
 * before them: companyProjectLinks, Project.companies and Company.projects read
 * them), derived by planLinks from the relationships the store holds, as a load
 * derives them from its records (link/input/<x> reads what load/<x> wrote), in
 * one transaction. Returns how many links it wrote; a store whose graph has no
 * company–project fact stays without any, and costs these reads at each start.
 */
export async function linkUnlinkedStore(engine: Engine, queries: QueryRegistry): Promise<number> {
  const [count] = await engine.read(queries.get('link/unpaged'), {});
  if (Number(count?.links ?? 0) > 0) return 0;
  const inputs = new Map<string, readonly PlanRow[]>();
  for (const load of Object.keys(LINK_INPUTS)) {
    const rows = await engine.read(queries.get(load.replace(/^load\//, 'link/input/')), {});
    inputs.set(load, rows as PlanRow[]);
  }
  const links: PlanRow[] = [];
  const pages: PlanRow[] = [];
  planLinks(
    (load) => inputs.get(load) ?? [],
    (row) => links.push(row),
    (row) => pages.push(row),
  );
  if (links.length === 0) return 0;
  await engine.write(async (tx) => {
    await writeGroup(tx, queries, { table: 'Link', identity: ['id'], query: 'load/link', rows: links });
    await writeGroup(tx, queries, {
      table: 'LinkPage',
      identity: ['id'],
      query: 'load/link-page',
      rows: pages,
    });
  });
  bumpGraphVersion(engine);
  return links.length;
}

/** Writes derived rows as a load does: in batches, each led by its type-witness row. */
async function writeGroup(tx: WriteTransaction, queries: QueryRegistry, group: WriteGroup): Promise<void> {
  for (const rows of batches(group)) await tx.run(queries.get(group.query), { rows });
}

/** Stores the link pages when the store has links but no page; returns how many pages it wrote. */
export async function pageUnpagedLinks(engine: Engine, queries: QueryRegistry): Promise<number> {
  const [count] = await engine.read(queries.get('link/unpaged'), {});
  if (Number(count?.links ?? 0) === 0 || Number(count?.pages ?? 0) > 0) return 0;
  const pages = linkPages(
    (await engine.read(queries.get('link/ranked'), {})).map((r) => ({
      scope: String(r.scope),
      rank: Number(r.rank),
      companyId: String(r.companyId),
      companyName: String(r.companyName),
      projectId: String(r.projectId),
      projectName: String(r.projectName),
      weight: Number(r.weight),
    })),
  );
  await engine.write((tx) =>
    writeGroup(tx, queries, { table: 'LinkPage', identity: ['id'], query: 'load/link-page', rows: pages }),
  );
  bumpGraphVersion(engine);
  return pages.length;
}
