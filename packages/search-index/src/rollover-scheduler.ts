import type { Client } from '@elastic/elasticsearch';
import type { BulkLogger } from './bulk-indexer.ts';
import { maintenanceLockKey, tryAcquireLock, type LockRedis } from './maintenance-lock.ts';
import { rolloverDisabled, rolloverIndex, type RolloverConditions, type RolloverOutcome } from './rollover.ts';

export interface RolloverSchedulerOptions {
  readonly client: Client;
  /** Holds the maintenance lock, shared with `khabar index rollover` and `khabar index migrate`. */
  readonly redis: LockRedis;
  /** Key prefix of the lock (KHABAR_QUEUE_PREFIX, hash-tagged for Redis Cluster). */
  readonly prefix: string;
  readonly base: string;
  readonly conditions: RolloverConditions;
  /** Time between checks (0 turns the scheduler off); each check waits a random 0–10 % more so indexers spread out. */
  readonly intervalMs: number;
  readonly logger?: BulkLogger & { info(obj: object, msg?: string): void };
}

export interface RolloverScheduler {
  /** One check now: the outcome, or 'locked' when another process holds the maintenance lock. */
  checkNow(): Promise<RolloverOutcome | 'locked'>;
  /** Stops the timer and waits for a check in progress. */
  stop(): Promise<void>;
}

/** A check never needs long; the lock expires on its own if this process dies mid-check. */
const CHECK_LOCK_TTL_MS = 60_000;

/**
 * Checks the rollover conditions every `intervalMs` in whichever indexer takes the maintenance
 * lock first (the others skip that round), so ILM is not needed. Failures are logged and tried
 * again next round: a missed rollover only makes the write index a little bigger.
 */
export function createRolloverScheduler(options: RolloverSchedulerOptions): RolloverScheduler {
  const { client, redis, base, conditions, logger } = options;
  const key = maintenanceLockKey(options.prefix, base);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;

  async function checkNow(): Promise<RolloverOutcome | 'locked'> {
    const lock = await tryAcquireLock(redis, key, CHECK_LOCK_TTL_MS);
    if (!lock) return 'locked';
    try {
      return await rolloverIndex(client, base, conditions);
    } finally {
      await lock.release();
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = checkNow()
        .then((outcome) => {
          if (outcome !== 'locked' && outcome.rolledOver) logger?.info({ from: outcome.oldIndex, to: outcome.newIndex, conditions: outcome.conditions }, 'index rolled over');
          else logger?.debug({ outcome }, 'rollover checked');
        })
        .catch((error: unknown) => logger?.warn({ err: error }, 'rollover check failed; trying again next round'))
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, options.intervalMs * (1 + Math.random() * 0.1));
    timer.unref();
  }

  if (options.intervalMs > 0 && !rolloverDisabled(conditions)) schedule();

  return {
    checkNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
