import type { JobsOptions, KeepJobs } from 'bullmq';
import type { QueueName } from './queues.ts';

/** Name of the worker-side backoff strategy (exponential with full jitter, Retry-After aware). */
export const BACKOFF_TYPE = 'khabar';

/** First retry delay per queue (doubling, jittered); the stage worker's backoff strategy reads it. */
export const BACKOFF_DELAY_MS: Readonly<Record<QueueName, number>> = { fetch: 2_000, parse: 1_000, dedup: 1_000, tag: 1_000, index: 2_000 };

/**
 * Default options per queue, stored in every job (so kept short: the backoff names the strategy,
 * whose base delay per queue is BACKOFF_DELAY_MS; retention is applied by the workers, RETENTION).
 */
export const DEFAULT_JOB_OPTIONS: Readonly<Record<QueueName, JobsOptions>> = {
  fetch: { attempts: 6, backoff: { type: BACKOFF_TYPE } },
  parse: { attempts: 3, backoff: { type: BACKOFF_TYPE } },
  dedup: { attempts: 5, backoff: { type: BACKOFF_TYPE } },
  tag: { attempts: 3, backoff: { type: BACKOFF_TYPE } },
  index: { attempts: 10, backoff: { type: BACKOFF_TYPE } },
};

export interface Retention {
  readonly removeOnComplete: KeepJobs;
  readonly removeOnFail: KeepJobs;
}

const DAY_S = 24 * 3600;
/** Small payloads (a URL, fetch metadata): a day / 10,000 kept, for `khabar replay --stage parse` and `khabar reparse`. */
const KEEP_SMALL: Retention = { removeOnComplete: { age: DAY_S, count: 10_000 }, removeOnFail: { age: 14 * DAY_S, count: 100_000 } };
/**
 * Payloads carrying the article (15–35 KB each): an hour / 1,000 kept. 10,000 of them per queue
 * held ~700 MB of Redis across dedup, tag and index; replaying from `parse` rebuilds them.
 */
const KEEP_LARGE: Retention = { removeOnComplete: { age: 3600, count: 1_000 }, removeOnFail: { age: 14 * DAY_S, count: 100_000 } };

/**
 * How many finished jobs each queue keeps, and for how long: bounded both by count and by age, so
 * Redis memory stays flat however long the pipeline runs; failed jobs are kept longer so they can
 * be inspected and retried from the CLI. Applied by the stage workers (BullMQ worker options), not
 * stored in every job: a job's own `removeOnComplete`/`removeOnFail` would still win, so jobs
 * queued by older producers keep theirs.
 */
export const RETENTION: Readonly<Record<QueueName, Retention>> = {
  fetch: KEEP_SMALL,
  parse: KEEP_SMALL,
  dedup: KEEP_LARGE,
  tag: KEEP_LARGE,
  index: KEEP_LARGE,
};

/**
 * Entries kept in each queue's BullMQ event stream (BullMQ's default is 10,000). Nothing in Khabar
 * listens to it (status records and the queues themselves answer every question), so a short
 * stream is enough for someone tailing it with QueueEvents while debugging.
 */
export const EVENTS_MAX_LEN = 1_000;

/** Job id of a document in a queue: the document id itself, so re-adding is a no-op. */
export function jobIdFor(_queue: QueueName, documentId: string): string {
  return documentId;
}
