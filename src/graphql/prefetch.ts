/**
 * Early start for a node asked by id (`edition(id:)`, `node(id:)`): the
 * batches its selected fields will run are started alongside the node's own
 * lookup, not after it, so a page like an edition with its talks and companies
 * waits for one level of statements fewer.
 *
 * Each selected field's own resolver is called once, early, on a stub holding
 * only the id, with the arguments and selection graphql-js will give it: its
 * DataLoader calls are what start the batches, and when graphql-js resolves
 * the field for real the same loader calls find those batches under way
 * (DataLoader caches a key's promise for the request). The early results are
 * dropped, and so are their errors: the real call meets the same error and
 * reports it. When the id names no node the early batches were wasted and
 * their rows are dropped; their number is that of the fields selected, which
 * the cost limits already count.
 *
 * Fields are collected with graphql-js's own `collectSubfields` (@skip,
 * @include, fragments and their type conditions), so the early call sees the
 * selection and arguments the real one will, and picks the same batch.
 */
import { getArgumentValues, isObjectType } from 'graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import type { Context } from './context';

/** Starts the batches the fields selected below a `typeName` node with this id will run. */
export function startFieldsOf(typeName: string, id: string, ctx: Context, info: GraphQLResolveInfo): void {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type)) return;
  const definitions = type.getFields();
  const selected = collectSubfields(info.schema, info.fragments, info.variableValues, type, info.fieldNodes);
  for (const [key, fieldNodes] of selected) {
    const definition = definitions[fieldNodes[0]!.name.value];
    // Fields without a resolver of ours read the node's own properties: nothing to start.
    if (!definition?.resolve) continue;
    try {
      const args = getArgumentValues(definition, fieldNodes[0]!, info.variableValues);
      const early = definition.resolve({ id }, args, ctx, {
        ...info,
        fieldName: definition.name,
        fieldNodes,
        returnType: definition.type,
        parentType: type,
        path: { prev: info.path, key, typename: typeName },
      });
      Promise.resolve(early).catch(() => undefined);
    } catch {
      // Bad arguments or a resolver refusing the stub: the real call reports it.
    }
  }
}
