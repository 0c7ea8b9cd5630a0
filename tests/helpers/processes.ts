/**
 * The built entry points run as a user runs them: dist/ built once per test
 * file (what `npm start` does), then real processes spawned with an
 * environment the test controls.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

export const MAIN = join(PROJECT_ROOT, 'dist', 'src', 'server', 'main.js');
export const LOAD = join(PROJECT_ROOT, 'dist', 'src', 'load', 'cli.js');

/** Compiles src/ into dist/ unless it is up to date (scripts/build.mjs), as `npm start` does. */
export function buildDist(): void {
  // What `npm start` does: build dist/ unless it is already up to date with the sources.
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}

/**
 * This process's environment without the variables that choose a database:
 * a test decides which store its child uses, whatever the developer exported.
 */
export function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('NEO4J_')) delete env[name];
  return env;
}

export function run(script: string, args: string[], env: Record<string, string>) {
  try {
    const stdout = execFileSync(process.execPath, [script, ...args], {
      env: { ...baseEnv(), ...env },
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

const children = new Set<ChildProcess>();

/** Tracks a child so `killLeftovers` can end it: a failed assertion must not leave a server holding Jest open. */
export function track<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** SIGKILLs every tracked child still running (call from afterAll/afterEach). */
export function killLeftovers(): void {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
}

/** Starts main.js and resolves with its URL once it logs that it serves. */
export function startMain(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = track(
    spawn(process.execPath, [MAIN], {
      env: { ...baseEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API at (http:\/\/[^\s"]+)\/graphql/.exec(output);
      if (match) resolve({ child, url: match[1]!, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`main.js exited with ${code} before serving:\n${output}`)));
  });
}

export const exitOf = (child: ChildProcess) =>
  new Promise<number | string | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode ?? child.signalCode);
    else child.on('exit', (code, signal) => resolve(code ?? signal));
  });

/** POSTs a GraphQL query and returns its parsed body. */
export async function graphql<T = unknown>(
  url: string,
  query: string,
): Promise<{ data?: T; errors?: unknown[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: T; errors?: unknown[] };
}
