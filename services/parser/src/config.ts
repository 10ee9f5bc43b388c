import { archiveEnv, intVar, loggingEnv, redisEnv, workerEnv } from '@khabar/config';

export const parserEnv = {
  ...redisEnv,
  ...loggingEnv,
  ...workerEnv,
  ...archiveEnv,
  KHABAR_MAX_ARTICLE_CHARS: intVar(200_000, 1_000, 5_000_000).describe('Longest article text passed on (longer texts are cut at a paragraph boundary, with a warning): keeps job payloads in Redis bounded.'),
};
