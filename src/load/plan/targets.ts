/**
 * Where each `load/*` query writes: the table (node label or relationship
 * type), the labels a relationship joins, and the row properties its MERGE
 * matches on. Listed nodes first, then relationships: the order a load runs.
 */
export interface LoadTarget {
  readonly table: string;
  readonly from?: string;
  readonly to?: string;
  /** Row properties that identify one record (the MERGE pattern's properties). */
  readonly identity: readonly string[];
}

const node = (table: string): LoadTarget => ({ table, identity: ['id'] });
const rel = (table: string, from: string, to: string, ...extra: string[]): LoadTarget => ({
  table,
  from,
  to,
  identity: ['from', 'to', ...extra],
});

export const LOAD_TARGETS: Readonly<Record<string, LoadTarget>> = {
  'load/edition': node('Edition'),
  'load/company': node('Company'),
  'load/project': node('Project'),
  'load/person': node('Person'),
  'load/article': node('Article'),
  'load/talk': node('Talk'),
  'load/announcement': node('Announcement'),
  'load/figure': node('Figure'),
  'load/article-covers': rel('COVERS', 'Article', 'Edition'),
  'load/article-published-by': rel('PUBLISHED_BY', 'Article', 'Company'),
  'load/person-wrote': rel('WROTE', 'Person', 'Article'),
  'load/affiliated-with': rel('AFFILIATED_WITH', 'Person', 'Company', 'editionId'),
  'load/talk-at': rel('AT', 'Talk', 'Edition'),
  'load/person-presented': rel('PRESENTED', 'Person', 'Talk'),
  'load/company-presented': rel('PRESENTED', 'Company', 'Talk'),
  'load/talk-mentions-project': rel('MENTIONS', 'Talk', 'Project'),
  'load/talk-mentions-company': rel('MENTIONS', 'Talk', 'Company'),
  'load/backs': rel('BACKS', 'Company', 'Project', 'kind'),
  'load/announcement-at': rel('AT', 'Announcement', 'Edition'),
  'load/announcement-about-project': rel('ABOUT', 'Announcement', 'Project'),
  'load/announcement-about-company': rel('ABOUT', 'Announcement', 'Company'),
  'load/figure-at': rel('AT', 'Figure', 'Edition'),
  'load/article-mentions-project': rel('MENTIONS', 'Article', 'Project'),
  'load/article-mentions-company': rel('MENTIONS', 'Article', 'Company'),
  'load/article-mentions-person': rel('MENTIONS', 'Article', 'Person'),
  'load/sponsored': rel('SPONSORED', 'Company', 'Edition'),
  'load/link': node('Link'),
  'load/link-page': node('LinkPage'),
};
