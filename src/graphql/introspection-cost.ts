/**
 * The exact cost of an introspection field (`__schema`, `__type`): how many
 * values its answer would hold, counted by walking the schema with graphql-js's
 * own introspection resolvers, without building the answer.
 *
 * Why exact rather than estimated: an estimate of 10 per list refuses the
 * explorer's own introspection query (some types have 30 fields), and the
 * schema's largest lists let no real query through either. Left uncosted,
 * aliases and fragments multiplied a 900-token document into a 132 MB answer
 * that held the event loop for 27 s (introspection resolves synchronously,
 * so no time budget can stop it).
 *
 * Each (selection set, schema object) pair is counted once and reused, so the
 * walk is bounded by the document's size times the schema's, however the
 * answer multiplies.
 */
import {
  Kind,
  __Schema,
  __Type,
  getNamedType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** The values answering `node` (itself included), or 1 for a field that is not introspection. */
export function introspectionCounter(
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
): (node: FieldNode) => number {
  const memo = new Map<SelectionSetNode, Map<unknown, number>>();
  const inProgress = new Set<FragmentDefinitionNode>();
  // The resolvers read nothing from `info` but the schema (`__Type.possibleTypes`).
  const info = { schema } as GraphQLResolveInfo;
  // Deprecated entries included: an upper bound whatever the document asks.
  const args = { includeDeprecated: true };

  const objectCost = (set: SelectionSetNode, type: GraphQLObjectType, value: unknown): number => {
    let byValue = memo.get(set);
    if (!byValue) memo.set(set, (byValue = new Map()));
    const known = byValue.get(value);
    if (known !== undefined) return known;
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += fieldCost(selection, type, value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || selection.typeCondition.name.value === type.name)
          total += objectCost(selection.selectionSet, type, value);
      } else {
        const fragment = fragments.get(selection.name.value);
        // A cycle or a fragment on another type is a validation error: it counts nothing here.
        if (!fragment || inProgress.has(fragment) || fragment.typeCondition.name.value !== type.name)
          continue;
        inProgress.add(fragment);
        total += objectCost(fragment.selectionSet, type, value);
        inProgress.delete(fragment);
      }
    }
    byValue.set(value, total);
    return total;
  };

  const fieldCost = (node: FieldNode, type: GraphQLObjectType, value: unknown): number => {
    const def = type.getFields()[node.name.value];
    if (!def || !node.selectionSet) return 1; // a leaf, __typename, or a field validation will refuse
    const inner = getNamedType(def.type);
    if (!isObjectType(inner)) return 1;
    const resolved: unknown = def.resolve
      ? def.resolve(value, args, undefined, info)
      : (value as Record<string, unknown>)[def.name];
    const items = Array.isArray(resolved) ? resolved : resolved == null ? [] : [resolved];
    let total = 1;
    for (const item of items) total += objectCost(node.selectionSet, inner, item);
    return total;
  };

  return (node) => {
    if (!node.selectionSet) return 1;
    if (node.name.value === '__schema') return 1 + objectCost(node.selectionSet, __Schema, schema);
    if (node.name.value !== '__type') return 1;
    const name = stringArgument(node, 'name', variables);
    const type = name === undefined ? undefined : schema.getType(name);
    return 1 + (type ? objectCost(node.selectionSet, __Type, type) : 0);
  };
}

function stringArgument(
  node: FieldNode,
  name: string,
  variables: Readonly<Record<string, unknown>>,
): string | undefined {
  const value: ValueNode | undefined = node.arguments?.find((a) => a.name.value === name)?.value;
  if (value?.kind === Kind.STRING) return value.value;
  if (value?.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === 'string' ? given : undefined;
  }
  return undefined;
}
