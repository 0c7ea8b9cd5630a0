/**
 * The two halves of the schema: the SDL contract, read from schema/*.graphql in
 * file-name order, and the resolvers (./resolvers). Apollo joins them into the
 * executable schema in src/server/apollo.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_DIR } from '../paths';
import { resolvers } from './resolvers';

export function loadTypeDefs(dir: string = SCHEMA_DIR): string {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

export { resolvers };
