import { elasticsearchEnv, intVar, loggingEnv, redisEnv, workerEnv } from '@khabar/config';
import { z } from 'zod';

export const indexerEnv = {
  ...redisEnv,
  ...loggingEnv,
  ...workerEnv,
  ...elasticsearchEnv,
  KHABAR_CONCURRENCY: intVar(64, 1, 1024).describe('Jobs in flight at once; they share bulk requests, so keep this near the bulk size.'),
  KHABAR_BULK_MAX_DOCS: intVar(500, 1, 10_000).describe('Documents per bulk request at most.'),
  KHABAR_BULK_MAX_BYTES: intVar(5 * 1_048_576, 1024, 100 * 1_048_576).describe('Bytes per bulk request at most.'),
  KHABAR_BULK_FLUSH_MS: intVar(200, 1, 60_000).describe('Longest a document waits for its bulk request to fill.'),
  KHABAR_INDEX_REFRESH: z.enum(['false', 'true', 'wait_for']).default('false').describe('Refresh policy of bulk requests (wait_for makes documents searchable before the job completes).'),
};
