/**
 * The typed columns of every table, read from the Kuzu DDL
 * (cypher/kuzu/schema.cypher) — the one place the data model is typed.
 *
 * Batched writes need them for a type witness: Kuzu 0.11.3 types a
 * list-of-maps parameter from its first row (a null there types the field
 * STRING, a whole number types a DOUBLE field INT64 and corrupts later
 * fractions; see SAMPLE), so every batch starts with a row whose every field holds a value
 * of the right type, and which the query skips (its id is ''). Kuzu's bulk
 * COPY needs them for column order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIR } from '../paths';
import type { ParamRow, ParamScalar } from '../store/engine';

export type ColumnType = 'STRING' | 'STRING[]' | 'INT64' | 'DOUBLE' | 'BOOLEAN' | 'DATE';

export interface TableColumns {
  readonly name: string;
  readonly kind: 'node' | 'rel';
  /** Property columns in declaration order (a relationship's FROM/TO are not among them). */
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
}

const TYPES: readonly ColumnType[] = ['STRING', 'STRING[]', 'INT64', 'DOUBLE', 'BOOLEAN', 'DATE'];

let cached: ReadonlyMap<string, TableColumns> | undefined;

export function tableColumns(dir: string = CYPHER_DIR): ReadonlyMap<string, TableColumns> {
  if (cached && dir === CYPHER_DIR) return cached;
  const text = readFileSync(join(dir, 'kuzu', 'schema.cypher'), 'utf8');
  const tables = new Map<string, TableColumns>();
  for (const m of text.matchAll(/CREATE (NODE|REL) TABLE IF NOT EXISTS (\w+)\((.*)\);/g)) {
    const columns = m[3]!
      .split(/,\s*(?![^()]*\))/)
      .map((part) => part.trim())
      .filter((part) => !/^(FROM |PRIMARY KEY)/.test(part))
      .map((part) => {
        const [name, type] = part.split(/\s+/) as [string, ColumnType];
        if (!TYPES.includes(type))
          throw new Error(`schema.cypher: column ${m[2]}.${name} has unknown type ${type}`);
        return { name, type };
      });
    tables.set(m[2]!, { name: m[2]!, kind: m[1] === 'NODE' ? 'node' : 'rel', columns });
  }
  if (dir === CYPHER_DIR) cached = tables;
  return tables;
}

/** A value of each type that no real row holds in a way that matters: the witness row is skipped. */
const SAMPLE: Record<ColumnType, ParamScalar> = {
  STRING: '',
  'STRING[]': [''],
  INT64: 0,
  // DOUBLE values travel as strings: a whole number in a DOUBLE-typed row field is
  // bound as INT64 bits and read back as garbage (5.9e-320 for 12000), whatever row 1 says.
  DOUBLE: '0.5',
  BOOLEAN: false,
  DATE: '2000-01-01',
};

/** The type-witness row for a batch of `fields` written to `table` (see the header). */
export function witnessRow(table: string, fields: readonly string[]): ParamRow {
  const t = tableColumns().get(table);
  if (!t) throw new Error(`no table ${table} in cypher/kuzu/schema.cypher`);
  const types = new Map(t.columns.map((c) => [c.name, c.type]));
  const row: Record<string, ParamScalar> = {};
  for (const field of fields) {
    if (field === 'from' || field === 'to' || field === 'id') row[field] = '';
    else {
      const type = types.get(field);
      if (!type) throw new Error(`load row field ${field} is not a column of ${table}`);
      row[field] = SAMPLE[type];
    }
  }
  return row;
}
