import { loadConfig, redactConfig } from '@khabar/config';
import { createFileArchive } from '@khabar/archive';
import { createLogger, createStageMetrics, runStageService } from '@khabar/worker-kit';
import { createQualityMetrics } from './quality-metrics.ts';
import { parserEnv } from './config.ts';
import { createExtractPool } from './extract-pool.ts';
import { createParseHandler } from './handler.ts';

const config = loadConfig(parserEnv, process.env);
const logger = createLogger({ service: 'parser', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
logger.info({ config: redactConfig(config) }, 'starting');

// One extract thread per job in flight: a hostile page costs at most KHABAR_EXTRACT_TIMEOUT_MS.
const pool = createExtractPool({ size: config.KHABAR_CONCURRENCY, timeoutMs: config.KHABAR_EXTRACT_TIMEOUT_MS, maxHeapMb: config.KHABAR_EXTRACT_MAX_HEAP_MB });

const metrics = createStageMetrics('parser');

await runStageService(process, {
  service: 'parser',
  queue: 'parse',
  config,
  logger,
  metrics,
  handler: createParseHandler({
    archive: createFileArchive({ dir: config.KHABAR_ARCHIVE_DIR }),
    maxArticleChars: config.KHABAR_MAX_ARTICLE_CHARS,
    extract: (request) => pool.run(request),
    quality: createQualityMetrics(metrics.registry),
  }),
  resources: [{ name: 'extract-pool', close: () => pool.close() }],
});
