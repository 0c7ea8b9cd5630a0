/**
 * Graceful shutdown of the HTTP server: stop accepting connections, let the
 * requests already received finish (each answered with `Connection: close`),
 * and only then close what is left; requests still running at the deadline
 * are cut. Node's own `server.close()` would also drop idle keep-alive
 * sockets (fine) but the service used to follow it with
 * `closeAllConnections()`, which reset every in-flight request.
 */
import { Server as NetServer } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

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
  private idle: (() => void) | undefined;

  constructor(private readonly server: Server) {
    // A second 'request' listener: it runs after the router's synchronous part, for every request.
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => this.track(res));
  }

  get count(): number {
    return this.inFlight.size;
  }

  private track(res: ServerResponse): void {
    if (res.writableFinished) return;
    this.inFlight.add(res);
    if (this.draining) closeAfter(res);
    res.once('close', () => {
      this.inFlight.delete(res);
      if (this.draining) this.finishedWhileDraining++;
      if (this.inFlight.size === 0) this.idle?.();
    });
  }

  /**
   * Stops listening at once, waits up to `deadlineMs` for in-flight requests,
   * then closes every remaining connection.
   */
  async drain(deadlineMs: number): Promise<DrainResult> {
    this.draining = true;
    // net.Server's close(): stops accepting without http.Server's extra
    // closeIdleConnections(), which could drop a socket whose request bytes
    // have arrived but are not parsed yet. Idle sockets are closed below.
    const closed = new Promise<void>((resolve) =>
      NetServer.prototype.close.call(this.server, () => resolve()),
    );
    for (const res of this.inFlight) closeAfter(res);
    if (this.inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (this.idle = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs))),
      ]);
      clearTimeout(timer);
    }
    const cut = this.inFlight.size;
    // Keep-alive sockets with no request left, and at the deadline the stragglers.
    this.server.closeAllConnections();
    await closed;
    return { finished: this.finishedWhileDraining, cut };
  }
}

/** Ask the client to close once this response is done (before headers go out; too late after). */
function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('connection', 'close');
}
