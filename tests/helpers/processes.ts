/**
 * Real processes for crash and shutdown tests: the built entry points
 * (dist/, what `npm start` runs), started, signalled and awaited.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

export const MAIN = join(PROJECT_ROOT, 'dist', 'src', 'server', 'main.js');
export const LOAD = join(PROJECT_ROOT, 'dist', 'src', 'load', 'cli.js');

/** Builds dist/ as `npm start` does (tsc, incremental enough to be cheap when nothing changed). */
export function buildDist(): void {
  execFileSync(
    process.execPath,
    [
      join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(PROJECT_ROOT, 'tsconfig.build.json'),
    ],
    { stdio: 'inherit' },
  );
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

export interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts main.js and resolves with its URL once it logs that it serves. */
export function startMain(env: Record<string, string>): Promise<Running> {
  const child = track(
    spawn(process.execPath, [MAIN], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API at (http:\/\/\S+)\/graphql/.exec(output);
      if (match) resolve({ child, url: match[1]!, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code, signal) =>
      reject(new Error(`main.js exited with ${code ?? signal} before serving:\n${output}`)),
    );
  });
}

/** Resolves with the exit code, or the signal name when a signal ended the process. */
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
