import type { Redis } from 'ioredis';

/** One numeric field of Redis INFO (`used_memory`, `used_cpu_user`, …). */
export async function redisInfoNumber(redis: Redis, section: string, field: string): Promise<number> {
  const info = await redis.info(section);
  const m = new RegExp(`^${field}:([0-9.]+)`, 'mu').exec(info);
  return m?.[1] ? Number(m[1]) : Number.NaN;
}

/** CPU ms Redis has used so far (user + system, main thread and children). */
export async function redisCpuMs(redis: Redis): Promise<number> {
  const [u, s] = await Promise.all([redisInfoNumber(redis, 'cpu', 'used_cpu_user'), redisInfoNumber(redis, 'cpu', 'used_cpu_sys')]);
  return (u + s) * 1000;
}

/** Deletes every key under a prefix (SCAN + UNLINK). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = nextCursor;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}
