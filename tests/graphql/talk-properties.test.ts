/**
 * TALK_PROPERTIES decides which columns a talk list reads when its talks are asked
 * only some fields: a field missing from it, or a property that is not a Talk
 * column, would silently answer from a talk read without it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, isObjectType, parse } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';
import { TALK_PROPERTIES } from '../../src/graphql/resolvers/talk';
import { PROJECT_ROOT } from '../../src/paths';

describe('TALK_PROPERTIES', () => {
  it('lists every field of the schema’s Talk type, and nothing else', () => {
    const talk = buildASTSchema(parse(loadTypeDefs())).getType('Talk');
    if (!isObjectType(talk)) throw new Error('no Talk type');
    expect(Object.keys(TALK_PROPERTIES).sort()).toEqual(Object.keys(talk.getFields()).sort());
  });

  it('names only columns of the Talk table', () => {
    const ddl = readFileSync(join(PROJECT_ROOT, 'cypher', 'kuzu', 'schema.cypher'), 'utf8');
    const columns = /CREATE NODE TABLE IF NOT EXISTS Talk\(([^)]*)\)/
      .exec(ddl)![1]!
      .split(',')
      .map((c) => c.trim().split(' ')[0]);
    for (const [field, properties] of Object.entries(TALK_PROPERTIES)) {
      for (const property of properties) expect([field, columns.includes(property)]).toEqual([field, true]);
    }
  });
});
