import { Redis, type RedisOptions } from 'ioredis';

/**
 * A Redis connection for BullMQ. Workers need `maxRetriesPerRequest: null` (blocking commands
 * must wait through reconnects instead of failing); producers that should fail fast when Redis is
 * down (the API) pass `failFast`.
 */
export function createRedis(url: string, options: { failFast?: boolean; name?: string } = {}): Redis {
  const settings: RedisOptions = {
    maxRetriesPerRequest: options.failFast ? 2 : null,
    enableReadyCheck: true,
    connectionName: options.name,
    retryStrategy: (times) => Math.min(200 * 2 ** Math.min(times, 6), 10_000),
  };
  return new Redis(url, settings);
}

/** BullMQ loses jobs silently under eviction; refuse to run on a Redis that may evict. */
export async function assertNoEviction(redis: Redis): Promise<void> {
  let policy: string | undefined;
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as unknown;
    if (Array.isArray(reply)) policy = String(reply[1]);
  } catch {
    return; // CONFIG is disabled on some managed Redis; nothing to check then.
  }
  if (policy && policy !== 'noeviction') {
    throw new Error(`Redis maxmemory-policy is "${policy}"; Khabar needs "noeviction" (queued jobs would be evicted)`);
  }
}
