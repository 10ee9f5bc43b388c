export { extractFile, extractJsonl } from './commands/extract.ts';
export { tagJsonlStream, tagText } from './commands/tag.ts';
export { dedupJsonl } from './commands/dedup.ts';
export { fetchOnce, type FetchCommandOptions } from './commands/fetch.ts';
export { collectUrls, enqueueUrls, type EnqueueSources } from './commands/enqueue.ts';
export { listFailed, retryFailed, queueStatus, type FailedJobView, type QueueStatusView } from './commands/jobs.ts';
export { cliEnv, connectRedis, DEMO_REDIS_URL, type CliEnv } from './connect.ts';
export { CliError, readLines, readAll, writeJsonLine, parseJsonLine } from './io.ts';
