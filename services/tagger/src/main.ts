import { loadConfig, redactConfig } from '@khabar/config';
import { createTagger } from '@khabar/ner';
import { createLogger, runStageService } from '@khabar/worker-kit';
import { taggerEnv } from './config.ts';
import { createTagHandler } from './handler.ts';

const config = loadConfig(taggerEnv, process.env);
const logger = createLogger({ service: 'tagger', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
logger.info({ config: redactConfig(config) }, 'starting');

const tagger = createTagger(config.KHABAR_NER_KB_PATH ? { kbPath: config.KHABAR_NER_KB_PATH } : {});

await runStageService(process, { service: 'tagger', queue: 'tag', config, logger, handler: createTagHandler({ tagger }) });
