import { dedupIndexEnv, elasticsearchEnv, intVar, loggingEnv, redisEnv, workerEnv } from '@khabar/config';
import { z } from 'zod';

export const indexerEnv = {
  ...redisEnv,
  ...loggingEnv,
  ...workerEnv,
  ...elasticsearchEnv,
  ...dedupIndexEnv,
  KHABAR_CONCURRENCY: intVar(256, 1, 1024).describe('Jobs in flight at once. They share bulk requests, and with KHABAR_INDEX_REFRESH=wait_for each waits for the next refresh (up to ~1 s), so this caps the indexer near this many documents per second.'),
  KHABAR_BULK_MAX_DOCS: intVar(500, 1, 10_000).describe('Documents per bulk request at most.'),
  KHABAR_BULK_MAX_BYTES: intVar(5 * 1_048_576, 1024, 100 * 1_048_576).describe('Bytes per bulk request at most.'),
  KHABAR_BULK_FLUSH_MS: intVar(200, 1, 60_000).describe('Longest a document waits for its bulk request to fill.'),
  KHABAR_BULK_MAX_IN_FLIGHT: intVar(8, 1, 64).describe('Bulk requests in flight at once. With KHABAR_INDEX_REFRESH=wait_for each one holds its slot until the next refresh, so a low limit makes documents wait for a refresh they already missed.'),
  KHABAR_CLUSTER_ORPHAN_GRACE_MS: intVar(3_600_000, 0, 30 * 86_400_000).describe('How long copies wait for their story\'s original before the first of them stands in for it (cluster.role original).'),
  KHABAR_INDEX_REFRESH: z.enum(['false', 'true', 'wait_for']).default('false').describe('Refresh policy of bulk requests (wait_for makes documents searchable before the job completes).'),
  KHABAR_INDEX_ROLLOVER_CHECK_MS: intVar(60_000, 0, 86_400_000).describe('How often one indexer (the holder of a Redis lock) checks the rollover conditions; 0 turns Khabar-driven rollover off.'),
  KHABAR_INDEX_ROLLOVER_MAX_AGE: z.string().regex(/^(0?|[1-9]\d*(d|h|m|s|ms))$/i, 'a duration like 30d, 12h or 90s, or 0').default('30d').describe('Roll the write index over once it is this old (30d, 12h; 0 = off).'),
  KHABAR_INDEX_ROLLOVER_MAX_DOCS: z.string().regex(/^\d*$/, 'a whole number, or 0').default('0').describe('Roll over at this many documents in the write index, nested entities included (0 = off).'),
  KHABAR_INDEX_ROLLOVER_MAX_PRIMARY_SIZE: z.string().regex(/^(0?|[1-9]\d*(b|kb|mb|gb|tb|pb))$/i, 'a size like 50gb or 500mb, or 0').default('50gb').describe('Roll over when the primary shards of the write index reach this size (50gb, 500mb; 0 = off).'),
};
