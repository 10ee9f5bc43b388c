import { loadConfig, redactConfig } from '@khabar/config';
import { createFetchClient } from '@khabar/fetch';
import { createFileArchive } from '@khabar/archive';
import { createLogger, runStageService } from '@khabar/worker-kit';
import { fetcherEnv } from './config.ts';
import { createFetchHandler } from './handler.ts';

const config = loadConfig(fetcherEnv, process.env);
const logger = createLogger({ service: 'fetcher', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
logger.info({ config: redactConfig(config) }, 'starting');

const client = createFetchClient({
  userAgent: config.KHABAR_FETCH_USER_AGENT,
  allowHosts: config.KHABAR_FETCH_ALLOW_HOSTS,
  totalTimeoutMs: config.KHABAR_FETCH_TIMEOUT_MS,
  maxBodyBytes: config.KHABAR_FETCH_MAX_BYTES,
  maxDecodedBytes: config.KHABAR_FETCH_MAX_DECODED_BYTES,
  maxRedirects: config.KHABAR_FETCH_MAX_REDIRECTS,
});
const archive = createFileArchive({ dir: config.KHABAR_ARCHIVE_DIR });

await runStageService(process, {
  service: 'fetcher',
  queue: 'fetch',
  config,
  logger,
  handler: createFetchHandler({ client, archive }),
  resources: [{ name: 'http-client', close: () => client.close() }],
});
