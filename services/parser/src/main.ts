import { availableParallelism } from 'node:os';
import { loadConfig, redactConfig } from '@khabar/config';
import { openPageArchive } from '@khabar/archive';
import { LinkStore } from '@khabar/contracts';
import { createLogger, createRedisConnection, createStageMetrics, runStageService } from '@khabar/worker-kit';
import { createQualityMetrics } from './quality-metrics.ts';
import { parserEnv } from './config.ts';
import { createExtractPool, extractThreadCount } from './extract-pool.ts';
import { createParseHandler } from './handler.ts';

const config = loadConfig(parserEnv, process.env);
const logger = createLogger({ service: 'parser', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
logger.info({ config: redactConfig(config) }, 'starting');

// One thread per core at most (CPU-bound); a hostile page costs at most KHABAR_EXTRACT_TIMEOUT_MS.
const threads = extractThreadCount(config.KHABAR_CONCURRENCY, config.KHABAR_EXTRACT_THREADS, availableParallelism());
const pool = createExtractPool({ size: threads, timeoutMs: config.KHABAR_EXTRACT_TIMEOUT_MS, maxHeapMb: config.KHABAR_EXTRACT_MAX_HEAP_MB });
logger.info({ threads }, 'extract threads');

const metrics = createStageMetrics('parser');
// The folder, or the S3-compatible bucket when KHABAR_ARCHIVE_S3_BUCKET is set.
const archive = openPageArchive(config);
logger.info({ archive: archive.description }, 'page archive');

// Link lists go to side records for the indexer (its own connection: short plain commands).
const redis = createRedisConnection(config.REDIS_URL, { name: 'khabar-parser-links' });

await runStageService(process, {
  service: 'parser',
  queue: 'parse',
  config,
  logger,
  metrics,
  handler: createParseHandler({
    archive: archive.archive,
    maxArticleChars: config.KHABAR_MAX_ARTICLE_CHARS,
    extract: (request) => pool.run(request),
    quality: createQualityMetrics(metrics.registry),
    links: new LinkStore(redis, config.KHABAR_QUEUE_PREFIX),
  }),
  resources: [
    { name: 'extract-pool', close: () => pool.close() },
    { name: 'archive', close: async () => archive.close() },
    { name: 'links-redis', close: () => redis.quit() },
  ],
});
