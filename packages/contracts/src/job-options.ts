import type { JobsOptions } from 'bullmq';
import type { QueueName } from './queues.ts';

/** Name of the worker-side backoff strategy (exponential with full jitter, Retry-After aware). */
export const BACKOFF_TYPE = 'khabar';

/**
 * Default options per queue. Retention is bounded both by count and by age, so Redis memory
 * stays flat however long the pipeline runs; failed jobs are kept longer so they can be inspected
 * and retried from the CLI.
 */
export const DEFAULT_JOB_OPTIONS: Readonly<Record<QueueName, JobsOptions>> = {
  fetch: { attempts: 6, backoff: { type: BACKOFF_TYPE, delay: 2_000 } },
  parse: { attempts: 3, backoff: { type: BACKOFF_TYPE, delay: 1_000 } },
  dedup: { attempts: 5, backoff: { type: BACKOFF_TYPE, delay: 1_000 } },
  tag: { attempts: 3, backoff: { type: BACKOFF_TYPE, delay: 1_000 } },
  index: { attempts: 10, backoff: { type: BACKOFF_TYPE, delay: 2_000 } },
};

export const RETENTION: Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'> = {
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 100_000 },
};

/** Job id of a document in a queue: the document id itself, so re-adding is a no-op. */
export function jobIdFor(_queue: QueueName, documentId: string): string {
  return documentId;
}
