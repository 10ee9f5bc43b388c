import { ERROR_CATALOGUE, type ErrorCode, isErrorCode } from './catalogue.ts';

export interface KhabarErrorOptions {
  /** Extra facts for logs and failed-job reasons (never secrets). */
  readonly context?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/**
 * Base of every error Khabar raises on purpose. `code` is stable and documented; `retryable`
 * tells the worker kit whether BullMQ may try again.
 */
export class KhabarError extends Error {
  readonly code: ErrorCode;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: KhabarErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KhabarError';
    this.code = code;
    this.context = options.context ?? {};
  }

  get retryable(): boolean {
    return ERROR_CATALOGUE[this.code].retry !== 'never';
  }
}

/** Will never succeed on retry: the job fails at once (BullMQ UnrecoverableError). */
export class PermanentError extends KhabarError {
  constructor(code: ErrorCode, message: string, options?: KhabarErrorOptions) {
    super(code, message, options);
    this.name = 'PermanentError';
  }

  override get retryable(): boolean {
    return false;
  }
}

/** May succeed later; `retryAfterMs`, when known (Retry-After), overrides the backoff delay. */
export class RetryLaterError extends KhabarError {
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message: string, options: KhabarErrorOptions & { retryAfterMs?: number } = {}) {
    super(code, message, options);
    this.name = 'RetryLaterError';
    this.retryAfterMs = options.retryAfterMs;
  }

  override get retryable(): boolean {
    return true;
  }
}

export interface ContractIssue {
  readonly path: string;
  readonly message: string;
}

/** A payload that does not match its queue's schema: permanent, carries the schema issues. */
export class ContractViolationError extends PermanentError {
  readonly issues: readonly ContractIssue[];

  constructor(queue: string, issues: readonly ContractIssue[]) {
    const summary = issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
    super('KHABAR_E_CONTRACT', `payload for queue "${queue}" is invalid: ${summary}`, { context: { queue } });
    this.name = 'ContractViolationError';
    this.issues = issues;
  }
}

/** Failed-job reasons are stored as "CODE: message" so they stay greppable and parseable. */
export function formatReason(code: ErrorCode, message: string): string {
  return `${code}: ${message}`;
}

export interface ParsedReason {
  readonly code: ErrorCode;
  readonly message: string;
}

export function parseReason(reason: string | undefined): ParsedReason {
  if (reason) {
    const m = /^(KHABAR_E_[A-Z0-9_]+): ([\s\S]*)$/.exec(reason);
    if (m?.[1] && isErrorCode(m[1])) return { code: m[1], message: m[2] ?? '' };
  }
  return { code: 'KHABAR_E_INTERNAL', message: reason ?? 'unknown error' };
}

/** Wraps anything thrown into a KhabarError, keeping KhabarErrors as they are. */
export function toKhabarError(err: unknown): KhabarError {
  if (err instanceof KhabarError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new KhabarError('KHABAR_E_INTERNAL', message, { cause: err });
}
