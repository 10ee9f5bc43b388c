import { loadConfig, redactConfig } from '@khabar/config';
import { createLogger, createRedisConnection, createStageMetrics, runStageService } from '@khabar/worker-kit';
import { fetcherEnv } from './config.ts';
import { createFetcherDeps } from './deps.ts';
import { createFetchHandler } from './handler.ts';
import { startArchiveRetention } from './retention.ts';

const config = loadConfig(fetcherEnv, process.env);
const logger = createLogger({ service: 'fetcher', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
logger.info({ config: redactConfig(config) }, 'starting');

// Politeness, robots.txt and validators share one connection of their own (short atomic calls).
const redis = createRedisConnection(config.REDIS_URL, { name: 'khabar-fetcher-politeness' });
// The fetcher's own metrics (per host, robots, SSRF blocks, circuit state) join the stage's registry.
const metrics = createStageMetrics('fetcher');
const deps = createFetcherDeps(config, redis, metrics.registry);
logger.info({ archive: deps.archive.description }, 'page archive');
const stopRetention = startArchiveRetention({
  archive: deps.handler.archive,
  redis,
  prefix: config.KHABAR_QUEUE_PREFIX,
  retentionDays: config.KHABAR_ARCHIVE_RETENTION_DAYS,
  log: logger,
});

await runStageService(process, {
  service: 'fetcher',
  queue: 'fetch',
  config,
  logger,
  metrics,
  handler: createFetchHandler(deps.handler),
  resources: [
    { name: 'archive-retention', close: async () => stopRetention() },
    { name: 'archive', close: async () => deps.archive.close() },
    ...deps.clients.map((c, i) => ({ name: `http-client-${i}`, close: () => c.close() })),
    { name: 'politeness-redis', close: () => redis.quit() },
  ],
});
