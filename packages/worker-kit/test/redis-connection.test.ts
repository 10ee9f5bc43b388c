import { describe, expect, it } from 'vitest';
import { Cluster, Redis } from 'ioredis';
import { assertClusterPrefix, createRedisConnection, hashTagOf, isCluster } from '../src/redis.ts';

describe('Redis connections from REDIS_URL', () => {
  it('opens a single server for redis:// and a Cluster (BullMQ-ready) for redis+cluster://', () => {
    const single = createRedisConnection('redis://127.0.0.1:1', { name: 'unit' });
    const cluster = createRedisConnection('redis+cluster://khabar:pw@127.0.0.1:1,127.0.0.1:2', { name: 'unit' });
    const apiCluster = createRedisConnection('rediss+cluster://127.0.0.1:1', { failFast: true });
    try {
      expect(single).toBeInstanceOf(Redis);
      expect(isCluster(single)).toBe(false);
      expect(cluster).toBeInstanceOf(Cluster);
      expect(isCluster(cluster)).toBe(true);
      if (!isCluster(cluster) || !isCluster(apiCluster)) throw new Error('expected clusters');
      // BullMQ reads a cluster's per-node options and refuses workers without maxRetriesPerRequest null.
      expect(cluster.options.redisOptions).toMatchObject({ maxRetriesPerRequest: null, username: 'khabar', password: 'pw', connectionName: 'unit' });
      expect(cluster.options.redisOptions).not.toHaveProperty('tls');
      expect(cluster.options.enableOfflineQueue).toBe(true);
      expect(apiCluster.options.redisOptions).toMatchObject({ maxRetriesPerRequest: 2, tls: {} });
      expect(apiCluster.options.enableOfflineQueue).toBe(false);
    } finally {
      for (const c of [single, cluster, apiCluster]) c.disconnect();
    }
  });
  it('rejects a bad REDIS_URL with the reason', () => {
    expect(() => createRedisConnection('redis+cluster://a:1,b')).toThrow(/cluster node "b" is not host:port/);
  });
});

describe('hash-tagged prefixes', () => {
  it('finds the part of a key Redis Cluster hashes', () => {
    expect(hashTagOf('{khabar}:fetch:1')).toBe('khabar');
    expect(hashTagOf('app{khabar}:x')).toBe('khabar');
    expect(hashTagOf('{}khabar{x}')).toBe('{}khabar{x}');
    expect(hashTagOf('khabar:fetch')).toBe('khabar:fetch');
    expect(hashTagOf('{khabar')).toBe('{khabar');
  });
  it('refuses a prefix without a hash tag on a cluster only', () => {
    const cluster = createRedisConnection('redis+cluster://127.0.0.1:1');
    const single = createRedisConnection('redis://127.0.0.1:1');
    try {
      expect(() => assertClusterPrefix(cluster, 'khabar')).toThrow(/KHABAR_QUEUE_PREFIX "khabar" must contain a Redis Cluster hash tag/);
      expect(() => assertClusterPrefix(cluster, '{}khabar')).toThrow(/hash tag/);
      expect(() => assertClusterPrefix(cluster, '{khabar}')).not.toThrow();
      expect(() => assertClusterPrefix(single, 'khabar')).not.toThrow();
    } finally {
      cluster.disconnect();
      single.disconnect();
    }
  });
});
