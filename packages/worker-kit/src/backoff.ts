/** A failed attempt as BullMQ stores it: message "CODE: reason", plus an optional Retry-After. */
export class JobFailure extends Error {
  readonly retryAfterMs: number | undefined;

  constructor(message: string, retryAfterMs?: number) {
    super(message);
    this.name = 'JobFailure';
    this.retryAfterMs = retryAfterMs;
  }
}

export const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * Exponential backoff with jitter (half fixed, half random, so retries of a burst spread out but
 * never come sooner than half the nominal delay). A Retry-After from the server wins when given.
 */
export function computeBackoff(attemptsMade: number, baseDelayMs: number, err: unknown, random: () => number = Math.random): number {
  if (err instanceof JobFailure && err.retryAfterMs !== undefined) return Math.min(Math.max(err.retryAfterMs, 0), MAX_BACKOFF_MS);
  const nominal = Math.min(baseDelayMs * 2 ** Math.max(attemptsMade - 1, 0), MAX_BACKOFF_MS);
  return Math.round(nominal / 2 + random() * (nominal / 2));
}
