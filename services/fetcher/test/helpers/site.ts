import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SiteRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** performance.now() when the request arrived and when its response ended. */
  readonly start: number;
  end: number;
  /**
   * How late `start` may be. The server runs a 1 ms heartbeat timer; each loop iteration runs due
   * timers, then polls the sockets, so a request stamped now was not yet readable at the poll
   * before the latest heartbeat: it arrived after the heartbeat before that one, and `lateBy` is
   * the time since then. About 1–2 ms on an idle server; large when the process was off the CPU
   * (a loaded machine) while the request waited in its socket.
   */
  readonly lateBy: number;
}

export interface Reply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
  /** Milliseconds before the response is sent. */
  readonly delayMs?: number;
}

export interface Site {
  readonly origin: string;
  /** host:port, for KHABAR_FETCH_ALLOW_HOSTS. */
  readonly hostPort: string;
  readonly requests: SiteRequest[];
  /** Most requests that were in progress at once. */
  readonly maxInFlight: number;
  hits(path: string): SiteRequest[];
  close(): Promise<void>;
}

export const PAGE = (title: string): string =>
  `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1><p>نص الخبر.</p></article></body></html>`;

/** A site on a loopback address whose every answer is decided by `route` (misbehaving on purpose). */
export async function startSite(route: (path: string, req: SiteRequest, nth: number) => Reply, host = '127.0.0.1'): Promise<Site> {
  if (!host.startsWith('127.')) throw new Error('tests only listen on 127.0.0.0/8');
  const requests: SiteRequest[] = [];
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;
  let heartbeat = performance.now();
  let previousHeartbeat = heartbeat;
  const ticker = setInterval(() => {
    previousHeartbeat = heartbeat;
    heartbeat = performance.now();
  }, 1);
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const now = performance.now();
    const record: SiteRequest = { path, headers: req.headers, start: now, end: 0, lateBy: now - previousHeartbeat };
    requests.push(record);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const nth = (counts.get(path) ?? 0) + 1;
    counts.set(path, nth);
    const reply = route(path, record, nth);
    const send = (): void => {
      res.writeHead(reply.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...reply.headers });
      res.end(reply.body ?? (reply.status === undefined || reply.status === 200 ? PAGE(path) : ''));
    };
    res.on('close', () => {
      record.end = performance.now();
      inFlight -= 1;
    });
    if (reply.delayMs) setTimeout(send, reply.delayMs);
    else send();
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    hostPort: `${host}:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    hits: (path) => requests.filter((r) => r.path === path),
    close: async () => {
      clearInterval(ticker);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
