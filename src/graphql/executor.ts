/**
 * How an operation is executed: graphql-js the first time a document is seen,
 * graphql-jit once it comes back.
 *
 * graphql-js walks the document for every request: for each of the ~600 fields
 * of a links page it looks the field up, coerces its arguments and wraps its
 * value, about a third of the service's own cost of a page answered from
 * memory. graphql-jit compiles a document into a function that does that work
 * once. Compiling costs more than executing once, and its code stays in
 * memory, so only a document that comes back (a dashboard, an explorer view,
 * a notebook in a loop) is compiled: after `compileAfter` runs on graphql-js
 * (GRAPHQL_COMPILE_AFTER, default 1; 0 compiles at once, as the contract
 * suites do, and `off` never does). `MAX_COMPILED` documents are kept
 * (`MAX_COMPILED_BYTES` of their text), least recently used first out, and at most `COMPILES_PER_SECOND` are
 * compiled: a document at the query limits takes 15 ms to compile, so a
 * client inventing documents and sending each twice could otherwise spend the
 * CPU on compiling. A document over that budget runs on graphql-js, and is
 * compiled on a later run.
 *
 * Semantics stay graphql-js's wherever graphql-jit could differ:
 * - variables are coerced by graphql-js first; invalid ones go to graphql-js,
 *   whose error texts Apollo reads to answer BAD_USER_INPUT;
 * - a document graphql-jit refuses to compile runs on graphql-js, always;
 * - graphql-jit does not call a function-valued property as graphql-js's
 *   default resolver does, so no resolver returns one (connections resolve
 *   `totalCount` explicitly: resolvers/connections.ts);
 * - graphql-jit's errors are its own objects, whose `extensions` is undefined
 *   when the thrown error has none: each becomes the GraphQLError graphql-js
 *   would have built (`asGraphQLJs`), as Apollo and graphql/errors.ts expect.
 */
import { createHash } from 'node:crypto';
import { execute, getVariableValues, GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { recordExecution } from '../ops/metrics';

/** Compiled documents kept. */
export const MAX_COMPILED = 200;
/**
 * And their texts' total size: a compiled operation keeps its document, whose
 * one token may be a string or a name as long as a request body allows.
 */
export const MAX_COMPILED_BYTES = 16 * 1024 * 1024;
/** What a compiled operation is counted beyond its text: its generated code, for an ordinary page. */
const COMPILED_OVERHEAD_BYTES = 16 * 1024;
/** Compilations per second; documents beyond wait on graphql-js. */
export const COMPILES_PER_SECOND = 20;
/** Documents counted while they run on graphql-js, by digest: a 64-character key each. */
const MAX_SEEN = 10_000;

export interface ExecutorOptions {
  /** Runs on graphql-js before a document is compiled; Infinity: never. */
  compileAfter: number;
  /** graphql-jit's compiler (tests hand in one that fails). */
  compile?: typeof compileQuery;
  /** A clock in ms, for the compile budget (tests hand in their own). */
  now?: () => number;
  /** The compiled documents' size bound (tests hand in a small one). */
  maxCompiledBytes?: number;
}

export interface Operation {
  document: DocumentNode;
  /** Undefined when the document holds no operation of the name asked: graphql-js answers why. */
  operation: OperationDefinitionNode | undefined;
  /** The name the client asked for (null for none). */
  operationName: string | null;
  /** A digest of the query text (Apollo's queryHash), naming the document. */
  queryHash: string;
  variables: Record<string, unknown> | undefined;
  context: unknown;
}

export class Executor {
  /** Compiled operations by `keyOf`, or a note that graphql-jit refused one. */
  private readonly compiled: LRUCache<string, CompiledQuery | { refused: true }>;
  /** Runs on graphql-js so far, per document not yet compiled. */
  private readonly seen = new LRUCache<string, number>({ max: MAX_SEEN });
  /** How many operations this executor ran compiled, and how many on graphql-js (the process's are in /metrics). */
  readonly counts = { compiled: 0, interpreted: 0 };

  private readonly compileAfter: number;
  private readonly compile: typeof compileQuery;
  private readonly now: () => number;
  /** The current second of the compile budget: when it began, and the compilations in it. */
  private budget = { since: -Infinity, spent: 0 };

  constructor(
    private readonly schema: GraphQLSchema,
    {
      compileAfter,
      compile = compileQuery,
      now = () => performance.now(),
      maxCompiledBytes = MAX_COMPILED_BYTES,
    }: ExecutorOptions,
  ) {
    this.compiled = new LRUCache({ max: MAX_COMPILED, maxSize: maxCompiledBytes });
    this.compileAfter = compileAfter;
    this.compile = compile;
    this.now = now;
  }

  async run(op: Operation): Promise<ExecutionResult> {
    const { operation } = op;
    const compiled = operation && this.compiledFor(op);
    if (operation && compiled && this.variablesValid(operation, op.variables)) {
      this.counts.compiled++;
      recordExecution('compiled');
      return asGraphQLJs(await compiled.query(undefined, op.context, op.variables ?? {}), op.document);
    }
    this.counts.interpreted++;
    recordExecution('graphql-js');
    return execute({
      schema: this.schema,
      document: op.document,
      contextValue: op.context,
      variableValues: op.variables,
      operationName: op.operationName,
    });
  }

  /** The compiled operation, compiled once it has run `compileAfter` times; undefined while it runs on graphql-js. */
  private compiledFor(op: Operation): CompiledQuery | undefined {
    if (this.compileAfter === Infinity) return undefined;
    const key = keyOf(op);
    const kept = this.compiled.get(key);
    if (kept) return 'refused' in kept ? undefined : kept;
    const runs = this.seen.get(key) ?? 0;
    if (runs < this.compileAfter || !this.withinBudget()) {
      this.seen.set(key, runs + 1);
      return undefined;
    }
    this.seen.delete(key);
    const entry = this.tryCompile(op) ?? ({ refused: true } as const);
    this.compiled.set(key, entry, { size: (op.document.loc?.end ?? 0) + COMPILED_OVERHEAD_BYTES });
    return 'refused' in entry ? undefined : entry;
  }

  /** Whether one more compilation fits this second's budget, and if so spends it. */
  private withinBudget(): boolean {
    const now = this.now();
    if (now - this.budget.since >= 1000) this.budget = { since: now, spent: 0 };
    if (this.budget.spent >= COMPILES_PER_SECOND) return false;
    this.budget.spent++;
    return true;
  }

  /** The document compiled, or undefined when graphql-jit refuses it (errors returned, or thrown). */
  private tryCompile(op: Operation): CompiledQuery | undefined {
    try {
      const result = this.compile(this.schema, op.document, op.operationName ?? undefined);
      return isCompiledQuery(result) ? result : undefined;
    } catch {
      return undefined;
    }
  }

  private variablesValid(operation: OperationDefinitionNode, variables: Operation['variables']): boolean {
    const definitions = operation.variableDefinitions ?? [];
    if (definitions.length === 0) return true;
    return !getVariableValues(this.schema, definitions, variables ?? {}, { maxErrors: 1 }).errors;
  }
}

/**
 * A digest of the document and the operation name asked: the name may be as
 * long as the document, and a key stays in memory as long as its entry.
 */
function keyOf(op: Operation): string {
  return createHash('sha256').update(op.queryHash).update(JSON.stringify(op.operationName)).digest('hex');
}

/**
 * The result as graphql-js gives it (errors first), each error rebuilt as graphql-js builds a located error:
 * extensions from the thrown error (or none), and its locations as positions
 * in the document's source, which Apollo's own copy of each error keeps.
 */
function asGraphQLJs(result: ExecutionResult, document: DocumentNode): ExecutionResult {
  if (!result.errors) return result;
  const source = document.loc?.source;
  const lineStarts = source ? lineOffsets(source.body) : [];
  const errors = result.errors.map(
    (error) =>
      new GraphQLError(error.message, {
        path: error.path,
        originalError: error.originalError ?? undefined,
        ...(source && error.locations
          ? {
              source,
              positions: error.locations.map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1),
            }
          : {}),
      }),
  );
  // graphql-js's order, which Apollo's answer text keeps.
  return { errors, data: result.data };
}

/** Where each line of `body` starts, lines ending as graphql-js's getLocation ends them. */
function lineOffsets(body: string): number[] {
  const starts = [0];
  for (const match of body.matchAll(/\r\n|[\n\r]/g)) starts.push(match.index + match[0].length);
  return starts;
}
