import { z } from 'zod';
import { parseRedisUrl } from './redis-url.ts';

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);
const bool = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(def ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Redis holding every queue and the small per-URL records. */
export const redisEnv = {
  REDIS_URL: z
    .string()
    .default('redis://127.0.0.1:6379')
    .superRefine((value, ctx) => {
      try {
        parseRedisUrl(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
      }
    })
    .describe('Redis for queues and state: redis://[user:password@]host:port (rediss:// for TLS), or a Redis Cluster as redis+cluster://[user:password@]host:port,host:port,… (seed nodes; rediss+cluster:// for TLS).'),
  KHABAR_QUEUE_PREFIX: z.string().min(1).default('{khabar}').describe('Key prefix of every queue and record; keep the braces for Redis Cluster.'),
};

export const elasticsearchEnv = {
  ELASTICSEARCH_URL: z.string().url().default('http://127.0.0.1:9200').describe('Elasticsearch base URL (may carry user:password).'),
  ELASTICSEARCH_API_KEY: z.string().optional().describe('API key for Elasticsearch, instead of credentials in the URL.'),
  KHABAR_INDEX_NAME: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/).default('khabar-articles').describe('Base name of the article indices; the read alias has this name, the write alias adds "-write".'),
  KHABAR_INDEX_SHARDS: int(1, 1, 1024).describe('Primary shards of each new index generation (about one per 30-50 GB of a generation; existing generations keep theirs).'),
  KHABAR_INDEX_REPLICAS: z.string().regex(/^(\d+|\d+-(\d+|all))$/, 'a whole number or an auto-expand range like 0-1 or 0-all').default('0-1').describe('Replicas of each new index generation: a number, or an auto-expand range (0-1: none on one node, one once a second data node joins).'),
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
  KHABAR_ARCHIVE_DIR: z.string().default('./.cache/archive').describe('Folder (a shared volume when fetchers and parsers run on different hosts) holding raw fetched pages; unused when KHABAR_ARCHIVE_S3_BUCKET is set.'),
  KHABAR_ARCHIVE_S3_BUCKET: z.string().default('').describe('Keep raw pages in this bucket of an S3-compatible store instead of KHABAR_ARCHIVE_DIR (empty: the folder).'),
  KHABAR_ARCHIVE_S3_ENDPOINT: z.string().url().optional().describe('Base URL of the S3-compatible service (MinIO, Ceph, R2, S3Proxy…); unset for AWS S3.'),
  KHABAR_ARCHIVE_S3_REGION: z.string().default('us-east-1').describe('Region of the bucket (most S3-compatible stores accept any).'),
  KHABAR_ARCHIVE_S3_ACCESS_KEY_ID: z.string().optional().describe('Access key id for the bucket; leave it and the secret unset to use the AWS default chain (AWS_* variables, profile, instance or pod role).'),
  KHABAR_ARCHIVE_S3_SECRET_ACCESS_KEY: z.string().optional().describe('Secret access key for the bucket (set together with the access key id).'),
  KHABAR_ARCHIVE_S3_FORCE_PATH_STYLE: bool(false).describe('Address the bucket as <endpoint>/<bucket>/… (MinIO, Ceph, S3Proxy and most self-hosted stores need this).'),
  KHABAR_ARCHIVE_S3_KEY_PREFIX: z.string().default('').describe('Prefix of every archive object key (e.g. "pages/"), to share a bucket.'),
};

/** The duplicate index, shared by the dedup service (writes it) and the indexer (reads cluster figures from it). */
export const dedupIndexEnv = {
  KHABAR_DEDUP_RETENTION_DAYS: int(7, 1, 365).describe(
    'Days a document\'s fingerprint keeps matching copies (at least this long, under 1.5 times it); syndicated copies appear within days. Memory ≈ documents per day × days × 1.25 × 180 B. Same value for dedup and indexer.',
  ),
};

export { int as intVar, bool as boolVar };
