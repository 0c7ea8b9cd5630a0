/**
 * Helpers both adapters use to turn driver values into the plain values the
 * engine port promises (see engine.ts).
 */
import { StoreError } from '../errors';

/** A whole number that must fit a JavaScript number exactly. */
export function toSafeNumber(value: bigint | number, where: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) && typeof value === 'bigint') {
    throw new StoreError(`integer ${value.toString()} in ${where} does not fit a JavaScript number`);
  }
  return n;
}

/** Applies `convert` to every value of a row. */
export function mapRow(
  row: Readonly<Record<string, unknown>>,
  convert: (v: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = convert(value);
  return out;
}
