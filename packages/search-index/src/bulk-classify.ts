import { errors } from '@elastic/elasticsearch';

/** What to do with one document after Elasticsearch answered (or failed to answer) its bulk. */
export type ItemOutcome = 'ok' | 'retry' | 'reject';

/**
 * Per-item status: 2xx acknowledged; 429 (queue full), 408, 5xx and 404 (write alias missing,
 * e.g. during a migration) may pass later; anything else (400 mapping/parse errors) never will.
 */
export function classifyItemStatus(status: number): ItemOutcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 429 || status === 408 || status === 404 || status >= 500) return 'retry';
  return 'reject';
}

/**
 * A failed bulk request as a whole: connection errors, timeouts, 429 and 5xx are transient;
 * 400/413 mean the request body itself is unacceptable. 401/403 are treated as transient because
 * fixing credentials makes the same documents indexable.
 */
export function classifyRequestError(error: unknown): Exclude<ItemOutcome, 'ok'> {
  if (error instanceof errors.ResponseError) {
    const status = error.statusCode ?? 0;
    return status === 400 || status === 413 ? 'reject' : 'retry';
  }
  return 'retry';
}

interface ErrorCauseLike {
  readonly type?: string;
  readonly reason?: string | null;
  readonly caused_by?: ErrorCauseLike;
}

/** `type: reason (caused by type: reason)`: ES's own words, for failed-job reasons. */
export function describeEsError(cause: ErrorCauseLike | undefined): string {
  if (!cause) return 'unknown error';
  const own = `${cause.type ?? 'error'}: ${cause.reason ?? ''}`.trim();
  return cause.caused_by ? `${own} (caused by ${describeEsError(cause.caused_by)})` : own;
}

/** Backoff before internal retry `attempt` (1-based): base·2^(attempt-1) with ±25 % jitter. */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const raw = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(raw * (0.75 + random() * 0.5));
}
