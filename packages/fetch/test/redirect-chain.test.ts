import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KhabarError } from '@khabar/errors';
import { createFetchClient, type FetchClient, type FetchInit } from '../src/index.ts';
import { startServer, type LocalServer } from './helpers/local-server.ts';

/**
 * `stopAtRedirect` and `chain`: how the fetcher splits a redirect chain across hosts. Two
 * "hosts" are two loopback addresses, both allow-listed; a third (127.0.0.2) is not.
 */
let a: LocalServer;
let b: LocalServer;
let canary: LocalServer;
let client: FetchClient;

function redirector(routes: () => Record<string, string>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const to = routes()[req.url ?? ''];
    if (to !== undefined) res.writeHead(302, { location: to }).end();
    else res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${req.url ?? ''}</p>`);
  };
}

beforeAll(async () => {
  canary = await startServer('127.0.0.2', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>canary reached</p>'));
  a = await startServer(
    '127.0.0.1',
    redirector(() => ({ '/to-b': `${b.origin}/page`, '/same': '/to-b', '/loop': `${b.origin}/back`, '/to-canary': `${canary.origin}/x`, '/h1': `${b.origin}/h2`, '/h3': `${b.origin}/h4` })),
  );
  b = await startServer('127.0.0.4', redirector(() => ({ '/back': `${a.origin}/loop`, '/h2': `${a.origin}/h3`, '/h4': `${a.origin}/h5` })));
  client = createFetchClient({ allowHosts: [`127.0.0.1:${a.port}`, `127.0.0.4:${b.port}`], allowedPorts: [80, 443, canary.port], maxRedirects: 3, totalTimeoutMs: 3_000 });
});

afterAll(async () => {
  await client.close();
  await Promise.all([a.close(), b.close(), canary.close()]);
});

const otherThan = (origin: string): FetchInit['stopAtRedirect'] => (url) => new URL(url).origin !== origin;

async function fetchError(url: string, init: FetchInit): Promise<KhabarError> {
  const err: unknown = await client.fetchPage(url, init).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof KhabarError)) throw new Error(`expected a KhabarError, got ${String(err)}`);
  return err;
}

describe('stopAtRedirect', () => {
  it('returns the redirect instead of following a hop it stops at; same-host hops are still followed', async () => {
    const before = b.requests.length;
    const asked: string[] = [];
    const r = await client.fetchPage(`${a.origin}/same`, { stopAtRedirect: otherThan(a.origin), beforeRedirect: async (url) => void asked.push(url) });
    expect(r.redirectTo).toBe(`${b.origin}/page`);
    expect(r.status).toBe(302);
    expect(r.finalUrl).toBe(`${a.origin}/to-b`);
    expect(r.redirects).toEqual([`${a.origin}/to-b`, `${b.origin}/page`]);
    expect(r.body.byteLength).toBe(0);
    expect(asked).toEqual([`${a.origin}/to-b`]);
    expect(b.requests.length).toBe(before);
  });

  it('is asked only after the address guard: a hop to a refused address fails, never reaching the stop', async () => {
    const asked: string[] = [];
    const err = await fetchError(`${a.origin}/to-canary`, { stopAtRedirect: (url) => (asked.push(url), true) });
    expect(err.code).toBe('KHABAR_E_BLOCKED_ADDRESS');
    expect(asked).toEqual([]);
    expect(canary.connections).toBe(0);
  });
});

describe('chain: a redirect chain continued on another host', () => {
  it('reports the whole chain: the first URL, every hop and the final URL', async () => {
    const first = await client.fetchPage(`${a.origin}/to-b`, { stopAtRedirect: otherThan(a.origin) });
    const rest = await client.fetchPage(first.redirectTo ?? '', { chain: { url: first.url, redirects: first.redirects } });
    expect(rest.redirectTo).toBeUndefined();
    expect(rest.url).toBe(`${a.origin}/to-b`);
    expect(rest.finalUrl).toBe(`${b.origin}/page`);
    expect(rest.redirects).toEqual([`${b.origin}/page`]);
    expect(rest.status).toBe(200);
  });

  it('detects a loop back to a URL an earlier leg visited', async () => {
    const first = await client.fetchPage(`${a.origin}/loop`, { stopAtRedirect: otherThan(a.origin) });
    const err = await fetchError(first.redirectTo ?? '', { chain: { url: first.url, redirects: first.redirects }, stopAtRedirect: otherThan(b.origin) });
    expect(err.code).toBe('KHABAR_E_FETCH_TOO_MANY_REDIRECTS');
    expect(err.context['loop']).toBe(true);
    // Without the chain the same leg is no loop: it stops at the hop back to A.
    const alone = await client.fetchPage(first.redirectTo ?? '', { stopAtRedirect: otherThan(b.origin) });
    expect(alone.redirectTo).toBe(`${a.origin}/loop`);
  });

  it('counts the earlier legs towards maxRedirects', async () => {
    // a/h1 → b/h2 → a/h3 → b/h4 → a/h5: four hops, the limit is three.
    let leg = await client.fetchPage(`${a.origin}/h1`, { stopAtRedirect: (url) => new URL(url).origin !== a.origin });
    leg = await client.fetchPage(leg.redirectTo ?? '', { chain: { url: leg.url, redirects: leg.redirects }, stopAtRedirect: otherThan(b.origin) });
    leg = await client.fetchPage(leg.redirectTo ?? '', { chain: { url: leg.url, redirects: leg.redirects }, stopAtRedirect: otherThan(a.origin) });
    expect(leg.redirects).toHaveLength(3);
    const before = a.requests.length;
    const err = await fetchError(leg.redirectTo ?? '', { chain: { url: leg.url, redirects: leg.redirects }, stopAtRedirect: otherThan(b.origin) });
    expect(err.code).toBe('KHABAR_E_FETCH_TOO_MANY_REDIRECTS');
    expect(err.context['loop']).toBeUndefined();
    expect(err.context['url']).toBe(`${a.origin}/h1`);
    expect(a.requests.length).toBe(before);
  });
});
