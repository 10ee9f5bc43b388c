import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchClient, type FetchClient } from '../src/index.ts';
import { startServer, type LocalServer } from './helpers/local-server.ts';

let server: LocalServer;
let client: FetchClient;
const arrivals: Array<{ path: string; at: number }> = [];

beforeAll(async () => {
  server = await startServer('127.0.0.1', (req, res) => {
    arrivals.push({ path: req.url ?? '', at: performance.now() });
    if (req.url === '/hop') res.writeHead(302, { location: '/page' }).end();
    else if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>');
    else res.writeHead(404).end();
  });
  client = createFetchClient({ allowHosts: [`127.0.0.1:${server.port}`] });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

describe('beforeRedirect', () => {
  it('is awaited before each redirect hop is requested, with the hop URL', async () => {
    arrivals.length = 0;
    const asked: string[] = [];
    const r = await client.fetchPage(`${server.origin}/hop`, {
      beforeRedirect: async (url) => {
        asked.push(url);
        await new Promise((resolve) => setTimeout(resolve, 120));
      },
    });
    expect(r.status).toBe(200);
    expect(asked).toEqual([`${server.origin}/page`]);
    expect((arrivals[1]?.at ?? 0) - (arrivals[0]?.at ?? 0)).toBeGreaterThanOrEqual(119);
  });

  it('a rejection ends the fetch without requesting the hop; the total deadline cuts a wait that never ends', async () => {
    arrivals.length = 0;
    await expect(client.fetchPage(`${server.origin}/hop`, { beforeRedirect: () => Promise.reject(new Error('no way')) })).rejects.toMatchObject({ code: 'KHABAR_E_FETCH_NETWORK' });
    expect(arrivals.map((a) => a.path)).toEqual(['/hop']);
    const impatient = createFetchClient({ allowHosts: [`127.0.0.1:${server.port}`], totalTimeoutMs: 200 });
    try {
      await expect(impatient.fetchPage(`${server.origin}/hop`, { beforeRedirect: () => new Promise<void>(() => {}) })).rejects.toMatchObject({ code: 'KHABAR_E_FETCH_TIMEOUT' });
    } finally {
      await impatient.close();
    }
  });
});

describe('onRequestSent', () => {
  it('is called once per request, redirect hops included, once its head is on the wire and before the server answers', async () => {
    arrivals.length = 0;
    const sent: Array<{ url: string; at: number }> = [];
    const r = await client.fetchPage(`${server.origin}/hop`, { onRequestSent: (url) => sent.push({ url, at: performance.now() }) });
    expect(r.status).toBe(200);
    expect(sent.map((s) => s.url)).toEqual([`${server.origin}/hop`, `${server.origin}/page`]);
    expect(arrivals.map((a) => a.path)).toEqual(['/hop', '/page']);
    // The second request cannot be sent before the first one's answer came back.
    expect(sent[1]?.at ?? 0).toBeGreaterThan(arrivals[0]?.at ?? Infinity);
  });

  it('is not called for a request that never reached a socket (refused before connecting)', async () => {
    const sent: string[] = [];
    await expect(client.fetchPage('http://127.0.0.2:1/x', { onRequestSent: (url) => sent.push(url) })).rejects.toMatchObject({ code: 'KHABAR_E_BLOCKED_ADDRESS' });
    expect(sent).toEqual([]);
  });
});
