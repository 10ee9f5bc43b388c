import { loadConfig, redactConfig } from '@khabar/config';
import { createDedupIndex } from '@khabar/dedup';
import { createLogger, createRedisConnection, runStageService } from '@khabar/worker-kit';
import { dedupEnv } from './config.ts';
import { createDedupHandler } from './handler.ts';

const config = loadConfig(dedupEnv, process.env);
const logger = createLogger({ service: 'dedup', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
logger.info({ config: redactConfig(config) }, 'starting');

// A connection of its own: the worker's connection blocks while waiting for jobs.
const redis = createRedisConnection(config.REDIS_URL, { name: 'khabar-dedup-index' });
const index = createDedupIndex({ redis, prefix: config.KHABAR_QUEUE_PREFIX, retentionSeconds: config.KHABAR_DEDUP_RETENTION_DAYS * 86_400 });

await runStageService(process, {
  service: 'dedup',
  queue: 'dedup',
  config,
  logger,
  handler: createDedupHandler({ index }),
  resources: [{ name: 'dedup-redis', close: () => redis.quit() }],
});
