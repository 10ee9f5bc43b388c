import type { TestProject } from 'vitest/node';
import { ensureElasticsearch, ensureRedis, type RunningService } from '@khabar/local-infra';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    elasticsearchUrl: string;
  }
}

let started: RunningService[] = [];

/** Real Redis and Elasticsearch, once per test run (REDIS_URL / ELASTICSEARCH_URL win when set). */
export async function setup(project: TestProject): Promise<void> {
  const [redis, elasticsearch] = await Promise.all([
    ensureRedis({ purpose: 'test' }),
    ensureElasticsearch({ purpose: 'test' }),
  ]);
  started = [redis, elasticsearch];
  project.provide('redisUrl', redis.url);
  project.provide('elasticsearchUrl', elasticsearch.url);
}

export async function teardown(): Promise<void> {
  await Promise.all(started.map((s) => s.stop()));
  started = [];
}
