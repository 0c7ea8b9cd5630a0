/**
 * Limits checked before anything executes: depth, aliases, directives and
 * repeats of one field (on the raw query, before validation, which they keep
 * cheap), and an estimated cost in which a list multiplies what is under it
 * by its page size (once the operation and its variables are known). Over a limit the request gets
 * HTTP 400 with its own `extensions.code` (README "Query limits"). Tokens are
 * bounded earlier, by graphql-js's `maxTokens` parse option (apollo.ts).
 *
 * Written here rather than taken from GraphQL Armor: Armor's cost plugin
 * gives a fixed cost per field and cannot multiply by `first`, and its other
 * plugins reject with an uncoded "Syntax Error" that Apollo turns into
 * GRAPHQL_VALIDATION_FAILED, so each code would have to be read back out of
 * a message.
 */
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type InlineFragmentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  buildASTSchema,
  parse,
  __Schema,
  __Type,
} from 'graphql';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { QueryLimits } from '../config';
import { LimitError, type LimitCode } from '../errors';
import { loadTypeDefs } from './schema';
import { introspectionCounter } from './introspection-cost';

/** What a list without a `first`/`limit` argument is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Root lists whose whole length is a count of the graph (every edition, every
 * article): the estimate sizes them by what they return now, given as `sizes`
 * (./list-sizes.ts), as 10 would be the real data's size and 800 times short
 * at 1000× synthetic data. Their `first`, when sent, can only cut that.
 */
export const COUNTED_LISTS: ReadonlySet<string> = new Set(['Query.editions', 'Query.articles']);

/**
 * Root fields whose single call costs more than a field resolution: whole-graph
 * aggregations and path search (measured: a `path` call is tens of ms of engine work).
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Query.path': 200,
  'Query.companyProjectLinks': 50,
  'Query.search': 50,
  'Query.projectTimeline': 20,
  'Query.editionStats': 20,
};

export interface Measure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
  /** The most times one field (response name) is selected in one selection set, fragments expanded. */
  repeats: number;
  /** Whether a COUNTED_LISTS field is selected: the cost then depends on `sizes`. */
  counted: boolean;
}

const ZERO: Measure = { depth: 0, aliases: 0, directives: 0, cost: 0, repeats: 0, counted: false };

/** A selection set's measure, and how often each response name appears at its own level. */
interface Level {
  measure: Measure;
  names: Map<string, number>;
}

const EMPTY: Level = { measure: ZERO, names: new Map() };

/**
 * Measures one operation of a parsed document, validated or not (fields the
 * schema lacks count as leaves). Each fragment is measured once for each size
 * an enclosing sized object gives its lists (listHint), and scaled where it is
 * spread, so the work stays linear in the document's size even when fragments
 * spread each other many times. `sizes` gives COUNTED_LISTS
 * their lengths; one missing from it is assumed to hold ASSUMED_LIST_SIZE.
 * `structureOnly` (the precheck, which checks no cost) skips introspection's
 * exact count, the one costly part of the cost (5 ms for the explorer's query).
 */
export function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
  sizes: ReadonlyMap<string, number> = new Map(),
  structureOnly = false,
): Measure {
  // A variable the request leaves out takes the operation's default, as graphql-js gives it.
  const defaults = Object.fromEntries(
    (operation.variableDefinitions ?? []).flatMap((d) =>
      d.defaultValue ? [[d.variable.name.value, valueOf(d.defaultValue, {})]] : [],
    ),
  );
  variables = { ...defaults, ...variables };
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const memo = new Map<string, Level>();
  const inProgress = new Set<string>();

  const selections = (set: SelectionSetNode | undefined, type: GraphQLNamedType | undefined): Level => {
    if (!set) return EMPTY;
    let total = ZERO;
    const names = new Map<string, number>();
    const count = (name: string, times: number) => names.set(name, (names.get(name) ?? 0) + times);
    for (const selection of set.selections) {
      const own = selection.directives?.length ?? 0;
      let inner: Measure;
      if (selection.kind === Kind.FIELD) {
        inner = field(selection, type);
        // __typename, which clients such as Apollo Client add to every selection set, is cheap to compare.
        if (selection.name.value !== '__typename') count((selection.alias ?? selection.name).value, 1);
      } else {
        // Fragments' fields belong to this level: that is where graphql-js compares them pairwise.
        let level: Level;
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const cond = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
          level = selections(selection.selectionSet, cond ?? undefined);
        } else level = spread(selection.name.value);
        inner = level.measure;
        for (const [name, times] of level.names) count(name, times);
      }
      total = add(total, { ...inner, directives: inner.directives + own });
    }
    return { measure: { ...total, repeats: Math.max(total.repeats, ...names.values()) }, names };
  };

  const spread = (name: string): Level => {
    // Keyed by the hint too: a fragment's lists under `neighborhood(first: 200)` cost 200
    // each, under `path`'s subgraph 10 (a memo by name alone let the cheaper spread,
    // measured first, stand for the dearer one).
    const key = `${name}\u0000${listHint ?? ''}`;
    const cached = memo.get(key);
    if (cached) return cached;
    const fragment = fragments.get(name);
    // A cycle or an unknown fragment is a validation error (Apollo reports it); count nothing for it here.
    if (!fragment || inProgress.has(name)) return EMPTY;
    inProgress.add(name);
    const inner = selections(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
    inProgress.delete(name);
    const directives = inner.measure.directives + (fragment.directives?.length ?? 0);
    const result = { measure: { ...inner.measure, directives }, names: inner.names };
    memo.set(key, result);
    return result;
  };

  /** The size the lists of the current level take from an enclosing sized object, if any. */
  let listHint: number | undefined;

  const introspected = introspectionCounter(schema, fragments, variables);

  const field = (node: FieldNode, parent: GraphQLNamedType | undefined): Measure => {
    const alias = node.alias ? 1 : 0;
    const name = node.name.value;
    if (name === '__typename') return { ...ZERO, aliases: alias };
    if (name === '__schema' || name === '__type') {
      // Introspection is costed exactly (./introspection-cost.ts). Its aliases, directives
      // and repeats count; its depth does not: the explorer's own query is 13 levels deep.
      const inner = selections(node.selectionSet, name === '__schema' ? __Schema : __Type).measure;
      const cost = structureOnly ? 0 : introspected(node);
      return { ...inner, depth: 0, aliases: alias + inner.aliases, cost, counted: false };
    }
    const def =
      parent && (isObjectType(parent) || isInterfaceType(parent))
        ? parent.getFields()[node.name.value]
        : undefined;
    // A single object with a `first` (a Subgraph) is resolved once: its `first`
    // sizes the lists directly under it (nodes, edges) instead of multiplying it.
    const ownHint = listHint;
    const key = `${parent?.name}.${node.name.value}`;
    const counted = def !== undefined && COUNTED_LISTS.has(key);
    const whole = counted ? sizes.get(key) : undefined;
    let size = def ? pageSize(node, def, parent!.name, variables, ownHint, whole) : 1;
    listHint = undefined;
    if (def && sizedObject(def)) {
      listHint = size;
      size = 1;
    }
    const inner = selections(node.selectionSet, def ? getNamedType(def.type) : undefined).measure;
    listHint = ownHint;
    return {
      depth: 1 + inner.depth,
      aliases: alias + inner.aliases,
      directives: inner.directives,
      cost: (FIELD_COSTS[key] ?? 1) + size * inner.cost,
      repeats: inner.repeats,
      counted: counted || inner.counted,
    };
  };

  const root = selections(
    operation.selectionSet,
    schema.getRootType(operation.operation) ?? undefined,
  ).measure;
  return { ...root, directives: root.directives + (operation.directives?.length ?? 0) };
}

function add(a: Measure, b: Measure): Measure {
  return {
    depth: Math.max(a.depth, b.depth),
    aliases: a.aliases + b.aliases,
    directives: a.directives + b.directives,
    cost: a.cost + b.cost,
    repeats: Math.max(a.repeats, b.repeats),
    counted: a.counted || b.counted,
  };
}

/**
 * How many times what is under a field may be resolved: its `first`/`limit`
 * argument (the value sent, else the schema default), else the assumed size
 * for a list, else 1. A connection's `edges` list is already sized by the
 * connection's own `first`. `whole`, a counted list's length, stands for the
 * assumed size and bounds the `first`.
 */
function pageSize(
  node: FieldNode,
  def: GraphQLField<unknown, unknown>,
  parentName: string,
  variables: Readonly<Record<string, unknown>>,
  listHint: number | undefined,
  whole: number | undefined,
): number {
  const arg = def.args.find((a) => a.name === 'first' || a.name === 'limit');
  if (arg) {
    const given = node.arguments?.find((a) => a.name.value === arg.name)?.value;
    const value = given ? valueOf(given, variables) : undefined;
    const n =
      typeof value === 'number' ? value : typeof arg.defaultValue === 'number' ? arg.defaultValue : null;
    if (n !== null && Number.isFinite(n)) return Math.min(Math.max(0, n), whole ?? Infinity);
    return whole ?? ASSUMED_LIST_SIZE;
  }
  if (!isListType(getNullableType(def.type))) return 1;
  if (parentName.endsWith('Connection') && def.name === 'edges') return 1;
  return listHint ?? ASSUMED_LIST_SIZE;
}

/** A field taking `first` that returns one object, not a list or a connection (`neighborhood` → Subgraph). */
function sizedObject(def: GraphQLField<unknown, unknown>): boolean {
  const type = getNullableType(def.type);
  return (
    def.args.some((a) => a.name === 'first' || a.name === 'limit') &&
    !isListType(type) &&
    !getNamedType(type).name.endsWith('Connection')
  );
}

function valueOf(value: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  return undefined;
}

/**
 * The first limit a measure breaks, as the error to send; null when within all
 * of them. `structureOnly` leaves out the cost, which depends on variables.
 */
export function violation(m: Measure, limits: QueryLimits, structureOnly = false): LimitError | null {
  const checks: [LimitCode, number, number, string][] = [
    ['QUERY_TOO_DEEP', m.depth, limits.maxDepth, 'depth'],
    ['TOO_MANY_ALIASES', m.aliases, limits.maxAliases, 'aliases'],
    ['TOO_MANY_DIRECTIVES', m.directives, limits.maxDirectives, 'directives'],
    ['TOO_MANY_REPEATS', m.repeats, limits.maxRepeats, 'repeats of one field in one selection'],
  ];
  if (!structureOnly) checks.push(['QUERY_TOO_COSTLY', m.cost, limits.maxCost, 'estimated cost']);
  for (const [code, value, max, what] of checks) {
    if (value > max) {
      const shown = Number.isFinite(value) && value < 1e15 ? String(Math.round(value)) : 'astronomical';
      return new LimitError(code, `query ${what} ${shown} is over the limit of ${max}`, {
        limit: max,
        value: shown,
      });
    }
  }
  return null;
}

/** A refusal as Apollo sends it: HTTP 400, the limit's own code. */
function refusal(error: LimitError): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, http: { status: 400, headers: new HeaderMap() } },
  });
}

/** Query texts whose verdict structureCheck keeps, by total length. */
const VERDICTS_MAX_CHARS = 4 * 1024 * 1024;
/** Longer texts are checked every time: the check stops at maxTokens anyway. */
const VERDICT_MAX_QUERY_CHARS = 64 * 1024;

/**
 * The structural limits for a raw query, checked before Apollo parses and
 * validates it (server/graphql-route.ts): graphql-js's OverlappingFieldsCanBeMerged
 * compares repeated fields pairwise, and a 2,000-token document of repeats
 * kept it busy for 200–400 ms. A validation rule could only report, after
 * which the other rules would still run. Text that does not parse is left to
 * Apollo, which reports it. The verdict depends on the text alone: it is kept
 * per text (a dashboard sends the same few documents again and again), where
 * parsing and walking the edition page again took 0.1 ms of its 5 ms on Neo4j.
 */
export function structureCheck(limits: QueryLimits): (query: unknown) => LimitError | null {
  const schema = buildASTSchema(parse(loadTypeDefs()));
  const verdicts = new LRUCache<string, { error: LimitError | null }>({
    maxSize: VERDICTS_MAX_CHARS,
    // At least 1: lru-cache refuses a size of 0, and the empty query is a query too.
    sizeCalculation: (_verdict, query) => query.length + 1,
  });
  return (query) => {
    if (typeof query !== 'string') return null;
    const kept = verdicts.get(query);
    if (kept) return kept.error;
    const error = structureError(schema, query, limits);
    if (query.length <= VERDICT_MAX_QUERY_CHARS) verdicts.set(query, { error });
    return error;
  };
}

function structureError(schema: GraphQLSchema, query: string, limits: QueryLimits): LimitError | null {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens });
  } catch {
    return null;
  }
  for (const definition of document.definitions) {
    let m: Measure;
    if (definition.kind === Kind.OPERATION_DEFINITION)
      m = measure(schema, document, definition, {}, undefined, true);
    else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      // A fragment's repeats on their own too: graphql-js compares the fields of one no
      // operation spreads before it reports it unused. Only its repeats: its depth and
      // aliases count where it is spread (the explorer's TypeRef fragment is 8 levels deep).
      m = {
        ...ZERO,
        repeats: measure(schema, document, asOperation(definition), {}, undefined, true).repeats,
      };
    } else continue;
    const error = violation(m, limits, true);
    if (error) return error;
  }
  return null;
}

/** A query made of `fragment`'s selections, on its type. */
function asOperation(fragment: FragmentDefinitionNode): OperationDefinitionNode {
  const inline: InlineFragmentNode = {
    kind: Kind.INLINE_FRAGMENT,
    typeCondition: fragment.typeCondition,
    selectionSet: fragment.selectionSet,
  };
  return {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    selectionSet: { kind: Kind.SELECTION_SET, selections: [inline] },
  };
}

/**
 * Measures of operations sent with no variables, by operation: Apollo hands the
 * same parsed document for the same text (its document store), and such a
 * measure depends on nothing else (sizes are measured apart).
 */
const plainMeasures = new WeakMap<OperationDefinitionNode, Measure>();

function measureOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): Measure {
  if (Object.keys(variables).length > 0) return measure(schema, document, operation, variables);
  let m = plainMeasures.get(operation);
  if (!m) plainMeasures.set(operation, (m = measure(schema, document, operation)));
  return m;
}

/**
 * The Apollo plugin: refuses an operation over a limit (cost included) before
 * execution, as HTTP 400. `sizesOf` gives the counted lists' lengths, read only
 * for an operation that selects one; when it fails (and has no earlier sizes to
 * give) the estimate assumes ASSUMED_LIST_SIZE (`sizesOf` logs why), and the
 * resolvers report the store's failure themselves.
 */
export function limitsPlugin<C extends object>(
  limits: QueryLimits,
  sizesOf?: (context: C) => Promise<ReadonlyMap<string, number>>,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          let m = measureOf(schema, document, operation, variables);
          if (m.counted && sizesOf) {
            const sizes = await sizesOf(contextValue).catch(() => undefined);
            if (sizes) m = measure(schema, document, operation, variables, sizes);
          }
          const error = violation(m, limits);
          if (error) throw refusal(error);
        },
      };
    },
  };
}
