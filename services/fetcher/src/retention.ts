import type { Cluster, Redis } from 'ioredis';
import type { PageArchive } from '@khabar/archive';
import { politenessKeys } from '@khabar/politeness';
import type { Logger } from '@khabar/worker-kit';

export interface RetentionOptions {
  readonly archive: PageArchive;
  readonly redis: Redis | Cluster;
  readonly prefix: string;
  readonly retentionDays: number;
  readonly log: Logger;
  /** How often to look. Default hourly. */
  readonly everyMs?: number;
  readonly now?: () => Date;
}

/**
 * One prune of the archive, by whichever fetcher takes the Redis lock first (the others skip):
 * deletes raw pages fetched more than `retentionDays` ago. Resolves to the number deleted, or null
 * when another fetcher holds the lock.
 */
export async function pruneArchiveOnce(options: RetentionOptions): Promise<number | null> {
  const everyMs = options.everyMs ?? 3_600_000;
  const lock = politenessKeys(options.prefix).lock('archive-prune');
  const taken = await options.redis.set(lock, '1', 'PX', Math.max(1_000, everyMs - 1_000), 'NX');
  if (taken !== 'OK') return null;
  const now = options.now?.() ?? new Date();
  const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000);
  const deleted = await options.archive.prune(cutoff);
  options.log.info({ deleted, cutoff: cutoff.toISOString() }, 'archive pruned');
  return deleted;
}

/** Prunes now and then every `everyMs` (unref'd timer); returns a stop function. No-op when retention is 0. */
export function startArchiveRetention(options: RetentionOptions): () => void {
  if (options.retentionDays <= 0) return () => {};
  const run = (): void => {
    pruneArchiveOnce(options).catch((err: unknown) => options.log.warn({ err }, 'archive prune failed'));
  };
  run();
  const timer = setInterval(run, options.everyMs ?? 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
