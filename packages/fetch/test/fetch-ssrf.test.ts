import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KhabarError } from '@khabar/errors';
import { createFetchClient, type FetchClient, type LookupFn } from '../src/index.ts';
import { recordConnectionAttempts, startServer, type LocalServer } from './helpers/local-server.ts';

/**
 * End-to-end SSRF guard. `site` (127.0.0.1) is allow-listed; `canary` (127.0.0.2) is not, and
 * its port IS an allowed port, so every refusal below comes from the address check itself.
 * The canary must never see a connection, whatever spelling or path leads to it.
 */
let site: LocalServer;
let canary: LocalServer;
let client: FetchClient;
const lookups: string[] = [];
const recorder = recordConnectionAttempts();

const stubLookup: LookupFn = async (hostname) => {
  lookups.push(hostname);
  switch (hostname) {
    case 'canary.test':
      return [{ address: '127.0.0.2', family: 4 }];
    case 'internal.test':
      return [{ address: '10.0.0.5', family: 4 }];
    case 'metadata.test':
      return [{ address: '169.254.169.254', family: 4 }];
    case 'ula.test':
      return [{ address: 'fd00::1', family: 6 }];
    case 'site.test':
      return [{ address: '127.0.0.1', family: 4 }];
    default:
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  }
};

async function fetchError(url: string): Promise<KhabarError> {
  const err: unknown = await client.fetchPage(url).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof KhabarError)) throw new Error(`expected a KhabarError for ${url}, got ${String(err)}`);
  return err;
}

beforeAll(async () => {
  canary = await startServer('127.0.0.2', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<p>canary reached</p>');
  });
  site = await startServer('127.0.0.1', (req, res) => {
    const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
    if (to !== null) {
      res.writeHead(302, { location: to }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>ok</p>');
  });
  client = createFetchClient({
    allowHosts: [`127.0.0.1:${site.port}`, `site.test:${site.port}`],
    allowedPorts: [80, 443, canary.port],
    lookup: stubLookup,
    totalTimeoutMs: 3_000,
  });
});

afterAll(async () => {
  await client.close();
  recorder.stop();
  await site.close();
  await canary.close();
});

describe('address guard, end to end', () => {
  it('fetches from the allow-listed server (the setup works)', async () => {
    const result = await client.fetchPage(`${site.origin}/`);
    expect(result.status).toBe(200);
    expect(new TextDecoder().decode(result.body)).toBe('<p>ok</p>');
  });

  it('fetches an allow-listed host name through the injected resolver', async () => {
    const result = await client.fetchPage(`http://site.test:${site.port}/`);
    expect(result.status).toBe(200);
    expect(lookups).toContain('site.test');
  });

  it.each([
    ['direct address', () => `${canary.origin}/`],
    ['decimal spelling', () => `http://2130706434:${canary.port}/`],
    ['octal spelling', () => `http://0177.0.0.2:${canary.port}/`],
    ['hex spelling', () => `http://0x7f000002:${canary.port}/`],
    ['IPv4-mapped IPv6', () => `http://[::ffff:127.0.0.2]:${canary.port}/`],
    ['IPv4-mapped IPv6, hex form', () => `http://[0:0:0:0:0:ffff:7f00:2]:${canary.port}/`],
    ['loopback on the allowed server port but another address', () => `http://127.0.0.3:${site.port}/`],
  ])('refuses the canary by %s', async (_name, url) => {
    const err = await fetchError(url());
    expect(err.code).toBe('KHABAR_E_BLOCKED_ADDRESS');
    expect(err.retryable).toBe(false);
    expect(err.context['range']).toBe('loopback');
  });

  it('refuses a host name the resolver maps to the canary, at connect time', async () => {
    const err = await fetchError(`http://canary.test:${canary.port}/`);
    expect(err.code).toBe('KHABAR_E_BLOCKED_ADDRESS');
    expect(err.context).toMatchObject({ address: '127.0.0.2', range: 'loopback', url: `http://canary.test:${canary.port}/` });
    expect(lookups).toContain('canary.test');
  });

  it('refuses a redirect from the allowed server to the canary', async () => {
    const err = await fetchError(`${site.origin}/?to=${encodeURIComponent(`${canary.origin}/secret`)}`);
    expect(err.code).toBe('KHABAR_E_BLOCKED_ADDRESS');
    expect(err.context['url']).toBe(`${site.origin}/?to=${encodeURIComponent(`${canary.origin}/secret`)}`);
    expect(err.context['currentUrl']).toBe(`${canary.origin}/secret`);
  });

  it('refuses a redirect to the canary by decimal spelling and by a name', async () => {
    for (const to of [`http://2130706434:${canary.port}/`, `http://[::ffff:7f00:2]:${canary.port}/`, `http://canary.test:${canary.port}/`]) {
      const err = await fetchError(`${site.origin}/?to=${encodeURIComponent(to)}`);
      expect(err.code).toBe('KHABAR_E_BLOCKED_ADDRESS');
    }
  });

  it('refuses redirects to other schemes and to ports that are not allowed', async () => {
    const file = await fetchError(`${site.origin}/?to=${encodeURIComponent('file:///etc/passwd')}`);
    expect(file.code).toBe('KHABAR_E_INVALID_URL');
    const ssh = await fetchError(`${site.origin}/?to=${encodeURIComponent('http://site.test:22/')}`);
    expect(ssh.code).toBe('KHABAR_E_BLOCKED_ADDRESS');
    expect(ssh.context['port']).toBe(22);
  });

  it.each([
    ['internal.test', '10.0.0.5'],
    ['metadata.test', '169.254.169.254'],
    ['ula.test', 'fd00::1'],
  ])('refuses %s (resolving to %s) without dialling it', async (name, address) => {
    const before = recorder.attempts.length;
    const err = await fetchError(`http://${name}/`);
    expect(err.code).toBe('KHABAR_E_BLOCKED_ADDRESS');
    expect(err.context['address']).toBe(address);
    expect(recorder.attempts.length).toBe(before);
  });

  it('reports an unknown name as a retryable network error', async () => {
    const err = await fetchError('http://nowhere.test/');
    expect(err.code).toBe('KHABAR_E_FETCH_NETWORK');
    expect(err.retryable).toBe(true);
  });

  it('refuses URLs that are not http(s) or carry credentials', async () => {
    expect((await fetchError('ftp://site.test/')).code).toBe('KHABAR_E_INVALID_URL');
    expect((await fetchError(`http://user:pw@site.test:${site.port}/`)).code).toBe('KHABAR_E_INVALID_URL');
    expect((await fetchError('not a url')).code).toBe('KHABAR_E_INVALID_URL');
  });

  it('never reached the canary and never dialled outside 127.0.0.1', () => {
    expect(canary.connections).toBe(0);
    expect(canary.requests).toHaveLength(0);
    expect(recorder.attempts.length).toBeGreaterThan(0);
    for (const attempt of recorder.attempts) expect(attempt.ip).toBe('127.0.0.1');
  });
});
