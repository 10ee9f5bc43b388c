import { randomBytes } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';

/** A Redis connection (one server or a Cluster: the lock is a single key). */
export type LockRedis = Redis | Cluster;

/** Deletes / extends the key only while it still holds our token (never another holder's lock). */
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const EXTEND = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

export interface MaintenanceLock {
  readonly key: string;
  /** Pushes the expiry out by the lock's ttl; false when the lock was lost (expired and taken). */
  extend(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * The Redis key that serialises index maintenance (rollover checks and migrations) of one index
 * base across every indexer and CLI: `<prefix>:index:<base>:maintenance`.
 */
export function maintenanceLockKey(prefix: string, base: string): string {
  return `${prefix}:index:${base}:maintenance`;
}

/**
 * Takes the lock (SET NX PX with a random token) or answers undefined when someone holds it.
 * It expires after `ttlMs` unless extended, so a holder that dies never blocks the others for
 * longer than that.
 */
export async function tryAcquireLock(redis: LockRedis, key: string, ttlMs: number): Promise<MaintenanceLock | undefined> {
  const token = randomBytes(16).toString('hex');
  const taken = await redis.set(key, token, 'PX', ttlMs, 'NX');
  if (taken !== 'OK') return undefined;
  return {
    key,
    extend: async () => Number(await redis.eval(EXTEND, 1, key, token, String(ttlMs))) === 1,
    release: async () => {
      await redis.eval(RELEASE, 1, key, token);
    },
  };
}
