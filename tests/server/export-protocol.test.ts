/**
 * Exports and the connection they travel on (review 27): over HTTP/1.0 a cut
 * export ended as a clean 200 with a short table (no chunked encoding to show
 * the cut), so exports need HTTP/1.1; and an export pipelined behind answers
 * its client never reads held an export slot for EXPORT_STALL_MS, renewably,
 * refusing everyone else's.
 */
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { startTestService, type TestService } from '../helpers/service';
import { fetchExport } from '../helpers/exports';

/** Writes `raw` on a new connection to the service and returns the socket, collecting what comes back. */
async function rawConnection(
  service: TestService,
  raw: string,
): Promise<{ socket: Socket; received: () => string }> {
  const { hostname, port } = new URL(service.url);
  const socket = connect(Number(port), hostname);
  await new Promise((resolve) => socket.once('connect', resolve));
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  socket.write(raw);
  return { socket, received: () => text };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('exports over HTTP/1.0', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());

  it('are refused with 426 HTTP_1_1_REQUIRED, an Upgrade header, and no rows; HEAD is answered', async () => {
    const get = await rawConnection(service, 'GET /export/talks.csv HTTP/1.0\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => get.socket.once('close', resolve));
    const [head, body] = get.received().split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 426 /);
    expect(head).toMatch(/\r\nupgrade: HTTP\/1\.1\r\n/i);
    expect(JSON.parse(body!)).toMatchObject({ code: 'HTTP_1_1_REQUIRED' });
    const headOnly = await rawConnection(service, 'HEAD /export/talks.csv HTTP/1.0\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => headOnly.socket.once('close', resolve));
    expect(headOnly.received()).toMatch(/^HTTP\/1\.1 200 /);
    // Over HTTP/1.1 the same export is served.
    expect(await fetchExport(`${service.url}/export/talks.csv`)).toMatchObject({
      status: 200,
      complete: true,
    });
  });
});

describe('an export pipelined behind unread answers', () => {
  let service: TestService;
  beforeAll(async () => {
    // The real fixtures: their talks export is more than a socket's write buffer takes at once.
    service = await startTestService(join(PROJECT_ROOT, 'fixtures'), undefined, {
      EXPORT_MAX_CONCURRENT: '1',
    });
  });
  afterAll(() => service.close());

  it('takes no export slot before its turn, so other clients still export', async () => {
    // Twelve answers of ~450 kB (introspection, aliased) fill the kernel's buffers towards a
    // client that reads nothing; the export behind them waits for its turn.
    const query = `{ ${Array.from({ length: 15 }, (_, i) => `s${i}: __schema { types { name description fields { name description args { name description } } } }`).join(' ')} }`;
    const body = JSON.stringify({ query });
    const post = `POST /graphql HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const { hostname, port } = new URL(service.url);
    const hog = connect({ port: Number(port), host: hostname });
    await new Promise((resolve) => hog.once('connect', resolve));
    hog.pause(); // reads nothing
    hog.write(post.repeat(12) + 'GET /export/talks.ndjson HTTP/1.1\r\nHost: x\r\n\r\n');
    try {
      await sleep(1_000);
      const other = await fetchExport(`${service.url}/export/edition-stats.csv`);
      expect(other).toMatchObject({ status: 200, complete: true });
    } finally {
      hog.destroy();
    }
  });
});
