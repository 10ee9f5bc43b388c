import { loggingEnv, redisEnv, workerEnv } from '@khabar/config';

export const dedupEnv = { ...redisEnv, ...loggingEnv, ...workerEnv };
