/**
 * Node rows of a load, one function per record kind. Every searchable node
 * carries a folded `searchText`, which the `…Contains` filters and ranking
 * read, and the `searchTokens` both engines' full-text indexes hold
 * (src/search/tokens.ts).
 */
import type { Citation, Fixtures } from '../fixtures';
import { encodeSource } from '../../store/kinds';
import { fold } from '../../text';
import { words } from '../../search/terms';
import { indexTokens } from '../../search/tokens';
import type { AddRow, Producer } from './index';
import { talkSortKeys } from '../sort-keys';

export const sourcesOf = (citations: readonly Citation[] | null | undefined): string[] =>
  (citations ?? []).map((c) => encodeSource(c.article, c.locator));

/**
 * The folded parts, each followed by its words split as the service splits a
 * query (src/search/terms.ts) where that differs: each engine's analyser
 * tokenises punctuation its own way (Neo4j kept "l'entreprise" and "dagger.io"
 * whole, neither split "software’s"), so such words were found on one engine,
 * or none. The folded form stays for the `…Contains` filters.
 */
const searchText = (...parts: (string | null | undefined | readonly string[])[]): string =>
  parts
    .flat()
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .flatMap((p) => {
      const folded = fold(p);
      const split = words(p).join(' ');
      return split === folded || split === '' ? [folded] : [folded, split];
    })
    .join(' | ');

/** A searchable node's search text and the index words derived from it. */
function searchFields(...parts: Parameters<typeof searchText>): { searchText: string; searchTokens: string } {
  const text = searchText(...parts);
  return { searchText: text, searchTokens: indexTokens(text) };
}

function editions(f: Fixtures, add: AddRow): void {
  for (const e of f.editions) {
    add('load/edition', {
      id: e.id,
      name: e.name,
      aliases: e.aliases,
      year: e.year,
      region: e.region,
      format: e.format,
      city: e.city ?? null,
      country: e.country ?? null,
      startDate: e.startDate ?? null,
      endDate: e.endDate ?? null,
      attendees: e.attendees ?? null,
      sources: sourcesOf(e.sources),
      reference: e.reference ?? null,
      ...searchFields(e.name, e.aliases, e.city, String(e.year)),
    });
  }
}

function companies(f: Fixtures, add: AddRow): void {
  for (const c of f.companies) {
    add('load/company', {
      id: c.id,
      name: c.name,
      aliases: c.aliases,
      homepage: c.homepage ?? null,
      reference: c.reference ?? null,
      ...searchFields(c.name, c.aliases),
    });
  }
}

function projects(f: Fixtures, add: AddRow): void {
  for (const p of f.projects) {
    add('load/project', {
      id: p.id,
      name: p.name,
      aliases: p.aliases,
      cncf: p.cncf,
      maturity: p.maturity ?? null,
      homepage: p.homepage ?? null,
      description: p.description ?? null,
      reference: p.reference ?? null,
      ...searchFields(p.name, p.aliases),
    });
  }
}

function people(f: Fixtures, add: AddRow): void {
  for (const p of f.people) {
    add('load/person', {
      id: p.id,
      name: p.name,
      aliases: p.aliases,
      ...searchFields(p.name, p.aliases),
    });
  }
}

function articles(f: Fixtures, add: AddRow): void {
  for (const a of f.articles) {
    add('load/article', {
      id: a.id,
      title: a.title,
      language: a.language,
      authors: a.authors,
      url: a.url ?? null,
      publishedOn: a.publishedOn ?? null,
      covers: a.covers ?? null,
      series: a.series ?? null,
      seed: a.seed,
      ...searchFields(a.title, a.authors),
    });
  }
}

function talks(f: Fixtures, add: AddRow): void {
  const editionsById = new Map(f.editions.map((e) => [e.id, e]));
  for (const t of f.talks) {
    // Validation has checked that every talk's edition exists.
    const edition = editionsById.get(t.editionId)!;
    add('load/talk', {
      id: t.id,
      title: t.title,
      originalTitle: t.originalTitle ?? null,
      kind: t.kind,
      day: t.day ?? null,
      colocatedEvent: t.colocatedEvent ?? null,
      summary: t.summary ?? null,
      sources: sourcesOf(t.sources),
      ...searchFields(t.title, t.originalTitle),
      ...talkSortKeys(t, edition),
      editionId: t.editionId,
    });
  }
}

function announcements(f: Fixtures, add: AddRow): void {
  for (const a of f.announcements) {
    add('load/announcement', {
      id: a.id,
      kind: a.kind,
      description: a.description,
      maturity: a.maturity ?? null,
      version: a.version ?? null,
      sources: sourcesOf(a.sources),
      ...searchFields(a.description, a.version),
    });
  }
}

function figures(f: Fixtures, add: AddRow): void {
  for (const x of f.figures) {
    add('load/figure', {
      id: x.id,
      label: x.label,
      // As a string, cast back in the query: see DOUBLE in ../columns.ts.
      value: String(x.value),
      unit: x.unit ?? null,
      sources: sourcesOf(x.sources),
    });
  }
}

/** One producer per node table, in the order they are written. */
export const NODE_PRODUCERS: readonly Producer[] = [
  editions,
  companies,
  projects,
  people,
  articles,
  talks,
  announcements,
  figures,
];
