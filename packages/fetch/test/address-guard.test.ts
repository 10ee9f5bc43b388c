import { describe, expect, it } from 'vitest';
import { KhabarError } from '@khabar/errors';
import {
  blockedRange,
  checkResolvedAddresses,
  checkTarget,
  createTargetPolicy,
  isBlockedAddress,
  resolveAndCheck,
  type LookupFn,
} from '../src/index.ts';

function thrown(fn: () => unknown): KhabarError {
  try {
    fn();
  } catch (err) {
    if (err instanceof KhabarError) return err;
    throw err;
  }
  throw new Error('expected a KhabarError');
}

async function rejected(promise: Promise<unknown>): Promise<KhabarError> {
  const err: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (err instanceof KhabarError) return err;
  throw new Error(`expected a KhabarError, got ${String(err)}`);
}

describe('isBlockedAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['192.0.2.10', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2002:7f00:1::', '6to4'],
    ['::7f00:1', 'ipv4Compatible'],
    ['fe80::1%eth0', 'zoned'],
  ])('refuses %s (%s)', (ip, range) => {
    expect(isBlockedAddress(ip)).toBe(true);
    expect(blockedRange(ip)).toBe(range);
  });

  it.each([
    ['2130706433', 'decimal'],
    ['0177.0.0.1', 'octal'],
    ['0x7f000001', 'hex'],
    ['0x7f.0.0.1', 'hex octet'],
    ['127.1', 'short form'],
    ['::ffff:127.0.0.1', 'IPv4-mapped'],
    ['::ffff:7f00:1', 'IPv4-mapped, hex'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', 'IPv4-mapped metadata address'],
    ['[::1]', 'bracketed'],
    ['64:ff9b::10.0.0.1', 'NAT64 of a private address'],
    ['64:ff9b:1::1', 'local-use NAT64 prefix'],
  ])('refuses loopback/internal in %s spelling (%s)', (ip) => {
    expect(isBlockedAddress(ip)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8'])(
    'allows public unicast %s',
    (ip) => {
      expect(isBlockedAddress(ip)).toBe(false);
    },
  );

  it.each(['', 'localhost', 'example.com', '1.2.3.4.5', '::g'])('refuses what is not an IP address: %j', (value) => {
    expect(isBlockedAddress(value)).toBe(true);
  });
});

describe('checkTarget', () => {
  it('returns the parsed URL for a public name on a default port', () => {
    expect(checkTarget('https://www.aljazeera.net/news/2026/1/1/x', []).hostname).toBe('www.aljazeera.net');
  });

  it.each([
    'http://127.0.0.1/',
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://0x7f.1/',
    'http://127.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.1.2.3/',
    'http://[fd00::1]/',
    'http://0.0.0.0/',
  ])('refuses %s', (url) => {
    const err = thrown(() => checkTarget(url, []));
    expect(err.code).toBe('KHABAR_E_BLOCKED_ADDRESS');
    expect(err.retryable).toBe(false);
  });

  it.each(['ftp://example.com/', 'file:///etc/passwd', 'gopher://example.com/', 'http://user:pw@example.com/', 'example.com', ''])('refuses invalid URL %j', (url) => {
    expect(thrown(() => checkTarget(url, [])).code).toBe('KHABAR_E_INVALID_URL');
  });

  it('refuses ports outside the allowed list, and opens the ports named in allowHosts', () => {
    expect(thrown(() => checkTarget('http://example.com:22/', [])).context).toMatchObject({ port: 22 });
    expect(thrown(() => checkTarget('http://example.com:6379/', [])).code).toBe('KHABAR_E_BLOCKED_ADDRESS');
    expect(checkTarget('http://example.com:8080/', []).port).toBe('8080');
    expect(checkTarget('http://example.com:9200/', ['fixtures.local:9200']).port).toBe('9200');
  });

  it('exempts exactly the allow-listed host:port, in any spelling of the address', () => {
    const policy = createTargetPolicy(['127.0.0.1:8089', 'fixtures.local']);
    expect(checkTarget('http://127.0.0.1:8089/', policy).port).toBe('8089');
    expect(checkTarget('http://2130706433:8089/', policy).port).toBe('8089');
    expect(checkTarget('http://[::ffff:127.0.0.1]:8089/', policy).port).toBe('8089');
    expect(checkTarget('http://fixtures.local/', policy).hostname).toBe('fixtures.local');
    expect(thrown(() => checkTarget('http://127.0.0.1:8080/', policy)).code).toBe('KHABAR_E_BLOCKED_ADDRESS');
    expect(thrown(() => checkTarget('http://127.0.0.2:8089/', policy)).code).toBe('KHABAR_E_BLOCKED_ADDRESS');
    expect(thrown(() => checkTarget('http://localhost:8089/', policy)).code).toBe('KHABAR_E_BLOCKED_ADDRESS');
  });

  it('rejects nonsense allow-list entries', () => {
    expect(() => createTargetPolicy(['http://x/'])).toThrow(TypeError);
  });
});

describe('checkResolvedAddresses / resolveAndCheck with a stubbed resolver', () => {
  const answers: Record<string, { address: string; family: 4 | 6 }[]> = {
    'news.example': [{ address: '93.184.216.34', family: 4 }],
    'rebind.example': [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.5', family: 4 }],
    'internal.example': [{ address: '10.0.0.5', family: 4 }],
    'meta.example': [{ address: '169.254.169.254', family: 4 }],
    'v6.example': [{ address: '::ffff:192.168.0.1', family: 6 }],
    'empty.example': [],
  };
  const stub: LookupFn = async (name) => answers[name] ?? [];

  it('accepts a name with only public addresses', async () => {
    await expect(resolveAndCheck('https://news.example/a', [], stub)).resolves.toEqual(answers['news.example']);
  });

  it.each(['rebind.example', 'internal.example', 'meta.example', 'v6.example', 'empty.example'])('refuses %s', async (name) => {
    const err = await rejected(resolveAndCheck(`https://${name}/`, [], stub));
    expect(err.code).toBe('KHABAR_E_BLOCKED_ADDRESS');
  });

  it('names the refused address and its range', () => {
    const err = thrown(() => checkResolvedAddresses('rebind.example', 443, answers['rebind.example'] ?? []));
    expect(err.context).toMatchObject({ host: 'rebind.example', port: 443, address: '10.0.0.5', range: 'private' });
  });

  it('skips the address check for an allow-listed name', async () => {
    await expect(resolveAndCheck('http://internal.example:9000/', ['internal.example:9000'], stub)).resolves.toHaveLength(1);
  });
});
