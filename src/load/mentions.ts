/**
 * Which entities each article names, derived from the fixtures once: every
 * entity a citation of the article supports (a speaker, a credited company, a
 * project a talk discusses, a sponsor…), plus the article's explicit
 * `mentions` for entities no other record cites. The loader writes these as
 * `(Article)-[:MENTIONS {sources}]->(Project|Company|Person)`; the statistics
 * count them per edition.
 */
import type { Citation, Fixtures } from './fixtures';

export interface ArticleMention {
  articleId: string;
  targetId: string;
  /** Paragraph locators in the article, each once, in first-seen order. */
  locators: string[];
}

export function articleMentions(f: Fixtures): ArticleMention[] {
  const byKey = new Map<string, ArticleMention>();
  const add = (articleId: string, targetId: string, locator: string) => {
    const key = `${articleId}\u0000${targetId}`;
    const m = byKey.get(key) ?? { articleId, targetId, locators: [] };
    if (!m.locators.includes(locator)) m.locators.push(locator);
    byKey.set(key, m);
  };
  const cite = (targetId: string, citations: readonly Citation[] | null | undefined) => {
    for (const c of citations ?? []) add(c.article, targetId, c.locator);
  };

  for (const a of f.articles)
    for (const m of a.mentions) for (const l of m.locators) add(a.id, m.targetId, l);
  for (const a of f.affiliations) {
    if (a.companyId === null) continue;
    cite(a.personId, a.sources);
    cite(a.companyId, a.sources);
  }
  for (const t of f.talks) {
    for (const p of t.participants) cite(p.personId, p.sources);
    for (const c of t.companies) cite(c.companyId, c.sources);
    for (const m of t.mentions) cite(m.targetId, m.sources);
  }
  for (const b of f.backs) {
    cite(b.companyId, b.sources);
    cite(b.projectId, b.sources);
  }
  for (const a of f.announcements) {
    for (const p of a.projectIds) cite(p, a.sources);
    for (const c of a.companyIds) cite(c, a.sources);
  }
  for (const s of f.sponsorships) cite(s.companyId, s.sources);
  return [...byKey.values()];
}
