import { Redis } from 'ioredis';
import { CliError } from './io.ts';

/** Where the CLI finds Redis: REDIS_URL, else the local Redis that `pnpm demo` starts. */
export const DEMO_REDIS_URL = 'redis://127.0.0.1:6390';

export interface CliEnv {
  readonly redisUrl: string;
  readonly prefix: string;
}

export function cliEnv(env: Readonly<Record<string, string | undefined>>): CliEnv {
  return { redisUrl: env['REDIS_URL'] || DEMO_REDIS_URL, prefix: env['KHABAR_QUEUE_PREFIX'] || '{khabar}' };
}

/** Connects or fails fast with a message that says what to do. */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: 3000 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    const where = url.replace(/\/\/[^@/]*@/, '//');
    throw new CliError('KHABAR_E_REDIS_UNAVAILABLE', `cannot reach Redis at ${where} (${err instanceof Error ? err.message : String(err)}); set REDIS_URL or start the local stack with "pnpm demo"`);
  }
  return redis;
}
