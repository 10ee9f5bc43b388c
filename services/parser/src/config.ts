import { archiveEnv, loggingEnv, redisEnv, workerEnv } from '@khabar/config';

export const parserEnv = { ...redisEnv, ...loggingEnv, ...workerEnv, ...archiveEnv };
