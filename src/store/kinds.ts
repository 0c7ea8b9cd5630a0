/**
 * The kinds of node in the graph and how an id names its kind:
 * `person:matt-klein` is a Person. Shared by the loader, the repository and
 * the GraphQL layer so the mapping lives in one place.
 */
export const KINDS = {
  edition: 'Edition',
  article: 'Article',
  talk: 'Talk',
  person: 'Person',
  company: 'Company',
  project: 'Project',
  announcement: 'Announcement',
  figure: 'Figure',
} as const;

export type KindPrefix = keyof typeof KINDS;

/** The kinds whose nodes carry a search text and index words (src/load/plan/nodes.ts). */
export const SEARCHABLE_KINDS = [
  'edition',
  'article',
  'talk',
  'person',
  'company',
  'project',
  'announcement',
] as const satisfies readonly KindPrefix[];
export type Label = (typeof KINDS)[KindPrefix];

export const ID_PATTERN =
  /^(edition|article|talk|person|company|project|announcement|figure):[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The label an id names, or undefined when the id has no known kind prefix: an
 * own key of KINDS, so neither `constructor:x` (inherited from Object) nor an id
 * without a colon passes.
 */
export function labelOf(id: string): Label | undefined {
  const colon = id.indexOf(':');
  if (colon < 0) return undefined;
  const prefix = id.slice(0, colon);
  return Object.hasOwn(KINDS, prefix) ? KINDS[prefix as KindPrefix] : undefined;
}

/**
 * The properties a node's on-screen name (`Node.label`) is taken from, first
 * present first: each kind has one of them (a talk its title, a figure its label).
 */
export const LABEL_PROPERTIES = ['name', 'title', 'description', 'label'] as const;

/** `articleId#locator`: how provenance is stored on nodes and relationships in both engines. */
export function encodeSource(articleId: string, locator: string): string {
  return `${articleId}#${locator}`;
}

export function decodeSource(stored: string): { articleId: string; locator: string } {
  const at = stored.indexOf('#');
  return at < 0
    ? { articleId: stored, locator: '' }
    : { articleId: stored.slice(0, at), locator: stored.slice(at + 1) };
}

/**
 * The labels each relationship type starts from. Every type joins two
 * different labels, so a step's direction follows from its start label.
 */
export const RELATION_SOURCES: Readonly<Record<string, readonly Label[]>> = {
  AT: ['Talk', 'Announcement', 'Figure'],
  PRESENTED: ['Person', 'Company'],
  AFFILIATED_WITH: ['Person'],
  MENTIONS: ['Talk', 'Article'],
  COVERS: ['Article'],
  PUBLISHED_BY: ['Article'],
  WROTE: ['Person'],
  BACKS: ['Company'],
  ABOUT: ['Announcement'],
  SPONSORED: ['Company'],
};
