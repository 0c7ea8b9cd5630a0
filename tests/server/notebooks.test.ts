/**
 * The README's notebook examples, run as written against a live service on
 * the real fixtures: the Python blocks (requests, pandas) in the project's
 * .venv, the JavaScript block in Node. Code is taken from README.md itself,
 * only the port changed, so the README cannot drift from the API.
 *
 * Python needs `.venv` with requirements-notebooks.txt (.ci/run installs it);
 * without it the Python examples are skipped with a notice, unless
 * REQUIRE_NOTEBOOKS=1 (set in CI), which makes a missing venv a failure.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { startTestService, type TestService } from '../helpers/service';

const README_URL = 'http://localhost:4000';

/** The fenced code blocks of one README section, in order, with their language. */
function codeBlocks(section: string): { lang: string; code: string }[] {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${section}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${section}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  const body = readme.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, code: m[2]! }));
}

const blocks = codeBlocks('Notebooks');
const python = blocks.filter((b) => b.lang === 'python');
const javascript = blocks.filter((b) => b.lang === 'js');

const PYTHON = process.env.NOTEBOOK_PYTHON ?? join(PROJECT_ROOT, '.venv', 'bin', 'python');

/** Why the Python examples cannot run here, or null when they can. */
function pythonMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} does not exist`;
  const probe = spawnSync(PYTHON, ['-c', 'import requests, pandas'], { encoding: 'utf8' });
  return probe.status === 0
    ? null
    : `requests/pandas do not import: ${probe.stderr.trim().split('\n').at(-1)}`;
}
const missing = pythonMissing();
const requirePython = process.env.REQUIRE_NOTEBOOKS === '1';
if (missing && !requirePython) {
  console.warn(
    `[notebooks] README Python examples SKIPPED: ${missing}. ` +
      'Install with: python3 -m venv .venv && .venv/bin/pip install -r requirements-notebooks.txt',
  );
}

/**
 * Appended to each Python block: a JSON summary of what the example left
 * behind (lists and data frames), for the assertions below.
 */
const PYTHON_PROBE = `
import json as _json
_summary = {}
for _name, _value in list(globals().items()):
    if _name.startswith('_'):
        continue
    if isinstance(_value, list):
        _summary[_name] = {'kind': 'list', 'value': _value}
    elif type(_value).__name__ == 'DataFrame':
        _summary[_name] = {'kind': 'frame', 'rows': len(_value), 'columns': [str(c) for c in _value.columns],
                           'records': _json.loads(_value.to_json(orient='records'))}
print(_json.dumps(_summary))
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let service: TestService;
let dir: string;
beforeAll(async () => {
  service = await startTestService(join(PROJECT_ROOT, 'fixtures'));
  dir = mkdtempSync(join(tmpdir(), 'recap-graph-notebooks-'));
}, 60_000);
afterAll(async () => {
  await service?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const localised = (code: string) => code.split(README_URL).join(service.url);

/**
 * Runs one example file; its last output line is JSON. Asynchronous on
 * purpose: the service answering it lives in this very process.
 */
async function run(command: string, file: string, code: string): Promise<Json> {
  const path = join(dir, file);
  writeFileSync(path, code);
  try {
    const { stdout } = await promisify(execFile)(command, [path], { encoding: 'utf8', timeout: 60_000 });
    return JSON.parse(stdout.trim().split('\n').at(-1)!);
  } catch (error) {
    const e = error as { code?: unknown; stderr?: string; message: string };
    throw new Error(`${file} failed (${String(e.code)}): ${e.stderr || e.message}\n--- code ---\n${code}`);
  }
}

async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const res = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return ((await res.json()) as Json).data;
}

describe('README notebook examples', () => {
  it('README.md has the Python (requests, pandas) and JavaScript examples this test runs', () => {
    expect(python.length).toBeGreaterThanOrEqual(2);
    expect(python.some((b) => b.code.includes('import requests'))).toBe(true);
    expect(python.some((b) => b.code.includes('import pandas'))).toBe(true);
    expect(javascript).toHaveLength(1);
    for (const b of [...python, ...javascript]) expect(b.code).toContain(README_URL);
  });

  const skipping = missing !== null && !requirePython;
  const pythonIt = skipping ? it.skip : it;
  const note = skipping ? ' [skipped: no notebook .venv]' : '';

  pythonIt(`Python with requests: the companyProjectLinks example returns the matrix${note}`, async () => {
    if (missing) throw new Error(`REQUIRE_NOTEBOOKS=1 but the notebook venv is unusable: ${missing}`);
    const block = python.find((b) => b.code.includes('import requests'))!;
    const out = await run(PYTHON, 'requests_example.py', localised(block.code) + PYTHON_PROBE);
    const links = out.links;
    expect(links?.kind).toBe('list');
    const edition = /"e": "([^"]+)"/.exec(block.code)?.[1];
    const expected = await graphql(
      'query($e: ID) { companyProjectLinks(editionId: $e) { company { name } project { name } weight } }',
      { e: edition },
    );
    expect(links.value.length).toBeGreaterThan(0);
    expect(links.value).toEqual(expected.companyProjectLinks);
  });

  pythonIt(`Python with pandas: the export examples load whole tables into data frames${note}`, async () => {
    if (missing) throw new Error(`REQUIRE_NOTEBOOKS=1 but the notebook venv is unusable: ${missing}`);
    const block = python.find((b) => b.code.includes('import pandas'))!;
    const out = await run(PYTHON, 'pandas_example.py', localised(block.code) + PYTHON_PROBE);
    const frames = Object.entries(out).filter(([, v]) => (v as Json).kind === 'frame');
    expect(frames.length).toBeGreaterThanOrEqual(2);
    const { talks, people, links, stats } = out;
    const edition = /talks\.csv\?editionId=([^"&]+)/.exec(block.code)?.[1];
    const linksEdition = /company-project-links\.csv\?editionId=([^"&]+)/.exec(block.code)?.[1];
    const counts = await graphql(
      `
        query ($e: ID, $l: ID) {
          talks(filter: { editionId: $e }) {
            totalCount
          }
          speakers {
            totalCount
          }
          companyProjectLinks(editionId: $l, first: 200) {
            weight
          }
          editionStats {
            talks
          }
        }
      `,
      { e: edition, l: linksEdition },
    );
    expect(links.rows).toBe(counts.companyProjectLinks.length);
    expect(links.records.map((l: Json) => l.weight)).toEqual(
      counts.companyProjectLinks.map((l: Json) => l.weight),
    );
    expect(stats.records.map((r: Json) => r.talks)).toEqual(counts.editionStats.map((r: Json) => r.talks));
    expect(talks.rows).toBe(counts.talks.totalCount);
    expect(talks.columns).toEqual(expect.arrayContaining(['id', 'title', 'speakers', 'projects']));
    expect(people.rows).toBe(counts.speakers.totalCount);
    // NDJSON list columns arrive as Python lists, not "; "-joined strings.
    expect(people.records.every((p: Json) => Array.isArray(p.aliases) && Array.isArray(p.talks))).toBe(true);
  });

  it('JavaScript with fetch: the search example answers without errors', async () => {
    const code = `${localised(javascript[0]!.code)}\nconsole.log(JSON.stringify({ data, errors }));\n`;
    const out = await run(process.execPath, 'fetch_example.mjs', code);
    expect(out.errors).toBeUndefined();
    expect(out.data.search.length).toBeGreaterThan(0);
    expect(out.data.search[0]).toEqual({
      type: expect.any(String),
      label: expect.any(String),
      score: expect.any(Number),
    });
  });
});
