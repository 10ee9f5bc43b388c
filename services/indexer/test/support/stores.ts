import { randomBytes } from 'node:crypto';
import { createSearchClient, ensureIndex } from '@khabar/search-index';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { dropIndexBase } from '../../../../test/support/elasticsearch.ts';
import { deletePrefix } from '../../../../test/support/redis.ts';

export interface TestStores {
  readonly client: ReturnType<typeof createSearchClient>;
  readonly redis: Redis;
  /** A fresh index base (`khabar-<tag>-<random>`) with its generation and aliases created. */
  readonly base: string;
  /** A fresh Redis key prefix with a hash tag (`{<tag>-<random>}`). */
  readonly prefix: string;
}

/** The real Elasticsearch and Redis of the test run, with a fresh index base and key prefix. */
export async function openStores(tag: string): Promise<TestStores> {
  const client = createSearchClient(inject('elasticsearchUrl'));
  const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
  const base = `khabar-${tag}-${randomBytes(4).toString('hex')}`;
  const prefix = `{${tag}-${randomBytes(4).toString('hex')}}`;
  await ensureIndex(client, base);
  return { client, redis, base, prefix };
}

/** Drops the index base and the key prefix, then closes both connections. */
export async function closeStores(stores: TestStores): Promise<void> {
  await dropIndexBase(stores.client, stores.base);
  await stores.client.close();
  await deletePrefix(stores.redis, stores.prefix);
  await stores.redis.quit();
}

/** A handler context's logger that says nothing. */
export const quietLog = { info: () => undefined, debug: () => undefined, warn: () => undefined, error: () => undefined };
