/**
 * Turns validated fixtures into the write statements of one load: a named
 * `load/*` query and its parameters per node and per relationship.
 *
 * Two kinds of relationship are derived here, once, so that read queries stay
 * simple (and identical in both engines):
 * - `(Company)-[:PRESENTED {via}]->(Talk)`: a company is credited for a talk
 *   when the fixture credits it (`via: credit`) or when a participant was
 *   affiliated with it at the talk's edition (`via: affiliation`);
 * - `(Article)-[:MENTIONS]->(Project|Company|Person)`: an article mentions
 *   every entity a citation of it supports, plus its explicit `mentions`
 *   (see mentions.ts).
 *
 * Every statement is a MERGE on ids, so running a plan twice changes nothing.
 */
import type { ParamValue } from '../store/engine';
import type { Citation, Fixtures } from './fixtures';
import { encodeSource } from '../store/kinds';
import { fold } from '../text';
import { articleMentions } from './mentions';

export interface Statement {
  query: string;
  params: Record<string, ParamValue>;
}

const sourcesOf = (citations: readonly Citation[] | null | undefined): string[] =>
  (citations ?? []).map((c) => encodeSource(c.article, c.locator));

const searchText = (...parts: (string | null | undefined | readonly string[])[]): string =>
  parts
    .flat()
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .map(fold)
    .join(' | ');

/** Accumulates one relationship per (from, to), merging provenance from every fact that implies it. */
class EdgeSet {
  private readonly edges = new Map<
    string,
    { from: string; to: string; sources: Set<string>; tags: Set<string> }
  >();
  add(from: string, to: string, sources: readonly string[], tag?: string): void {
    const key = `${from}\u0000${to}`;
    const edge = this.edges.get(key) ?? { from, to, sources: new Set<string>(), tags: new Set<string>() };
    sources.forEach((s) => edge.sources.add(s));
    if (tag) edge.tags.add(tag);
    this.edges.set(key, edge);
  }
  list(): { from: string; to: string; sources: string[]; tags: string[] }[] {
    return [...this.edges.values()].map((e) => ({ ...e, sources: [...e.sources], tags: [...e.tags].sort() }));
  }
}

const kindOf = (id: string): string => id.slice(0, id.indexOf(':'));

export function planLoad(f: Fixtures): Statement[] {
  const out: Statement[] = [];
  const rel = (
    query: string,
    from: string,
    to: string,
    sources: string[],
    extra: Record<string, ParamValue> = {},
  ) => out.push({ query, params: { from, to, sources, reference: null, ...extra } });
  const refRel = (query: string, from: string, to: string, reference: string) =>
    out.push({ query, params: { from, to, sources: [], reference } });

  for (const e of f.editions) {
    out.push({
      query: 'load/edition',
      params: {
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
        searchText: searchText(e.name, e.aliases, e.city, String(e.year)),
      },
    });
  }
  for (const c of f.companies) {
    out.push({
      query: 'load/company',
      params: {
        id: c.id,
        name: c.name,
        aliases: c.aliases,
        homepage: c.homepage ?? null,
        reference: c.reference ?? null,
        searchText: searchText(c.name, c.aliases),
      },
    });
  }
  for (const p of f.projects) {
    out.push({
      query: 'load/project',
      params: {
        id: p.id,
        name: p.name,
        aliases: p.aliases,
        cncf: p.cncf,
        maturity: p.maturity ?? null,
        homepage: p.homepage ?? null,
        description: p.description ?? null,
        reference: p.reference ?? null,
        searchText: searchText(p.name, p.aliases),
      },
    });
  }
  for (const p of f.people) {
    out.push({
      query: 'load/person',
      params: { id: p.id, name: p.name, aliases: p.aliases, searchText: searchText(p.name, p.aliases) },
    });
  }
  for (const a of f.articles) {
    out.push({
      query: 'load/article',
      params: {
        id: a.id,
        title: a.title,
        language: a.language,
        authors: a.authors,
        url: a.url ?? null,
        publishedOn: a.publishedOn ?? null,
        covers: a.covers ?? null,
        series: a.series ?? null,
        seed: a.seed,
        searchText: searchText(a.title, a.authors),
      },
    });
  }
  for (const t of f.talks) {
    out.push({
      query: 'load/talk',
      params: {
        id: t.id,
        title: t.title,
        originalTitle: t.originalTitle ?? null,
        kind: t.kind,
        day: t.day ?? null,
        colocatedEvent: t.colocatedEvent ?? null,
        summary: t.summary ?? null,
        sources: sourcesOf(t.sources),
        searchText: searchText(t.title, t.originalTitle),
      },
    });
  }
  for (const a of f.announcements) {
    out.push({
      query: 'load/announcement',
      params: {
        id: a.id,
        kind: a.kind,
        description: a.description,
        maturity: a.maturity ?? null,
        version: a.version ?? null,
        sources: sourcesOf(a.sources),
        searchText: searchText(a.description, a.version),
      },
    });
  }
  for (const x of f.figures) {
    out.push({
      query: 'load/figure',
      params: {
        id: x.id,
        label: x.label,
        value: x.value,
        unit: x.unit ?? null,
        sources: sourcesOf(x.sources),
      },
    });
  }

  for (const a of f.articles) {
    refRel('load/article-covers', a.id, a.editionId, 'article metadata');
    refRel('load/article-published-by', a.id, a.publisherId, 'article metadata');
    for (const person of a.personIds) refRel('load/person-wrote', person, a.id, 'article byline');
  }

  const editionOfTalk = new Map(f.talks.map((t) => [t.id, t.editionId]));
  const affiliationsAt = new Map<string, { companyId: string; sources: string[] }[]>();
  for (const a of f.affiliations) {
    if (a.companyId === null) continue;
    rel('load/affiliated-with', a.personId, a.companyId, sourcesOf(a.sources), {
      editionId: a.editionId,
      jobTitle: a.jobTitle ?? null,
    });
    const key = `${a.personId}@${a.editionId}`;
    affiliationsAt.set(key, [
      ...(affiliationsAt.get(key) ?? []),
      { companyId: a.companyId, sources: sourcesOf(a.sources) },
    ]);
  }

  const credits = new EdgeSet();
  for (const t of f.talks) {
    rel('load/talk-at', t.id, t.editionId, sourcesOf(t.sources));
    for (const p of t.participants) {
      rel('load/person-presented', p.personId, t.id, sourcesOf(p.sources), { role: p.role });
      for (const a of affiliationsAt.get(`${p.personId}@${editionOfTalk.get(t.id)}`) ?? []) {
        credits.add(a.companyId, t.id, [...sourcesOf(p.sources), ...a.sources], 'affiliation');
      }
    }
    for (const c of t.companies) {
      credits.add(c.companyId, t.id, sourcesOf(c.sources), 'credit');
    }
    for (const m of t.mentions) {
      rel(`load/talk-mentions-${kindOf(m.targetId)}`, t.id, m.targetId, sourcesOf(m.sources));
    }
  }
  for (const c of credits.list()) {
    rel('load/company-presented', c.from, c.to, c.sources, { via: c.tags.join(',') });
  }

  for (const b of f.backs) {
    out.push({
      query: 'load/backs',
      params: {
        from: b.companyId,
        to: b.projectId,
        kind: b.kind,
        sources: sourcesOf(b.sources),
        reference: b.reference ?? null,
      },
    });
  }
  for (const a of f.announcements) {
    rel('load/announcement-at', a.id, a.editionId, sourcesOf(a.sources));
    for (const p of a.projectIds) {
      rel('load/announcement-about-project', a.id, p, sourcesOf(a.sources));
    }
    for (const c of a.companyIds) {
      rel('load/announcement-about-company', a.id, c, sourcesOf(a.sources));
    }
  }
  for (const x of f.figures) rel('load/figure-at', x.id, x.editionId, sourcesOf(x.sources));

  for (const s of f.sponsorships) {
    out.push({
      query: 'load/sponsored',
      params: {
        from: s.companyId,
        to: s.editionId,
        tier: s.tier ?? null,
        booth: s.booth ?? null,
        sources: sourcesOf(s.sources),
        reference: s.reference ?? null,
      },
    });
  }

  for (const m of articleMentions(f)) {
    const sources = m.locators.map((locator) => encodeSource(m.articleId, locator));
    rel(`load/article-mentions-${kindOf(m.targetId)}`, m.articleId, m.targetId, sources);
  }
  return out;
}
