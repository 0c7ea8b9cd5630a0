/**
 * Batched writes: a group's rows cut into statements of BATCH_ROWS, each led by
 * the type-witness row Kuzu needs (see ./columns.ts). Shared by the load and by
 * what derives rows from a store (./relink.ts, ./backfill.ts).
 */
import type { ParamRow } from '../store/engine';
import { witnessRow } from './columns';
import type { WriteGroup } from './plan';

/** Rows per batched statement: big enough to amortise planning, small enough to bound a parameter's memory. */
export const BATCH_ROWS = 5000;

/** A group's rows in batches, each led by its type-witness row. */
export function* batches(group: WriteGroup): Generator<ParamRow[]> {
  const witness = witnessRow(group.table, Object.keys(group.rows[0]!));
  for (let i = 0; i < group.rows.length; i += BATCH_ROWS) {
    yield [witness, ...group.rows.slice(i, i + BATCH_ROWS)];
  }
}
