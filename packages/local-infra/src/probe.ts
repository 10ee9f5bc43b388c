import net from 'node:net';
import http from 'node:http';

/** Sends `PING` over raw TCP and expects `+PONG`; never throws, never hangs longer than `timeoutMs`. */
export function redisAnswers(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let buffer = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (buffer.includes('\r\n')) done(buffer.startsWith('+PONG'));
    });
  });
}

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/** GET over HTTP (or a unix socket); resolves `undefined` on any failure or timeout. */
export function httpGet(
  target: { url: string } | { socketPath: string; path: string },
  timeoutMs = 1_000,
): Promise<HttpAnswer | undefined> {
  return new Promise((resolve) => {
    const onResponse = (res: http.IncomingMessage): void => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve(undefined));
    };
    const req =
      'url' in target
        ? http.get(target.url, { timeout: timeoutMs }, onResponse)
        : http.get({ socketPath: target.socketPath, path: target.path, timeout: timeoutMs }, onResponse);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(undefined));
  });
}

/** True when something accepts TCP connections on host:port. */
export function portOpen(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => done(true));
  });
}

/** Polls `check` until it returns true or `timeoutMs` passes; `abort` ends the wait early with false. */
export async function waitUntil(
  check: () => Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; abort?: () => boolean },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (options.abort?.()) return false;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 250));
  }
}
