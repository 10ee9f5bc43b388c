/**
 * Figures for index maintenance (printed, never asserted): bulk throughput with one generation and
 * with several (the real-time lookup that keeps re-writes in their generation), and the copy rate
 * of a migration. Uses ELASTICSEARCH_URL / REDIS_URL, else the local test services (started, and
 * let go again, as the test run does).
 *   node packages/search-index/scripts/bench-index-ops.ts [--docs 5000]
 */
import { randomBytes } from 'node:crypto';
import { ensureElasticsearch, ensureRedis } from '@khabar/local-infra';
import { Redis } from 'ioredis';
import { createBulkIndexer, createSearchClient, ensureIndex, migrateIndex, type ArticleDocument } from '../src/index.ts';

const docsArg = process.argv.indexOf('--docs');
const total = docsArg > 0 ? Number(process.argv[docsArg + 1]) : 5_000;
const [es, redisService] = await Promise.all([ensureElasticsearch({ purpose: 'test' }), ensureRedis({ purpose: 'test' })]);
const client = createSearchClient(es.url);
const redis = new Redis(redisService.url, { maxRetriesPerRequest: null });
const base = `khabar-bench-${randomBytes(4).toString('hex')}`;
const prefix = `{${base}}`;

function doc(id: string, n: number): Partial<ArticleDocument> {
  return { id, url: `https://example.com/${n}`, title: `خبر رقم ${n}`, text: 'أعرب متحدث الكرملين عن قلق موسكو. '.repeat(20), lang: 'ar', indexedAt: new Date().toISOString() };
}

async function indexAll(ids: readonly string[]): Promise<number> {
  const bulk = createBulkIndexer({ client, writeAlias: `${base}-write` });
  const started = performance.now();
  await Promise.all(ids.map((id, n) => bulk.index(id, doc(id, n))));
  await bulk.close();
  return ids.length / ((performance.now() - started) / 1000);
}

try {
  await ensureIndex(client, base);
  const first = Array.from({ length: total }, () => randomBytes(16).toString('hex'));
  const oneGeneration = await indexAll(first);
  for (let g = 0; g < 3; g++) await client.indices.rollover({ alias: `${base}-write`, aliases: { [base]: {} } });
  const fresh = Array.from({ length: total }, () => randomBytes(16).toString('hex'));
  const fourGenerationsNew = await indexAll(fresh);
  const fourGenerationsRewrite = await indexAll(first);
  await client.indices.refresh({ index: base });
  const behindRead = (await client.count({ index: base })).count;
  const started = performance.now();
  const report = await migrateIndex({ client, redis, prefix, base, settleMs: 0, passIntervalMs: 100 });
  const migrateSeconds = (performance.now() - started) / 1000;
  const figures = {
    docs: total,
    bulkDocsPerSecond: { oneGeneration: Math.round(oneGeneration), fourGenerationsNewIds: Math.round(fourGenerationsNew), fourGenerationsRewrites: Math.round(fourGenerationsRewrite) },
    readAliasCount: behindRead,
    migrate: { copied: report.copied, seconds: Number(migrateSeconds.toFixed(1)), docsPerSecond: Math.round(report.copied / migrateSeconds) },
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} finally {
  const indices = Object.keys(await client.indices.get({ index: `${base}-*`, allow_no_indices: true, ignore_unavailable: true }));
  if (indices.length > 0) await client.indices.delete({ index: indices });
  await client.indices.deleteIndexTemplate({ name: `${base}-template` }).catch(() => undefined);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await client.close();
  await Promise.all([es.stop(), redisService.stop()]);
}
