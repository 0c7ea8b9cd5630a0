/** The named-query registry: overrides, missing names, parameter binding. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  boundParams,
  checkParams,
  narrowed,
  projected,
  pruned,
  QueryRegistry,
  statements,
  subqueryOnlyParams,
  unioned,
} from '../../src/store/queries';
import { TALK_LIST_QUERIES } from '../../src/store/query-names';
import { StoreError } from '../../src/errors';
import { queriesFor } from '../../src/store/open';
import { KINDS } from '../../src/store/kinds';

function cypherDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'recap-graph-cypher-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('QueryRegistry', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prefers the engine override and ignores the other engine’s files', () => {
    dir = cypherDir({
      'a/q.cypher': '// common\nMATCH (n) RETURN n',
      'kuzu/a/q.cypher': 'MATCH (k) RETURN k',
      'neo4j/only.cypher': 'RETURN 1',
    });
    const kuzu = QueryRegistry.load('kuzu', ['a/q'], dir);
    expect(kuzu.get('a/q')).toMatchObject({ text: 'MATCH (k) RETURN k', file: 'kuzu/a/q.cypher' });
    expect(() => kuzu.get('only')).toThrow(/no Cypher query named only for engine kuzu/);
    const neo4j = QueryRegistry.load('neo4j', ['a/q', 'only'], dir);
    expect(neo4j.get('a/q').text).toBe('MATCH (n) RETURN n');
  });

  it('fails at load naming every missing query file', () => {
    dir = cypherDir({ 'a/q.cypher': 'RETURN 1' });
    expect(() => QueryRegistry.load('kuzu', ['a/q', 'b/r', 'c/s'], dir)).toThrow(
      /missing Cypher for engine kuzu: b\/r.cypher, c\/s.cypher/,
    );
  });

  it('finds parameters outside string literals and refuses a list parameter used twice', () => {
    dir = cypherDir({
      'a/q.cypher': "MATCH (n) WHERE n.id IN $ids AND n.name <> '$notAParam' RETURN n LIMIT $limit",
    });
    const q = QueryRegistry.load('kuzu', [], dir).get('a/q');
    expect(q.params).toEqual(['ids', 'limit']);
    expect(q.listParams).toEqual(['ids']);
    rmSync(dir, { recursive: true, force: true });
    dir = cypherDir({
      'a/q.cypher': 'MATCH (n) WHERE n.id IN $ids RETURN n UNION MATCH (n) WHERE n.id IN $ids RETURN n',
    });
    expect(() => QueryRegistry.load('kuzu', [], dir)).toThrow(/\$ids is used 2 times/);
    // A parameter whose name starts with the list's is another parameter.
    dir = cypherDir({ 'a/q.cypher': 'MATCH (n) WHERE n.id >= $idsFrom AND n.id IN $ids RETURN n' });
    expect(QueryRegistry.load('kuzu', [], dir).get('a/q').params).toEqual(['idsFrom', 'ids']);
  });

  it('checks that parameters are bound exactly', () => {
    dir = cypherDir({ 'a/q.cypher': 'MATCH (n) WHERE n.id = $id RETURN n LIMIT $limit' });
    const q = QueryRegistry.load('kuzu', [], dir).get('a/q');
    expect(() => checkParams(q, { id: 'x', limit: 1 })).not.toThrow();
    expect(() => checkParams(q, { id: 'x' })).toThrow(/missing \$limit/);
    expect(() => checkParams(q, { id: 'x', limit: 1, extra: 2 })).toThrow(/unexpected \$extra/);
  });

  it("binds $idsFrom and $idsTo to the least and greatest id of a batch that declares them, never a caller's", () => {
    dir = cypherDir({
      'a/bounded.cypher': 'MATCH (n) WHERE n.id >= $idsFrom AND n.id <= $idsTo AND n.id IN $ids RETURN n',
      'a/plain.cypher': 'MATCH (n) WHERE n.id IN $ids RETURN n',
    });
    const registry = QueryRegistry.load('kuzu', [], dir);
    const ids = ['talk:m', 'company:z', '\u{1F600}', 'talk:a', 'a'];
    expect(boundParams(registry.get('a/bounded'), { ids })).toEqual({
      ids,
      idsFrom: 'a',
      idsTo: '\u{1F600}',
    });
    // Bounds a caller sends are replaced: a wrong pair would silently drop rows.
    expect(boundParams(registry.get('a/bounded'), { ids: ['b', 'c'], idsFrom: 'x', idsTo: 'y' })).toEqual({
      ids: ['b', 'c'],
      idsFrom: 'b',
      idsTo: 'c',
    });
    // No list at all binds empty bounds, for the adapter's own check of $ids to report.
    expect(boundParams(registry.get('a/bounded'), { ids: null })).toEqual({
      ids: null,
      idsFrom: '',
      idsTo: '',
    });
    expect(boundParams(registry.get('a/plain'), { ids })).toEqual({ ids });
    expect(() => boundParams(registry.get('a/plain'), { ids, idsFrom: 'a' })).toThrow(/unexpected \$idsFrom/);
  });

  it('bound every batch of keys in the real cypher/ directory, on both engines, before its IN list', () => {
    // A batch read is `WHERE v.key IN $ids` (a DataLoader batch, an export page): on
    // Kuzu each row is tested against the whole list unless the range comes first (boundParams).
    let batches = 0;
    for (const engine of ['kuzu', 'neo4j'] as const) {
      for (const query of queriesFor(engine).all()) {
        for (const [, key] of query.text.matchAll(/(?<!NOT )\b(\w+\.\w+) IN \$ids\b/g)) {
          batches += 1;
          expect([query.file, query.text]).toEqual([
            query.file,
            expect.stringContaining(`${key} >= $idsFrom AND ${key} <= $idsTo AND ${key} IN $ids`),
          ]);
        }
        // Any list of keys is bounded, whatever the shape of its filter; `NOT … IN` excludes, it is no batch.
        if (query.listParams.includes('ids') && !/\bNOT \w+\.\w+ IN \$ids\b/.test(query.text)) {
          expect([query.file, query.params]).toEqual([
            query.file,
            expect.arrayContaining(['idsFrom', 'idsTo']),
          ]);
        }
        if (query.params.includes('idsFrom'))
          expect([query.file, query.params]).toEqual([query.file, expect.arrayContaining(['ids', 'idsTo'])]);
      }
    }
    expect(batches).toBeGreaterThan(100);
  });

  it('splits a schema file into statements', () => {
    dir = cypherDir({ 'kuzu/schema.cypher': '// DDL\nCREATE A;\nCREATE B;\n' });
    expect(statements(QueryRegistry.load('kuzu', ['schema'], dir).get('schema'))).toEqual([
      'CREATE A',
      'CREATE B',
    ]);
  });

  it('has every query the service needs, for both engines, in the real cypher/ directory', () => {
    expect(() => queriesFor('kuzu')).not.toThrow();
    expect(() => queriesFor('neo4j')).not.toThrow();
  });
});

describe('unioned lookups', () => {
  const registry = QueryRegistry.load('kuzu', ['node/one', 'node/project']);

  it('joins copies of a lookup, each binding its own parameter, built once per count', () => {
    const one = narrowed(registry.get('node/one'), { n: 'Project' });
    const three = unioned(one, 'id', 3);
    expect(three.params).toEqual(['id0', 'id1', 'id2']);
    expect(three.text.split('\nUNION ALL\n')).toEqual(
      ['id0', 'id1', 'id2'].map((p) => one.text.replace('$id', `$${p}`)),
    );
    expect(three.name).toBe(`${one.name}×3`);
    expect(unioned(one, 'id', 3)).toBe(three);
    expect(() => checkParams(three, { id0: 'a', id1: 'b', id2: 'c' })).not.toThrow();
  });

  it('refuses a query that is not a lookup by that one parameter, and a count below one', () => {
    expect(() => unioned(registry.get('node/project'), 'ids', 2)).toThrow(StoreError);
    expect(() => unioned(registry.get('node/one'), 'key', 2)).toThrow(StoreError);
    expect(() => unioned(registry.get('node/one'), 'id', 0)).toThrow(StoreError);
  });
});

describe('analyst/path endpoints', () => {
  it('name every label a node id can have, on both engines, so no endpoint is ever missed', () => {
    // The labels are spelled out to keep Link's table out of the search (see the files).
    const labels = Object.values(KINDS).sort();
    const kuzu = queriesFor('kuzu').get('analyst/path').text;
    const neo4j = queriesFor('neo4j').get('analyst/path').text;
    for (const [text, separator] of [
      [kuzu, ':'],
      [neo4j, '|'],
    ] as const) {
      const endpoints = [...text.matchAll(/MATCH \((?:a|b):([\w:|]+)/g)].map((m) =>
        m[1]!.split(separator).sort(),
      );
      expect(endpoints).toEqual([labels, labels]);
    }
  });

  it('narrow to one label each, only among the labels the file lists, once per choice', () => {
    for (const engine of ['kuzu', 'neo4j'] as const) {
      const path = queriesFor(engine).get('analyst/path');
      const copy = narrowed(path, { a: 'Company', b: 'Project' });
      const endpoints = [...copy.text.matchAll(/MATCH \((a|b):([\w:|]+)/g)].map((m) => `${m[1]}:${m[2]}`);
      expect(endpoints).toEqual(['a:Company', 'b:Project']);
      // The rest of the statement is untouched, and the copy has its own name (prepared by name).
      expect(copy.text.replace(/\((a|b):[\w:|]+/g, '')).toEqual(path.text.replace(/\((a|b):[\w:|]+/g, ''));
      expect(copy.params).toEqual(path.params);
      expect(copy.name).not.toBe(path.name);
      expect(narrowed(path, { a: 'Company', b: 'Project' })).toBe(copy);
      expect(narrowed(path, { a: 'Project', b: 'Company' }).name).not.toBe(copy.name);
      // A label the pattern does not list, or a variable no pattern labels, is refused.
      expect(() => narrowed(path, { a: 'Link', b: 'Project' })).toThrow(StoreError);
      expect(() => narrowed(path, { a: 'Company) DETACH DELETE (x', b: 'Project' })).toThrow(StoreError);
      expect(() => narrowed(path, { p: 'Company' })).toThrow(StoreError);
    }
  });

  it('label a variable its one pattern binds bare, with any kind of node and nothing else', () => {
    const hops = queriesFor('kuzu').get('analyst/path-hops-2');
    expect(hops.text).toMatch(/\(a \{id: \$from\}\)/);
    const copy = narrowed(hops, { a: 'Company', b: 'Project' });
    expect(copy.text).toMatch(
      /^MATCH \(a:Company \{id: \$from\}\)-\[r1\]-\(m1\)-\[r2\]-\(b:Project \{id: \$to\}\)$/m,
    );
    expect(copy.text.replace(/:(Company|Project) \{/g, ' {')).toEqual(hops.text);
    // Link is no kind of node a path reaches; an unbound middle variable has no pattern of its own.
    expect(() => narrowed(hops, { a: 'Link', b: 'Project' })).toThrow(StoreError);
    expect(() => narrowed(hops, { m1: 'Talk' })).toThrow(StoreError);
    // A map projection is no pattern: `collect(a {.name})` is left alone.
    const dir = cypherDir({ 'a/q.cypher': 'MATCH (x)-[r]-(a)\nRETURN collect(a {.name}) AS names' });
    try {
      expect(() => narrowed(QueryRegistry.load('kuzu', [], dir).get('a/q'), { a: 'Talk' })).toThrow(
        StoreError,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('project every talk page to a card once per choice, and refuse what they cannot rewrite', () => {
    for (const engine of ['kuzu', 'neo4j'] as const) {
      const registry = queriesFor(engine);
      for (const name of [...TALK_LIST_QUERIES.filter((n) => !n.endsWith('-count')), 'edition/talks']) {
        const page = registry.get(name);
        const copy = projected(page, 't', ['id', 'title']);
        // The node is returned as the map in the copy, and nowhere whole; nothing else changes.
        const map = '{id: t.id, title: t.title}';
        expect([name, copy.text.split(map).length - 1]).toEqual([name, 1]);
        expect([name, /\bt AS node\b|\{node: t,/.test(copy.text)]).toEqual([name, false]);
        expect(copy.text.replace(map, 't')).toEqual(page.text);
        expect(copy.params).toEqual(page.params);
        expect(copy.name).not.toBe(page.name);
        expect(projected(page, 't', ['id', 'title'])).toBe(copy);
        // A page's editions are projected alike, as a second column: only their map changes.
        if (!name.startsWith('list/talks-') || name.includes('unfiltered')) continue;
        const both = projected(copy, 'edition', ['id', 'name'], 'edition');
        const editionMap = '{id: edition.id, name: edition.name}';
        expect([name, both.text.split(editionMap).length - 1]).toEqual([name, 1]);
        expect(both.text.replace(editionMap, 'edition')).toEqual(copy.text);
        expect(both.params).toEqual(page.params);
        expect(both.name).toBe(`${copy.name}edition{id,name}`);
        expect(projected(copy, 'edition', ['id', 'name'], 'edition')).toBe(both);
        expect(() => projected(copy, 'edition', ['id'], 'other')).toThrow(StoreError);
      }
      // A file that does not return t as node, or names that are not plain, are refused.
      expect(() => projected(registry.get('list/companies'), 't', ['id'])).toThrow(StoreError);
      const talks = registry.get('list/talks-unfiltered');
      expect(() => projected(talks, 't', ['id}) DETACH DELETE (t'])).toThrow(StoreError);
      expect(() => projected(talks, 't) RETURN (x', ['id'])).toThrow(StoreError);
    }
  });
});

describe('guard lines', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const text = [
    'MATCH (p:Project)',
    'WHERE ($name IS NULL OR p.name = $name)',
    '  AND ($edition IS NULL OR EXISTS { MATCH (p)<-[:MENTIONS]-(:Talk {editionId: $edition}) })',
    "  AND ($a IS NULL OR p.a = $a) AND (p.b = 'x')",
    "  AND ($c IS NULL OR p.c = ')')",
    'RETURN p AS node',
    'ORDER BY',
    "  CASE WHEN $sort = 'TALKS' THEN -COUNT { MATCH (p)<-[:MENTIONS]-(:Talk) } ELSE 0 END,",
    "  CASE WHEN $sort = 'A' THEN 1 WHEN $sort = 'B' THEN 2 ELSE 0 END,",
    '  p.id',
  ].join('\n');

  it('are found only in their exact shapes, one whole condition or ordering term per line', () => {
    dir = cypherDir({ 'a/q.cypher': text });
    const q = QueryRegistry.load('kuzu', [], dir).get('a/q');
    // Not a line with a second condition, not a CASE with two branches; the WHERE line is kept when off.
    expect(q.guards).toEqual([
      { line: 1, param: 'name', on: 'WHERE (p.name = $name)', kept: true },
      // A condition holding a subquery stays as written when on (a Kuzu trap, see Guard).
      { line: 2, param: 'edition' },
      { line: 4, param: 'c', on: "  AND (p.c = ')')" },
      { line: 7, param: 'sort', when: 'TALKS', on: '  -COUNT { MATCH (p)<-[:MENTIONS]-(:Talk) },' },
    ]);
  });

  it('drop out when their parameter turns them off, are reduced when on, and the copy binds only what it uses', () => {
    dir = cypherDir({ 'a/q.cypher': text });
    const q = QueryRegistry.load('kuzu', [], dir).get('a/q');
    const all = { name: null, edition: null, a: null, c: 'x', sort: 'NAME' };
    const { query, params } = pruned(q, all);
    expect(query.text).not.toMatch(/EXISTS|COUNT/);
    expect(query.text.split('\n')).toEqual([
      'MATCH (p:Project)',
      'WHERE ($name IS NULL OR p.name = $name)',
      "  AND ($a IS NULL OR p.a = $a) AND (p.b = 'x')",
      "  AND (p.c = ')')",
      'RETURN p AS node',
      'ORDER BY',
      "  CASE WHEN $sort = 'A' THEN 1 WHEN $sort = 'B' THEN 2 ELSE 0 END,",
      '  p.id',
    ]);
    // $c is no longer used: it is unbound, as the dropped lines' parameters are.
    expect(query.params).toEqual(['name', 'a', 'sort']);
    expect(params).toEqual({ name: null, a: null, sort: 'NAME' });
    expect(query.name).toBe('a/q-without(edition,sort:TALKS)-with(c)');
    expect(() => checkParams(query, params)).not.toThrow();
    // A name the query never uses is still sent, for checkParams to report, as it would unpruned.
    const typo = pruned(q, { ...all, editon: 'edition:x' });
    expect(typo.query).toBe(query);
    expect(() => checkParams(typo.query, typo.params)).toThrow(/unexpected \$editon/);
    // Built once per choice; every guard on: each reduced to its condition or term.
    expect(pruned(q, all).query).toBe(query);
    const every = pruned(q, { ...all, name: 'n', edition: 'edition:x', sort: 'TALKS' });
    expect(every.query.text.split('\n')).toEqual([
      'MATCH (p:Project)',
      'WHERE (p.name = $name)',
      '  AND ($edition IS NULL OR EXISTS { MATCH (p)<-[:MENTIONS]-(:Talk {editionId: $edition}) })',
      "  AND ($a IS NULL OR p.a = $a) AND (p.b = 'x')",
      "  AND (p.c = ')')",
      'RETURN p AS node',
      'ORDER BY',
      '  -COUNT { MATCH (p)<-[:MENTIONS]-(:Talk) },',
      "  CASE WHEN $sort = 'A' THEN 1 WHEN $sort = 'B' THEN 2 ELSE 0 END,",
      '  p.id',
    ]);
    expect(every.query.name).toBe('a/q-with(name,c,sort:TALKS)');
    expect(every.query.params).toEqual(['name', 'edition', 'a', 'sort']);
    // No guard bound: the query itself.
    expect(pruned(q, { a: null }).query).toBe(q);
    // A parameter the caller did not bind keeps its guard line, for checkParams to report.
    const unbound = pruned(q, { name: null, a: null, c: null, sort: 'NAME' });
    expect(unbound.query.text).toMatch(/\$edition IS NULL OR EXISTS/);
    expect(() => checkParams(unbound.query, unbound.params)).toThrow(/missing \$edition/);
  });

  it('take conditions that hold unless a parameter has one value, kept as written when it is null', () => {
    dir = cypherDir({
      'a/q.cypher': [
        'MATCH (t:Talk)',
        'WHERE true',
        "  AND ($sort <> 'NEWEST' OR t.newestKey IS NOT NULL)",
        "  AND ($sort <> 'TITLE' OR t.titleKey IS NOT NULL)",
        'RETURN t AS node',
      ].join('\n'),
      'b/q.cypher': [
        'MATCH (t:Talk)',
        'WHERE true',
        "  AND ($sort <> 'NEWEST' OR t.newestKey IS NOT NULL)",
        'RETURN t AS node',
        'ORDER BY',
        "  CASE WHEN $sort = 'NEWEST' THEN t.newestKey ELSE 0 END,",
        '  t.id',
      ].join('\n'),
    });
    const q = QueryRegistry.load('kuzu', [], dir).get('a/q');
    expect(pruned(q, { sort: 'NEWEST' }).query.text).toBe(
      'MATCH (t:Talk)\nWHERE true\n  AND (t.newestKey IS NOT NULL)\nRETURN t AS node',
    );
    expect(pruned(q, { sort: 'OLDEST' }).query.text).toBe('MATCH (t:Talk)\nWHERE true\nRETURN t AS node');
    expect(pruned(q, { sort: 'OLDEST' }).params).toEqual({});
    // null <> 'NEWEST' is null, not true: dropping the line would change the answer.
    expect(pruned(q, { sort: null }).query).toBe(q);
    // Where something else is pruned, that choice is named apart from a value that drops the lines.
    const b = QueryRegistry.load('kuzu', [], dir).get('b/q');
    const unset = pruned(b, { sort: null }).query;
    const other = pruned(b, { sort: 'OLDEST' }).query;
    expect(unset.text).toMatch(/\$sort <> 'NEWEST'/);
    expect(other.text).not.toMatch(/NEWEST/);
    expect(unset.name).not.toBe(other.name);
    expect(unset.name).toBe('b/q-without(sort:NEWEST)-keeping(sort:NEWEST)');
  });

  it('keep a condition or term whose subquery uses a parameter as written when on (Kuzu would not find it)', () => {
    dir = cypherDir({
      'a/q.cypher': [
        'MATCH (p:Project)',
        'WHERE p.id IS NOT NULL',
        '  AND ($e IS NULL OR EXISTS { MATCH (p)<-[:MENTIONS]-(:Talk {editionId: $e}) })',
        '  AND ($f IS NULL OR EXISTS { MATCH (p)<-[:MENTIONS]-(:Talk) })',
        'RETURN p AS node',
        'ORDER BY',
        "  CASE WHEN $sort = 'TALKS' THEN -COUNT { MATCH (p)<-[:MENTIONS]-(:Talk {editionId: $e}) } ELSE 0 END,",
        '  p.id',
      ].join('\n'),
    });
    const q = QueryRegistry.load('kuzu', [], dir).get('a/q');
    const on = pruned(q, { e: 'edition:x', f: true, sort: 'TALKS' }).query;
    expect(on.text.split('\n').slice(2, 4)).toEqual([
      '  AND ($e IS NULL OR EXISTS { MATCH (p)<-[:MENTIONS]-(:Talk {editionId: $e}) })',
      '  AND (EXISTS { MATCH (p)<-[:MENTIONS]-(:Talk) })',
    ]);
    expect(on.text).toMatch(/CASE WHEN \$sort = 'TALKS' THEN -COUNT/);
    expect(on.params).toEqual(['e', 'sort']);
  });

  it('take coalesce arguments that are null unless their value is asked, and refuse either shape elsewhere', () => {
    const keyed = [
      'MATCH (t:Talk)',
      'RETURN t AS node',
      'ORDER BY coalesce(',
      "  CASE WHEN $sort = 'TITLE' THEN t.titleKey ELSE NULL END,",
      "  CASE WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE NULL END,",
      '  NULL)',
    ].join('\n');
    dir = cypherDir({
      'a/q.cypher': keyed,
      'b/null-in-return.cypher':
        "MATCH (t:Talk)\nRETURN t.id,\n  CASE WHEN $x = 'A' THEN t.a ELSE NULL END,\n  t.b",
      'b/zero-in-coalesce.cypher':
        "MATCH (t)\nRETURN coalesce(\n  CASE WHEN $x = 'A' THEN t.a ELSE 0 END,\n  t.b)",
    });
    expect(() => QueryRegistry.load('kuzu', [], dir)).toThrow(/b\/\S+:3: a line ending "ELSE (NULL|0) END,"/);
    rmSync(join(dir, 'b'), { recursive: true });
    const q = QueryRegistry.load('kuzu', [], dir).get('a/q');
    expect(q.guards).toEqual([
      { line: 3, param: 'sort', when: 'TITLE', on: '  t.titleKey,' },
      { line: 4, param: 'sort', when: 'OLDEST', on: '  t.oldestKey,' },
    ]);
    const newest = pruned(q, { sort: 'NEWEST' }).query;
    expect(newest.text).toBe('MATCH (t:Talk)\nRETURN t AS node\nORDER BY coalesce(\n  NULL)');
    expect(pruned(q, { sort: 'TITLE' }).query.text).toBe(
      'MATCH (t:Talk)\nRETURN t AS node\nORDER BY coalesce(\n  t.titleKey,\n  NULL)',
    );
  });

  it('never leave a parameter only inside a subquery, nor two texts under one name, for any mix of values', () => {
    // Every file with guards, on both engines, under every mix of its guard parameters'
    // values: null, each value a guard names, and one no guard names. A mix that would
    // leave a parameter only in a subquery runs the file as written (slower, see
    // pruned): none may today. Kuzu caches prepared statements by name.
    let mixes = 0;
    for (const engine of ['kuzu', 'neo4j'] as const) {
      const texts = new Map<string, string>();
      for (const q of queriesFor(engine)
        .all()
        .filter((query) => (query.guards ?? []).length > 0)) {
        const classes = new Map<string, Set<string | null>>();
        for (const guard of q.guards!) {
          const values = classes.get(guard.param) ?? new Set<string | null>([null, 'OTHER_VALUE']);
          if (guard.when !== undefined) values.add(guard.when);
          classes.set(guard.param, values);
        }
        let combos: Record<string, string | null>[] = [{}];
        for (const [param, values] of classes) {
          combos = combos.flatMap((combo) => [...values].map((value) => ({ ...combo, [param]: value })));
        }
        for (const combo of combos) {
          mixes++;
          const { query: copy } = pruned(q, { ...Object.fromEntries(q.params.map((p) => [p, 1])), ...combo });
          const changes = q.guards!.some((guard) => {
            const value = combo[guard.param];
            if (value == null) return !guard.nullKeeps && !guard.kept;
            const on = guard.when === undefined || value === guard.when;
            return on ? guard.on !== undefined : !guard.kept;
          });
          expect([q.file, combo, changes && copy === q]).toEqual([q.file, combo, false]);
          expect([q.file, subqueryOnlyParams(copy.text)]).toEqual([q.file, subqueryOnlyParams(q.text)]);
          const seen = texts.get(copy.name);
          expect([copy.name, seen ?? copy.text]).toEqual([copy.name, copy.text]);
          texts.set(copy.name, copy.text);
        }
      }
    }
    expect(mixes).toBeGreaterThan(100);
  });

  it('refuse a projection or narrowing that would rewrite a guard line (pruning would undo it)', () => {
    dir = cypherDir({
      'a/q.cypher': [
        'MATCH (a:Company|Project)',
        'WHERE a.id IS NOT NULL',
        '  AND ($x IS NULL OR EXISTS { MATCH (a)-[:MENTIONS]-(b) })',
        '  AND ($y IS NULL OR COUNT { MATCH (b:Company|Project) } > 0)',
        'RETURN a AS node',
      ].join('\n'),
    });
    const q = QueryRegistry.load('kuzu', [], dir).get('a/q');
    expect(narrowed(q, { a: 'Company' }).text).toMatch(/^MATCH \(a:Company\)$/m);
    expect(() => narrowed(q, { b: 'Company' })).toThrow(/would rewrite a guard line/);
    expect(projected(q, 'a', ['id']).text).toMatch(/RETURN \{id: a\.id\} AS node/);
  });

  it('prune the talk lists on both engines to the one sort key asked', () => {
    for (const engine of ['kuzu', 'neo4j'] as const) {
      const registry = queriesFor(engine);
      for (const name of TALK_LIST_QUERIES.filter((n) => !n.endsWith('-count'))) {
        const q = registry.get(name);
        const unset = Object.fromEntries(q.params.map((p) => [p, null]));
        for (const sort of ['NEWEST', 'OLDEST', 'TITLE']) {
          const key = `${sort.toLowerCase()}Key`;
          const copy = pruned(q, { ...unset, sort, skip: 0, limit: 1 }).query;
          const keys = copy.text.match(/\b(newest|oldest|title)Key\b/g) ?? [];
          expect([name, sort, [...new Set(keys)]]).toEqual([name, sort, [key]]);
        }
      }
    }
  });

  it('prune the named lists on both engines: nothing filters or orders per row unless asked', () => {
    for (const engine of ['kuzu', 'neo4j'] as const) {
      const registry = queriesFor(engine);
      for (const name of ['list/projects', 'list/companies', 'list/speakers']) {
        const q = registry.get(name);
        const unset = Object.fromEntries(q.params.map((p) => [p, p === 'sort' ? 'NAME' : null]));
        const copy = pruned(q, { ...unset, skip: 0, limit: 1 }).query;
        expect([name, copy.text.match(/EXISTS|COUNT/g)?.length ?? 0]).toEqual([
          name,
          name === 'list/speakers' ? 1 : 0, // a speaker presented at least one talk
        ]);
      }
    }
  });
});
