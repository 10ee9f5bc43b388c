import { z } from 'zod';

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);
const bool = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(def ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Redis holding every queue and the small per-URL records. */
export const redisEnv = {
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379').describe('Redis for queues and state (redis:// or rediss://, may carry user:password).'),
  KHABAR_QUEUE_PREFIX: z.string().min(1).default('{khabar}').describe('Key prefix of every queue and record; keep the braces for Redis Cluster.'),
};

export const elasticsearchEnv = {
  ELASTICSEARCH_URL: z.string().url().default('http://127.0.0.1:9200').describe('Elasticsearch base URL (may carry user:password).'),
  ELASTICSEARCH_API_KEY: z.string().optional().describe('API key for Elasticsearch, instead of credentials in the URL.'),
  KHABAR_INDEX_NAME: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/).default('khabar-articles').describe('Base name of the article indices; the read alias has this name, the write alias adds "-write".'),
};

export const loggingEnv = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level.'),
  LOG_PRETTY: bool(false).describe('Human-readable logs (development only; needs pino-pretty).'),
};

export const workerEnv = {
  KHABAR_CONCURRENCY: int(4, 1, 256).describe('Jobs one worker process handles at once.'),
  KHABAR_SHUTDOWN_TIMEOUT_MS: int(20_000, 1_000, 600_000).describe('How long in-flight jobs may run after SIGTERM before the process exits anyway.'),
  KHABAR_HTTP_PORT: int(0, 0, 65535).describe('Port of the /healthz, /readyz and /metrics endpoint (0 disables it).'),
  KHABAR_HTTP_HOST: z.string().default('0.0.0.0').describe('Address the health/metrics endpoint listens on.'),
  KHABAR_LOCK_DURATION_MS: int(30_000, 1_000, 600_000).describe('How long a job stays locked to its worker without a heartbeat; a crashed worker\'s jobs return to the queue after this.'),
  KHABAR_STALLED_INTERVAL_MS: int(30_000, 1_000, 600_000).describe('How often workers look for jobs whose worker died (expired locks) and re-queue them.'),
};

export const archiveEnv = {
  KHABAR_ARCHIVE_DIR: z.string().default('./.cache/archive').describe('Folder (a shared volume when fetchers and parsers run on different hosts) holding raw fetched pages.'),
};

export { int as intVar, bool as boolVar };
