import { archiveEnv, intVar, loggingEnv, redisEnv, workerEnv } from '@khabar/config';

export const parserEnv = {
  ...redisEnv,
  ...loggingEnv,
  ...workerEnv,
  ...archiveEnv,
  KHABAR_EXTRACT_TIMEOUT_MS: intVar(10_000, 100, 600_000).describe('Hard cap on extracting one page: past it the extract thread is killed and the job fails for good with KHABAR_E_EXTRACT_FAILED.'),
  KHABAR_EXTRACT_THREADS: intVar(0, 0, 256).describe('Extract threads (each its own V8 heap, ~45 MB resident): 0 means one per two CPU cores (rounded up), never more than KHABAR_CONCURRENCY. Jobs beyond it wait for a free thread (the time cap starts when a thread takes the page).'),
  KHABAR_EXTRACT_MAX_HEAP_MB: intVar(1024, 64, 16_384).describe('Heap cap per extract thread in MB: a page that needs more fails for good with KHABAR_E_EXTRACT_FAILED instead of taking the parser down.'),
  KHABAR_MAX_ARTICLE_CHARS: intVar(200_000, 1_000, 5_000_000).describe('Longest article text passed on (longer texts are cut at a paragraph boundary, with a warning): keeps job payloads in Redis bounded.'),
};
