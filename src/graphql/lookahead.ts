/**
 * Look-ahead: what a resolver's own selection set asks of the levels below
 * it, so it can fetch the next level in the same statement and prime the
 * DataLoaders with it (src/graphql/loaders.ts) instead of leaving each level
 * its own round trip.
 */
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** Fields a node's id and name answer: id, name, and Node's label and type (see `stub` in store/repository.ts). */
export const NAMED_FIELDS = ['id', 'name', 'label', 'type'] as const;

/** True when the field being resolved selects `path` (e.g. ['edges', 'node', 'speakers']), through fragments too. */
export function selects(info: GraphQLResolveInfo | undefined, path: readonly string[]): boolean {
  return namesAt(info, path) !== undefined;
}

/**
 * True when the field being resolved selects `path` and, below it, more than
 * `allowed` (and `__typename`): e.g. an affiliation's edition asked for more
 * than its id, which the affiliation itself holds.
 */
export function selectsBeyond(
  info: GraphQLResolveInfo | undefined,
  path: readonly string[],
  allowed: readonly string[],
): boolean {
  const names = namesAt(info, path);
  if (!names) return false;
  for (const name of names) if (name !== '__typename' && !allowed.includes(name)) return true;
  return false;
}

/** True when the field being resolved selects `path` and, below it, only `allowed` (and `__typename`). */
export function selectsOnlyBelow(
  info: GraphQLResolveInfo | undefined,
  path: readonly string[],
  allowed: readonly string[],
): boolean {
  return selects(info, path) && !selectsBeyond(info, path, allowed);
}

/**
 * The stored properties that the selection at `path` reads, by `reads` (for each
 * field of the type there, the properties its resolver reads, or null when it
 * hands the node itself on), sorted; null when it selects a field that needs the
 * whole node, or one `reads` does not list.
 */
export function propertiesAt(
  info: GraphQLResolveInfo | undefined,
  path: readonly string[],
  reads: PropertyReads,
): string[] | null {
  if (!info) return null;
  const properties = new Set<string>();
  for (const name of namesAt(info, path) ?? []) {
    if (name === '__typename') continue;
    const read = Object.hasOwn(reads, name) ? reads[name] : null;
    if (!read) return null;
    for (const property of read) properties.add(property);
  }
  return [...properties].sort();
}

/**
 * For each field of a node type, the stored properties its resolver reads; null
 * for a field that hands the node itself on (Backing.company is the company
 * whose `backs` is asked), which then needs the whole node.
 */
export type PropertyReads = Readonly<Record<string, readonly string[] | null>>;

/** Per list field (graphql-js hands every parent the same `fieldNodes`): its nodes' properties. */
const listPropertiesOf = new WeakMap<GraphQLResolveInfo['fieldNodes'], string[] | null>();

/**
 * The properties a list's nodes are read as for the fields asked of them at
 * `path` (`edges.node`), with `always` (the id, what the list orders by), worked
 * out once per list field, not once per parent; null when a field needs the
 * whole node. A list read this way gives partial nodes, never to be primed.
 */
export function listPropertiesAt(
  info: GraphQLResolveInfo | undefined,
  path: readonly string[],
  reads: PropertyReads,
  always: readonly string[],
): string[] | null {
  if (!info) return null;
  let properties = listPropertiesOf.get(info.fieldNodes);
  if (properties === undefined) {
    const read = propertiesAt(info, path, reads);
    properties = read ? [...new Set([...always, ...read])].sort() : null;
    listPropertiesOf.set(info.fieldNodes, properties);
  }
  return properties;
}

/**
 * The names selected at `path` below the field being resolved (through
 * fragments), per field and path: graphql-js hands every item of a list the
 * same `fieldNodes` array, so the 20 talks of a page walk a selection once, not
 * 20 times (the walk was 3 % of an uncached dashboard page's CPU). Undefined
 * when nothing selects `path`; an empty set when it is a leaf.
 */
const namesMemo = new WeakMap<readonly FieldNode[], Map<string, ReadonlySet<string> | undefined>>();

function namesAt(
  info: GraphQLResolveInfo | undefined,
  path: readonly string[],
): ReadonlySet<string> | undefined {
  if (!info) return undefined;
  let byPath = namesMemo.get(info.fieldNodes);
  if (!byPath) namesMemo.set(info.fieldNodes, (byPath = new Map()));
  const key = path.join('.');
  if (byPath.has(key)) return byPath.get(key);
  const sets = at(info, path);
  const names = sets && new Set(sets.flatMap((set) => fields(set, info.fragments).map((f) => f.name.value)));
  byPath.set(key, names);
  return names;
}

/** The selection sets at `path` below the field being resolved; undefined when nothing selects it. */
function at(info: GraphQLResolveInfo, path: readonly string[]): SelectionSetNode[] | undefined {
  let level: SelectionSetNode[] = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  for (const name of path) {
    const next = level.flatMap((set) => fields(set, info.fragments)).filter((f) => f.name.value === name);
    if (next.length === 0) return undefined;
    level = next.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  }
  return level;
}

/**
 * True when every field the field being resolved selects (through fragments)
 * is one of `allowed` or `__typename`: an object holding just those is then
 * a complete answer for it.
 */
export function selectsOnly(info: GraphQLResolveInfo | undefined, allowed: readonly string[]): boolean {
  if (!info || info.fieldNodes.some((f) => f.selectionSet === undefined)) return false;
  for (const name of namesAt(info, []) ?? [])
    if (name !== '__typename' && !allowed.includes(name)) return false;
  return true;
}

function fields(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  return set.selections.flatMap((s) => {
    if (s.kind === 'Field') return [s];
    if (s.kind === 'InlineFragment') return fields(s.selectionSet, fragments);
    const fragment = fragments[s.name.value];
    return fragment ? fields(fragment.selectionSet, fragments) : [];
  });
}
