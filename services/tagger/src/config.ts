import { loggingEnv, redisEnv, workerEnv } from '@khabar/config';
import { z } from 'zod';

export const taggerEnv = {
  ...redisEnv,
  ...loggingEnv,
  ...workerEnv,
  KHABAR_NER_KB_PATH: z.string().optional().describe('Entity knowledge base (TSV) to use instead of the built-in one.'),
};
