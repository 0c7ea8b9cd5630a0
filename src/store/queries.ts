/**
 * Named Cypher queries, read once from `cypher/` at start.
 *
 * `cypher/<group>/<name>.cypher` is the dialect both engines accept and is
 * known as `<group>/<name>`. `cypher/<engine>/<group>/<name>.cypher` is one
 * engine's own version where the dialects differ (schema DDL, full-text search,
 * shortest paths, label introspection, a relationship's type, one node by id,
 * pruning): it overrides a common file of that name, or stands alone. A file may
 * start with `//` comment lines saying what it answers; they are not sent.
 *
 * Every query's `$parameters` are read from its text once, when it is loaded
 * (scanParams), so each adapter can insist on exactly those keys: Kuzu rejects
 * unbound or extra parameters while Neo4j ignores extras, and we want one behaviour.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { EngineName, Params } from './engine';
import { StoreError } from '../errors';
import { CYPHER_DIR } from '../paths';
import { KINDS } from './kinds';

/** Every kind of node a bare pattern variable may be narrowed to. */
const NODE_KINDS: readonly string[] = Object.values(KINDS);

export interface NamedQuery {
  readonly name: string;
  /** The file it came from, relative to the cypher directory (shown in errors). */
  readonly file: string;
  readonly text: string;
  readonly params: readonly string[];
  /** Parameters used as `IN $x`: they must be non-empty lists (Kuzu crashes on an empty or null one). */
  readonly listParams: readonly string[];
  /** Lines that drop out when their parameter turns them off (see `pruned`); none when absent. */
  readonly guards?: readonly Guard[];
}

/**
 * A line of a query that only matters for some values of one parameter:
 * `  AND ($x IS NULL OR …)` is off when $x is null, `  AND ($x <> 'VALUE' OR …)`
 * unless $x is 'VALUE'; an ordering term
 * `  CASE WHEN $x = 'VALUE' THEN … ELSE 0 END,` (a constant otherwise, which
 * orders nothing) and an argument of `coalesce(`
 * `  CASE WHEN $x = 'VALUE' THEN … ELSE NULL END,` (null otherwise, which
 * coalesce skips) are off unless $x is 'VALUE'. The last two must sit where
 * that holds, under a line ending in `ORDER BY` or `coalesce(` (or another
 * such line): a file that puts one elsewhere is refused when it is loaded.
 * A `WHERE ($x IS NULL OR …)` line is a guard that is never dropped, only
 * reduced when on. A guard that is on is reduced to what it then means: the
 * condition alone, or the term alone (see `pruned`).
 */
export interface Guard {
  /** Index of the line in the query's text. */
  readonly line: number;
  readonly param: string;
  /** The value that keeps the line; undefined: any non-null value does. */
  readonly when?: string;
  /**
   * The line as it reads when the guard is on; absent, it stays as written. A
   * condition or term with a subquery that uses a parameter stays: Kuzu 0.11.3
   * reports a parameter that only a subquery uses as not found when the same
   * WHERE tests another parameter (`Parameter editionId not found.`). A mix
   * of guards that still leaves one there runs the file as written (`pruned`).
   */
  readonly on?: string;
  /** A WHERE line: when off, it stays as it is (it holds for every row then). */
  readonly kept?: true;
  /** `$x <> 'VALUE'` is null, not true, for a null $x: the line then stays as it is. */
  readonly nullKeeps?: true;
}

const ENGINE_DIRS: readonly EngineName[] = ['kuzu', 'neo4j'];

export class QueryRegistry {
  private constructor(
    readonly engine: EngineName,
    private readonly byName: ReadonlyMap<string, NamedQuery>,
  ) {}

  /** Loads common files and this engine's overrides, and fails on any required name that has neither. */
  static load(engine: EngineName, required: readonly string[], dir: string = CYPHER_DIR): QueryRegistry {
    const byName = new Map<string, NamedQuery>();
    for (const file of cypherFiles(dir)) {
      const [top] = file.split('/');
      if (ENGINE_DIRS.includes(top as EngineName)) continue;
      const name = file.replace(/\.cypher$/, '');
      byName.set(name, parseQuery(dir, file, name));
    }
    const overrides = join(dir, engine);
    for (const file of cypherFiles(overrides)) {
      const name = file.replace(/\.cypher$/, '');
      byName.set(name, parseQuery(dir, `${engine}/${file}`, name));
    }
    const missing = required.filter((name) => !byName.has(name));
    if (missing.length > 0) {
      throw new Error(
        `missing Cypher for engine ${engine}: ${missing.map((n) => `${n}.cypher`).join(', ')} ` +
          `(looked in ${dir} and ${overrides})`,
      );
    }
    return new QueryRegistry(engine, byName);
  }

  /** True when this engine has a query of that name (an engine-only one may be absent). */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  get(name: string): NamedQuery {
    const query = this.byName.get(name);
    if (!query) throw new StoreError(`no Cypher query named ${name} for engine ${this.engine}`);
    return query;
  }

  all(): NamedQuery[] {
    return [...this.byName.values()];
  }
}

/**
 * The parameters as the engine gets them: for a query that declares them,
 * `$idsFrom` and `$idsTo` bound to the least and greatest of its `$ids`, then
 * checked against the parameters its text uses (checkParams).
 *
 * Why the bounds: Kuzu 0.11.3 tests every row a batch statement scans against
 * the whole `IN $ids` list, so 1,000 companies by id took 538 ms at 1000× data;
 * with `c.id >= $idsFrom AND c.id <= $idsTo` before the `IN`, only the rows in
 * range are tested: 37 ms when the ids lie close in key order (an export's page
 * in name order: ids are slugs of names), and about the same as before when
 * they do not. Neo4j seeks the ids in its index and filters the range after
 * (EXPLAIN of node/company and company/talks on 5.26; the answer is the same
 * whichever plan it picks).
 * The bounds are always computed here, never taken from a caller. Every stored
 * id is ASCII (ID_PATTERN), and every order of strings (UTF-16 units, code
 * points, UTF-8 bytes) ranks an ASCII string against any other alike, so bounds
 * taken in JavaScript's order hold every stored id of the batch on both engines.
 */
export function boundParams(query: NamedQuery, params: Params): Params {
  let bound = params;
  if (query.params.includes('idsFrom')) {
    // No list (null, a caller's mistake) binds empty bounds, so the adapter's own check of $ids reports it.
    const ids: readonly unknown[] = Array.isArray(params.ids) ? params.ids : [];
    const texts = ids.filter((id): id is string => typeof id === 'string');
    bound = {
      ...params,
      idsFrom: texts.reduce((least, id) => (id < least ? id : least), texts[0] ?? ''),
      idsTo: texts.reduce((most, id) => (id > most ? id : most), texts[0] ?? ''),
    };
  }
  checkParams(query, bound);
  return bound;
}

/** Throws unless `params` binds exactly the parameters the query text uses. */
export function checkParams(query: NamedQuery, params: Params): void {
  const given = Object.keys(params);
  const missing = query.params.filter((p) => !given.includes(p));
  const extra = given.filter((p) => !query.params.includes(p));
  if (missing.length || extra.length) {
    const parts = [
      missing.length ? `missing $${missing.join(', $')}` : '',
      extra.length ? `unexpected $${extra.join(', $')}` : '',
    ].filter(Boolean);
    throw new StoreError(`query ${query.name} (${query.file}): ${parts.join('; ')}`);
  }
}

/** Narrowed copies per query and choice of labels, so each is built once and prepared once. */
const narrowedCopies = new WeakMap<NamedQuery, Map<string, NamedQuery>>();

/**
 * The query with each node variable named in `labels` narrowed to one of the
 * labels its pattern lists (`(a:Edition:Talk…)` for Kuzu, `(a:Edition|Talk… {…})`
 * for Neo4j), or, where its pattern lists none (`(a {…})`, which both engines
 * read alike), labelled with any kind of node: an endpoint whose kind the caller
 * knows then needs no search through every table. On Kuzu a shortest path
 * between a company and a project took 102 ms at 1000× with both ends
 * unnarrowed, 26 ms narrowed. Only a label the file lists, or a kind of node,
 * can be chosen, so the texts stay a closed set; each copy has its own name,
 * since prepared statements are cached by name.
 */
export function narrowed(query: NamedQuery, labels: Readonly<Record<string, string>>): NamedQuery {
  const key = Object.entries(labels)
    .map(([variable, label]) => `${variable}:${label}`)
    .join(',');
  let copies = narrowedCopies.get(query);
  if (!copies) narrowedCopies.set(query, (copies = new Map()));
  let copy = copies.get(key);
  if (!copy) {
    let text = query.text;
    for (const [variable, label] of Object.entries(labels)) {
      // The one pattern that labels the variable, else the one that binds it bare: `(a {`
      // where a pattern starts (after MATCH, a relationship or a comma), not a map projection.
      const labelled = new RegExp(`\\(${variable}:([A-Za-z]+(?:[:|][A-Za-z]+)*)(?=[ )])`, 'g');
      const bare = new RegExp(`(?<=MATCH |-|, )\\(${variable}(?= \\{)`, 'g');
      let found = [...text.matchAll(labelled)];
      const pattern = found.length > 0 ? labelled : bare;
      const listed = found.length > 0 ? found[0]![1]!.split(/[:|]/) : NODE_KINDS;
      if (found.length === 0) found = [...text.matchAll(bare)];
      if (found.length !== 1 || !listed.includes(label)) {
        throw new StoreError(
          `query ${query.name} (${query.file}): cannot narrow ${variable} to ${label}: ` +
            `it must be one of the labels of the one pattern that names ${variable}`,
        );
      }
      text = text.replace(pattern, `(${variable}:${label}`);
    }
    copy = rewritten(query, `${query.name}[${key}]`, text);
    copies.set(key, copy);
  }
  return copy;
}

/**
 * A copy of `query` under `name`, its text rewritten within lines. Its guard
 * lines must be left as they were: `pruned` rebuilds a reduced line from the
 * file's own (Guard.on), which would undo a rewrite made there.
 */
function rewritten(query: NamedQuery, name: string, text: string): NamedQuery {
  const before = query.text.split('\n');
  const after = text.split('\n');
  const touched =
    after.length !== before.length ||
    (query.guards ?? []).some((guard) => after[guard.line] !== before[guard.line]);
  if (touched) {
    throw new StoreError(
      `query ${query.name} (${query.file}): ${name} would rewrite a guard line, which pruning would undo`,
    );
  }
  return { ...query, name, text };
}

/** Projected copies per query and choice of properties, built and prepared once each. */
const projectedCopies = new WeakMap<NamedQuery, Map<string, NamedQuery>>();

/**
 * The query with the node it returns as `column` (`node` unless told) projected
 * to a few properties: each `{node: v,` or `, node: v,` (a page collected before
 * its count) and `v AS node` in a RETURN becomes a map of `properties` read from
 * `v`. Kuzu reads a whole column for every property of a node it returns, so a
 * talk page asked only for titles takes half the time with the three properties
 * it needs (1×: 2.8 → 1.3 ms; 1000×: 25 → 15 ms), and its editions asked only
 * for names (`edition` as `edition`) half again (1×: 3.1 → 1.5 ms). The caller
 * must treat the rows as partial nodes (see Repository.pageRows). Names are
 * checked, the file must return the node in one of those forms exactly once, and
 * each copy is named apart, since prepared statements are cached by name.
 */
export function projected(
  query: NamedQuery,
  variable: string,
  properties: readonly string[],
  column = 'node',
): NamedQuery {
  const key = `${variable}{${properties.join(',')}}`;
  let copies = projectedCopies.get(query);
  if (!copies) projectedCopies.set(query, (copies = new Map()));
  let copy = copies.get(`${column}:${key}`);
  if (!copy) {
    const fail = (why: string) =>
      new StoreError(`query ${query.name} (${query.file}): cannot project ${variable}: ${why}`);
    if (![variable, column, ...properties].every((name) => /^[A-Za-z][A-Za-z0-9]*$/.test(name))) {
      throw fail('variable, column and properties must be plain names');
    }
    const map = `{${properties.map((p) => `${p}: ${variable}.${p}`).join(', ')}}`;
    const forms = [
      new RegExp(`(?<=\\{|, )${column}: ${variable}(?=[,}])`, 'g'),
      new RegExp(`(?<=(?:\\bRETURN|,) )${variable} AS ${column}\\b`, 'g'),
    ];
    const found = forms.reduce((n, form) => n + (query.text.match(form)?.length ?? 0), 0);
    if (found !== 1) throw fail(`it must return ${variable} as ${column} exactly once (found ${found})`);
    const text = query.text.replace(forms[0]!, `${column}: ${map}`).replace(forms[1]!, `${map} AS ${column}`);
    // Named by what it reads; a column other than `node` or the variable itself is named too.
    const named = column === 'node' || column === variable ? key : `${column}=${key}`;
    copy = rewritten(query, `${query.name}${named}`, text);
    copies.set(`${column}:${key}`, copy);
  }
  return copy;
}

/** Unioned copies per query and branch count, built and prepared once each. */
const unionedCopies = new WeakMap<NamedQuery, Map<number, NamedQuery>>();

/**
 * `count` copies of a one-parameter lookup (node/one, narrowed and projected)
 * joined by UNION ALL, the i-th binding `$<param>i`: a few nodes by id in one
 * statement that looks each one up in its key index. Kuzu 0.11.3 answers
 * `IN $ids` by scanning the table however short the list (six projects by
 * id: 20 ms at 1000×) and an UNWIND of ids by joining it with the whole table
 * (24 ms); six lookups unioned take 4.3 ms there, about 0.7 ms each, so the
 * caller keeps the count small. Rows come in no promised order: each carries
 * its key. The lookup must bind `param` alone, and no list.
 */
export function unioned(query: NamedQuery, param: string, count: number): NamedQuery {
  let copies = unionedCopies.get(query);
  if (!copies) unionedCopies.set(query, (copies = new Map()));
  let copy = copies.get(count);
  if (!copy) {
    if (
      query.params.length !== 1 ||
      query.params[0] !== param ||
      query.listParams.length ||
      query.guards?.length
    ) {
      throw new StoreError(
        `query ${query.name} (${query.file}): only a lookup by $${param} alone can be unioned`,
      );
    }
    if (!Number.isInteger(count) || count < 1)
      throw new StoreError(`cannot union ${count} copies of ${query.name}`);
    const use = new RegExp(`\\$${param}\\b`, 'g');
    const names = Array.from({ length: count }, (_, i) => `${param}${i}`);
    const text = names.map((name) => query.text.replace(use, `$${name}`)).join('\nUNION ALL\n');
    copy = { ...query, name: `${query.name}×${count}`, text, params: names, listParams: [], guards: [] };
    copies.set(count, copy);
  }
  return copy;
}

/** Pruned copies per query and choice of guards, built and prepared once each. */
const prunedCopies = new WeakMap<NamedQuery, Map<string, NamedQuery>>();

/**
 * The query without the guard lines its parameters turn off, with those they
 * turn on reduced to what they then mean, and the parameters the copy still
 * binds. Kuzu 0.11.3 evaluates both sides of an OR, so an unset
 * `AND ($editionId IS NULL OR EXISTS { … })` still runs its subquery for every
 * row, and a `CASE WHEN $sort = 'TALKS' THEN -COUNT { … }` counts for every row
 * whatever the sort: Query.projects filtered by name took 53 ms at 1000× with
 * both, 18 ms without. Neo4j plans an index only for a condition or an ordering
 * term it can see: `p.searchText CONTAINS $q` uses a text index where
 * `($q IS NULL OR p.searchText CONTAINS $q)` scans every project (1000×: 88 →
 * 7 ms), and `ORDER BY t.newestKey` reads a range index in order where a `CASE`
 * sorts every talk. Each copy is named apart (prepared statements are cached by
 * name); a query without guards is itself.
 */
export function pruned(query: NamedQuery, params: Params): { query: NamedQuery; params: Params } {
  const off: Guard[] = [];
  const on: Guard[] = [];
  // `$x <> 'V' OR …` lines a null $x leaves as written: named apart, since the same
  // line is dropped for another value and both choices would otherwise share a name.
  const held: Guard[] = [];
  for (const guard of query.guards ?? []) {
    // A parameter not bound at all keeps its line as written, for checkParams to report.
    if (!Object.hasOwn(params, guard.param)) continue;
    const value = params[guard.param];
    if (value == null && guard.nullKeeps) {
      held.push(guard);
      continue;
    }
    const isOn = guard.when === undefined ? value != null : value === guard.when;
    if (isOn) {
      if (guard.on !== undefined) on.push(guard);
    } else if (!guard.kept) off.push(guard);
  }
  if (off.length === 0 && on.length === 0) return { query, params };
  const key = [off, on, held].map((guards) => guards.map((guard) => guard.line).join(',')).join('/');
  let copies = prunedCopies.get(query);
  if (!copies) prunedCopies.set(query, (copies = new Map()));
  let copy = copies.get(key);
  if (!copy) {
    const dropped = new Set(off.map((guard) => guard.line));
    const reduced = new Map(on.map((guard) => [guard.line, guard.on!]));
    const text = query.text
      .split('\n')
      .flatMap((line, i) => (dropped.has(i) ? [] : [reduced.get(i) ?? line]))
      .join('\n');
    const named = (tag: string, guards: Guard[]) =>
      guards.length === 0 ? '' : `-${tag}(${[...new Set(guards.map(guardName))].join(',')})`;
    // Guard.on keeps a line whose own subquery uses a parameter; a mix of lines
    // can still leave one only inside a subquery (its uses outside were all on
    // lines dropped or reduced): that copy would fail on Kuzu, so the file runs
    // as written, which every choice of values answers alike, only slower.
    // tests/store/queries.test.ts checks that no file's mix comes to this.
    const before = new Set(subqueryOnlyParams(query.text));
    const trapped = subqueryOnlyParams(text).some((param) => !before.has(param));
    copy = trapped
      ? query
      : {
          ...query,
          ...scanParams(text),
          name: `${query.name}${named('without', off)}${named('with', on)}${named('keeping', held)}`,
          text,
          // Line numbers shift in the copy, and its guards are settled (it is pruned once).
          guards: [],
        };
    copies.set(key, copy);
  }
  if (copy === query) return { query, params };
  // Unbind only what the dropped or reduced lines alone used: anything else the
  // caller sent (a misspelt name included) still reaches checkParams, as unpruned.
  const bound: Record<string, Params[string]> = {};
  for (const [name, value] of Object.entries(params)) {
    if (copy.params.includes(name) || !query.params.includes(name)) bound[name] = value;
  }
  return { query: copy, params: bound };
}

/** Splits a multi-statement file (schema DDL) on `;` at line ends. */
export function statements(query: NamedQuery): string[] {
  return query.text
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseQuery(dir: string, file: string, name: string): NamedQuery {
  const raw = readFileSync(join(dir, file), 'utf8');
  const text = raw
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim();
  if (!text) throw new Error(`empty Cypher file: ${file}`);
  const { params, listParams } = scanParams(text);
  const withoutStrings = stripStrings(text);
  for (const list of listParams) {
    // Whole names only: `$idsFrom` is not a use of `$ids`.
    const uses = [...withoutStrings.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].filter(
      (m) => m[1] === list,
    ).length;
    if (uses > 1) {
      // Kuzu 0.11.3 segfaults when one list parameter is bound in two places
      // (a UNION, or two MATCH parts); refuse such a file for every engine.
      throw new Error(
        `${file}: list parameter $${list} is used ${uses} times; use it once (Kuzu crashes otherwise)`,
      );
    }
  }
  return { name, file, text, params, listParams, guards: guardsOf(file, text) };
}

function stripStrings(text: string): string {
  return text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
}

/** The `$parameters` a text binds, and those it uses as `IN $x`. */
function scanParams(text: string): { params: string[]; listParams: string[] } {
  const withoutStrings = stripStrings(text);
  const params = [...new Set([...withoutStrings.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))];
  const listParams = [
    ...new Set([...withoutStrings.matchAll(/\bIN\s+\$([A-Za-z_][A-Za-z0-9_]*)/gi)].map((m) => m[1]!)),
  ];
  return { params, listParams };
}

/** `  AND ($x IS NULL OR cond)`, `  AND ($x <> 'VALUE' OR cond)`, or the same opening a WHERE. */
const CONDITION_GUARD =
  /^(\s*(AND|WHERE) )\(\$([A-Za-z_][A-Za-z0-9_]*) (?:IS NULL|<> '([A-Z_]+)') OR (.*)\)$/;
const VALUE_GUARD =
  /^(\s*)CASE WHEN \$([A-Za-z_][A-Za-z0-9_]*) = '([A-Z_]+)' THEN ((?:(?! WHEN ).)*) ELSE (0|NULL) END,$/;
/** Where each kind of value guard may sit: the line that opens its run of guards. */
const VALUE_GUARD_OPENER: Record<string, RegExp> = { '0': /\bORDER BY$/, NULL: /\bcoalesce\($/ };

/** The guard lines of a text (see Guard), found by their exact shapes. */
function guardsOf(file: string, text: string): Guard[] {
  const guards: Guard[] = [];
  const lines = text.split('\n');
  let opener: string | undefined; // the line above the current run of value guards
  lines.forEach((line, i) => {
    const byCondition = CONDITION_GUARD.exec(line);
    if (byCondition && closesAtEnd(stripStrings(line))) {
      const [, lead, keyword, param, when, condition] = byCondition;
      guards.push({
        line: i,
        param: param!,
        ...(when === undefined ? {} : { when, nullKeeps: true as const }),
        ...(usesParamInSubquery(condition!) ? {} : { on: `${lead}(${condition})` }),
        ...(keyword === 'WHERE' ? { kept: true as const } : {}),
      });
    }
    const byValue = VALUE_GUARD.exec(line);
    if (!byValue) {
      opener = undefined;
      return;
    }
    const [, indent, param, when, term, otherwise] = byValue;
    opener ??= lines[i - 1]?.trimEnd() ?? '';
    if (!VALUE_GUARD_OPENER[otherwise!]!.test(opener)) {
      // Dropping it anywhere else would change the answer (a column of a RETURN, say).
      const where = otherwise === '0' ? 'an ORDER BY' : 'a coalesce(';
      throw new Error(`${file}:${i + 1}: a line ending "ELSE ${otherwise} END," must be a term of ${where}`);
    }
    guards.push({
      line: i,
      param: param!,
      when: when!,
      ...(usesParamInSubquery(term!) ? {} : { on: `${indent}${term},` }),
    });
  });
  return guards;
}

/**
 * The parameters `text` uses only inside EXISTS, COUNT or COLLECT subqueries
 * (`{ … }`, braces matched, strings ignored), none outside: see Guard.on.
 */
export function subqueryOnlyParams(text: string): string[] {
  const stripped = stripStrings(text);
  const opener = /\b(?:EXISTS|COUNT|COLLECT)\s*\{/gi;
  let outside = '';
  let from = 0;
  for (let m = opener.exec(stripped); m; m = opener.exec(stripped)) {
    outside += stripped.slice(from, m.index);
    let depth = 0;
    let i = m.index + m[0].length - 1;
    for (; i < stripped.length; i++) {
      if (stripped[i] === '{') depth += 1;
      else if (stripped[i] === '}' && --depth === 0) break;
    }
    from = i + 1;
    opener.lastIndex = from;
  }
  outside += stripped.slice(from);
  const used = new Set(scanParams(outside).params);
  return scanParams(text).params.filter((param) => !used.has(param));
}

/** True when `text` holds a subquery (`{ … }`) that uses a parameter: see Guard.on. */
function usesParamInSubquery(text: string): boolean {
  return /\{[^]*\$/.test(stripStrings(text));
}

/** True when the first `(` of a line closes at its last character: the line is one condition. */
function closesAtEnd(line: string): boolean {
  let depth = 0;
  const start = line.indexOf('(');
  for (let i = start; i < line.length; i++) {
    if (line[i] === '(') depth += 1;
    else if (line[i] === ')' && --depth === 0) return i === line.length - 1;
  }
  return false;
}

function guardName(guard: Guard): string {
  return guard.when === undefined ? guard.param : `${guard.param}:${guard.when}`;
}

function cypherFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const entry of entries.sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.cypher')) out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return out;
}
