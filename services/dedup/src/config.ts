import { dedupIndexEnv, loggingEnv, redisEnv, workerEnv } from '@khabar/config';

// KHABAR_DEDUP_RETENTION_DAYS lives in @khabar/config: the indexer reads the same index.
export const dedupEnv = { ...redisEnv, ...loggingEnv, ...workerEnv, ...dedupIndexEnv };
