/**
 * Reading the JSON texts the loader stores for pages read in one lookup (the
 * talks' first pages, the link matrix's first facts): a stored text is checked
 * before use, never trusted blindly, so a damaged one means "not stored"
 * rather than a wrong answer or a crash.
 */

export const isText = (v: unknown): v is string => typeof v === 'string';

/** An `[id, name]` pair, the name possibly null: a stored stub. */
export const isNamedPair = (v: unknown): v is [string, string | null] =>
  Array.isArray(v) && v.length === 2 && isText(v[0]) && (v[1] === null || isText(v[1]));

/** The object a stored JSON text holds, its fields still to be checked; null when it holds none. */
export function storedObject<T extends object>(text: unknown): Partial<T> | null {
  if (!isText(text)) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Partial<T>)
      : null;
  } catch {
    return null;
  }
}
