import { loadConfig, redactConfig } from '@khabar/config';
import { createBulkIndexer, createSearchClient, ensureIndex } from '@khabar/search-index';
import { createValidatorStore } from '@khabar/politeness';
import { createLogger, createRedis, runStageService } from '@khabar/worker-kit';
import { indexerEnv } from './config.ts';
import { createIndexHandler } from './handler.ts';

const config = loadConfig(indexerEnv, process.env);
const logger = createLogger({ service: 'indexer', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
logger.info({ config: redactConfig(config) }, 'starting');

const client = createSearchClient(config.ELASTICSEARCH_URL, config.ELASTICSEARCH_API_KEY ? { apiKey: config.ELASTICSEARCH_API_KEY } : {});
await ensureIndex(client, config.KHABAR_INDEX_NAME);
// Its own connection: records what is indexed (validators) for the fetcher's conditional re-fetch.
const redis = createRedis(config.REDIS_URL, { name: 'khabar-indexer-validators' });
const validators = createValidatorStore({ redis, prefix: config.KHABAR_QUEUE_PREFIX });
const bulk = createBulkIndexer({
  client,
  writeAlias: `${config.KHABAR_INDEX_NAME}-write`,
  logger,
  maxBatchDocs: config.KHABAR_BULK_MAX_DOCS,
  maxBatchBytes: config.KHABAR_BULK_MAX_BYTES,
  flushIntervalMs: config.KHABAR_BULK_FLUSH_MS,
  refresh: config.KHABAR_INDEX_REFRESH === 'false' ? false : config.KHABAR_INDEX_REFRESH === 'true' ? true : 'wait_for',
});

await runStageService(process, {
  service: 'indexer',
  queue: 'index',
  config,
  logger,
  handler: createIndexHandler({ bulk, validators, clusters: { client, readAlias: config.KHABAR_INDEX_NAME, writeAlias: `${config.KHABAR_INDEX_NAME}-write` } }),
  ready: async () => (await client.cluster.health({ timeout: '2s' })).status !== 'red',
  resources: [
    { name: 'bulk', close: () => bulk.close() },
    { name: 'elasticsearch', close: () => client.close() },
    { name: 'validators-redis', close: () => redis.quit() },
  ],
});
