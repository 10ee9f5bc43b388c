/**
 * Redis keys of the politeness state. Every key starts with the queue prefix (`{khabar}` by
 * default), whose braces put all of them in one Redis Cluster slot, so one Lua script may touch
 * several of them.
 */
export interface PolitenessKeys {
  /** Hash: next free slot, last start, adaptive delay, consecutive failures, circuit open-until. */
  host(host: string): string;
  /** Sorted set: lease id → lease expiry (requests in flight on the host). */
  leases(host: string): string;
  /** Sorted set: ticket → reserved start time (requests waiting for the host). */
  reservations(host: string): string;
  /** String: cached robots.txt verdict for an origin (JSON). */
  robots(origin: string): string;
  /** Hash: validators and body hash of the last fetch of a document. */
  validators(docId: string): string;
  /** String: a short lock (e.g. one archive prune at a time across fetchers). */
  lock(name: string): string;
}

export function politenessKeys(prefix: string): PolitenessKeys {
  return {
    host: (host) => `${prefix}:polite:h:${host}`,
    leases: (host) => `${prefix}:polite:l:${host}`,
    reservations: (host) => `${prefix}:polite:r:${host}`,
    robots: (origin) => `${prefix}:robots:${origin}`,
    validators: (docId) => `${prefix}:fetchmeta:${docId}`,
    lock: (name) => `${prefix}:lock:${name}`,
  };
}

/** The politeness unit of a URL: lower-case host with its effective port ("example.com:443"). */
export function hostKeyOf(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  const port = u.port !== '' ? u.port : u.protocol === 'https:' ? '443' : '80';
  return `${u.hostname.toLowerCase()}:${port}`;
}
