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
import { tracePhase } from '../../load/trace';

const LIST_SEPARATOR = '\u001f';
const CSV_OPTIONS = `(header=true, delim=',', quote='"', escape='"', parallel=false)`;

/**
 * The COPY statements of a load, with the CSV files they read written under
 * `dir`. Groups are read one at a time and not kept: when the caller keeps
 * none either, a table's rows are freed once its file is written.
 */
export function stageBulkLoad(groups: Iterable<BulkGroup>, dir: string): { copies: string[]; bytes: number } {
  const tables = tableColumns();
  const nodeCopies: string[] = [];
  const relCopies: string[] = [];
  const written = { bytes: 0 };
  let i = 0;
  for (const group of groups) {
    const copy = stageGroup(group, i++, tables, dir, written);
    (tables.get(group.table)?.kind === 'rel' ? relCopies : nodeCopies).push(copy);
    tracePhase(`staged ${group.table} (${group.rows.length})`);
  }
  // Node tables first, whatever order the groups came in: a relationship's COPY finds
  // its ends by key. The plan hands the talks over last, with their cards (plan/cards.ts).
  return { copies: [...nodeCopies, ...relCopies], bytes: written.bytes };
}

function stageGroup(
  group: BulkGroup,
  i: number,
  tables: ReturnType<typeof tableColumns>,
  dir: string,
  written: { bytes: number },
): string {
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
  const out = new LineWriter(file);
  try {
    out.line(columns.map((c, j) => `c${j}`).join(','));
    // One line per row, built by concatenation: map/join per row was 2.5 s of a 1000× load.
    const names = columns.map((c) => c.name);
    const encoders = columns.map((c) => fieldEncoder(c.type));
    for (const row of group.rows) {
      let line = encoders[0]!(row[names[0]!] ?? null);
      for (let j = 1; j < names.length; j++) line += `,${encoders[j]!(row[names[j]!] ?? null)}`;
      out.line(line);
    }
  } finally {
    written.bytes += out.close();
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
  // A node table's columns are named: a store created by an earlier version may hold columns
  // this one no longer writes (LinkPage's lists), which the copy then leaves null.
  const target =
    table.kind === 'node' ? `${group.table}(${table.columns.map((c) => c.name).join(', ')})` : group.table;
  return `COPY ${target} FROM (LOAD WITH HEADERS (${header}) FROM '${file}' ${CSV_OPTIONS} RETURN ${returns})${pair}`;
}

type FieldEncoder = (value: ParamScalar) => string;

/** How a column of `type` is written in a CSV field; null is an empty field. */
function fieldEncoder(type: ColumnType): FieldEncoder {
  if (type === 'STRING[]') return listField;
  if (type === 'STRING') return (value) => (value === null ? '' : quote(String(value)));
  return (value) => (value === null ? '' : String(value));
}

function listField(value: ParamScalar): string {
  if (value === null) return '';
  const list = value as readonly string[];
  if (list.some((s) => s.includes(LIST_SEPARATOR) || s === '')) {
    throw new StoreError('bulk load: a list element is empty or holds U+001F');
  }
  return list.length ? quote(list.join(LIST_SEPARATOR)) : '';
}

/** Most values hold no quote: those skip the regular expression. */
const quote = (s: string): string => (s.includes('"') ? `"${s.replace(/"/g, '""')}"` : `"${s}"`);

/**
 * Lines to a file through one reused buffer. Joining thousands of lines into
 * a string per write made each write a string above V8's large-object size:
 * garbage only a full collection frees, hundreds of MB of it at 1000×.
 */
class LineWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private total = 0;
  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }
  line(text: string): void {
    const bytes = Buffer.byteLength(text) + 1;
    if (this.used + bytes > this.buffer.length) this.flush();
    if (bytes > this.buffer.length) {
      this.total += writeSync(this.fd, `${text}\n`);
      return;
    }
    this.used += this.buffer.write(text, this.used);
    this.buffer[this.used++] = 0x0a;
  }
  /** Closes the file; returns the bytes written. */
  close(): number {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
    return this.total;
  }
  private flush(): void {
    let at = 0;
    while (at < this.used) at += writeSync(this.fd, this.buffer, at, this.used - at);
    this.total += this.used;
    this.used = 0;
  }
}

/** A temporary staging directory, removed by `done`. */
export function stagingDir(): { dir: string; done(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'recap-graph-copy-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}
