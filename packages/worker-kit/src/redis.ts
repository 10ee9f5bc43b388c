import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { parseRedisUrl } from '@khabar/config';

/** A connection to one Redis server or to a Redis Cluster; BullMQ and every Khabar store accept both. */
export type RedisConnection = Redis | Cluster;

export interface RedisConnectionOptions {
  /** Producers that should fail fast when Redis is down (the API); workers wait through reconnects. */
  readonly failFast?: boolean;
  /** CLIENT SETNAME on every connection, to tell Khabar's processes apart in CLIENT LIST. */
  readonly name?: string;
}

const reconnectDelay = (times: number): number => Math.min(200 * 2 ** Math.min(times, 6), 10_000);

/**
 * A Redis connection for BullMQ from REDIS_URL (see `parseRedisUrl`): `redis://…` gives a
 * `Redis`, `redis+cluster://…` an ioredis `Cluster`. Workers need `maxRetriesPerRequest: null`
 * (blocking commands must wait through reconnects instead of failing; BullMQ refuses otherwise),
 * which for a cluster goes in `redisOptions`, the options of each node connection. Every key
 * Khabar writes starts with the hash-tagged prefix (`{khabar}`), so a transaction or Lua script
 * never spans two slots (docs/redis-cluster.md lists every key).
 */
export function createRedisConnection(url: string, options: RedisConnectionOptions = {}): RedisConnection {
  const target = parseRedisUrl(url);
  const maxRetriesPerRequest = options.failFast ? 2 : null;
  if (target.kind === 'single') {
    const settings: RedisOptions = { maxRetriesPerRequest, enableReadyCheck: true, connectionName: options.name, retryStrategy: reconnectDelay };
    return new Redis(url, settings);
  }
  const settings: ClusterOptions = {
    enableReadyCheck: true,
    // Workers keep commands queued while the cluster is unreachable; the API fails fast (503/500, never a hung request).
    enableOfflineQueue: !options.failFast,
    clusterRetryStrategy: reconnectDelay,
    // A command that meets a failover or CLUSTERDOWN is retried after this (up to maxRedirections times).
    retryDelayOnFailover: 300,
    retryDelayOnClusterDown: 300,
    redisOptions: {
      maxRetriesPerRequest,
      connectionName: options.name,
      ...(target.username ? { username: target.username } : {}),
      ...(target.password ? { password: target.password } : {}),
      ...(target.tls ? { tls: {} } : {}),
    },
  };
  return new Cluster(
    target.nodes.map((n) => ({ host: n.host, port: n.port })),
    settings,
  );
}

export function isCluster(redis: RedisConnection): redis is Cluster {
  return redis instanceof Cluster;
}

/**
 * The connections a command must reach to hold on the whole deployment: the one server, or every
 * master of a cluster (after the cluster has connected and learnt its slot map).
 */
export async function masterConnections(redis: RedisConnection): Promise<Redis[]> {
  if (!isCluster(redis)) return [redis];
  if (redis.status !== 'ready') {
    await new Promise<void>((resolve, reject) => {
      const onReady = (): void => {
        redis.off('end', onEnd);
        resolve();
      };
      const onEnd = (): void => {
        redis.off('ready', onReady);
        reject(new Error('the Redis Cluster connection closed before it was ready'));
      };
      redis.once('ready', onReady);
      redis.once('end', onEnd);
      if (redis.status === 'wait') void redis.connect().catch(() => undefined);
    });
  }
  return redis.nodes('master');
}

function nodeName(node: Redis): string {
  return `${node.options.host ?? '?'}:${node.options.port ?? '?'}`;
}

/**
 * BullMQ loses jobs silently under eviction; refuse to run on a Redis that may evict. On a cluster
 * every master is checked (each holds its own slots, so one evicting master loses jobs too).
 */
export async function assertNoEviction(redis: RedisConnection): Promise<void> {
  const nodes = await masterConnections(redis);
  for (const node of nodes) {
    let policy: string | undefined;
    try {
      const reply = (await node.config('GET', 'maxmemory-policy')) as unknown;
      if (Array.isArray(reply)) policy = String(reply[1]);
    } catch {
      continue; // CONFIG is disabled on some managed Redis; nothing to check there.
    }
    if (policy && policy !== 'noeviction') {
      const where = isCluster(redis) ? ` on cluster master ${nodeName(node)}` : '';
      throw new Error(`Redis maxmemory-policy is "${policy}"${where}; Khabar needs "noeviction" (queued jobs would be evicted)`);
    }
  }
}

/**
 * The part of a key Redis Cluster hashes (its "hash tag"): the text between the first `{` and the
 * next `}` when that is not empty, else the whole key.
 */
export function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  if (open < 0) return key;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

/**
 * On a cluster, BullMQ's Lua scripts and Khabar's transactions touch several keys at once, which
 * Redis Cluster allows only within one slot: the prefix must carry a hash tag (`{khabar}`), or
 * the first multi-key command fails with CROSSSLOT. Refuse to start instead.
 */
export function assertClusterPrefix(redis: RedisConnection, prefix: string): void {
  if (!isCluster(redis)) return;
  if (hashTagOf(prefix) === prefix) {
    throw new Error(`KHABAR_QUEUE_PREFIX "${prefix}" must contain a Redis Cluster hash tag such as "{khabar}" (every key of one deployment must share one slot)`);
  }
}
