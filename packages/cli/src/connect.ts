import { Cluster, Redis } from 'ioredis';
import { parseRedisUrl, redactUrl, type RedisTarget } from '@khabar/config';
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

const CONNECT_TIMEOUT_MS = 3000;

function open(target: RedisTarget): Redis | Cluster {
  if (target.kind === 'single') {
    return new Redis(target.url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: CONNECT_TIMEOUT_MS });
  }
  return new Cluster(
    target.nodes.map((n) => ({ host: n.host, port: n.port })),
    {
      lazyConnect: true,
      clusterRetryStrategy: () => null,
      redisOptions: {
        maxRetriesPerRequest: 1,
        connectTimeout: CONNECT_TIMEOUT_MS,
        ...(target.username ? { username: target.username } : {}),
        ...(target.password ? { password: target.password } : {}),
        ...(target.tls ? { tls: {} } : {}),
      },
    },
  );
}

/**
 * Connects or fails fast with a message that says what to do. REDIS_URL may name one server
 * (redis://) or a Redis Cluster (redis+cluster://host:port,host:port).
 */
export async function connectRedis(url: string): Promise<Redis | Cluster> {
  const where = redactUrl(url).replace('//[redacted]@', '//');
  let target: RedisTarget;
  try {
    target = parseRedisUrl(url);
  } catch (err) {
    throw new CliError('KHABAR_E_CONFIG', `REDIS_URL: ${err instanceof Error ? err.message : String(err)}`);
  }
  const redis = open(target);
  redis.on('error', () => undefined); // the failure is reported below, once
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new CliError('KHABAR_E_REDIS_UNAVAILABLE', `cannot reach Redis at ${where} (${err instanceof Error ? err.message : String(err)}); set REDIS_URL or start the local stack with "pnpm demo"`);
  }
  return redis;
}
