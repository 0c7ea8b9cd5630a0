/**
 * Relationship rows of a load, one function per fixture file that implies
 * them. Two kinds are derived here, once, so that read queries stay simple
 * (and identical in both engines):
 * - `(Company)-[:PRESENTED {via}]->(Talk)`: a company is credited for a talk
 *   when the fixture credits it (`via: credit`) or when a participant was
 *   affiliated with it at the talk's edition (`via: affiliation`);
 * - `(Article)-[:MENTIONS]->(Project|Company|Person)`: an article mentions
 *   every entity a citation of it supports, plus its explicit `mentions`
 *   (see ../mentions.ts).
 */
import type { ParamScalar } from '../../store/engine';
import type { Fixtures } from '../fixtures';
import { articleMentions } from '../mentions';
import { encodeSource } from '../../store/kinds';
import type { Producer } from './index';
import { sourcesOf } from './nodes';

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

/** What the per-kind functions share: the row writers. */
interface Context {
  rel(query: string, from: string, to: string, sources: string[], extra?: Record<string, ParamScalar>): void;
  refRel(query: string, from: string, to: string, reference: string): void;
}

function articles(f: Fixtures, c: Context): void {
  for (const a of f.articles) {
    c.refRel('load/article-covers', a.id, a.editionId, 'article metadata');
    c.refRel('load/article-published-by', a.id, a.publisherId, 'article metadata');
    for (const person of a.personIds) c.refRel('load/person-wrote', person, a.id, 'article byline');
  }
}

function affiliations(f: Fixtures, c: Context): void {
  for (const a of f.affiliations) {
    if (a.companyId === null) continue;
    c.rel('load/affiliated-with', a.personId, a.companyId, sourcesOf(a.sources), {
      editionId: a.editionId,
      jobTitle: a.jobTitle ?? null,
    });
  }
}

function talks(f: Fixtures, c: Context): void {
  for (const t of f.talks) {
    c.rel('load/talk-at', t.id, t.editionId, sourcesOf(t.sources));
    for (const p of t.participants) {
      c.rel('load/person-presented', p.personId, t.id, sourcesOf(p.sources), { role: p.role });
    }
    for (const m of t.mentions) {
      c.rel(`load/talk-mentions-${kindOf(m.targetId)}`, t.id, m.targetId, sourcesOf(m.sources));
    }
  }
}

/** The companies credited for each talk: by the fixture, or through a speaker's affiliation at its edition. */
function credits(f: Fixtures, c: Context): void {
  const affiliationsAt = new Map<string, { companyId: string; sources: string[] }[]>();
  for (const a of f.affiliations) {
    if (a.companyId === null) continue;
    const key = `${a.personId}@${a.editionId}`;
    affiliationsAt.set(key, [
      ...(affiliationsAt.get(key) ?? []),
      { companyId: a.companyId, sources: sourcesOf(a.sources) },
    ]);
  }
  const credited = new EdgeSet();
  for (const t of f.talks) {
    for (const p of t.participants) {
      for (const a of affiliationsAt.get(`${p.personId}@${t.editionId}`) ?? []) {
        credited.add(a.companyId, t.id, [...sourcesOf(p.sources), ...a.sources], 'affiliation');
      }
    }
    for (const co of t.companies) {
      credited.add(co.companyId, t.id, sourcesOf(co.sources), 'credit');
    }
  }
  for (const cr of credited.list()) {
    c.rel('load/company-presented', cr.from, cr.to, cr.sources, { via: cr.tags.join(',') });
  }
}

function backs(f: Fixtures, c: Context): void {
  for (const b of f.backs) {
    c.rel('load/backs', b.companyId, b.projectId, sourcesOf(b.sources), {
      kind: b.kind,
      reference: b.reference ?? null,
    });
  }
}

function announcements(f: Fixtures, c: Context): void {
  for (const a of f.announcements) {
    c.rel('load/announcement-at', a.id, a.editionId, sourcesOf(a.sources));
    for (const p of a.projectIds) {
      c.rel('load/announcement-about-project', a.id, p, sourcesOf(a.sources));
    }
    for (const co of a.companyIds) {
      c.rel('load/announcement-about-company', a.id, co, sourcesOf(a.sources));
    }
  }
}

function figures(f: Fixtures, c: Context): void {
  for (const x of f.figures) c.rel('load/figure-at', x.id, x.editionId, sourcesOf(x.sources));
}

function sponsorships(f: Fixtures, c: Context): void {
  for (const s of f.sponsorships) {
    c.rel('load/sponsored', s.companyId, s.editionId, sourcesOf(s.sources), {
      tier: s.tier ?? null,
      booth: s.booth ?? null,
      reference: s.reference ?? null,
    });
  }
}

function mentions(f: Fixtures, c: Context): void {
  for (const m of articleMentions(f)) {
    const sources = m.locators.map((locator) => encodeSource(m.articleId, locator));
    c.rel(`load/article-mentions-${kindOf(m.targetId)}`, m.articleId, m.targetId, sources);
  }
}

/** A producer from a function of the row writers. */
const producer =
  (write: (f: Fixtures, c: Context) => void): Producer =>
  (f, add) =>
    write(f, {
      rel: (query, from, to, sources, extra = {}) =>
        add(query, { from, to, sources, reference: null, ...extra }),
      refRel: (query, from, to, reference) => add(query, { from, to, sources: [], reference }),
    });

/** One producer per fixture file that implies relationships, or per derived relationship: each one's rows are all alive at once. */
export const RELATIONSHIP_PRODUCERS: readonly Producer[] = [
  producer(articles),
  producer(affiliations),
  producer(talks),
  producer(credits),
  producer(backs),
  producer(announcements),
  producer(figures),
  producer(sponsorships),
  producer(mentions),
];
