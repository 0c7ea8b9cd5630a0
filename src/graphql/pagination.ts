/**
 * Relay-style connections over offset pages. Cursors are opaque to clients:
 * a versioned offset and ordering, signed with an HMAC so that an offset this
 * API did not issue never reaches a database, and bounded by MAX_OFFSET even
 * when signed: the Kuzu adapter never sends a SKIP (0.11.3 segfaults on some
 * large ones) but reads skip + limit rows and drops the first, so the offset
 * is what a page costs.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StoredNode } from '../store/engine';
import { BadInputError, clipped } from '../errors';

export const MAX_PAGE_SIZE = 100;
/**
 * The deepest offset a cursor may carry: a Kuzu page reads every row before
 * its offset (src/store/kuzu/engine.ts sends no SKIP), so this bounds what one
 * page can cost. The graph holds a few hundred rows per list, and exports
 * (/export/*) stream whole lists without cursors.
 */
export const MAX_OFFSET = 5000;

/**
 * The signing key: CURSOR_SECRET when set (several instances behind one
 * address must share it), else random per process — cursors then stop being
 * valid at a restart, which only means a client starts its pagination over.
 */
let secret: Buffer = randomBytes(32);

export function setCursorSecret(value: string | undefined): void {
  secret = value ? Buffer.from(value, 'utf8') : randomBytes(32);
}

const sign = (payload: string): string =>
  createHmac('sha256', secret).update(payload).digest().subarray(0, 16).toString('base64url');

export interface Window {
  skip: number;
  limit: number;
  /** The ordering the offsets refer to ('' for lists with a single order). */
  order: string;
}

export interface Connection<N = StoredNode> {
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number> | number;
}

/** A cursor names an offset within one ordering: reused under another `orderBy` it would skip or repeat rows. */
export function encodeCursor(offset: number, order = ''): string {
  const payload = Buffer.from(`v2:${order}:${offset}`).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

export function decodeCursor(cursor: string, order = ''): number {
  const notOurs = () =>
    new BadInputError(`after: "${clipped(cursor)}" is not a cursor issued by this API`, {
      argument: 'after',
    });
  const [payload, signature, ...rest] = cursor.length <= 200 ? cursor.split('.') : [];
  if (!payload || !signature || rest.length > 0) throw notOurs();
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw notOurs();
  const match = /^v2:([A-Z_]*):(\d{1,9})$/.exec(Buffer.from(payload, 'base64url').toString('utf8'));
  if (!match) throw notOurs();
  if (Number(match[2]) > MAX_OFFSET) {
    throw new BadInputError(
      `after: cursors go no deeper than offset ${MAX_OFFSET}; narrow the filter instead`,
      {
        argument: 'after',
      },
    );
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

/**
 * Builds a connection from a fetched window (`rows` may hold one extra row;
 * `more`, when given, says whether rows follow instead). Cursors are signed
 * only when read: most pages never ask for one, and an HMAC per edge was 3 %
 * of a dashboard page's CPU.
 */
export function connectionOf<N = StoredNode>(
  rows: readonly N[],
  window: Window,
  totalCount: Connection['totalCount'],
  more?: boolean,
): Connection<N> {
  const page = rows.slice(0, window.limit - 1);
  const edges = page.map((node, i) => ({
    get cursor() {
      return encodeCursor(window.skip + i, window.order);
    },
    node,
  }));
  const last = edges.at(-1);
  return {
    edges,
    pageInfo: {
      hasNextPage: more ?? rows.length > page.length,
      get endCursor() {
        return last?.cursor ?? null;
      },
    },
    totalCount,
  };
}
