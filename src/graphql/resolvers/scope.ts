/**
 * `EditionScope` (STAGE, COVERAGE, ALL) for the edition-level lists that
 * separate what was on stage from what the recaps name elsewhere. Each side is
 * one batched relationship query; COVERAGE and ALL are worked out here, so no
 * Cypher needs a UNION over the same `$ids` (a Kuzu 0.11.3 crash trap).
 */
import type { StoredNode } from '../../store/engine';
import type { RelationQuery } from '../../store/query-names';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { relatedList } from './shared';
import { byNameThenId, compareCodePoints } from '../../text';

export type EditionScope = 'ALL' | 'STAGE' | 'COVERAGE';

/** By lower-cased name, then id: the order of the name-ordered relationship queries. */
export const byName: (a: StoredNode, b: StoredNode) => number = byNameThenId;

/** Editions oldest first, as the edition queries order them (year, start date, id; no date last). */
export const byYear = (a: StoredNode, b: StoredNode): number =>
  Number(a.year) - Number(b.year) ||
  compareCodePoints(String(a.startDate ?? '\uffff'), String(b.startDate ?? '\uffff')) ||
  compareCodePoints(a.id, b.id);

/**
 * The related nodes of `id` in `scope`: stage, named-but-not-on-stage, or both, in
 * `order`; as id-and-name stubs when the field asks no more (relatedList).
 */
export async function scoped(
  ctx: Context,
  info: GraphQLResolveInfo | undefined,
  id: string,
  scope: EditionScope | undefined,
  queries: { stage: RelationQuery; named: RelationQuery; all?: RelationQuery },
  order: (a: StoredNode, b: StoredNode) => number,
): Promise<StoredNode[]> {
  // Where one query answers ALL exactly, a nested ALL list costs one round trip, not two.
  if ((scope ?? 'ALL') === 'ALL' && queries.all) return relatedList(ctx, info, queries.all, id);
  if (scope === 'STAGE') return relatedList(ctx, info, queries.stage, id);
  // Both sides at once: one level of round trips, not two.
  const [stage, named] = await Promise.all([
    relatedList(ctx, info, queries.stage, id),
    relatedList(ctx, info, queries.named, id),
  ]);
  const onStage = new Set(stage.map((n) => n.id));
  const offStage = named.filter((n) => !onStage.has(n.id));
  return scope === 'COVERAGE' ? offStage : [...stage, ...offStage].sort(order);
}
