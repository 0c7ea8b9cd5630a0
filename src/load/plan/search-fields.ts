/**
 * What each searchable kind is found by, and the search fields derived from
 * it: a folded `searchText`, which the `…Contains` filters and ranking read,
 * and the `searchTokens` both engines' full-text indexes hold
 * (src/search/tokens.ts). Read off a node's own properties, as a load writes
 * them and a store gives them back, so a load (./nodes.ts) and a store
 * written by an earlier version (`refoldSearchTexts`, ../backfill.ts) derive
 * the same fields from the same values.
 */
import type { SEARCHABLE_KINDS } from '../../store/kinds';
import { fold } from '../../text';
import { words } from '../../search/terms';
import { indexTokens } from '../../search/tokens';

export type SearchableKind = (typeof SEARCHABLE_KINDS)[number];
type Part = string | readonly string[] | null | undefined;
type Props = Readonly<Record<string, unknown>>;

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const list = (v: unknown): readonly string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Each searchable kind's searched properties, in the order they join. */
export const SEARCH_SOURCES: Readonly<Record<SearchableKind, (n: Props) => Part[]>> = {
  edition: (e) => [text(e.name), list(e.aliases), text(e.city), e.year == null ? null : String(e.year)],
  company: (c) => [text(c.name), list(c.aliases)],
  project: (p) => [text(p.name), list(p.aliases)],
  person: (p) => [text(p.name), list(p.aliases)],
  article: (a) => [text(a.title), list(a.authors)],
  talk: (t) => [text(t.title), text(t.originalTitle)],
  announcement: (a) => [text(a.description), text(a.version)],
};

/**
 * The folded parts, each followed by its words split as the service splits a
 * query (src/search/terms.ts) where that differs: each engine's analyser
 * tokenises punctuation its own way (Neo4j kept "l'entreprise" and "dagger.io"
 * whole, neither split "software’s"), so such words were found on one engine,
 * or none. The folded form stays for the `…Contains` filters.
 */
function searchText(parts: readonly Part[]): string {
  return parts
    .flat()
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .flatMap((p) => {
      const folded = fold(p);
      const split = words(p).join(' ');
      return split === folded || split === '' ? [folded] : [folded, split];
    })
    .join(' | ');
}

/** A searchable node's search text and the index words derived from it, from its properties. */
export function searchFields(
  kind: SearchableKind,
  node: Props,
): { searchText: string; searchTokens: string } {
  const value = searchText(SEARCH_SOURCES[kind](node));
  return { searchText: value, searchTokens: indexTokens(value) };
}
