import { PIPELINE, QueueSet, StatusStore, type QueueName } from '@khabar/contracts';
import { parseReason, type ErrorCode } from '@khabar/errors';
import type { Cluster, Redis } from 'ioredis';

export interface FailedJobView {
  readonly queue: QueueName;
  readonly id: string;
  readonly url: string | null;
  readonly code: ErrorCode;
  readonly reason: string;
  readonly attempts: number;
  readonly failedAt: string | null;
}

/** Failed jobs of every stage (newest first per stage), with their stable code and reason. */
export async function listFailed(redis: Redis | Cluster, prefix: string, options: { queue?: QueueName; limit?: number } = {}): Promise<FailedJobView[]> {
  const queues = new QueueSet({ connection: redis, prefix });
  try {
    const out: FailedJobView[] = [];
    for (const name of options.queue ? [options.queue] : PIPELINE) {
      const jobs = await queues.get(name).getFailed(0, (options.limit ?? 100) - 1);
      for (const job of jobs) {
        if (!job?.id) continue;
        const { code, message } = parseReason(job.failedReason);
        const data = job.data as { url?: unknown } | undefined;
        out.push({
          queue: name,
          id: job.id,
          url: typeof data?.url === 'string' ? data.url : null,
          code,
          reason: message,
          attempts: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        });
      }
    }
    return out;
  } finally {
    await queues.close();
  }
}

/** Moves failed jobs back to waiting, keeping their data; returns what was retried. */
export async function retryFailed(redis: Redis | Cluster, prefix: string, target: { id: string } | { all: true }): Promise<Array<{ queue: QueueName; id: string }>> {
  const queues = new QueueSet({ connection: redis, prefix });
  const status = new StatusStore(redis, prefix);
  const retried: Array<{ queue: QueueName; id: string }> = [];
  try {
    for (const name of PIPELINE) {
      const queue = queues.get(name);
      const jobs = 'id' in target ? [await queue.getJob(target.id)] : await queue.getFailed(0, -1);
      for (const job of jobs) {
        if (!job?.id || !(await job.isFailed())) continue;
        await job.retry('failed', { resetAttemptsMade: true });
        await status.set(job.id, 'queued', name, { attempts: 0, error: null });
        retried.push({ queue: name, id: job.id });
      }
    }
    return retried;
  } finally {
    await queues.close();
  }
}

export interface QueueStatusView {
  readonly queue: QueueName;
  readonly counts: Record<string, number>;
  /** Jobs per minute over the last five minutes (BullMQ's per-minute metrics, kept by the workers). */
  readonly perMinute: { readonly completed: number; readonly failed: number };
}

async function ratePerMinute(queue: ReturnType<QueueSet['get']>, type: 'completed' | 'failed'): Promise<number> {
  const metrics = await queue.getMetrics(type, 0, 4);
  const points = metrics.data.slice(0, 5);
  return points.length ? Math.round((points.reduce((a, b) => a + b, 0) / points.length) * 10) / 10 : 0;
}

/** Job counts per stage (waiting, active, delayed, prioritized, completed, failed) and rates. */
export async function queueStatus(redis: Redis | Cluster, prefix: string): Promise<QueueStatusView[]> {
  const queues = new QueueSet({ connection: redis, prefix });
  try {
    return await Promise.all(
      PIPELINE.map(async (name) => ({
        queue: name,
        counts: await queues.get(name).getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed'),
        perMinute: { completed: await ratePerMinute(queues.get(name), 'completed'), failed: await ratePerMinute(queues.get(name), 'failed') },
      })),
    );
  } finally {
    await queues.close();
  }
}
