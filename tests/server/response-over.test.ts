/**
 * Pipelined responses whose connection dies before their turn (review 27):
 * Node emits no 'close' on them, so whatever waited for one (the shutdown
 * tracker, the request log) kept them, with their buffered answers, for ever.
 * whenOver (src/server/response-over.ts) also ends them with their connection.
 * And answers their client does not take (review 38): cutIfNotTaken closes the
 * connection of one not taken in time, and leaves one that is taken alone.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { RequestTracker } from '../../src/server/drain';
import { cutIfNotTaken, whenOver } from '../../src/server/response-over';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PIPELINED = 20;

/** A server whose answers are big enough (1 MB each) to queue behind each other on a client that never reads. */
async function serve(onRequest: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer((req, res) => {
    onRequest(req, res);
    setTimeout(() => res.end('x'.repeat(1_000_000)), 5);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Sends PIPELINED requests in one packet, reads nothing, then resets the connection. */
async function pipelineThenReset(server: Server): Promise<void> {
  const { port } = server.address() as AddressInfo;
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write('GET /big HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(PIPELINED));
  await sleep(300);
  socket.resetAndDestroy();
  await sleep(300);
}

describe('responses queued on a connection that dies', () => {
  let server: Server;
  afterEach(() => new Promise((resolve) => server.close(resolve)));

  it('get no close event from Node (why whenOver exists)', async () => {
    let closed = 0;
    let started = 0;
    server = await serve((_req, res) => {
      started++;
      res.once('close', () => closed++);
    });
    await pipelineThenReset(server);
    expect(started).toBe(PIPELINED);
    expect(closed).toBeLessThan(started);
  });

  it('are each over, once, for whenOver', async () => {
    const over: number[] = [];
    let n = 0;
    server = await serve((req, res) => {
      const i = n++;
      whenOver(req, res, () => over.push(i));
    });
    await pipelineThenReset(server);
    expect(over.sort((a, b) => a - b)).toEqual([...Array(PIPELINED).keys()]);
  });

  it('leave the shutdown tracker empty', async () => {
    server = await serve(() => undefined);
    const tracker = new RequestTracker(server);
    await pipelineThenReset(server);
    expect(tracker.count).toBe(0);
  });
});

describe('an answer its client does not take', () => {
  let server: Server;
  afterEach(() => new Promise((resolve) => server.close(resolve)));
  /** 16 MB: more than the kernel's socket buffers hold for a client that reads nothing. */
  const BIG = 'x'.repeat(16_000_000);

  async function serveBig(ms: number): Promise<number> {
    server = createServer((req, res) => {
      res.end(BIG);
      cutIfNotTaken(req, res, ms);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  it('has its connection closed once the time is up', async () => {
    const port = await serveBig(300);
    // Timed on the server's side: a client that reads nothing does not see the reset either.
    const closed = new Promise<number>((resolve) =>
      server.once('connection', (conn) => {
        const started = performance.now();
        conn.once('close', () => resolve(performance.now() - started));
      }),
    );
    const socket = connect(port, '127.0.0.1');
    socket.pause(); // reads nothing
    socket.on('error', () => undefined);
    socket.write('GET /big HTTP/1.1\r\nHost: x\r\n\r\n');
    const ms = await Promise.race([closed, sleep(5_000).then(() => -1)]);
    socket.destroy();
    expect(ms).toBeGreaterThan(250);
    expect(ms).toBeLessThan(3_000);
  });

  it('is left alone, whole, when its client takes it', async () => {
    const port = await serveBig(300);
    const socket = connect(port, '127.0.0.1');
    let received = 0;
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.write('GET /big HTTP/1.1\r\nHost: x\r\n\r\n');
    // Taken within the time, then kept open past it: not cut (Node's keep-alive closes it later).
    await sleep(1_000);
    expect(socket.destroyed).toBe(false);
    expect(received).toBeGreaterThan(BIG.length);
    socket.destroy();
  });
});
