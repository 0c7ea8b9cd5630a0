/**
 * Relay-style connections over offset pages. Cursors are opaque to clients
 * (base64url of a versioned offset) so the scheme can change without breaking them.
 */
import type { StoredNode } from '../store/engine';
import { BadInputError } from '../errors';

export const MAX_PAGE_SIZE = 100;

export interface Window {
  skip: number;
  limit: number;
  /** The ordering the offsets refer to ('' for lists with a single order). */
  order: string;
}

export interface Connection {
  edges: { cursor: string; node: StoredNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number> | number;
}

/** A cursor names an offset within one ordering: reused under another `orderBy` it would skip or repeat rows. */
export function encodeCursor(offset: number, order = ''): string {
  return Buffer.from(`v1:${order}:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string, order = ''): number {
  const match = /^v1:([A-Z_]*):(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new BadInputError(`after: "${cursor}" is not a cursor issued by this API`, { argument: 'after' });
  }
  if (match[1] !== order) {
    throw new BadInputError(
      `after: this cursor belongs to orderBy ${match[1] || '(none)'}, not ${order || '(none)'}`,
      {
        argument: 'after',
      },
    );
  }
  return Number(match[2]);
}

/** Validates `first`/`after` and returns the window to fetch: one row more than asked, to learn hasNextPage. */
export function windowOf(
  first: number | null | undefined,
  after: string | null | undefined,
  order = '',
): Window {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new BadInputError(`first must be between 0 and ${MAX_PAGE_SIZE} (got ${size})`, {
      argument: 'first',
    });
  }
  const skip = after ? decodeCursor(after, order) + 1 : 0;
  return { skip, limit: size + 1, order };
}

/** Builds a connection from a fetched window (`rows` may hold one extra row). */
export function connectionOf(
  rows: readonly StoredNode[],
  window: Window,
  totalCount: Connection['totalCount'],
): Connection {
  const page = rows.slice(0, window.limit - 1);
  const edges = page.map((node, i) => ({ cursor: encodeCursor(window.skip + i, window.order), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > page.length, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
