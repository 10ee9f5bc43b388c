import { QueueSet, StatusStore, type QueueName } from '@khabar/contracts';
import type { Cluster, Redis } from 'ioredis';

export interface ReplayResult {
  readonly replayed: string[];
  /** Ids whose job is no longer kept (retention trimmed it): re-submit them, or `khabar reparse` from the archive. */
  readonly missing: string[];
  /** Ids whose job is waiting or running right now: nothing to replay. */
  readonly busy: string[];
}

/**
 * `khabar replay --stage <queue> <id...>`: runs one stage again for documents, from the input the
 * stage last received (kept with its job for the retention period), and from there the later
 * stages. Ids and Elasticsearch `_id`s stay the same, so the re-run overwrites instead of duplicating.
 */
export async function replayStage(redis: Redis | Cluster, prefix: string, stage: QueueName, ids: readonly string[]): Promise<ReplayResult> {
  const queues = new QueueSet({ connection: redis, prefix });
  const status = new StatusStore(redis, prefix);
  const queue = queues.get(stage);
  const out: { replayed: string[]; missing: string[]; busy: string[] } = { replayed: [], missing: [], busy: [] };
  try {
    for (const id of ids) {
      const job = await queue.getJob(id);
      if (!job) {
        out.missing.push(id);
        continue;
      }
      const state = await job.getState();
      if (state !== 'completed' && state !== 'failed') {
        out.busy.push(id);
        continue;
      }
      // A fetch re-runs from the submitted URL, not from where an earlier run was re-routed to
      // (a redirect to another host records `reroute` in the fetch job).
      const { reroute: _reroute, ...data } = job.data as Record<string, unknown>;
      await job.remove();
      await queue.add(stage, data, { jobId: id });
      await status.set(id, 'queued', stage, { attempts: 0, error: null });
      out.replayed.push(id);
    }
    return out;
  } finally {
    await queues.close();
  }
}
