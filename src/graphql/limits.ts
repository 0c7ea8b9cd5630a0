/**
 * Limits checked after a document is parsed and validated and before anything
 * executes: depth, aliases, directives and an estimated cost in which a list
 * multiplies what is under it by its page size. Over a limit the request gets
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
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { QueryLimits } from '../config';
import { LimitError, type LimitCode } from '../errors';

/** What a list without a `first`/`limit` argument is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

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
}

const ZERO: Measure = { depth: 0, aliases: 0, directives: 0, cost: 0 };

/**
 * Measures one operation of a validated document. Each fragment is measured
 * once and scaled where it is spread, so the work stays linear in the
 * document's size even when fragments spread each other many times.
 */
export function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): Measure {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const memo = new Map<string, Measure>();
  const inProgress = new Set<string>();

  const selections = (set: SelectionSetNode | undefined, type: GraphQLNamedType | undefined): Measure => {
    if (!set) return ZERO;
    let total = ZERO;
    for (const selection of set.selections) {
      const own = selection.directives?.length ?? 0;
      let inner: Measure;
      if (selection.kind === Kind.FIELD) inner = field(selection, type);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const cond = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        inner = selections(selection.selectionSet, cond ?? undefined);
      } else inner = spread(selection.name.value);
      total = add(total, { ...inner, directives: inner.directives + own });
    }
    return total;
  };

  const spread = (name: string): Measure => {
    const cached = memo.get(name);
    if (cached) return cached;
    const fragment = fragments.get(name);
    // A cycle or an unknown fragment is a validation error already; count nothing for it here.
    if (!fragment || inProgress.has(name)) return ZERO;
    inProgress.add(name);
    const inner = selections(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
    inProgress.delete(name);
    const result = { ...inner, directives: inner.directives + (fragment.directives?.length ?? 0) };
    memo.set(name, result);
    return result;
  };

  const field = (node: FieldNode, parent: GraphQLNamedType | undefined): Measure => {
    const alias = node.alias ? 1 : 0;
    // Introspection (the explorer's schema docs) is bounded by the token limit, not costed.
    if (node.name.value.startsWith('__')) return { ...ZERO, aliases: alias };
    const def =
      parent && (isObjectType(parent) || isInterfaceType(parent))
        ? parent.getFields()[node.name.value]
        : undefined;
    const inner = selections(node.selectionSet, def ? getNamedType(def.type) : undefined);
    const size = def ? pageSize(node, def, parent!.name, variables) : 1;
    return {
      depth: 1 + inner.depth,
      aliases: alias + inner.aliases,
      directives: inner.directives,
      cost: (FIELD_COSTS[`${parent?.name}.${node.name.value}`] ?? 1) + size * inner.cost,
    };
  };

  const root = selections(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
  return { ...root, directives: root.directives + (operation.directives?.length ?? 0) };
}

function add(a: Measure, b: Measure): Measure {
  return {
    depth: Math.max(a.depth, b.depth),
    aliases: a.aliases + b.aliases,
    directives: a.directives + b.directives,
    cost: a.cost + b.cost,
  };
}

/**
 * How many times what is under a field may be resolved: its `first`/`limit`
 * argument (the value sent, else the schema default), else the assumed size
 * for a list, else 1. A connection's `edges` list is already sized by the
 * connection's own `first`.
 */
function pageSize(
  node: FieldNode,
  def: GraphQLField<unknown, unknown>,
  parentName: string,
  variables: Readonly<Record<string, unknown>>,
): number {
  const arg = def.args.find((a) => a.name === 'first' || a.name === 'limit');
  if (arg) {
    const given = node.arguments?.find((a) => a.name.value === arg.name)?.value;
    const value = given ? valueOf(given, variables) : undefined;
    const n =
      typeof value === 'number' ? value : typeof arg.defaultValue === 'number' ? arg.defaultValue : null;
    if (n !== null && Number.isFinite(n)) return Math.max(0, n);
    return ASSUMED_LIST_SIZE;
  }
  if (!isListType(getNullableType(def.type))) return 1;
  if (parentName.endsWith('Connection') && def.name === 'edges') return 1;
  return ASSUMED_LIST_SIZE;
}

function valueOf(value: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  return undefined;
}

/** The first limit a measure breaks, as the error to send; null when within all of them. */
export function violation(m: Measure, limits: QueryLimits): LimitError | null {
  const checks: [LimitCode, number, number, string][] = [
    ['QUERY_TOO_DEEP', m.depth, limits.maxDepth, 'depth'],
    ['TOO_MANY_ALIASES', m.aliases, limits.maxAliases, 'aliases'],
    ['TOO_MANY_DIRECTIVES', m.directives, limits.maxDirectives, 'directives'],
    ['QUERY_TOO_COSTLY', m.cost, limits.maxCost, 'estimated cost'],
  ];
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

/** The Apollo plugin: refuses an operation over a limit before execution, as HTTP 400. */
export function limitsPlugin<C extends object>(limits: QueryLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const error = violation(measure(schema, document, operation, request.variables ?? {}), limits);
          if (!error) return;
          throw new GraphQLError(error.message, {
            originalError: error,
            extensions: { code: error.code, http: { status: 400, headers: new HeaderMap() } },
          });
        },
      };
    },
  };
}
