import { KhabarError, PermanentError, RetryLaterError } from '@khabar/errors';
import { BodyTooLargeError, UnsupportedEncodingError } from './read-body.ts';
import { parseRetryAfter } from './response-meta.ts';

type Context = Record<string, unknown>;

/** The error for a final (non-redirect, non-2xx, non-304) status; retry policy follows the catalogue. */
export function statusError(status: number, retryAfterHeader: string | undefined, context: Context): KhabarError {
  const retryAfterMs = parseRetryAfter(retryAfterHeader);
  const ctx = { ...context, status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  if (status === 429 || status === 408) {
    return new RetryLaterError('KHABAR_E_FETCH_RATE_LIMITED', `rate limited: HTTP ${status}`, { context: ctx, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }
  if (status >= 400 && status < 500) {
    return new PermanentError('KHABAR_E_FETCH_HTTP_4XX', `HTTP ${status}`, { context: ctx });
  }
  if (status >= 500) {
    return new RetryLaterError('KHABAR_E_FETCH_HTTP_5XX', `HTTP ${status}`, { context: ctx, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }
  // 1xx surfacing as final, 300/305/306, or a redirect without Location: nothing to follow.
  return new PermanentError('KHABAR_E_FETCH_HTTP_4XX', `unusable HTTP ${status} response`, { context: ctx });
}

const TIMEOUT_CODES: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'headers',
  UND_ERR_BODY_TIMEOUT: 'body',
  ETIMEDOUT: 'connect',
};

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Re-creates a KhabarError with extra context (the connector does not know the page URL). */
function withContext(err: KhabarError, context: Context): KhabarError {
  const merged = { ...err.context, ...context };
  if (err instanceof RetryLaterError) {
    return new RetryLaterError(err.code, err.message, { context: merged, cause: err.cause, ...(err.retryAfterMs === undefined ? {} : { retryAfterMs: err.retryAfterMs }) });
  }
  if (err instanceof PermanentError) return new PermanentError(err.code, err.message, { context: merged, cause: err.cause });
  return new KhabarError(err.code, err.message, { context: merged, cause: err.cause });
}

/**
 * Maps anything a fetch can throw to a KhabarError with the catalogue's retry policy.
 * `deadlineHit` wins: whatever undici reports after our total deadline aborted it is a timeout.
 */
export function toFetchError(err: unknown, deadlineHit: boolean, totalTimeoutMs: number, context: Context): KhabarError {
  if (err instanceof KhabarError) return withContext(err, context);
  if (err instanceof BodyTooLargeError) {
    return new PermanentError('KHABAR_E_FETCH_TOO_LARGE', err.message, { context: { ...context, limit: err.limit, which: err.which } });
  }
  if (deadlineHit) {
    return new RetryLaterError('KHABAR_E_FETCH_TIMEOUT', `fetch did not finish within ${totalTimeoutMs} ms`, { context: { ...context, phase: 'total' }, cause: err });
  }
  if (err instanceof UnsupportedEncodingError) {
    return new PermanentError('KHABAR_E_FETCH_NOT_HTML', err.message, { context: { ...context, contentEncoding: err.encoding } });
  }
  const code = errorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return new PermanentError('KHABAR_E_FETCH_TOO_LARGE', message, { context, cause: err });
  }
  const phase = code === undefined ? undefined : TIMEOUT_CODES[code];
  if (phase !== undefined) {
    return new RetryLaterError('KHABAR_E_FETCH_TIMEOUT', `${phase} timeout: ${message}`, { context: { ...context, phase, errorCode: code }, cause: err });
  }
  return new RetryLaterError('KHABAR_E_FETCH_NETWORK', message, { context: { ...context, ...(code === undefined ? {} : { errorCode: code }) }, cause: err });
}
