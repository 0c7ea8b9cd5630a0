/**
 * Graceful shutdown: /readyz turns 503 at once, no new connection is
 * accepted, requests in flight finish (none is reset) within the drain
 * deadline, then the database closes — in process with requests held open on
 * purpose, and with a real process receiving SIGTERM during a burst.
 */
import { Agent, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/config';
import { startService, type RunningService } from '../../src/server/service';
import { EXAMPLES } from '../../src/server/examples';
import { MINI_FIXTURES } from '../helpers/engines';
import { buildDist, exitOf, killLeftovers, startMain } from '../helpers/processes';

interface Reply {
  status: number;
  body: string;
  connection?: string;
}

/** A GET with node:http, so the agent (and its keep-alive socket) is ours to choose. */
function get(url: string, agent?: Agent): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A route that holds each request until released: requests in flight on demand. */
function heldRoute() {
  const held: (() => void)[] = [];
  let entered = 0;
  const route = async (_req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname !== '/test/held') return false;
    entered++;
    await new Promise<void>((resolve) => held.push(resolve));
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('x'.repeat(64 * 1024)); // large enough to span several writes
    return true;
  };
  return {
    route,
    entered: () => entered,
    release: () => held.splice(0).forEach((r) => r()),
  };
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('graceful shutdown, in process', () => {
  let dataDir: string;
  let service: RunningService | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'recap-graph-shutdown-'));
  });
  afterEach(async () => {
    await service?.stop();
    service = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = (held: ReturnType<typeof heldRoute>, drainMs: string) =>
    startService(
      readConfig({ PORT: '0', DATA_DIR: dataDir, FIXTURES_DIR: MINI_FIXTURES, SHUTDOWN_DRAIN_MS: drainMs }),
      { routes: [held.route] },
    );

  it('turns /readyz to 503, refuses new connections, lets in-flight requests finish, then closes the store', async () => {
    const held = heldRoute();
    service = await start(held, '10000');
    const { url } = service;
    // One idle keep-alive connection, opened before the shutdown.
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(`${url}/readyz`, keepAlive)).status).toBe(200);

    const inFlight = Array.from({ length: 20 }, () => get(`${url}/test/held`));
    await until(() => held.entered() === 20);
    const stopped = service.stop();
    let stoppedYet = false;
    void stopped.then(() => (stoppedYet = true));

    // At once: readiness fails on the open connection.
    const ready = await get(`${url}/readyz`, keepAlive);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ status: 'shutting down' });
    expect(ready.connection).toBe('close');
    // The listener closes as soon as the kernel's queue of connections made before the signal is
    // empty (at most 1 s); from then on a new connection is refused.
    await new Promise((r) => setTimeout(r, 1_100));
    await expect(get(`${url}/healthz`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(stoppedYet).toBe(false);

    held.release();
    const replies = await Promise.all(inFlight);
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(replies.every((r) => r.body.length === 64 * 1024)).toBe(true);
    expect(replies.every((r) => r.connection === 'close')).toBe(true);
    await stopped;
    await expect(service.store.engine.ping()).rejects.toThrow(/closed/);
    keepAlive.destroy();
  }, 60_000);

  it('reads SHUTDOWN_DRAIN_MS (default 10 s) and refuses a bad value naming the variable', () => {
    expect(readConfig({}).shutdownDrainMs).toBe(10_000);
    expect(readConfig({ SHUTDOWN_DRAIN_MS: '2500' }).shutdownDrainMs).toBe(2500);
    expect(() => readConfig({ SHUTDOWN_DRAIN_MS: 'soon' })).toThrow(
      /SHUTDOWN_DRAIN_MS: must be a whole number/,
    );
  });

  it('cuts requests still running at the drain deadline (SHUTDOWN_DRAIN_MS) and still stops', async () => {
    const held = heldRoute();
    service = await start(held, '300');
    const stuck = get(`${service.url}/test/held`);
    await until(() => held.entered() === 1);
    const t = Date.now();
    await service.stop();
    expect(Date.now() - t).toBeGreaterThanOrEqual(250);
    expect(Date.now() - t).toBeLessThan(5_000);
    await expect(stuck).rejects.toThrow();
    held.release();
  }, 60_000);
});

describe('graceful shutdown, real process', () => {
  let dataDir: string;
  beforeAll(() => buildDist(), 120_000);
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'recap-graph-sigterm-'));
  });
  afterEach(() => {
    killLeftovers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every request of a burst in flight at SIGTERM (no reset) and exits 0', async () => {
    const server = await startMain({ PORT: '0', DATA_DIR: dataDir, FIXTURES_DIR: MINI_FIXTURES });
    const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
    let connected = 0;
    let signalledAt = 0;
    // 40 connections; SIGTERM the moment the last one is established, before the server has
    // even taken most of them from the kernel's accept queue: the hardest moment to stop.
    const outcomes = await Promise.all(
      Array.from(
        { length: 40 },
        (_, i) =>
          new Promise<{ status: number | string; complete: boolean; at: number }>((resolve) => {
            const example = EXAMPLES[i % EXAMPLES.length]!;
            const req = request(
              `${server.url}/graphql`,
              { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
              (res) => {
                let body = '';
                res.setEncoding('utf8');
                res.on('data', (c: string) => (body += c));
                res.on('end', () => {
                  const parsed = JSON.parse(body) as { data?: unknown };
                  resolve({
                    status: res.statusCode!,
                    complete: parsed.data !== undefined,
                    at: performance.now(),
                  });
                });
              },
            );
            req.on('socket', (socket) =>
              socket.once('connect', () => {
                if (++connected === 40) {
                  signalledAt = performance.now();
                  server.child.kill('SIGTERM');
                }
              }),
            );
            req.on('error', (error: NodeJS.ErrnoException) =>
              resolve({ status: error.code ?? String(error), complete: false, at: performance.now() }),
            );
            req.end(JSON.stringify({ query: example.query, variables: example.variables }));
          }),
      ),
    );
    expect(signalledAt).toBeGreaterThan(0);
    expect(await exitOf(server.child)).toBe(0);
    const failures = outcomes.filter((o) => o.status !== 200 || !o.complete);
    expect(failures).toEqual([]);
    // The signal really arrived mid-burst: answers kept coming after it.
    expect(outcomes.filter((o) => o.at > signalledAt).length).toBeGreaterThan(0);
    expect(server.output()).toMatch(/SIGTERM: closing the server and the database/);
    expect(server.output()).toMatch(/drained: \d+ request\(s\) finished/);
  }, 120_000);

  it('keeps draining while a request is in flight, and exits at once (status 1) on a second signal', async () => {
    const server = await startMain({
      PORT: '0',
      DATA_DIR: dataDir,
      FIXTURES_DIR: MINI_FIXTURES,
      SHUTDOWN_DRAIN_MS: '60000',
    });
    // A request whose body never finishes arriving: in flight for as long as the client wants.
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.on('error', () => undefined);
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"q',
    );
    await new Promise((r) => setTimeout(r, 300));
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    expect(server.child.exitCode).toBeNull(); // still draining
    server.child.kill('SIGTERM');
    expect(await exitOf(server.child)).toBe(1);
    expect(server.output()).toMatch(/SIGTERM again: exiting without waiting/);
    socket.destroy();
  }, 60_000);
});
