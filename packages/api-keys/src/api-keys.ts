import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Cluster, type Redis } from 'ioredis';

export const SCOPES = ['intake', 'search'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiClient {
  readonly client: string;
  readonly scopes: readonly Scope[];
  /** Requests per minute allowed for this client. */
  readonly ratePerMinute: number;
  readonly createdAt: string;
}

/** Keys look like `khb_<43 url-safe chars>`; only their SHA-256 is stored. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * API keys hashed at rest in Redis: `<prefix>:apikey:<sha256>` → client record, and
 * `<prefix>:apiclient:<client>` → the hash, so a client's key can be rotated or revoked by name.
 * The plain key is shown once, at creation, and never stored or logged.
 */
export class ApiKeyStore {
  private readonly redis: Redis | Cluster;
  private readonly prefix: string;

  constructor(redis: Redis | Cluster, prefix: string) {
    this.redis = redis;
    this.prefix = prefix;
  }

  private keyRecord(hash: string): string {
    return `${this.prefix}:apikey:${hash}`;
  }

  private clientRecord(client: string): string {
    return `${this.prefix}:apiclient:${client}`;
  }

  /** Creates (or rotates) the key of a client; returns the plain key, which is not kept. */
  async create(client: string, options: { scopes?: readonly Scope[]; ratePerMinute?: number } = {}): Promise<{ key: string; record: ApiClient }> {
    if (!/^[a-z0-9][a-z0-9._-]{0,63}$/i.test(client)) throw new Error('client names are 1-64 letters, digits, dot, dash or underscore');
    const key = `khb_${randomBytes(32).toString('base64url')}`;
    const hash = hashKey(key);
    const record: ApiClient = { client, scopes: options.scopes ?? [...SCOPES], ratePerMinute: options.ratePerMinute ?? 600, createdAt: new Date().toISOString() };
    const previous = await this.redis.get(this.clientRecord(client));
    const tx = this.redis.multi().set(this.keyRecord(hash), JSON.stringify(record)).set(this.clientRecord(client), hash);
    if (previous) tx.del(this.keyRecord(previous));
    await tx.exec();
    return { key, record };
  }

  async revoke(client: string): Promise<boolean> {
    const hash = await this.redis.get(this.clientRecord(client));
    if (!hash) return false;
    await this.redis.multi().del(this.keyRecord(hash)).del(this.clientRecord(client)).exec();
    return true;
  }

  /** The client a presented key belongs to, or null. */
  async verify(key: string): Promise<ApiClient | null> {
    if (!/^khb_[A-Za-z0-9_-]{20,100}$/.test(key)) return null;
    const hash = hashKey(key);
    const raw = await this.redis.get(this.keyRecord(hash));
    if (!raw) return null;
    const record = JSON.parse(raw) as ApiClient;
    // The lookup was by hash already; re-check the client's current hash (a rotated key is dead).
    const current = await this.redis.get(this.clientRecord(record.client));
    return current && sameHash(current, hash) ? record : null;
  }

  async list(): Promise<ApiClient[]> {
    const out: ApiClient[] = [];
    // SCAN walks one server: on a Redis Cluster walk every master (the keys sit on the one owning the prefix's slot).
    const nodes = this.redis instanceof Cluster ? this.redis.nodes('master') : [this.redis];
    for (const node of nodes) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', `${this.prefix}:apikey:*`, 'COUNT', 500);
        cursor = next;
        for (const k of keys) {
          const raw = await this.redis.get(k);
          if (raw) out.push(JSON.parse(raw) as ApiClient);
        }
      } while (cursor !== '0');
    }
    return out.sort((a, b) => a.client.localeCompare(b.client));
  }
}

/**
 * Fixed one-minute windows per client in Redis (INCR + PEXPIRE in one transaction), shared by every
 * API replica. Returns the seconds to wait when the client is over its limit.
 */
export async function takeRateToken(redis: Redis | Cluster, prefix: string, client: string, perMinute: number, now = Date.now()): Promise<{ allowed: boolean; retryAfterS: number; remaining: number }> {
  const window = Math.floor(now / 60_000);
  const key = `${prefix}:ratelimit:${client}:${window}`;
  const res = await redis.multi().incr(key).pexpire(key, 120_000).exec();
  const count = Number(res?.[0]?.[1] ?? 0);
  const retryAfterS = Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000));
  return { allowed: count <= perMinute, retryAfterS, remaining: Math.max(0, perMinute - count) };
}
