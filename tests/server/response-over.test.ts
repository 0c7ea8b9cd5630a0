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
  const GET = (path: string) => `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`;

  /** /big: BIG at once; /slow: 15 chunks of 10 kB, one every 100 ms; /fast: "ok". Each then bounded by `ms`. */
  async function serveBounded(ms: number): Promise<number> {
    server = createServer((req, res) => {
      const done = () => cutIfNotTaken(req, res, ms);
      if (req.url === '/slow') {
        let sent = 0;
        const tick = setInterval(() => {
          res.write('y'.repeat(10_000));
          if (++sent === 15) {
            clearInterval(tick);
            res.end();
            done();
          }
        }, 100);
        return;
      }
      res.end(req.url === '/big' ? BIG : 'ok');
      done();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  it('has its connection closed once it stops taking it', async () => {
    const port = await serveBounded(300);
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
    socket.write(GET('/big'));
    const ms = await Promise.race([closed, sleep(5_000).then(() => -1)]);
    socket.destroy();
    expect(ms).toBeGreaterThan(250);
    expect(ms).toBeLessThan(3_000);
  });

  it('is left alone while its client takes it, slowly, well past the bound', async () => {
    const port = await serveBounded(1_000);
    const socket = connect(port, '127.0.0.1');
    let received = 0;
    const started = performance.now();
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      // A slow reader: a pause after each chunk, about 2.5 s in all for 16 MB.
      socket.pause();
      setTimeout(() => socket.resume(), 10);
    });
    socket.write(GET('/big'));
    while (received <= BIG.length && !socket.destroyed && performance.now() - started < 15_000)
      await sleep(100);
    expect(socket.destroyed).toBe(false);
    expect(received).toBeGreaterThan(BIG.length);
    expect(performance.now() - started).toBeGreaterThan(1_500);
    socket.destroy();
  });

  it('never cuts the answer before a pipelined one, which waits for its turn', async () => {
    const port = await serveBounded(300);
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    // /fast is answered at once, but queued behind /slow, which streams for 1.5 s.
    socket.write(GET('/slow') + GET('/fast'));
    await sleep(2_500);
    expect(socket.destroyed).toBe(false);
    expect(reply.split('y'.repeat(10_000)).length - 1).toBe(15);
    expect(reply.endsWith('ok')).toBe(true);
    socket.destroy();
  });
});
