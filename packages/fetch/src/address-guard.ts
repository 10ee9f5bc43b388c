import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { PermanentError } from '@khabar/errors';
import { checkSubmittedUrl } from '@khabar/urls';

/** One answer of a DNS resolver. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to every address it has (like `dns.promises.lookup(name, { all: true })`). */
export type LookupFn = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const DEFAULT_ALLOWED_PORTS: readonly number[] = [80, 443, 8080, 8443];

/**
 * Parsed allow-list: host names / IP literals exempt from the address guard, each either on any
 * allowed port ("host") or on one port ("host:port", which also opens that port).
 */
export interface AllowList {
  readonly anyPort: ReadonlySet<string>;
  readonly hostPorts: ReadonlySet<string>;
  readonly ports: ReadonlySet<number>;
}

/** Why an address is refused, or null when it is a public unicast address. */
export function blockedRange(ip: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // ipaddr.parse also accepts decimal, octal, hex and short IPv4 spellings.
    parsed = ipaddr.parse(ip.replace(/^\[|\]$/g, ''));
  } catch {
    return 'unparsable';
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.zoneId !== undefined) return 'zoned';
    const range = v6.range();
    if (range === 'ipv4Mapped') return blockedRange(v6.toIPv4Address().toString());
    if (range === 'rfc6052') {
      // NAT64 (64:ff9b::/96) carries an IPv4 address in its last 32 bits; judge that address.
      // The local-use prefix 64:ff9b:1::/48 is refused outright.
      const parts = v6.parts;
      if (parts[2] !== 0 || parts[3] !== 0 || parts[4] !== 0 || parts[5] !== 0) return 'rfc6052-local';
      const hi = parts[6] ?? 0;
      const lo = parts[7] ?? 0;
      return blockedRange(`${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`);
    }
    if (range !== 'unicast') return range;
    // ::/96 — deprecated IPv4-compatible addresses (::127.0.0.1) that ipaddr.js calls unicast.
    if (v6.parts.slice(0, 6).every((p) => p === 0)) return 'ipv4Compatible';
    return null;
  }
  const range = (parsed as ipaddr.IPv4).range();
  return range === 'unicast' ? null : range;
}

/**
 * True unless `ip` is a public unicast address. Refuses loopback, private, link-local (cloud
 * metadata), CGNAT, multicast, unspecified, broadcast, reserved and documentation ranges, IPv6
 * unique-local / site-local / 6to4 / Teredo, and IPv4 addresses embedded in IPv6 when the embedded
 * address is itself refused. Anything that does not parse as an IP address is refused too.
 */
export function isBlockedAddress(ip: string): boolean {
  return blockedRange(ip) !== null;
}

/** The form used to compare hosts: lower case, brackets off, IP literals in canonical spelling. */
export function normalizeHost(host: string): string {
  const bare = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (isIP(bare) === 0) return bare;
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address().toString();
  }
  return parsed.toString();
}

/** Parses "host[:port]" entries (IPv6 as "[::1]:8080"); throws on entries that make no sense. */
export function parseAllowList(entries: readonly string[]): AllowList {
  const anyPort = new Set<string>();
  const hostPorts = new Set<string>();
  const ports = new Set<number>();
  for (const entry of entries) {
    let url: URL;
    try {
      url = new URL(`http://${entry.trim()}`);
    } catch {
      throw new TypeError(`allowHosts entry "${entry}" is not "host[:port]"`);
    }
    if (url.pathname !== '/' || url.search !== '' || url.username !== '') {
      throw new TypeError(`allowHosts entry "${entry}" is not "host[:port]"`);
    }
    const host = normalizeHost(url.hostname);
    const hasPort = /:\d+$/.test(entry.trim());
    if (!hasPort) {
      anyPort.add(host);
      continue;
    }
    const port = url.port === '' ? 80 : Number(url.port);
    hostPorts.add(`${host}:${port}`);
    ports.add(port);
  }
  return { anyPort, hostPorts, ports };
}

export function isAllowListed(allow: AllowList, host: string, port: number): boolean {
  const h = normalizeHost(host);
  return allow.hostPorts.has(`${h}:${port}`) || allow.anyPort.has(h);
}

export function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

export interface TargetPolicy {
  readonly allow: AllowList;
  /** Ports a URL may use; ports named in the allow-list are added to these. */
  readonly allowedPorts: ReadonlySet<number>;
}

export function createTargetPolicy(allowHosts: readonly string[] = [], allowedPorts: readonly number[] = DEFAULT_ALLOWED_PORTS): TargetPolicy {
  const allow = parseAllowList(allowHosts);
  return { allow, allowedPorts: new Set([...allowedPorts, ...allow.ports]) };
}

function blocked(message: string, context: Record<string, unknown>): PermanentError {
  return new PermanentError('KHABAR_E_BLOCKED_ADDRESS', message, { context });
}

/**
 * Checks what can be checked without DNS: an absolute http(s) URL without credentials, on an
 * allowed port, not a *.localhost name, and — when the host is an IP literal in any spelling (the WHATWG parser turns
 * 2130706433, 0177.0.0.1, 0x7f.1 and 127.1 into 127.0.0.1) — a public address unless allow-listed.
 * Returns the parsed URL; throws PermanentError KHABAR_E_INVALID_URL or KHABAR_E_BLOCKED_ADDRESS.
 * Run for the first URL and for every redirect target, before any connection is opened.
 */
export function checkTarget(url: string | URL, allowHosts: readonly string[] | TargetPolicy = []): URL {
  const policy = Array.isArray(allowHosts) ? createTargetPolicy(allowHosts) : (allowHosts as TargetPolicy);
  const raw = typeof url === 'string' ? url : url.href;
  const check = checkSubmittedUrl(raw);
  if (!check.ok) {
    throw new PermanentError('KHABAR_E_INVALID_URL', check.message, { context: { url: raw, problem: check.problem } });
  }
  const parsed = check.url;
  const port = effectivePort(parsed);
  const host = parsed.hostname;
  if (isAllowListed(policy.allow, host, port)) return parsed;
  if (!policy.allowedPorts.has(port)) {
    throw blocked(`port ${port} is not an allowed port`, { url: raw, host, port });
  }
  const bare = host.replace(/^\[|\]$/g, '');
  if (/(^|\.)localhost\.?$/i.test(bare)) {
    // RFC 6761: these names are loopback whatever a resolver says; refuse before asking one.
    throw blocked(`${bare} is a loopback name`, { url: raw, host, port, range: 'loopback' });
  }
  if (isIP(bare) !== 0) {
    const range = blockedRange(bare);
    if (range !== null) throw blocked(`${bare} is a ${range} address`, { url: raw, host, port, address: bare, range });
  }
  return parsed;
}

/**
 * Refuses a host whose DNS answer contains any refused address (a name that answers with both a
 * public and an internal address is treated as hostile, not filtered). Returns the answer.
 */
export function checkResolvedAddresses(host: string, port: number, addresses: readonly ResolvedAddress[]): readonly ResolvedAddress[] {
  if (addresses.length === 0) throw blocked(`${host} resolved to no address`, { host, port });
  for (const { address } of addresses) {
    const range = blockedRange(address);
    if (range !== null) throw blocked(`${host} resolves to ${address}, a ${range} address`, { host, port, address, range });
  }
  return addresses;
}

/** DNS step of the guard as a plain function: resolve with `lookup`, then check every address. */
export async function resolveAndCheck(url: string | URL, allowHosts: readonly string[] | TargetPolicy, lookup: LookupFn): Promise<readonly ResolvedAddress[]> {
  const policy = Array.isArray(allowHosts) ? createTargetPolicy(allowHosts) : (allowHosts as TargetPolicy);
  const parsed = checkTarget(url, policy);
  const port = effectivePort(parsed);
  const bare = parsed.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family !== 0) return [{ address: bare, family: family === 6 ? 6 : 4 }];
  const answer = await lookup(bare);
  if (isAllowListed(policy.allow, parsed.hostname, port)) return answer;
  return checkResolvedAddresses(bare, port, answer);
}
