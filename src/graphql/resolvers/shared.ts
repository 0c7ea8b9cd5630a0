/**
 * Pieces several types share: provenance (`Source`), the `Node` interface,
 * and argument checks for ids.
 */
import type { StoredNode } from '../../store/engine';
import { decodeSource, LABEL_PROPERTIES, labelOf, type Label } from '../../store/kinds';
import { BadInputError, clipped } from '../../errors';
import type { EntityType, NodeResolvers, SourceResolvers } from '../generated/types';
import type { SourceValue } from '../values';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { NAMED_FIELDS, selectsOnly } from '../lookahead';
import { NAME_QUERIES, type NameQuery, type RelationQuery } from '../../store/query-names';

export type { SourceValue };

/**
 * A `LIMIT` that keeps every row (the largest GraphQL Int): what a list with no
 * cut of its own asks, and what the edition-stats export asks, whatever the GraphQL bound.
 */
export const EVERY_ROW = 2 ** 31 - 1;

/** An integer argument within its bounds, or BAD_USER_INPUT naming it. */
export function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadInputError(`${name} must be between ${min} and ${max} (got ${value})`, { argument: name });
  }
  return value;
}

/** Stored provenance (`articleId#locator` strings) as Source values. */
export function sourcesOf(stored: unknown): SourceValue[] {
  return Array.isArray(stored) ? stored.map((s) => decodeSource(String(s))) : [];
}

/** A stored property that the schema exposes as a nullable String. */
export function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * A to-one relationship the schema declares non-null (Talk.edition…): the
 * loader guarantees it, so a missing one is a data fault, reported as such
 * (masked as INTERNAL_SERVER_ERROR) rather than as a bare null.
 */
export function required(node: StoredNode | null, parent: StoredNode, field: string): StoredNode {
  if (!node) throw new Error(`${parent.id} has no ${field}`);
  return node;
}

/**
 * A list field's related nodes: id-and-name stubs from the relation's names
 * query (NAME_QUERIES) when the field asks only what those answer, whole nodes
 * otherwise.
 */
export function relatedList(
  ctx: Context,
  info: GraphQLResolveInfo | undefined,
  name: RelationQuery,
  id: string,
): Promise<StoredNode[]> {
  const names = (NAME_QUERIES as Partial<Record<RelationQuery, NameQuery>>)[name];
  return names && selectsOnly(info, NAMED_FIELDS)
    ? ctx.loaders.names(names).load(id)
    : ctx.loaders.relatedNodes(name, id);
}

export const Source: SourceResolvers = {
  article: async (s, _args, ctx) => {
    const article = await ctx.loaders.node('Article').load(s.articleId);
    if (!article) throw new Error(`source cites a missing article ${s.articleId}`);
    return article;
  },
  locator: (s) => s.locator,
};

export const Node: NodeResolvers = {
  __resolveType: (node) => labelOf(node.id) ?? null,
};

/** EntityType values by stored label. */
export const ENTITY_TYPES: Readonly<Record<Label, EntityType>> = {
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

/** What to call a node on screen: the first of LABEL_PROPERTIES its kind has, else its id. */
export function labelText(node: StoredNode): string {
  for (const property of LABEL_PROPERTIES) if (node[property] != null) return String(node[property]);
  return node.id;
}

/** `Node.label` and `Node.type`, merged into every type implementing Node. */
export const nodeFields = {
  label: (n: StoredNode): string => labelText(n),
  type: (n: StoredNode): EntityType => ENTITY_TYPES[labelOf(n.id)!],
};

/** The label an id argument names, or a BAD_USER_INPUT error naming the argument. */
export function labelOfArg(id: string, argument: string): Label {
  const label = labelOf(id);
  if (!label) {
    throw new BadInputError(
      `${argument}: "${clipped(id)}" is not a recap-graph id (expected kind:slug, e.g. person:matt-klein)`,
      { argument },
    );
  }
  return label;
}

/** Checks that an optional id argument names the expected kind. */
export function expectKind(id: string | null | undefined, label: Label, argument: string): string | null {
  if (id == null) return null;
  if (labelOfArg(id, argument) !== label) {
    const article = /^[AEIOU]/.test(label) ? 'an' : 'a';
    throw new BadInputError(`${argument}: "${clipped(id)}" is not ${article} ${label} id`, { argument });
  }
  return id;
}
