import { loadConfig, redactConfig } from '@khabar/config';
import { createFileArchive } from '@khabar/archive';
import { createLogger, runStageService } from '@khabar/worker-kit';
import { parserEnv } from './config.ts';
import { createParseHandler } from './handler.ts';

const config = loadConfig(parserEnv, process.env);
const logger = createLogger({ service: 'parser', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
logger.info({ config: redactConfig(config) }, 'starting');

await runStageService(process, {
  service: 'parser',
  queue: 'parse',
  config,
  logger,
  handler: createParseHandler({ archive: createFileArchive({ dir: config.KHABAR_ARCHIVE_DIR }), maxArticleChars: config.KHABAR_MAX_ARTICLE_CHARS }),
});
