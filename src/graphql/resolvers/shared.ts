/**
 * Pieces several types share: provenance (`Source`), the `Node` interface,
 * and argument checks for ids.
 */
import type { StoredNode } from '../../store/engine';
import { decodeSource, labelOf, type Label } from '../../store/kinds';
import { BadInputError } from '../../errors';
import type { TypeResolvers } from './types';

export interface SourceValue {
  articleId: string;
  locator: string;
}

/** Stored provenance (`articleId#locator` strings) as Source values. */
export function sourcesOf(stored: unknown): SourceValue[] {
  return Array.isArray(stored) ? stored.map((s) => decodeSource(String(s))) : [];
}

export const Source: TypeResolvers<SourceValue> = {
  article: (s, _args, ctx) => ctx.loaders.node('Article').load(s.articleId),
  locator: (s) => s.locator,
};

export const Node = {
  __resolveType: (node: StoredNode) => node.__label,
};

/** EntityType values by stored label. */
export const ENTITY_TYPES: Readonly<Record<Label, string>> = {
  Edition: 'EDITION',
  Talk: 'TALK',
  Person: 'PERSON',
  Company: 'COMPANY',
  Project: 'PROJECT',
  Article: 'ARTICLE',
  Announcement: 'ANNOUNCEMENT',
  Figure: 'FIGURE',
};

/** Labels by EntityType value. */
export const LABELS_BY_TYPE: Readonly<Record<string, Label>> = Object.fromEntries(
  Object.entries(ENTITY_TYPES).map(([label, type]) => [type, label as Label]),
);

/** What to call a node on screen: whichever of these properties its kind has. */
export const labelText = (node: StoredNode): string =>
  String(node.name ?? node.title ?? node.description ?? node.label ?? node.id);

/** `Node.label` and `Node.type`, merged into every type implementing Node. */
export const nodeFields: TypeResolvers = {
  label: (n) => labelText(n),
  type: (n) => ENTITY_TYPES[n.__label as Label],
};

/** The label an id argument names, or a BAD_USER_INPUT error naming the argument. */
export function labelOfArg(id: string, argument: string): Label {
  const label = labelOf(id);
  if (!label) {
    throw new BadInputError(
      `${argument}: "${id}" is not a recap-graph id (expected kind:slug, e.g. person:matt-klein)`,
      { argument },
    );
  }
  return label;
}

/** Checks that an optional id argument names the expected kind. */
export function expectKind(id: string | null | undefined, label: Label, argument: string): string | null {
  if (id == null) return null;
  if (labelOfArg(id, argument) !== label) {
    throw new BadInputError(`${argument}: "${id}" is not a ${label} id`, { argument });
  }
  return id;
}
