#!/usr/bin/env node
// `npm run dev`: tsc --watch rebuilds dist/ on every change and node --watch
// restarts the server when the built files change. No extra dependency: both
// watchers ship with TypeScript and Node. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
const children = [];

const watcher = spawn(
  process.execPath,
  [tsc, '--watch', '--preserveWatchOutput', '-p', join(root, 'tsconfig.build.json')],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
children.push(watcher);
let server;
watcher.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  // Start the server after the first compilation, whether or not it had errors:
  // node --watch picks up every later rebuild by itself.
  if (!server && /Watching for file changes/.test(chunk.toString())) {
    server = spawn(process.execPath, ['--watch', join(root, 'dist', 'src', 'server', 'main.js')], {
      stdio: 'inherit',
    });
    children.push(server);
    server.on('exit', (code) => stop(code ?? 0));
  }
});
watcher.on('exit', (code) => stop(code ?? 0));

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
