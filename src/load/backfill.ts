/**
 * Brings a store written by an earlier version up to the current model at
 * start, so upgrading never means reloading: the talks' stored sort keys
 * (./sort-keys.ts) and edition id, the searchable nodes' index words
 * (src/search/tokens.ts) and search texts folded as now (src/text.ts), the
 * editions' stored counts and ranks (./editions.ts), the link summaries and
 * their pages (./relink.ts) and the talk cards (./recard.ts), which a store created before them lacks (Kuzu
 * adds the empty columns and tables in its schema; Neo4j simply has no such
 * properties or nodes). Each step first reads whether it has anything to do,
 * so a current store costs reads alone; one that has writes under the load
 * lock, reading again what it fills (`backfillWrite`), and with a load stamp
 * (./stamp.ts), so the other instances sharing a Neo4j drop what they derived
 * from the graph before it, as after a load.
 */
import type { Engine, Params, Row, WriteTransaction } from '../store/engine';
import type { NamedQuery, QueryRegistry } from '../store/queries';
import { headId, NO_STAMP, TALK_ORDERS } from '../store/talk-heads';
import { LINK_HEAD_ID } from '../store/link-heads';
import { bumpGraphVersion } from '../store/version';
import { derivationsStale, lockLoads, stampLoad } from './stamp';
import { talkSortKeys } from './sort-keys';
import { relink, writeGroup } from './relink';
import { recard } from './recard';
import { storeEditionStats } from './editions';
import { indexTokens } from '../search/tokens';
import { KINDS, SEARCHABLE_KINDS } from '../store/kinds';
import { searchFields, type SearchableKind } from './plan/search-fields';

/** `wrote` for a backfill whose work returns how many nodes it wrote. */
const anyWritten = (n: number): boolean => n > 0;

/** Keys every talk stored without sort keys or edition id, in one write; returns how many it keyed. */
export async function keyUnkeyedTalks(engine: Engine, queries: QueryRegistry): Promise<number> {
  if ((await engine.read(queries.get('talk/unkeyed'), {})).length === 0) return 0;
  return backfillWrite(
    engine,
    queries,
    async (tx) => {
      const rows = await tx.run(queries.get('talk/unkeyed'), {});
      const keyed = rows.map((r) => ({
        id: String(r.id),
        editionId: String(r.editionId),
        ...talkSortKeys(
          { id: String(r.id), title: String(r.title), day: r.day == null ? null : String(r.day) },
          { id: String(r.editionId), year: Number(r.year) },
        ),
      }));
      await writeGroup(tx, queries, {
        table: 'Talk',
        identity: ['id'],
        query: 'load/talk-sort-keys',
        rows: keyed,
      });
      return rows.length;
    },
    anyWritten,
  );
}

/**
 * Derives the index words of every node stored with a search text but none
 * (a store written before them: search finds no such node); returns how many
 * nodes it completed. The words come from the stored search
 * text alone, so they equal those a load stores.
 */
export async function tokenizeUntokenised(engine: Engine, queries: QueryRegistry): Promise<number> {
  // The text is left as stored (null: the query keeps it), so a load committed meanwhile by
  // another instance sharing the Neo4j keeps its own.
  return writeSearchFields(engine, queries, 'search/untokenised', (row) => ({
    searchText: null,
    searchTokens: indexTokens(String(row.text)),
  }));
}

/**
 * Derives again the search fields of every node whose search text holds a
 * letter the current fold spells out (`SPELLED_LETTERS` in src/text.ts: an
 * earlier version left "ß", "œ"… as they were, so "strasse" did not find
 * "Straße"), from the node's properties as a load does; returns how many.
 * Run before tokenizeUntokenised, which then finds these nodes complete.
 */
export async function refoldSearchTexts(engine: Engine, queries: QueryRegistry): Promise<number> {
  return writeSearchFields(engine, queries, 'search/unfolded', (row, kind) => searchFields(kind, row));
}

/** What load/<kind>-search-fields sets: a null text keeps the stored one. */
type SearchFieldsUpdate = {
  searchText: string | null;
  searchTokens: string;
};

/** The searchable kind of a node read by `find` (its id's prefix), if any. */
const kindOf = (row: Row): SearchableKind | undefined =>
  SEARCHABLE_KINDS.find((k) => String(row.id).startsWith(`${k}:`));

/**
 * Writes the search fields `derive` gives each node `find` reads, one
 * transaction per kind: each leaves fields equal to a load's, so a failure
 * part way keeps what is done and the next start completes the rest, and a
 * large store's undo log never holds every node at once. Each transaction
 * reads `find` again under the load lock (at 1000× on Kuzu, about 50 ms), so
 * it derives from the properties the last load committed. Returns how many
 * nodes it wrote.
 */
async function writeSearchFields(
  engine: Engine,
  queries: QueryRegistry,
  find: string,
  derive: (row: Row, kind: SearchableKind) => SearchFieldsUpdate,
): Promise<number> {
  const kinds = new Set((await engine.read(queries.get(find), {})).map(kindOf));
  let written = 0;
  for (const kind of SEARCHABLE_KINDS.filter((k) => kinds.has(k))) {
    written += await backfillWrite(
      engine,
      queries,
      async (tx) => {
        const rows = (await tx.run(queries.get(find), {})).filter((row) => kindOf(row) === kind);
        await writeGroup(tx, queries, {
          table: KINDS[kind],
          identity: ['id'],
          query: `load/${kind}-search-fields`,
          rows: rows.map((row) => ({ id: String(row.id), ...derive(row, kind) })),
        });
        return rows.length;
      },
      anyWritten,
    );
  }
  return written;
}

/** Stores the editions' counts and ranks when some edition lacks them; true when it did. */
export async function countUncountedEditions(engine: Engine, queries: QueryRegistry): Promise<boolean> {
  const uncounted = (rows: readonly Row[]) => Number(rows[0]?.count ?? 0);
  const query = queries.get('edition/uncounted');
  if (uncounted(await engine.read(query, {})) === 0) return false;
  const counted = await backfillWrite(
    engine,
    queries,
    async (tx) => {
      const n = uncounted(await tx.run(query, {}));
      if (n > 0) await storeEditionStats(tx, queries);
      return n;
    },
    anyWritten,
  );
  return counted > 0;
}

/**
 * Completes the link summaries of a store written before them (0.1.0 has none:
 * companyProjectLinks, Project.companies and Company.projects read them) or
 * before their pages: derives both from the relationships it holds, in one
 * transaction, writing only what is missing (./relink.ts). Returns how many
 * links and pages it wrote. A store whose graph has no company–project fact
 * stays without any, and costs these reads at each start.
 */
export async function completeLinks(
  engine: Engine,
  queries: QueryRegistry,
): Promise<{ links: number; pages: number }> {
  const [count] = await engine.read(queries.get('link/unpaged'), {});
  if (Number(count?.links ?? 0) > 0 && Number(count?.pages ?? 0) > 0) return { links: 0, pages: 0 };
  const done = await backfillWrite(
    engine,
    queries,
    (tx) => relink(tx, queries),
    (r) => r.linksWritten + r.pagesWritten + r.deleted > 0,
  );
  return { links: done.linksWritten, pages: done.pagesWritten };
}

/**
 * Gives every talk, project and company of a store written before their cards,
 * or before one of their columns, its whole card, in one transaction
 * (./recard.ts); returns how many it wrote. Until then a page answers its speakers, projects and companies from
 * their batches, as before. At 1000× on Kuzu this is one start of about 22 s
 * (46,000 talks updated, peak RSS 1.5 GB).
 */
export async function completeCards(engine: Engine, queries: QueryRegistry): Promise<number> {
  // One row per kind of card.
  const rows = await engine.read(queries.get('card/missing'), {});
  if (rows.every((row) => Number(row.count ?? 0) === 0)) return 0;
  const { written } = await backfillWrite(
    engine,
    queries,
    (tx) => recard(tx, queries),
    (r) => r.written > 0,
  );
  return written;
}

/**
 * Stores the talks' first pages (./heads.ts) and the link matrix's first facts
 * (./link-heads.ts) when those stored are not the current stamp's: a store
 * written before them, or last stamped by an earlier version. A stamped write
 * with nothing else in it, as every stamped write stores them; true when it
 * wrote. Checked again under the load lock.
 */
export async function completeTalkHeads(engine: Engine, queries: QueryRegistry): Promise<boolean> {
  const current = async (read: (q: NamedQuery, p: Params) => Promise<Row[]>) => {
    const [talks] = await read(queries.get('head/talks'), { head: headId(TALK_ORDERS[0]!), known: NO_STAMP });
    const [links] = await read(queries.get('head/link-facts'), { id: LINK_HEAD_ID });
    // No stamp at all: a store never loaded, whose first load stores them.
    return [talks, links].every((row) => !row || row.headStamp === row.stamp);
  };
  if (await current((q, p) => engine.read(q, p))) return false;
  return backfillWrite(
    engine,
    queries,
    async (tx) => !(await current((q, p) => tx.run(q, p))),
    (stale) => stale,
  );
}

/**
 * Derives the link summaries and talk cards again, in one transaction, when
 * the store's stamp says the last write did not (./stamp.ts): a load by an
 * earlier version, which knows nothing of cards, or one from before the
 * derivation stamp. Returns what it wrote, or null when they were current (the
 * check is made again under the load lock: another instance sharing the Neo4j
 * may have derived them while this one waited).
 */
export async function rederiveStale(
  engine: Engine,
  queries: QueryRegistry,
): Promise<{ links: number; pages: number; cards: number } | null> {
  const stamp = queries.get('graph/load-stamp');
  if (!derivationsStale((await engine.read(stamp, {}))[0])) return null;
  return backfillWrite(
    engine,
    queries,
    async (tx) => {
      if (!derivationsStale((await tx.run(stamp, {}))[0])) return null;
      const linked = await relink(tx, queries);
      const carded = await recard(tx, queries);
      return { links: linked.linksWritten, pages: linked.pagesWritten, cards: carded.written };
    },
    // Derived, even when nothing differed: the stamp says so from now on.
    (done) => done !== null,
    true,
  );
}

/**
 * One backfill transaction: the load lock, then `work`, which reads what it
 * fills under that lock (a read made before it may be older than a load
 * another process committed since, whose nodes the fill would then derive from
 * their earlier properties); then, when `wrote` says it wrote, a new load
 * stamp. `derives`: `work` derived the link summaries and talk cards
 * (rederiveStale); every other backfill leaves their inputs as they were, or
 * derives only missing ones (completeLinks, completeCards), so its stamp
 * carries on their `derived` one. Returns what `work` returned.
 */
async function backfillWrite<T>(
  engine: Engine,
  queries: QueryRegistry,
  work: (tx: WriteTransaction) => Promise<T>,
  wrote: (result: T) => boolean,
  derives = false,
): Promise<T> {
  const result = await engine.write(async (tx) => {
    await lockLoads(tx, queries);
    const done = await work(tx);
    if (wrote(done)) await stampLoad(engine, tx, queries, derives);
    return done;
  });
  if (wrote(result)) bumpGraphVersion(engine);
  return result;
}
