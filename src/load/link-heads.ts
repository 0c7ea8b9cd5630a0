/**
 * The facts of the link matrix's first page, stored: for each link of the
 * all-editions matrix's first LinkPage (./plan/links.ts), its talks with their
 * titles, its announcements and backing, as one JSON text per link
 * (HeadLinkFacts in ../store/link-heads.ts) on a LinkFactsPage node. Written,
 * like the talks' first pages (./heads.ts), by every stamped write from the
 * graph it leaves, under its stamp, and read only while the store's stamp is
 * that one.
 *
 * Why: `companyProjectLinks(first: 20) { … talks { title } }` read its links'
 * facts by id (cypher/link/facts.cypher) and then the talks by id; Kuzu 0.11.3
 * answers either by scanning the whole table (96 and 57 ms at 1000× data,
 * against 3.5 ms for the page of links), where the stored facts are one
 * primary-key lookup.
 */
import type { WriteTransaction } from '../store/engine';
import { projected, type QueryRegistry } from '../store/queries';
import { LINK_HEAD_ID, type HeadLinkFacts } from '../store/link-heads';
import { ALL_EDITIONS, linkId } from './plan/links';
import { linkPageEntries } from '../store/link-pages';

/** The statements storeLinkHead runs: the page of links, their facts, their talks' titles, the write. */
export const LINK_HEAD_STATEMENTS = 4;

const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** Stores the first page's facts of the graph `tx` sees, under `stamp`; returns the statements run. */
export async function storeLinkHead(
  tx: WriteTransaction,
  queries: QueryRegistry,
  stamp: string,
): Promise<number> {
  const [page] = await tx.run(queries.get('analyst/company-project-link-page'), { id: `${ALL_EDITIONS}|0` });
  // A page this version cannot read stores no facts: the links' own are read then (link/facts).
  const entries = linkPageEntries(page?.links) ?? [];
  const ids = entries.map((e) => linkId(ALL_EDITIONS, e.companyId, e.projectId));
  // Kuzu fails on an UNWIND of the null an empty list is sent as, and on an empty IN list.
  const rows = ids.length ? await tx.run(queries.get('link/facts'), { ids }) : [];
  const talkIds = [...new Set(rows.flatMap((row) => texts(row.talks)))];
  const titles = new Map<string, string | null>();
  if (talkIds.length) {
    const query = projected(queries.get('node/talk-fields'), 'n', ['id', 'title']);
    for (const row of await tx.run(query, { ids: talkIds })) {
      const node = row.node as { id: string; title?: unknown };
      titles.set(node.id, typeof node.title === 'string' ? node.title : null);
    }
  }
  const facts = rows.map((row): string => {
    const link: HeadLinkFacts = {
      id: String(row.key),
      // A talk the graph no longer holds is left out, as CompanyProjectLink.talks leaves it.
      talks: texts(row.talks)
        .filter((id) => titles.has(id))
        .map((id) => [id, titles.get(id) ?? null]),
      announcements: texts(row.announcements),
      backing: texts(row.backing),
    };
    return JSON.stringify(link);
  });
  await tx.run(queries.get('load/link-head'), { id: LINK_HEAD_ID, stamp, facts });
  return LINK_HEAD_STATEMENTS;
}
