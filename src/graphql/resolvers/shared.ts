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
