/**
 * The bench's one HTTP client: a POST of a JSON body through node:http on a
 * keep-alive agent. Not fetch: the client runs in the process that times it,
 * and undici's fetch spends 0.4–0.8 ms of its own on each request (measured
 * beside node:http on the R2 pages: dashboard 6.6 against 5.8 ms, links 2.4
 * against 2.0), time no service could remove, which weighed on every ratio
 * to a statement run in process; and its per-request cost is several times a
 * hello-world server's, which pulled every throughput ratio towards 1.
 */
import { Agent, request } from 'node:http';

export interface Reply {
  status: number;
  body: string;
}

/** The agent latency runs share: sequential requests, one connection kept open. */
export const SEQUENTIAL = new Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One POST of `body` to `url` on `agent`; rejects only when no answer came (a
 * refused or cut connection). A kept-alive socket the server closed while it
 * sat idle (its keep-alive timeout) resets the next request sent on it: that
 * request is sent once more on a new socket, as Node's documentation advises.
 */
export async function postJson(
  agent: Agent,
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  try {
    return await postOnce(agent, url, body, headers);
  } catch (error) {
    if (!(error as { staleSocket?: boolean }).staleSocket) throw error;
    return postOnce(agent, url, body, headers);
  }
}

function postOnce(agent: Agent, url: string, body: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(Object.assign(error, { staleSocket: req.reusedSocket && error.code === 'ECONNRESET' })),
    );
    req.end(body);
  });
}
