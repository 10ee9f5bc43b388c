import type { Cluster, Redis } from 'ioredis';
import { politenessKeys } from './keys.ts';

/** What is remembered about the last successful fetch of a document: a few short strings. */
export interface FetchValidators {
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** SHA-256 (hex) of the body, to spot an unchanged page served without validators. */
  readonly bodyHash: string | null;
  /** ISO time of that fetch; decides whether the re-crawl interval has passed. */
  readonly fetchedAt: string;
}

export interface ValidatorStore {
  get(docId: string): Promise<FetchValidators | null>;
  set(docId: string, validators: FetchValidators): Promise<void>;
}

/** One small hash per canonical URL, kept `ttlMs` after the last fetch. */
export function createValidatorStore(options: { readonly redis: Redis | Cluster; readonly prefix: string; readonly ttlMs?: number }): ValidatorStore {
  const keys = politenessKeys(options.prefix);
  const ttlMs = options.ttlMs ?? 90 * 24 * 3_600_000;
  return {
    async get(docId) {
      const h = await options.redis.hgetall(keys.validators(docId));
      if (!h['fetchedAt']) return null;
      return { etag: h['etag'] || null, lastModified: h['lastModified'] || null, bodyHash: h['bodyHash'] || null, fetchedAt: h['fetchedAt'] };
    },
    async set(docId, v) {
      const key = keys.validators(docId);
      await options.redis
        .multi()
        .del(key)
        .hset(key, { etag: v.etag ?? '', lastModified: v.lastModified ?? '', bodyHash: v.bodyHash ?? '', fetchedAt: v.fetchedAt })
        .pexpire(key, ttlMs)
        .exec();
    },
  };
}
