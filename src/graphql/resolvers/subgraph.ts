/**
 * Subgraphs for graph views and notebooks: Query.neighborhood (an entity and
 * what surrounds it, ranked by how well each relationship is supported) and
 * Path.subgraph (a path as nodes and edges). The hops are read by one named
 * query each (analyst/neighbors); merging, weighing, ranking and the cut
 * happen here. The hops also read each node's label properties, so a graph
 * view's `nodes { id type label }` loads no node again.
 */
import type { StoredNode } from '../../store/engine';
import { neighbors, type NeighborRow } from '../../store/analyst';
import { decodeSource, labelOf, RELATION_SOURCES, type Label } from '../../store/kinds';
import type { Context } from '../context';
import { existing } from './analyst';
import { bounded, ENTITY_TYPES, LABELS_BY_TYPE } from './shared';
import { selectsOnly } from '../lookahead';
import type {
  PathResolvers,
  QueryNeighborhoodArgs,
  QueryResolvers,
  SubgraphResolvers,
} from '../generated/types';
import type { EdgeValue, SubgraphValue } from '../values';

const MAX_DEPTH = 2;
const MAX_NODES = 200;
const ALL_LABELS = Object.keys(ENTITY_TYPES) as Label[];

/** Relationships merged per (from, relation, to) while a subgraph is built. */
class EdgeSet {
  private readonly byKey = new Map<
    string,
    { from: string; to: string; relation: string; sources: Set<string>; reference: string | null }
  >();

  /** Adds one stored relationship seen from `a` to `b`; its direction follows from its type. */
  add(a: string, b: string, relation: string, sources: readonly string[], reference: string | null): string {
    const forward = (RELATION_SOURCES[relation] ?? []).includes(labelOf(a)!);
    const [from, to] = forward ? [a, b] : [b, a];
    const key = `${from} ${relation} ${to}`;
    const edge = this.byKey.get(key) ?? { from, to, relation, sources: new Set<string>(), reference: null };
    for (const s of sources) edge.sources.add(s);
    edge.reference ??= reference;
    this.byKey.set(key, edge);
    return key;
  }

  weightOf(key: string): number {
    return Math.max(1, this.byKey.get(key)?.sources.size ?? 0);
  }

  /** Edges whose two ends are both kept, strongest first, then in a stable order. */
  between(kept: ReadonlySet<string>): EdgeValue[] {
    return [...this.byKey.values()]
      .filter((e) => kept.has(e.from) && kept.has(e.to))
      .map((e) => ({
        from: e.from,
        to: e.to,
        relation: e.relation,
        sources: [...e.sources].map(decodeSource),
        reference: e.reference,
        weight: Math.max(1, e.sources.size),
      }))
      .sort(
        (x, y) =>
          y.weight - x.weight ||
          x.from.localeCompare(y.from) ||
          x.relation.localeCompare(y.relation) ||
          x.to.localeCompare(y.to),
      );
  }
}

/**
 * From one hop's rows, the ids of new nodes ranked by the total weight of their
 * edges to nodes already kept (ties by id, so both engines agree).
 */
function rankNew(rows: readonly NeighborRow[], edges: EdgeSet, kept: ReadonlySet<string>): string[] {
  const nodes = new Set<string>();
  const touching = new Map<string, Set<string>>();
  for (const [row, key] of addRows(rows, edges)) {
    if (kept.has(row.id)) continue;
    nodes.add(row.id);
    touching.set(row.id, (touching.get(row.id) ?? new Set()).add(key));
  }
  // Weights are read once every row is in: one relationship may come in several rows.
  const score = (id: string) => [...touching.get(id)!].reduce((sum, key) => sum + edges.weightOf(key), 0);
  const scores = new Map([...nodes].map((id) => [id, score(id)]));
  return [...nodes].sort((a, b) => scores.get(b)! - scores.get(a)! || a.localeCompare(b));
}

/** Adds each row's relationship to `edges`; returns each row with its edge's key. */
function addRows(rows: readonly NeighborRow[], edges: EdgeSet): [NeighborRow, string][] {
  // Engines return rows in their own order; merged relationships (one AFFILIATED_WITH
  // per edition…) must list their sources alike on both, so rows are taken in a fixed order.
  const rowKey = (r: NeighborRow) =>
    [r.key, r.id, r.relation, r.sources.join(' '), r.reference ?? ''].join('\n');
  const ordered = [...rows].sort((x, y) => (rowKey(x) < rowKey(y) ? -1 : rowKey(x) > rowKey(y) ? 1 : 0));
  return ordered.map((row) => [row, edges.add(row.key, row.id, row.relation, row.sources, row.reference)]);
}

async function neighborhood(args: QueryNeighborhoodArgs, ctx: Context): Promise<SubgraphValue> {
  const depth = bounded('depth', args.depth ?? 1, 1, MAX_DEPTH);
  const first = bounded('first', args.first ?? 50, 0, MAX_NODES);
  // An empty list means every type: it must never reach Kuzu as `IN $labels`.
  const labels = args.types?.length ? [...new Set(args.types.map((t) => LABELS_BY_TYPE[t]!))] : ALL_LABELS;
  const centre = await existing(ctx, args.id, 'id');
  const kept = new Set([centre.id]);
  const labelled = new Map<string, StoredNode>([[centre.id, centre]]);
  const edges = new EdgeSet();
  let frontier = [centre.id];
  let truncated = false;
  for (let hop = 1; hop <= depth && frontier.length > 0; hop += 1) {
    const rows = await neighbors(ctx.repo, frontier, labels);
    const ranked = rankNew(rows, edges, kept);
    const room = first - (kept.size - 1);
    const taken = ranked.slice(0, Math.max(0, room));
    if (ranked.length > taken.length) truncated = true;
    for (const id of taken) kept.add(id);
    for (const row of rows) if (kept.has(row.id) && !labelled.has(row.id)) labelled.set(row.id, row.labelled);
    // Full after this hop, with hops left: the next one still runs, takes nothing and ends
    // the walk; it says whether `first` cut anything, and brings the edges between kept nodes.
    frontier = taken;
  }
  // The last hop's nodes were reached, not walked from: the relationships among them, and
  // from them back to earlier ones, are read now, so the subgraph holds every relationship
  // between its nodes (as a graph view or networkx's ego graph expects), whatever the depth.
  if (frontier.length > 0) await addEdgesAmong(ctx, frontier, kept, labels, edges);
  return { ids: [...kept], edges: edges.between(kept), truncated, labelled };
}

/** Adds to `edges` the relationships from `from` to nodes of `kept` (their labels only: no other row is kept). */
async function addEdgesAmong(
  ctx: Context,
  from: readonly string[],
  kept: ReadonlySet<string>,
  labels: readonly Label[],
  edges: EdgeSet,
): Promise<void> {
  const keptLabels = new Set([...kept].map((id) => labelOf(id)));
  const among = labels.filter((label) => keptLabels.has(label));
  const rows = await neighbors(ctx.repo, from, among);
  addRows(
    rows.filter((row) => kept.has(row.id)),
    edges,
  );
}

export const subgraphQueries: QueryResolvers = {
  neighborhood: (_r, args, ctx) => neighborhood(args, ctx),
};

export const Path: PathResolvers = {
  subgraph: (p): SubgraphValue => ({
    ids: p.ids,
    edges: p.steps.map((s) => ({
      from: s.forward ? s.fromId : s.toId,
      to: s.forward ? s.toId : s.fromId,
      relation: s.relation,
      sources: s.sources,
      reference: s.reference,
      weight: Math.max(1, new Set(s.sources.map((x) => `${x.articleId}#${x.locator}`)).size),
    })),
    truncated: false,
  }),
};

/** What a node holding only its id and label properties answers (Node.type comes from the id). */
const LABEL_FIELDS = ['id', 'type', 'label'];

export const Subgraph: SubgraphResolvers = {
  nodes: async (g, _a, ctx, info) => {
    const { labelled } = g;
    if (labelled && selectsOnly(info, LABEL_FIELDS) && g.ids.every((id) => labelled.has(id))) {
      return g.ids.map((id) => labelled.get(id)!);
    }
    return (await Promise.all(g.ids.map((id) => ctx.loaders.node(labelOf(id)!).load(id)))).filter(
      (n): n is StoredNode => n !== null,
    );
  },
};
