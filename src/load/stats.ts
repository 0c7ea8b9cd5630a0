/**
 * Coverage of the curated fixtures, edition by edition: how much the graph
 * knows about each KubeCon, computed from validated fixtures alone (no store).
 *
 * What each column counts:
 * - talks: talks held at the edition;
 * - people: distinct people taking part in those talks, in any role
 *   (speaker, panelist, moderator, host);
 * - companies: distinct companies that gave one of those talks (credited
 *   explicitly, or employing a participant at that edition, as the loader's
 *   PRESENTED relationship does) or that are party to one of its announcements;
 *   a company only mentioned in a talk is not counted;
 * - projects: distinct projects a talk mentions or an announcement concerns;
 * - announcements, figures: records attached to the edition;
 * - sponsors: companies that sponsored or exhibited there (sponsorships.json);
 * - mentions: distinct projects, companies and people that the edition's
 *   recaps name anywhere (the loader's article MENTIONS, see mentions.ts);
 * - offStage: of those, the projects and companies not counted on stage above
 *   (what `Edition.projects/companies(scope: COVERAGE)` returns).
 * The total row adds up talks, announcements, figures and sponsorships, and
 * counts people, companies, projects and mentioned entities once however many
 * editions they appear in.
 */
import type { Fixtures } from './fixtures';
import { articleMentions } from './mentions';

export interface Counts {
  talks: number;
  people: number;
  companies: number;
  projects: number;
  announcements: number;
  figures: number;
  sponsors: number;
  mentions: number;
  offStage: number;
}

export interface EditionStats extends Counts {
  editionId: string;
  name: string;
  year: number;
}

export interface StatsTable {
  /** One row per edition, oldest first. */
  rows: EditionStats[];
  total: Counts;
}

interface Sets {
  talks: number;
  people: Set<string>;
  companies: Set<string>;
  projects: Set<string>;
  announcements: number;
  figures: number;
  sponsors: number;
  mentions: Set<string>;
  offStage: Set<string>;
}

const emptySets = (): Sets => ({
  talks: 0,
  people: new Set(),
  companies: new Set(),
  projects: new Set(),
  announcements: 0,
  figures: 0,
  sponsors: 0,
  mentions: new Set(),
  offStage: new Set(),
});

const countsOf = (s: Sets): Counts => ({
  talks: s.talks,
  people: s.people.size,
  companies: s.companies.size,
  projects: s.projects.size,
  announcements: s.announcements,
  figures: s.figures,
  sponsors: s.sponsors,
  mentions: s.mentions.size,
  offStage: s.offStage.size,
});

export function editionStats(f: Fixtures): StatsTable {
  const perEdition = new Map(f.editions.map((e) => [e.id, emptySets()]));
  const total = emptySets();
  // Records are validated, so every editionId names an edition; the fallback only keeps the types honest.
  const at = (editionId: string): Sets => perEdition.get(editionId) ?? emptySets();
  const add = (editionId: string, key: 'people' | 'companies' | 'projects', id: string) => {
    at(editionId)[key].add(id);
    total[key].add(id);
  };
  const isProject = (id: string) => id.startsWith('project:');

  const employers = new Map<string, string[]>();
  for (const a of f.affiliations) {
    if (a.companyId === null) continue;
    const key = `${a.personId}@${a.editionId}`;
    employers.set(key, [...(employers.get(key) ?? []), a.companyId]);
  }

  for (const t of f.talks) {
    at(t.editionId).talks++;
    total.talks++;
    for (const p of t.participants) {
      add(t.editionId, 'people', p.personId);
      for (const c of employers.get(`${p.personId}@${t.editionId}`) ?? []) add(t.editionId, 'companies', c);
    }
    for (const c of t.companies) add(t.editionId, 'companies', c.companyId);
    for (const m of t.mentions) if (isProject(m.targetId)) add(t.editionId, 'projects', m.targetId);
  }
  for (const a of f.announcements) {
    at(a.editionId).announcements++;
    total.announcements++;
    for (const p of a.projectIds) add(a.editionId, 'projects', p);
    for (const c of a.companyIds) add(a.editionId, 'companies', c);
  }
  for (const x of f.figures) {
    at(x.editionId).figures++;
    total.figures++;
  }
  for (const x of f.sponsorships) {
    at(x.editionId).sponsors++;
    total.sponsors++;
  }
  // Coverage: what each edition's recaps name, and which of it was not on stage there.
  const coveredBy = new Map(f.articles.map((a) => [a.id, a.editionId]));
  for (const m of articleMentions(f)) {
    const editionId = coveredBy.get(m.articleId);
    if (editionId === undefined) continue;
    const sets = at(editionId);
    sets.mentions.add(m.targetId);
    total.mentions.add(m.targetId);
  }
  for (const sets of perEdition.values()) {
    for (const id of sets.mentions) {
      if (id.startsWith('person:') || sets.projects.has(id) || sets.companies.has(id)) continue;
      sets.offStage.add(id);
      total.offStage.add(id);
    }
  }

  const rows = [...f.editions]
    .sort(
      (a, b) =>
        a.year - b.year || (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.id.localeCompare(b.id),
    )
    .map((e) => ({ editionId: e.id, name: e.name, year: e.year, ...countsOf(at(e.id)) }));
  return { rows, total: countsOf(total) };
}

const COLUMNS: (keyof Counts)[] = [
  'talks',
  'people',
  'companies',
  'projects',
  'announcements',
  'figures',
  'sponsors',
  'mentions',
  'offStage',
];

/** The table as aligned text: editions left-aligned by id, numbers right-aligned, a total row last. */
export function formatStatsTable(table: StatsTable): string {
  const header = ['edition', ...COLUMNS];
  const body = table.rows.map((r) => [
    r.editionId.replace(/^edition:/, ''),
    ...COLUMNS.map((c) => String(r[c])),
  ]);
  const total = ['total', ...COLUMNS.map((c) => String(table.total[c]))];
  const widths = header.map((_, i) =>
    Math.max(...[header, ...body, total].map((cells) => (cells[i] ?? '').length)),
  );
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [render(header), rule, ...body.map(render), rule, render(total)].join('\n');
}
