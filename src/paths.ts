/**
 * Where the project's own files are (cypher/, schema/, fixtures/, public/),
 * whether the code runs from src/ under ts-jest or from dist/src/ once built.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot(__dirname);
export const CYPHER_DIR = join(PROJECT_ROOT, 'cypher');
export const SCHEMA_DIR = join(PROJECT_ROOT, 'schema');
export const PUBLIC_DIR = join(PROJECT_ROOT, 'public');
