/**
 * Node rows of a load, one function per record kind. Every searchable node
 * also carries the search fields derived from its own properties
 * (./search-fields.ts).
 */
import type { Citation, Fixtures } from '../fixtures';
import { encodeSource } from '../../store/kinds';
import type { AddRow, PlanRow, Producer } from './index';
import { talkSortKeys } from '../sort-keys';
import { searchFields, type SearchableKind } from './search-fields';

/** A node row with the search fields its own properties give it. */
const searchable = (kind: SearchableKind, row: PlanRow): PlanRow => ({ ...row, ...searchFields(kind, row) });

export const sourcesOf = (citations: readonly Citation[] | null | undefined): string[] =>
  (citations ?? []).map((c) => encodeSource(c.article, c.locator));

function editions(f: Fixtures, add: AddRow): void {
  for (const e of f.editions) {
    add(
      'load/edition',
      searchable('edition', {
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
      }),
    );
  }
}

function companies(f: Fixtures, add: AddRow): void {
  for (const c of f.companies) {
    add(
      'load/company',
      searchable('company', {
        id: c.id,
        name: c.name,
        aliases: c.aliases,
        homepage: c.homepage ?? null,
        reference: c.reference ?? null,
      }),
    );
  }
}

function projects(f: Fixtures, add: AddRow): void {
  for (const p of f.projects) {
    add(
      'load/project',
      searchable('project', {
        id: p.id,
        name: p.name,
        aliases: p.aliases,
        cncf: p.cncf,
        maturity: p.maturity ?? null,
        homepage: p.homepage ?? null,
        description: p.description ?? null,
        reference: p.reference ?? null,
      }),
    );
  }
}

function people(f: Fixtures, add: AddRow): void {
  for (const p of f.people) {
    add(
      'load/person',
      searchable('person', {
        id: p.id,
        name: p.name,
        aliases: p.aliases,
      }),
    );
  }
}

function articles(f: Fixtures, add: AddRow): void {
  for (const a of f.articles) {
    add(
      'load/article',
      searchable('article', {
        id: a.id,
        title: a.title,
        language: a.language,
        authors: a.authors,
        url: a.url ?? null,
        publishedOn: a.publishedOn ?? null,
        covers: a.covers ?? null,
        series: a.series ?? null,
        seed: a.seed,
      }),
    );
  }
}

function talks(f: Fixtures, add: AddRow): void {
  const editionsById = new Map(f.editions.map((e) => [e.id, e]));
  for (const t of f.talks) {
    // Validation has checked that every talk's edition exists.
    const edition = editionsById.get(t.editionId)!;
    add(
      'load/talk',
      searchable('talk', {
        id: t.id,
        title: t.title,
        originalTitle: t.originalTitle ?? null,
        kind: t.kind,
        day: t.day ?? null,
        colocatedEvent: t.colocatedEvent ?? null,
        summary: t.summary ?? null,
        sources: sourcesOf(t.sources),
        ...talkSortKeys(t, edition),
        editionId: t.editionId,
      }),
    );
  }
}

function announcements(f: Fixtures, add: AddRow): void {
  for (const a of f.announcements) {
    add(
      'load/announcement',
      searchable('announcement', {
        id: a.id,
        kind: a.kind,
        description: a.description,
        maturity: a.maturity ?? null,
        version: a.version ?? null,
        sources: sourcesOf(a.sources),
      }),
    );
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

/** The talks' producer, which a load into an empty store runs last (./index.ts, ./cards.ts). */
export const TALK_PRODUCER: Producer = talks;

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
