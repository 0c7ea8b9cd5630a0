/**
 * Turns validated fixtures into the writes of one load: for each named
 * `load/*` query, the rows it merges (`UNWIND $rows AS row MERGE …`).
 * Nodes come first (plan/nodes.ts), then relationships (plan/relationships.ts),
 * so every relationship finds both of its ends; then the company–project link
 * summaries derived from them (plan/links.ts).
 *
 * A group knows the table it fills and the properties that identify one of
 * its records (what its MERGE matches on), so a bulk writer can deduplicate
 * exactly as MERGE would; rows of a group with the same identity collapse to
 * the last one, as a second `SET` would overwrite the first.
 */
import type { ParamScalar } from '../../store/engine';
import type { Fixtures } from '../fixtures';
import { planNodes } from './nodes';
import { planRelationships } from './relationships';
import { planLinks } from './links';
import { LOAD_TARGETS, type LoadTarget } from './targets';

export type PlanRow = Record<string, ParamScalar>;

export interface WriteGroup extends LoadTarget {
  /** The named query that merges one batch of these rows. */
  readonly query: string;
  readonly rows: PlanRow[];
}

export interface LoadPlan {
  readonly groups: WriteGroup[];
  /** Records written: nodes plus relationships, after deduplication. */
  readonly records: number;
}

export type AddRow = (query: string, row: PlanRow) => void;

export function planLoad(f: Fixtures): LoadPlan {
  const byQuery = new Map<string, Map<string, PlanRow>>();
  const add: AddRow = (query, row) => {
    const target = LOAD_TARGETS[query];
    if (!target) throw new Error(`no load target for ${query}`);
    let rows = byQuery.get(query);
    if (!rows) byQuery.set(query, (rows = new Map<string, PlanRow>()));
    const id = target.identity;
    // Built by hand, not map/join: this runs once per record (a million times at 1000×).
    let key = String(row[id[0]!]);
    for (let i = 1; i < id.length; i++) key += `\u0000${String(row[id[i]!])}`;
    rows.set(key, row);
  };
  planNodes(f, add);
  planRelationships(f, add);
  planLinks(
    (query) => [...(byQuery.get(query)?.values() ?? [])],
    (row) => add('load/link', row),
  );
  const groups: WriteGroup[] = [];
  // Target order is nodes first, then relationships: keep it whatever order rows arrived in.
  for (const [query, target] of Object.entries(LOAD_TARGETS)) {
    const rows = byQuery.get(query);
    if (rows?.size) groups.push({ ...target, query, rows: [...rows.values()] });
  }
  return { groups, records: groups.reduce((n, g) => n + g.rows.length, 0) };
}
