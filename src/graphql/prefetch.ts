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
 * reports it. When the id names no node the early batches were wasted: the
 * answer (null) waits for them, so the request still owns its database work
 * (time budget, drain on shutdown); their number is that of the fields
 * selected, which the cost limits already count.
 *
 * Fields are collected with graphql-js's own `collectSubfields` (@skip,
 * @include, fragments and their type conditions), so the early call sees the
 * selection and arguments the real one will, and picks the same batch.
 */
import { getArgumentValues, isObjectType } from 'graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import type { Context } from './context';

/**
 * The stubs early calls are made on, with the properties the node's own
 * selection reads (null: not known, the node is read whole): a resolver that
 * would answer from the node itself tells them apart, and one that reads the
 * node along reads only those.
 */
const EARLY_STUBS = new WeakMap<object, readonly string[] | null>();

/**
 * True for the stub an early call is made on (holding only the id). A field the
 * node's own properties answer (a card: Edition.companies) starts nothing for
 * it: its batch would be a wasted statement beside the lookup that brings the card.
 */
export function isEarlyStub(parent: object): boolean {
  return EARLY_STUBS.has(parent);
}

/**
 * For an early stub, the properties the node asked by id is to be read as when
 * a field reads it along (Loaders.editionTalksAlong): the lookup then answers
 * with that partial node. Null when the node is to be read whole.
 */
export function earlyReadAs(parent: object): readonly string[] | null {
  return EARLY_STUBS.get(parent) ?? null;
}

/**
 * Looks up a `typeName` node by id with `lookup` and starts, alongside it, the
 * batches of the fields selected below it. An edition's talks read the edition
 * along (Loaders.editionTalksAlong), so that page is one statement; with
 * `readAs` (the properties its selection reads), the edition is read as only
 * those, a partial node the lookup hands on and nothing else keeps. When there
 * is no such node (or the lookup fails) the answer waits for those batches to
 * settle, so a request never ends with statements of its own still running
 * outside its time budget.
 */
export async function lookupWithFields<T>(
  typeName: string,
  id: string,
  ctx: Context,
  info: GraphQLResolveInfo,
  lookup: () => Promise<T | null>,
  readAs: readonly string[] | null = null,
): Promise<T | null> {
  const early = startFieldsOf(typeName, id, ctx, info, readAs);
  try {
    // Called after the early fields: one of them may read the node along (Loaders.lookup).
    const node = await lookup();
    if (node === null) await Promise.allSettled(early);
    return node;
  } catch (error) {
    await Promise.allSettled(early);
    throw error;
  }
}

/** Calls each selected field's resolver early; its promises, errors already caught. */
function startFieldsOf(
  typeName: string,
  id: string,
  ctx: Context,
  info: GraphQLResolveInfo,
  readAs: readonly string[] | null,
): Promise<unknown>[] {
  const early: Promise<unknown>[] = [];
  try {
    const type = info.schema.getType(typeName);
    if (!isObjectType(type)) return early;
    const definitions = type.getFields();
    const selected = collectSubfields(
      info.schema,
      info.fragments,
      info.variableValues,
      type,
      info.fieldNodes,
    );
    for (const [key, fieldNodes] of selected) {
      const definition = definitions[fieldNodes[0]!.name.value];
      // Fields without a resolver of ours read the node's own properties: nothing to start.
      // (Were a plugin with willResolveField added, Apollo would wrap every field's resolver.)
      if (!definition?.resolve) continue;
      try {
        const args = getArgumentValues(definition, fieldNodes[0]!, info.variableValues);
        const stub = { id };
        EARLY_STUBS.set(stub, readAs);
        const result = definition.resolve(stub, args, ctx, {
          ...info,
          fieldName: definition.name,
          fieldNodes,
          returnType: definition.type,
          parentType: type,
          path: { prev: info.path, key, typename: typeName },
        });
        early.push(Promise.resolve(result).catch(() => undefined));
      } catch {
        // Bad arguments or a resolver refusing the stub: the real call reports it.
      }
    }
  } catch {
    // A selection graphql-js could not collect here: the fields start after the lookup, as they would.
  }
  return early;
}
