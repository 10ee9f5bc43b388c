import { loadConfig, redactConfig } from '@khabar/config';
import { createSearchClient } from '@khabar/search-index';
import { assertClusterPrefix, createLogger, createRedisConnection, installGracefulShutdown } from '@khabar/worker-kit';
import { apiEnv } from './config.ts';
import { createApiApp } from './app.ts';

const config = loadConfig(apiEnv, process.env);
const logger = createLogger({ service: 'api', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
logger.info({ config: redactConfig(config) }, 'starting');

const redis = createRedisConnection(config.REDIS_URL, { failFast: true, name: 'khabar-api' });
assertClusterPrefix(redis, config.KHABAR_QUEUE_PREFIX);
const search = createSearchClient(config.ELASTICSEARCH_URL, config.ELASTICSEARCH_API_KEY ? { apiKey: config.ELASTICSEARCH_API_KEY } : {});
const api = createApiApp({
  redis,
  prefix: config.KHABAR_QUEUE_PREFIX,
  logger,
  bodyLimitBytes: config.KHABAR_API_BODY_LIMIT_BYTES,
  search: { client: search, index: config.KHABAR_INDEX_NAME },
  auth: config.KHABAR_API_AUTH,
  maxBacklog: config.KHABAR_API_MAX_BACKLOG,
  recrawlAfterMs: config.KHABAR_RECRAWL_INTERVAL_MS,
  queueUi: { adminClients: config.KHABAR_ADMIN_CLIENTS, readOnly: config.KHABAR_QUEUE_UI_READ_ONLY },
});
await api.app.listen({ host: config.KHABAR_API_HOST, port: config.KHABAR_API_PORT });

installGracefulShutdown(process, {
  logger,
  timeoutMs: config.KHABAR_SHUTDOWN_TIMEOUT_MS,
  steps: [
    { name: 'http', run: () => api.close() },
    { name: 'redis', run: () => redis.quit() },
    { name: 'elasticsearch', run: () => search.close() },
  ],
});
