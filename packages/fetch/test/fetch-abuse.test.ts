import { gzipSync, brotliCompressSync, deflateSync, deflateRawSync, constants as zlibConstants } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KhabarError, RetryLaterError } from '@khabar/errors';
import { createFetchClient, DEFAULT_USER_AGENT, type FetchClient, type FetchClientOptions } from '../src/index.ts';
import { freePort, startServer, type LocalServer } from './helpers/local-server.ts';

/** A server on 127.0.0.1 that misbehaves on purpose, one route per abuse. */
const MiB = 1024 * 1024;
// "خبر عاجل" in windows-1256: bytes that are not valid UTF-8 and must come back untouched.
const ARABIC_1256 = Uint8Array.from([0xc7, 0xe1, 0xce, 0xc8, 0xd1, 0x20, 0xda, 0xc7, 0xcc, 0xe1]);
const PAGE = Buffer.concat([Buffer.from('<html><body><p>'), ARABIC_1256, Buffer.from('</p></body></html>')]);
const BOMB_DECODED = 64 * MiB;
let gzipBomb: Buffer;
let brotliBomb: Buffer;
let server: LocalServer;
let client: FetchClient;
let bigBytesSent = 0;
let bigFinished = false;
const timers = new Set<NodeJS.Timeout>();

const CAPS = { maxBodyBytes: 1 * MiB, maxDecodedBytes: 2 * MiB };

function html(res: ServerResponse, body: Buffer | string, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=windows-1256', ...headers }).end(body);
}

/** Streams `total` bytes as fast as the client reads them, stopping when the socket goes away. */
function streamZeros(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      bigBytesSent = sent;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (sent >= total) {
      bigFinished = true;
      res.end();
    }
  };
  pump();
}

function trickle(res: ServerResponse, everyMs: number): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.write('<');
  const timer = setInterval(() => {
    if (res.destroyed) {
      clearInterval(timer);
      timers.delete(timer);
      return;
    }
    res.write('p');
  }, everyMs);
  timers.add(timer);
}

beforeAll(async () => {
  gzipBomb = gzipSync(Buffer.alloc(BOMB_DECODED), { level: 9 });
  brotliBomb = brotliCompressSync(Buffer.alloc(BOMB_DECODED), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } });
  server = await startServer('127.0.0.1', (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hops = /^\/hops\/(\d+)$/.exec(url.pathname);
    if (hops) {
      const n = Number(hops[1]);
      res.writeHead(n === 0 ? 200 : 301, n === 0 ? { 'content-type': 'text/html' } : { location: `/hops/${n - 1}` }).end(n === 0 ? '<p>landed</p>' : '');
      return;
    }
    switch (url.pathname) {
      case '/page':
        html(res, PAGE, { etag: '"v1"', 'last-modified': 'Sat, 28 Nov 2026 10:00:00 GMT' });
        return;
      case '/gzip':
        html(res, gzipSync(PAGE), { 'content-encoding': 'gzip' });
        return;
      case '/br':
        html(res, brotliCompressSync(PAGE), { 'content-encoding': 'br' });
        return;
      case '/deflate':
        html(res, deflateSync(PAGE), { 'content-encoding': 'deflate' });
        return;
      case '/deflate-raw':
        html(res, deflateRawSync(PAGE), { 'content-encoding': 'deflate' });
        return;
      case '/gzip-then-br':
        html(res, brotliCompressSync(gzipSync(PAGE)), { 'content-encoding': 'gzip, br' });
        return;
      case '/zstd-unknown':
        html(res, PAGE, { 'content-encoding': 'compress' });
        return;
      case '/gzip-bomb':
        html(res, gzipBomb, { 'content-encoding': 'gzip' });
        return;
      case '/br-bomb':
        html(res, brotliBomb, { 'content-encoding': 'br' });
        return;
      case '/big-chunked':
        res.writeHead(200, { 'content-type': 'text/html' });
        streamZeros(res, 50 * MiB);
        return;
      case '/big-declared':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * MiB) });
        streamZeros(res, 50 * MiB);
        return;
      case '/trickle':
        trickle(res, 100);
        return;
      case '/no-headers':
        return; // never answers
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' }).end();
        return;
      case '/loop-b':
        res.writeHead(307, { location: `${server.origin}/loop-a#frag` }).end();
        return;
      case '/429':
        res.writeHead(429, { 'retry-after': '120', 'content-type': 'text/html' }).end('slow down');
        return;
      case '/429-date':
        res.writeHead(429, { 'retry-after': new Date(Date.now() + 90_000).toUTCString() }).end();
        return;
      case '/408':
        res.writeHead(408).end();
        return;
      case '/503':
        res.writeHead(503, { 'retry-after': '30' }).end('maintenance');
        return;
      case '/500':
        res.writeHead(500).end();
        return;
      case '/404':
        res.writeHead(404, { 'content-type': 'text/html' }).end('<p>gone</p>');
        return;
      case '/pdf':
        res.writeHead(200, { 'content-type': 'application/pdf' });
        streamZeros(res, 20 * MiB);
        return;
      case '/no-type':
        res.writeHead(200).end('<p>?</p>');
        return;
      case '/xhtml':
        res.writeHead(200, { 'content-type': 'application/xhtml+xml' }).end('<html/>');
        return;
      case '/conditional': {
        const fresh = req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Sat, 28 Nov 2026 10:00:00 GMT';
        if (fresh) res.writeHead(304, { etag: '"v1"' }).end();
        else html(res, PAGE, { etag: '"v1"' });
        return;
      }
      default:
        res.writeHead(404).end();
    }
  });
  client = makeClient();
});

afterAll(async () => {
  for (const timer of timers) clearInterval(timer);
  await client.close();
  await server.close();
});

function makeClient(overrides: FetchClientOptions = {}): FetchClient {
  return createFetchClient({
    allowHosts: [`127.0.0.1:${server.port}`],
    totalTimeoutMs: 1_500,
    headersTimeoutMs: 700,
    connectTimeoutMs: 500,
    maxRedirects: 3,
    ...CAPS,
    ...overrides,
  });
}

async function fetchError(path: string, c: FetchClient = client): Promise<KhabarError> {
  const err: unknown = await c.fetchPage(`${server.origin}${path}`).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof KhabarError)) throw new Error(`expected a KhabarError for ${path}, got ${String(err)}`);
  return err;
}

function lastRequestTo(path: string) {
  const req = server.requests.findLast((r) => r.url === path);
  if (req === undefined) throw new Error(`no request to ${path}`);
  return req;
}

describe('fetchPage: ordinary pages', () => {
  it('returns the body bytes untouched with the header charset and metadata', async () => {
    const result = await client.fetchPage(`${server.origin}/page#top`);
    expect(Buffer.from(result.body).equals(PAGE)).toBe(true);
    expect(result).toMatchObject({
      url: `${server.origin}/page#top`,
      finalUrl: `${server.origin}/page`,
      status: 200,
      redirects: [],
      contentType: 'text/html',
      headerCharset: 'windows-1256',
      bytes: PAGE.length,
      decodedBytes: PAGE.length,
      notModified: false,
      etag: '"v1"',
      lastModified: 'Sat, 28 Nov 2026 10:00:00 GMT',
    });
    expect(result.headers['content-type']).toBe('text/html; charset=windows-1256');
    expect(result.elapsedMs).toBeGreaterThan(0);
    const req = lastRequestTo('/page');
    expect(req.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(req.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(req.headers['if-none-match']).toBeUndefined();
  });

  it.each(['/gzip', '/br', '/deflate', '/deflate-raw', '/gzip-then-br'])('decodes %s', async (path) => {
    const result = await client.fetchPage(`${server.origin}${path}`);
    expect(Buffer.from(result.body).equals(PAGE)).toBe(true);
    expect(result.decodedBytes).toBe(PAGE.length);
    expect(result.bytes).not.toBe(PAGE.length);
  });

  it('accepts XHTML', async () => {
    const result = await client.fetchPage(`${server.origin}/xhtml`);
    expect(result.contentType).toBe('application/xhtml+xml');
    expect(result.headerCharset).toBeNull();
  });

  it('follows redirects up to the limit and lists them', async () => {
    const result = await client.fetchPage(`${server.origin}/hops/3`);
    expect(result.finalUrl).toBe(`${server.origin}/hops/0`);
    expect(result.redirects).toEqual([`${server.origin}/hops/2`, `${server.origin}/hops/1`, `${server.origin}/hops/0`]);
  });

  it('sends If-None-Match / If-Modified-Since and reports 304 as not modified', async () => {
    const byEtag = await client.fetchPage(`${server.origin}/conditional`, { etag: '"v1"' });
    expect(byEtag).toMatchObject({ status: 304, notModified: true, etag: '"v1"', bytes: 0 });
    expect(byEtag.body).toHaveLength(0);
    expect(lastRequestTo('/conditional').headers['if-none-match']).toBe('"v1"');

    const byDate = await client.fetchPage(`${server.origin}/conditional`, { lastModified: 'Sat, 28 Nov 2026 10:00:00 GMT' });
    expect(byDate.notModified).toBe(true);
    expect(lastRequestTo('/conditional').headers['if-modified-since']).toBe('Sat, 28 Nov 2026 10:00:00 GMT');

    const stale = await client.fetchPage(`${server.origin}/conditional`, { etag: '"v0"', lastModified: null });
    expect(stale).toMatchObject({ status: 200, notModified: false });

    const injected = await client.fetchPage(`${server.origin}/conditional`, { etag: '"v1"\r\nx-evil: 1' });
    expect(injected.notModified).toBe(false);
    expect(lastRequestTo('/conditional').headers['x-evil']).toBeUndefined();
    expect(lastRequestTo('/conditional').headers['if-none-match']).toBeUndefined();
  });
});

describe('fetchPage: status codes', () => {
  it('429 is retryable with Retry-After in seconds', async () => {
    const err = await fetchError('/429');
    expect(err).toBeInstanceOf(RetryLaterError);
    expect(err.code).toBe('KHABAR_E_FETCH_RATE_LIMITED');
    expect((err as RetryLaterError).retryAfterMs).toBe(120_000);
    expect(err.context).toMatchObject({ status: 429, url: `${server.origin}/429` });
  });

  it('429 with an HTTP-date Retry-After', async () => {
    const err = (await fetchError('/429-date')) as RetryLaterError;
    expect(err.code).toBe('KHABAR_E_FETCH_RATE_LIMITED');
    expect(err.retryAfterMs).toBeGreaterThan(80_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(90_000);
  });

  it('408 counts as rate limiting, without a delay', async () => {
    const err = (await fetchError('/408')) as RetryLaterError;
    expect(err.code).toBe('KHABAR_E_FETCH_RATE_LIMITED');
    expect(err.retryAfterMs).toBeUndefined();
  });

  it('503 is retryable and keeps its Retry-After; 500 too', async () => {
    const err = (await fetchError('/503')) as RetryLaterError;
    expect(err.code).toBe('KHABAR_E_FETCH_HTTP_5XX');
    expect(err.retryable).toBe(true);
    expect(err.retryAfterMs).toBe(30_000);
    expect((await fetchError('/500')).code).toBe('KHABAR_E_FETCH_HTTP_5XX');
  });

  it('404 is permanent', async () => {
    const err = await fetchError('/404');
    expect(err.code).toBe('KHABAR_E_FETCH_HTTP_4XX');
    expect(err.retryable).toBe(false);
    expect(err.context['status']).toBe(404);
  });

  it('refuses non-HTML with its content type, without downloading it', async () => {
    const err = await fetchError('/pdf');
    expect(err.code).toBe('KHABAR_E_FETCH_NOT_HTML');
    expect(err.context['contentType']).toBe('application/pdf');
    expect(err.retryable).toBe(false);
    expect((await fetchError('/no-type')).code).toBe('KHABAR_E_FETCH_NOT_HTML');
  });

  it('refuses a Content-Encoding it did not offer', async () => {
    const err = await fetchError('/zstd-unknown');
    expect(err.code).toBe('KHABAR_E_FETCH_NOT_HTML');
    expect(err.context['contentEncoding']).toBe('compress');
  });

  it('detects a redirect loop', async () => {
    const err = await fetchError('/loop-a');
    expect(err.code).toBe('KHABAR_E_FETCH_TOO_MANY_REDIRECTS');
    expect(err.context['loop']).toBe(true);
  });

  it('stops after maxRedirects', async () => {
    const err = await fetchError('/hops/4');
    expect(err.code).toBe('KHABAR_E_FETCH_TOO_MANY_REDIRECTS');
    expect(err.context['redirects']).toHaveLength(3);
  });

  it('reports a refused connection as a retryable network error', async () => {
    const port = await freePort();
    const c = makeClient({ allowHosts: [`127.0.0.1:${port}`] });
    try {
      const err: unknown = await c.fetchPage(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RetryLaterError);
      expect((err as KhabarError).code).toBe('KHABAR_E_FETCH_NETWORK');
    } finally {
      await c.close();
    }
  });

  it("throws the caller's abort reason when the caller aborts", async () => {
    const controller = new AbortController();
    const pending = client.fetchPage(`${server.origin}/no-headers`, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('shutting down')), 50);
    await expect(pending).rejects.toThrow('shutting down');
  });
});

describe('fetchPage: hostile bodies and slow servers', () => {
  it('cuts a slow trickle at the total deadline', async () => {
    const started = performance.now();
    const err = await fetchError('/trickle');
    const elapsed = performance.now() - started;
    expect(err.code).toBe('KHABAR_E_FETCH_TIMEOUT');
    expect(err.context['phase']).toBe('total');
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    expect(elapsed).toBeLessThan(4_000);
  });

  it('times out a server that never sends headers', async () => {
    const c = makeClient({ headersTimeoutMs: 300, totalTimeoutMs: 5_000 });
    try {
      const started = performance.now();
      const err = await fetchError('/no-headers', c);
      expect(err.code).toBe('KHABAR_E_FETCH_TIMEOUT');
      expect(err.context['phase']).toBe('headers');
      expect(performance.now() - started).toBeLessThan(2_500);
    } finally {
      await c.close();
    }
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const err = await fetchError('/big-declared');
    expect(err.code).toBe('KHABAR_E_FETCH_TOO_LARGE');
    expect(err.context['contentLength']).toBe(50 * MiB);
  });

  it('stops a 50 MB chunked body at the wire cap, quickly and within bounded memory', async () => {
    bigFinished = false;
    const sampler = sampleMemory();
    const started = performance.now();
    const err = await fetchError('/big-chunked');
    const elapsed = performance.now() - started;
    const growth = sampler.stop();
    expect(err.code).toBe('KHABAR_E_FETCH_TOO_LARGE');
    expect(err.context).toMatchObject({ which: 'wire', limit: CAPS.maxBodyBytes });
    expect(elapsed).toBeLessThan(3_000);
    expect(growth).toBeLessThan(24 * MiB);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bigFinished).toBe(false);
    expect(bigBytesSent).toBeLessThan(20 * MiB);
  });

  it.each(['/gzip-bomb', '/br-bomb'])('stops the %s at the decoded cap within bounded memory', async (path) => {
    const sampler = sampleMemory();
    const started = performance.now();
    const err = await fetchError(path);
    const growth = sampler.stop();
    expect(err.code).toBe('KHABAR_E_FETCH_TOO_LARGE');
    expect(err.context).toMatchObject({ which: 'decoded', limit: CAPS.maxDecodedBytes });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(growth).toBeLessThan(24 * MiB);
  });

  it('the bombs really are small on the wire and huge decoded (fixtures are honest)', () => {
    expect(gzipBomb.length).toBeLessThan(CAPS.maxBodyBytes);
    expect(brotliBomb.length).toBeLessThan(CAPS.maxBodyBytes);
  });
});

/** Peak growth of heap + array buffers while a fetch runs, sampled every 5 ms. */
function sampleMemory(): { stop(): number } {
  const used = (): number => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const base = used();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, used());
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, used());
      return peak - base;
    },
  };
}
