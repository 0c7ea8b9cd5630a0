/**
 * Brings a store written by an earlier version up to the current model at
 * start, so upgrading never means reloading: the talks' stored sort keys
 * (./sort-keys.ts) and edition id, the editions' stored counts (cypher/load/edition-stats.cypher)
 * and the link summaries and their pages (./plan/links.ts), which a store created before them lacks
 * (Kuzu adds the empty columns and tables in its schema; Neo4j simply has no
 * such properties or nodes).
 */
import type { Engine } from '../store/engine';
import type { QueryRegistry } from '../store/queries';
import { bumpGraphVersion } from '../store/version';
import { talkSortKeys } from './sort-keys';
import { linkPages } from './plan/links';
import { relink, writeGroup } from './relink';

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
 * them), derived from the relationships it holds (./relink.ts), in one
 * transaction. Returns how many links it wrote; a store whose graph has no
 * company–project fact stays without any, and costs these reads at each start.
 */
export async function linkUnlinkedStore(engine: Engine, queries: QueryRegistry): Promise<number> {
  const [count] = await engine.read(queries.get('link/unpaged'), {});
  if (Number(count?.links ?? 0) > 0) return 0;
  const { links } = await engine.write((tx) => relink(tx, queries));
  if (links > 0) bumpGraphVersion(engine);
  return links;
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
