/**
 * The property maps (TALK_PROPERTIES and its siblings) decide which columns a
 * list reads when its nodes are asked only some fields: a field missing from a
 * map, or a property that is not a column of the table, would silently answer
 * from a node read without it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, isObjectType, parse } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';
import { TALK_PROPERTIES } from '../../src/graphql/resolvers/talk';
import { PERSON_PROPERTIES } from '../../src/graphql/resolvers/person';
import { COMPANY_PROPERTIES } from '../../src/graphql/resolvers/company';
import { PROJECT_PROPERTIES } from '../../src/graphql/resolvers/project';
import { EDITION_PROPERTIES } from '../../src/graphql/resolvers/edition';
import type { PropertyReads } from '../../src/graphql/lookahead';
import { PROJECT_ROOT } from '../../src/paths';

const MAPS: [type: string, reads: PropertyReads][] = [
  ['Talk', TALK_PROPERTIES],
  ['Person', PERSON_PROPERTIES],
  ['Company', COMPANY_PROPERTIES],
  ['Project', PROJECT_PROPERTIES],
  ['Edition', EDITION_PROPERTIES],
];

describe.each(MAPS)('the %s property map', (type, reads) => {
  it('lists every field of the schema’s type, and nothing else', () => {
    const object = buildASTSchema(parse(loadTypeDefs())).getType(type);
    if (!isObjectType(object)) throw new Error(`no ${type} type`);
    expect(Object.keys(reads).sort()).toEqual(Object.keys(object.getFields()).sort());
  });

  it('names only columns of the table', () => {
    const ddl = readFileSync(join(PROJECT_ROOT, 'cypher', 'kuzu', 'schema.cypher'), 'utf8');
    const columns = new RegExp(`CREATE NODE TABLE IF NOT EXISTS ${type}\\(([^)]*)\\)`)
      .exec(ddl)![1]!
      .split(',')
      .map((c) => c.trim().split(' ')[0]);
    for (const [field, properties] of Object.entries(reads)) {
      for (const property of properties ?? []) {
        expect([field, columns.includes(property)]).toEqual([field, true]);
      }
    }
  });
});
