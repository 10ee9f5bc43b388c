import { loadConfig, redactConfig } from '@khabar/config';
import { createDedupIndex } from '@khabar/dedup';
import { createBulkIndexer, createRolloverScheduler, createSearchClient, ensureIndex, parseRolloverConditions } from '@khabar/search-index';
import { createValidatorStore } from '@khabar/politeness';
import { LinkStore } from '@khabar/contracts';
import { createLogger, createRedisConnection, runStageService } from '@khabar/worker-kit';
import { indexerEnv } from './config.ts';
import { createIndexHandler } from './handler.ts';
import { createOrphanClusters } from './orphan-clusters.ts';

const config = loadConfig(indexerEnv, process.env);
const logger = createLogger({ service: 'indexer', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
logger.info({ config: redactConfig(config) }, 'starting');

const client = createSearchClient(config.ELASTICSEARCH_URL, config.ELASTICSEARCH_API_KEY ? { apiKey: config.ELASTICSEARCH_API_KEY } : {});
await ensureIndex(client, config.KHABAR_INDEX_NAME, { shards: config.KHABAR_INDEX_SHARDS, replicas: config.KHABAR_INDEX_REPLICAS });
// Its own connection: records what is indexed (validators) for the fetcher's conditional re-fetch,
// reads cluster figures from the dedup index and keeps the orphan-cluster records.
const redis = createRedisConnection(config.REDIS_URL, { name: 'khabar-indexer-validators' });
const validators = createValidatorStore({ redis, prefix: config.KHABAR_QUEUE_PREFIX });
const clusters = { client, readAlias: config.KHABAR_INDEX_NAME, writeAlias: `${config.KHABAR_INDEX_NAME}-write` };
const clusterStats = createDedupIndex({ redis, prefix: config.KHABAR_QUEUE_PREFIX, retentionSeconds: config.KHABAR_DEDUP_RETENTION_DAYS * 86_400 });
const orphans = createOrphanClusters({ redis, prefix: config.KHABAR_QUEUE_PREFIX, target: clusters, stats: clusterStats, graceMs: config.KHABAR_CLUSTER_ORPHAN_GRACE_MS });
const bulk = createBulkIndexer({
  client,
  writeAlias: `${config.KHABAR_INDEX_NAME}-write`,
  logger,
  maxBatchDocs: config.KHABAR_BULK_MAX_DOCS,
  maxBatchBytes: config.KHABAR_BULK_MAX_BYTES,
  flushIntervalMs: config.KHABAR_BULK_FLUSH_MS,
  maxConcurrentRequests: config.KHABAR_BULK_MAX_IN_FLIGHT,
  refresh: config.KHABAR_INDEX_REFRESH === 'false' ? false : config.KHABAR_INDEX_REFRESH === 'true' ? true : 'wait_for',
});

// Khabar-driven rollover (no ILM needed): whichever indexer holds the maintenance lock checks.
const rollover = createRolloverScheduler({
  client,
  redis,
  prefix: config.KHABAR_QUEUE_PREFIX,
  base: config.KHABAR_INDEX_NAME,
  conditions: parseRolloverConditions({ maxAge: config.KHABAR_INDEX_ROLLOVER_MAX_AGE, maxDocs: config.KHABAR_INDEX_ROLLOVER_MAX_DOCS, maxPrimarySize: config.KHABAR_INDEX_ROLLOVER_MAX_PRIMARY_SIZE }),
  intervalMs: config.KHABAR_INDEX_ROLLOVER_CHECK_MS,
  logger,
});

await runStageService(process, {
  service: 'indexer',
  queue: 'index',
  config,
  logger,
  handler: createIndexHandler({ bulk, validators, clusters, clusterStats, orphans, links: { store: new LinkStore(redis, config.KHABAR_QUEUE_PREFIX), client, readAlias: clusters.readAlias, writeAlias: clusters.writeAlias } }),
  ready: async () => (await client.cluster.health({ timeout: '2s' })).status !== 'red',
  resources: [
    { name: 'rollover', close: () => rollover.stop() },
    { name: 'bulk', close: () => bulk.close() },
    { name: 'elasticsearch', close: () => client.close() },
    { name: 'validators-redis', close: () => redis.quit() },
  ],
});
