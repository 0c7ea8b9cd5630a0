/**
 * When a response is over: its own 'close', or its connection's, whichever
 * comes first. Node emits no 'close' (nor 'finish') on a pipelined response
 * still queued behind another when its connection dies, so the shutdown
 * tracker and the request log kept such responses, with their buffered
 * answers, for the life of the process: a client pipelining requests and
 * resetting the connection could grow the heap until it ran out (review 27).
 * One listener per connection serves every response queued on it.
 */
import type { Socket } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Per connection, what to call for each of its responses not yet over. */
const waiting = new WeakMap<Socket, Set<() => void>>();

/** Calls `done` once, when `res` (the response to `req`) is over. */
export function whenOver(req: IncomingMessage, res: ServerResponse, done: () => void): void {
  const socket = req.socket;
  let over = false;
  const finish = () => {
    if (over) return;
    over = true;
    waiting.get(socket)?.delete(finish);
    done();
  };
  res.once('close', finish);
  if (socket.destroyed) {
    // Gone before anyone listened: its 'close' will not come again.
    setImmediate(finish);
    return;
  }
  let responses = waiting.get(socket);
  if (!responses) {
    const created = new Set<() => void>();
    waiting.set(socket, created);
    socket.once('close', () => {
      for (const callback of [...created]) callback();
    });
    responses = created;
  }
  responses.add(finish);
}

/**
 * Closes the connection of an answer its client has not taken `ms` after the
 * handler wrote the last of it: until then its bytes sit in the process (what
 * the kernel's socket buffers do not hold, about 1.3 MB a connection for a 4 MB
 * answer), and sockets that never read could pile them up (review 38). Exports
 * bound each page apart (EXPORT_STALL_MS); this bounds the end of every answer.
 */
export function cutIfNotTaken(req: IncomingMessage, res: ServerResponse, ms: number): void {
  if (res.writableFinished || res.destroyed) return;
  // The request's socket: a pipelined answer still queued behind another has none of its own yet.
  const timer = setTimeout(() => req.socket.destroy(), ms);
  timer.unref();
  const clear = () => clearTimeout(timer);
  res.once('finish', clear);
  res.once('close', clear);
}
