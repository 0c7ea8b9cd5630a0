/**
 * Graceful shutdown of the HTTP server: take the connections the kernel has
 * already queued, stop accepting, let the requests received finish (each
 * answered with `Connection: close`), and only then close what is left;
 * requests still running at the deadline are cut. The service used to call
 * `server.close()` then `closeAllConnections()`, which reset every request
 * in flight (tests/server/shutdown.test.ts).
 */
import { Server as NetServer } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { whenOver } from './response-over';

/** Longest the listener stays open after the signal, taking connections already queued. */
const ACCEPT_GRACE_MS = 1_000;
/** How long after the last connection or request the remaining connections count as idle. */
const QUIET_MS = 250;

export interface DrainResult {
  /** Requests that finished during the drain. */
  finished: number;
  /** Requests still running at the deadline, whose connections were cut. */
  cut: number;
}

export class RequestTracker {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;
  private finishedWhileDraining = 0;
  /** Last accepted connection, request begun, or the start of the drain. */
  private lastActivityAt = 0;
  private connections = 0;
  private idle: (() => void) | undefined;

  constructor(private readonly server: Server) {
    // A second 'request' listener: it runs after the router's synchronous part, for every request.
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.track(req, res));
    server.on('connection', () => {
      this.connections++;
      this.lastActivityAt = Date.now();
    });
  }

  get count(): number {
    return this.inFlight.size;
  }

  private track(req: IncomingMessage, res: ServerResponse): void {
    this.lastActivityAt = Date.now();
    if (res.writableFinished) return;
    this.inFlight.add(res);
    if (this.draining) closeAfter(res);
    whenOver(req, res, () => {
      this.inFlight.delete(res);
      if (this.draining) this.finishedWhileDraining++;
      if (this.inFlight.size === 0) this.idle?.();
    });
  }

  /**
   * Stops listening at once, waits up to `deadlineMs` for in-flight requests
   * and for the connections already accepted to go quiet, then closes every
   * remaining connection.
   */
  async drain(deadlineMs: number): Promise<DrainResult> {
    this.draining = true;
    this.lastActivityAt = Date.now();
    const deadline = Date.now() + deadlineMs;
    // Connections the kernel completed before the signal wait in the accept
    // queue, and closing the listener would reset them. Node takes them about
    // one per event-loop turn (measured), so keep the listener until a whole
    // turn brings none, for at most ACCEPT_GRACE_MS; /readyz already says 503
    // and every response asks the client to close.
    const graceEnd = Math.min(deadline, Date.now() + ACCEPT_GRACE_MS);
    for (;;) {
      const before = this.connections;
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      if (this.connections === before || Date.now() >= graceEnd) break;
    }
    // net.Server's close(): stops accepting without http.Server's extra
    // closeIdleConnections(), which would drop a connection whose request
    // bytes have arrived but are not parsed yet.
    const closed = new Promise<void>((resolve) =>
      NetServer.prototype.close.call(this.server, () => resolve()),
    );
    for (const res of this.inFlight) closeAfter(res);
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      if (this.inFlight.size > 0) {
        await this.idleOr(left);
        continue;
      }
      // Nothing in flight: still give a connection accepted just before the
      // listener closed (its request not read yet on a busy loop) a moment to
      // be parsed and answered, rather than cut it.
      const quietFor = Date.now() - this.lastActivityAt;
      if (quietFor >= QUIET_MS) break;
      await sleep(Math.min(QUIET_MS - quietFor, left));
    }
    const cut = this.inFlight.size;
    // Keep-alive connections with no request left, and at the deadline the stragglers.
    this.server.closeAllConnections();
    await closed;
    return { finished: this.finishedWhileDraining, cut };
  }

  private async idleOr(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => (this.idle = resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
    ]);
    clearTimeout(timer);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ask the client to close once this response is done (before headers go out; too late after). */
function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('connection', 'close');
}
