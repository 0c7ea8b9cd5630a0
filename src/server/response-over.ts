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
 * Closes the connection of an answer its client stops taking: once the handler
 * has written the last of it, each `ms` must see the connection's unsent bytes
 * shrink, or it is cut. Until then what the kernel's socket buffers do not hold
 * sits in the process (about 1.3 MB a connection for a 4 MB answer), and
 * sockets that never read could pile such answers up (review 38). A slow reader
 * that keeps reading is never cut. A pipelined answer queued behind another has
 * no connection of its own yet: its clock starts when it gets one, so it never
 * cuts the answer before it. Exports bound each page apart (EXPORT_STALL_MS).
 */
export function cutIfNotTaken(req: IncomingMessage, res: ServerResponse, ms: number): void {
  const socket = req.socket;
  if (res.writableFinished || res.destroyed || socket.destroyed) return;
  // Ended on its own connection with every byte handed to the kernel (nearly every answer):
  // nothing of it is left in the process, so no timer or listener is set for it.
  if (res.writableEnded && res.socket === socket && unsentBytes(socket) === 0) return;
  let timer: NodeJS.Timeout | undefined;
  let unsent = 0;
  const watch = () => {
    const left = unsentBytes(socket);
    if (left > 0 && left >= unsent) return void socket.destroy();
    unsent = left;
    timer = setTimeout(watch, ms).unref();
  };
  const start = () => {
    unsent = unsentBytes(socket);
    timer = setTimeout(watch, ms).unref();
  };
  const stop = () => {
    clearTimeout(timer);
    res.off('socket', start);
    res.off('finish', stop);
    res.off('close', stop);
    socket.off('close', stop);
  };
  res.once('finish', stop);
  res.once('close', stop);
  // A queued response whose connection dies gets neither 'finish' nor 'close' (whenOver above).
  socket.once('close', stop);
  if (res.socket) start();
  else res.once('socket', start);
}

/**
 * Bytes of a connection not yet handed to the kernel. `writableLength` counts a
 * write whole until all of it is out (an answer is one write), so the libuv
 * handle's write queue, which shrinks as the client reads, is added: Node's
 * own stream code reads the same field.
 */
function unsentBytes(socket: Socket): number {
  const queued = (socket as unknown as { _handle?: { writeQueueSize?: unknown } | null })._handle
    ?.writeQueueSize;
  return socket.writableLength + (typeof queued === 'number' ? queued : 0);
}
