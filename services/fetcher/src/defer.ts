import { DelayedError, type Job } from 'bullmq';

/** Puts the job back to wait until `untilMs` (epoch ms) without counting an attempt; never returns. */
export type Defer = (job: Job, untilMs: number) => Promise<never>;

/**
 * BullMQ's documented way to postpone a job from inside its processor: move it to `delayed` with
 * the lock token, then throw DelayedError so the worker leaves it there. The attempt is not
 * counted, so waiting for a busy host never burns retries.
 */
export const deferJob: Defer = async (job, untilMs) => {
  if (job.token === undefined) throw new Error(`job ${job.id ?? '?'} has no lock token; cannot defer it`);
  await job.moveToDelayed(untilMs, job.token);
  throw new DelayedError(`waiting for host until ${new Date(untilMs).toISOString()}`);
};
