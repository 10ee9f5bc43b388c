import { DelayedError, RateLimitError, UnrecoverableError, WaitingChildrenError, Worker, type Job, type MinimalJob } from 'bullmq';
import {
  ACTIVE_STATE,
  BACKOFF_DELAY_MS,
  BACKOFF_TYPE,
  QueueSet,
  RETENTION,
  StatusStore,
  parsePayload,
  type PayloadInputOf,
  type PayloadOf,
  type QueueName,
  type Retention,
  type UrlState,
} from '@khabar/contracts';
import { formatReason, parseReason, toKhabarError } from '@khabar/errors';
import type { Logger } from './logger.ts';
import { JobFailure, computeBackoff } from './backoff.ts';
import type { StageMetrics } from './metrics.ts';
import type { RedisConnection } from './redis.ts';

/** The queue each stage hands off to; `never` for the last one. */
export interface NextQueueOf {
  fetch: 'parse';
  parse: 'dedup';
  dedup: 'tag';
  tag: 'index';
  index: never;
}

export type StageResult<Q extends QueueName> =
  | { readonly kind: 'handoff'; readonly data: PayloadInputOf<NextQueueOf[Q] & QueueName> }
  | { readonly kind: 'done'; readonly state: Extract<UrlState, 'indexed' | 'skipped'> };

export interface StageContext {
  readonly log: Logger;
  readonly job: Job;
  readonly attempt: number;
}

export type StageHandler<Q extends QueueName> = (payload: PayloadOf<Q>, context: StageContext) => Promise<StageResult<Q>>;

export interface StageWorkerOptions<Q extends QueueName> {
  readonly queue: Q;
  readonly connection: RedisConnection;
  readonly prefix: string;
  readonly logger: Logger;
  readonly handler: StageHandler<Q>;
  readonly concurrency?: number;
  /** How often BullMQ looks for jobs whose worker died (their lock expired). */
  readonly stalledIntervalMs?: number;
  readonly lockDurationMs?: number;
  readonly metrics?: StageMetrics;
  /** Start pulling jobs at once (default true). */
  readonly autorun?: boolean;
  /** Finished jobs kept (count and age); default the queue's RETENTION from the contracts. */
  readonly retention?: Retention;
  /**
   * How long a job runs before the URL's record shows the stage's active state ("fetching");
   * default ACTIVE_STATUS_DELAY_MS. Most jobs finish sooner and never write it: one Redis command
   * less per stage hop. 0 writes it as each job starts, before the handler runs.
   */
  readonly activeStatusDelayMs?: number;
}

/**
 * See StageWorkerOptions.activeStatusDelayMs. Slower than 95 % of fetch, parse, dedup and tag jobs
 * (bench/results 10-25-53Z, half load: run p95 at most 40 ms on a slow host); index jobs wait for the
 * refresh (p50 about 0.7 s), so most of them do record it.
 */
export const ACTIVE_STATUS_DELAY_MS = 250;

const NEXT: Readonly<Record<QueueName, QueueName | undefined>> = { fetch: 'parse', parse: 'dedup', dedup: 'tag', tag: 'index', index: undefined };

export interface StageWorker {
  readonly worker: Worker;
  readonly queues: QueueSet;
  /** Stops taking jobs, waits for in-flight ones up to `timeoutMs`, then closes connections it made. */
  close(timeoutMs?: number): Promise<{ drained: boolean }>;
}

/**
 * A BullMQ worker for one pipeline stage. It validates each payload against the queue's contract,
 * keeps the URL's status record current, hands the result to the next queue (idempotently: the
 * job id is the document id) and turns errors into BullMQ's retry policy: permanent errors fail at
 * once, everything else retries with jittered exponential backoff.
 */
export function createStageWorker<Q extends QueueName>(options: StageWorkerOptions<Q>): StageWorker {
  const { queue, connection, prefix, logger, handler, metrics } = options;
  const queues = new QueueSet({ connection, prefix });
  const status = new StatusStore(connection, prefix);
  const next = NEXT[queue];
  const activeDelay = options.activeStatusDelayMs ?? ACTIVE_STATUS_DELAY_MS;

  const processor = async (job: Job): Promise<string> => {
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;
    const log = logger.child({ queue, jobId: job.id, url: (job.data as { url?: unknown } | undefined)?.url, attempt });
    const stop = metrics?.startJob(queue);
    let docId: string | undefined;
    let activeTimer: NodeJS.Timeout | undefined;
    let activeWrite: Promise<void> | undefined;
    try {
      const payload = parsePayload(queue, job.data);
      docId = payload.id;
      const writeActive = (): void => {
        activeWrite = status.set(payload.id, ACTIVE_STATE[queue], queue, { attempts: attempt }).catch((err: unknown) => log.warn({ err }, 'could not record the active state'));
      };
      // With no delay the state is recorded before the handler starts (one round trip), so anything
      // the handler or another process reads meanwhile sees it.
      if (activeDelay === 0) {
        writeActive();
        await activeWrite;
      } else activeTimer = setTimeout(writeActive, activeDelay);
      const result = await handler(payload, { log, job, attempt }).finally(() => clearTimeout(activeTimer));
      // The active state, if it was written, lands before the next one (same connection, in order).
      await activeWrite;
      if (result.kind === 'handoff') {
        if (!next) throw new Error(`stage ${queue} has no next queue to hand off to`);
        // A finished job of this document downstream (a replay, or this stage re-running after its
        // worker died) is replaced so the later stages see the new input; one still waiting or
        // running is left to do its work, and the status is not moved back.
        const data = result.data as PayloadInputOf<typeof next>;
        // The usual case in two commands: the status is written (in one script that first checks
        // no job of this document is in the next queue), then the job is added.
        if (await status.setUnlessExists(queues.jobKey(next, payload.id), payload.id, 'queued', next, { attempts: 0 })) {
          await queues.enqueue(next, data);
        } else if ((await queues.prepareHandoff(next, payload.id)) === 'add') {
          // Sent back to back on one connection: the status is written before the job exists
          // (Redis runs them in order), without waiting a round trip in between.
          await Promise.all([status.set(payload.id, 'queued', next, { attempts: 0 }), queues.enqueue(next, data)]);
        }
        log.debug({ next }, 'handed off');
      } else {
        await status.set(payload.id, result.state, queue, { attempts: attempt });
      }
      stop?.('completed');
      return result.kind === 'handoff' ? `handoff:${next ?? ''}` : result.state;
    } catch (err) {
      // A handler that moved its job on purpose (delayed until its host may be fetched, rate
      // limited) is not failing: hand BullMQ its own signal untouched; it costs no attempt.
      if (err instanceof DelayedError || err instanceof RateLimitError || err instanceof WaitingChildrenError) {
        stop?.('deferred');
        if (docId) await status.set(docId, 'queued', queue, { attempts: attempt - 1 }).catch(() => undefined);
        throw err;
      }
      clearTimeout(activeTimer);
      await activeWrite;
      const error = toKhabarError(err);
      const reason = formatReason(error.code, error.message);
      const final = !error.retryable || attempt >= maxAttempts;
      log[final ? 'error' : 'warn']({ code: error.code, context: error.context, final, err: error.code === 'KHABAR_E_INTERNAL' ? err : undefined }, error.message);
      stop?.(final ? 'failed' : 'retried');
      if (final && docId) await status.set(docId, 'failed', queue, { attempts: attempt, error: { code: error.code, reason: error.message } }).catch(() => undefined);
      // A retry waits in this queue again: the record says so, with the attempts spent.
      else if (docId) await status.set(docId, 'queued', queue, { attempts: attempt }).catch(() => undefined);
      if (!error.retryable) throw new UnrecoverableError(reason);
      throw new JobFailure(reason, 'retryAfterMs' in error && typeof error.retryAfterMs === 'number' ? error.retryAfterMs : undefined);
    }
  };

  const worker = new Worker(queue, processor, {
    connection,
    prefix,
    concurrency: options.concurrency ?? 4,
    autorun: options.autorun ?? true,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    lockDuration: options.lockDurationMs ?? 30_000,
    maxStalledCount: 2,
    // Retention lives here rather than in every job's options (bytes per queued job).
    removeOnComplete: (options.retention ?? RETENTION[queue]).removeOnComplete,
    removeOnFail: (options.retention ?? RETENTION[queue]).removeOnFail,
    // Per-minute completed/failed counts kept by BullMQ for a day (`khabar status` shows rates).
    metrics: { maxDataPoints: 24 * 60 },
    settings: {
      backoffStrategy: (attemptsMade: number, type?: string, err?: Error, job?: MinimalJob) => {
        // Jobs name the strategy only; older jobs also carry their base delay.
        const base = (typeof job?.opts.backoff === 'object' ? job.opts.backoff.delay : undefined) ?? BACKOFF_DELAY_MS[queue];
        return type === BACKOFF_TYPE || type === undefined ? computeBackoff(attemptsMade, base, err) : base;
      },
    },
  });
  worker.on('error', (err) => logger.error({ err }, 'worker error'));
  // Jobs can also fail outside the processor (a job whose workers kept dying is failed by the
  // stalled-job checker): make sure the URL's record says so, with the reason, so nothing is lost
  // silently. The processor has usually written the same thing already; writing it again is harmless.
  worker.on('failed', (job, err) => {
    const id = (job?.data as { id?: unknown } | undefined)?.id;
    if (!job || typeof id !== 'string') return;
    void (async () => {
      if (!(await job.isFailed())) return; // a retry is scheduled: not final
      const { code, message } = parseReason(job.failedReason || err.message);
      await status.set(id, 'failed', queue, { attempts: job.attemptsMade, error: { code, reason: message } });
    })().catch((e: unknown) => logger.warn({ err: e, jobId: job.id }, 'could not record failure'));
  });

  return {
    worker,
    queues,
    async close(timeoutMs = 20_000) {
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([
        worker.close().then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (!drained) await worker.close(true).catch(() => undefined);
      await queues.close();
      return { drained };
    },
  };
}
