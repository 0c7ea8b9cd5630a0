/**
 * Kuzu's bulk path for a load into an EMPTY store: each table is written by
 * one `COPY … FROM (LOAD WITH HEADERS … FROM 'file.csv')`, from CSV files
 * staged in a temporary directory. Measured on 0.11.3: rows go in at hundreds
 * of thousands a second, where `UNWIND … MERGE` of relationships manages about
 * two thousand (Kuzu finds a relationship's ends by scanning, not by index).
 *
 * COPY is not part of a write transaction, so all-or-nothing is kept another
 * way: the store was empty before, so any failure empties it again
 * (`load/reset`) before the error propagates.
 *
 * Lists travel as one string joined by U+001F and are split back by Kuzu
 * (`string_split`); CSV quoting is Kuzu's (double quotes, doubled inside).
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BulkGroup, ParamScalar } from '../engine';
import { tableColumns, type ColumnType } from '../../load/columns';
import { StoreError } from '../../errors';

const LIST_SEPARATOR = '\u001f';
const CSV_OPTIONS = `(header=true, delim=',', quote='"', escape='"', parallel=false)`;

/** The COPY statements of a load, with the CSV files they read written under `dir`. */
export function stageBulkLoad(groups: readonly BulkGroup[], dir: string): string[] {
  const tables = tableColumns();
  return groups.map((group, i) => {
    const table = tables.get(group.table);
    if (!table) throw new StoreError(`bulk load: no table ${group.table} in the Kuzu schema`);
    const columns: { name: string; type: ColumnType }[] = [
      ...(table.kind === 'rel'
        ? [
            { name: 'from', type: 'STRING' as const },
            { name: 'to', type: 'STRING' as const },
          ]
        : []),
      ...table.columns,
    ];
    const file = join(dir, `${i}-${group.table}.csv`);
    // Written a few thousand lines at a time: one string per table reached hundreds of MB at 1000×.
    const fd = openSync(file, 'w');
    try {
      let chunk = columns.map((c, j) => `c${j}`).join(',') + '\n';
      for (let r = 0; r < group.rows.length; r++) {
        const row = group.rows[r]!;
        chunk += columns.map((c) => csvField(row[c.name] ?? null, c.type)).join(',') + '\n';
        if (r % 5000 === 4999) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
      writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    // Lists are read as a joined string, then split; an empty one is null (as Kuzu stores []).
    const header = columns.map((c, j) => `c${j} ${c.type === 'STRING[]' ? 'STRING' : c.type}`).join(', ');
    const returns = columns
      .map((c, j) =>
        c.type === 'STRING[]'
          ? `CASE WHEN c${j} IS NULL OR c${j} = '' THEN NULL ELSE string_split(c${j}, '${LIST_SEPARATOR}') END`
          : `c${j}`,
      )
      .join(', ');
    const pair = table.kind === 'rel' ? ` (from='${group.from}', to='${group.to}')` : '';
    return `COPY ${group.table} FROM (LOAD WITH HEADERS (${header}) FROM '${file}' ${CSV_OPTIONS} RETURN ${returns})${pair}`;
  });
}

function csvField(value: ParamScalar, type: ColumnType): string {
  if (value === null) return '';
  if (type === 'STRING[]') {
    const list = value as readonly string[];
    if (list.some((s) => s.includes(LIST_SEPARATOR) || s === '')) {
      throw new StoreError('bulk load: a list element is empty or holds U+001F');
    }
    return list.length ? quote(list.join(LIST_SEPARATOR)) : '';
  }
  if (type === 'STRING') return quote(String(value));
  return String(value);
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** A temporary staging directory, removed by `done`. */
export function stagingDir(): { dir: string; done(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'recap-graph-copy-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}
