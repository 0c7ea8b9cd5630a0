/**
 * The Node side of `neo4j/` (a Neo4j 5.26 community server started with plain
 * `java -cp`): builds it with Maven when its classpath folder is missing or
 * stale, starts it, waits for its one `NEO4J_READY {json}` line, and stops it.
 *
 * Used by Jest's global setup, `npm run neo4j` and `npm run bench`. The child's
 * stdin stays a pipe to this process: when we die, even by SIGKILL, the pipe
 * closes and the launcher exits with us, so no JVM is left behind.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../../paths';

export const LAUNCHER_DIR = join(PROJECT_ROOT, 'neo4j');
const CLASSES = join(LAUNCHER_DIR, 'target', 'classes');
const LIB = join(LAUNCHER_DIR, 'target', 'lib');
const MAIN_CLASS = 'recapgraph.Neo4jLauncher';

/**
 * JVM flags for Neo4j 5.26 on Java 17. The --add-opens come from Neo4j's own
 * neo4j.conf (its page cache and Netty reach into java.nio); the heap is small
 * and fixed so a test run stays well under 1 GB RSS on a 2-core machine.
 */
export function jvmFlags(heapMb: number): string[] {
  return [
    `-Xms${Math.min(heapMb, 256)}m`,
    `-Xmx${heapMb}m`,
    '-XX:+UseSerialGC',
    '-Xss1m',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dfile.encoding=UTF-8',
  ];
}

export interface LauncherOptions {
  /** Neo4j home: data, logs and the launcher's own log go under it. */
  home: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Omit for a server without authentication. */
  password?: string;
  heapMb?: number;
  pageCacheMb?: number;
  /** Memory one transaction may use (default 128 MiB): a whole load is one transaction. */
  txMemoryMb?: number;
  /** Seconds before Neo4j ends a transaction (default 60); a 1000× load is one transaction. */
  txTimeoutS?: number;
  /** Where the JVM's stderr goes: a file under `home` (default) or this process's stderr. */
  stderr?: 'file' | 'inherit';
  readyTimeoutMs?: number;
}

export interface RunningNeo4j {
  uri: string;
  port: number;
  user: string;
  password: string | undefined;
  process: ChildProcess;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the JVM has exited. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: the database stops as if its machine lost power. */
  kill(): Promise<void>;
}

/** Whether `java` and `mvn` can run here (the only two things the launcher needs). */
export function javaToolsAvailable(): { ok: boolean; missing: string[] } {
  const missing = ['java', 'mvn'].filter(
    (tool) => spawnSync(tool, [tool === 'java' ? '-version' : '-v'], { stdio: 'ignore' }).status !== 0,
  );
  return { ok: missing.length === 0, missing };
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** Builds the launcher unless its classes and jars are newer than its sources. */
export function ensureLauncherBuilt(log: (line: string) => void = () => {}): void {
  const sources = Math.max(
    newestMtime(join(LAUNCHER_DIR, 'pom.xml')),
    newestMtime(join(LAUNCHER_DIR, 'src')),
  );
  const built =
    existsSync(join(CLASSES, 'recapgraph', 'Neo4jLauncher.class')) &&
    existsSync(LIB) &&
    readdirSync(LIB).length > 0 &&
    newestMtime(CLASSES) >= sources;
  if (built) return;
  log('building the Neo4j launcher (mvn -B -q package; the first build downloads ~120 MB of jars)');
  const result = spawnSync('mvn', ['-B', '-q', '-f', join(LAUNCHER_DIR, 'pom.xml'), 'package'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(`mvn package failed in ${LAUNCHER_DIR} (exit ${result.status ?? result.signal})`);
  }
}

interface ReadyLine {
  uri: string;
  port: number;
}

export async function startNeo4j(options: LauncherOptions): Promise<RunningNeo4j> {
  mkdirSync(options.home, { recursive: true });
  const args = [
    ...jvmFlags(options.heapMb ?? 512),
    '-cp',
    `${CLASSES}:${join(LIB, '*')}`,
    MAIN_CLASS,
    '--home',
    options.home,
    '--host',
    options.host ?? '127.0.0.1',
    '--port',
    String(options.port ?? 0),
    '--page-cache-mb',
    String(options.pageCacheMb ?? 64),
    '--tx-memory-mb',
    String(options.txMemoryMb ?? 128),
    '--tx-timeout-s',
    String(options.txTimeoutS ?? 60),
    ...(options.password === undefined ? ['--no-auth'] : ['--password', options.password]),
  ];
  const stderr = options.stderr === 'inherit' ? 'inherit' : openSync(join(options.home, 'launcher.log'), 'a');
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', stderr] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const ready = await waitForReady(child, options.readyTimeoutMs ?? 120_000).catch(async (error) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });

  const stop = async (graceMs = 15_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  const kill = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  };
  return {
    uri: ready.uri,
    port: ready.port,
    user: 'neo4j',
    password: options.password,
    process: child,
    stop,
    kill,
  };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<ReadyLine> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => reject(new Error(`Neo4j launcher not ready after ${timeoutMs} ms`)),
      timeoutMs,
    );
    lines.on('line', (line) => {
      if (!line.startsWith('NEO4J_READY ')) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line.slice('NEO4J_READY '.length)) as ReadyLine);
      } catch (error) {
        reject(error as Error);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`Neo4j launcher exited before it was ready (${code ?? signal}); see its launcher.log`),
      );
    });
  });
}
