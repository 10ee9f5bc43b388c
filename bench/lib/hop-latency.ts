import type { Queue } from 'bullmq';
import { percentile } from './percentiles.ts';

/** Where a document's enqueue→searchable time went, per queue (BullMQ's own job timestamps). */
export interface HopLatency {
  readonly queue: string;
  readonly jobs: number;
  /** Job added → a worker took it. */
  readonly waitMs: { readonly p50: number; readonly p95: number };
  /** Worker took it → job finished (the stage's own time, including its Redis and Elasticsearch calls). */
  readonly runMs: { readonly p50: number; readonly p95: number };
}

/**
 * Reads every document's job in every queue (job ids are document ids) and summarises the time
 * jobs waited in each queue and the time each stage held them. Kept-completed jobs only: the
 * retention keeps the last 1,000+ per queue, which covers the half-load run.
 */
export async function hopLatencies(queues: readonly Queue[], ids: readonly string[]): Promise<HopLatency[]> {
  const out: HopLatency[] = [];
  for (const queue of queues) {
    const waits: number[] = [];
    const runs: number[] = [];
    for (let i = 0; i < ids.length; i += 200) {
      const jobs = await Promise.all(ids.slice(i, i + 200).map((id) => queue.getJob(id)));
      for (const job of jobs) {
        if (!job?.processedOn || !job.finishedOn) continue;
        waits.push(job.processedOn - job.timestamp);
        runs.push(job.finishedOn - job.processedOn);
      }
    }
    out.push({
      queue: queue.name,
      jobs: waits.length,
      waitMs: { p50: percentile(waits, 50), p95: percentile(waits, 95) },
      runMs: { p50: percentile(runs, 50), p95: percentile(runs, 95) },
    });
  }
  return out;
}
