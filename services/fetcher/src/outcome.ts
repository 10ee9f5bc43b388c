import { KhabarError, type ErrorCode } from '@khabar/errors';
import type { HostOutcome, StatusClass } from '@khabar/politeness';

/** Status class of a response for the metrics. */
export function statusClassOf(status: number): StatusClass {
  if (status === 304) return '304';
  if (status === 429) return '429';
  if (status >= 200 && status < 300) return '2xx';
  if (status >= 300 && status < 400) return '3xx';
  if (status >= 400 && status < 500) return '4xx';
  if (status >= 500 && status < 600) return '5xx';
  return 'other';
}

export interface ErrorVerdict {
  readonly statusClass: StatusClass;
  /** What the failure says about the host's health (AutoThrottle and the circuit breaker). */
  readonly outcome: HostOutcome;
}

const HOST_FAULTS = {
  KHABAR_E_FETCH_HTTP_5XX: { statusClass: '5xx', outcome: 'error' },
  KHABAR_E_FETCH_RATE_LIMITED: { statusClass: '429', outcome: 'throttled' },
  KHABAR_E_FETCH_TIMEOUT: { statusClass: 'timeout', outcome: 'error' },
  KHABAR_E_FETCH_NETWORK: { statusClass: 'network', outcome: 'error' },
  KHABAR_E_BLOCKED_ADDRESS: { statusClass: 'blocked', outcome: 'none' },
} as const satisfies Partial<Record<ErrorCode, ErrorVerdict>>;

/**
 * How a failed fetch counts: 5xx, timeouts and network errors are the host failing; 429/408 the
 * host asking us to slow down; a 404 or an oversize page says nothing bad about the host; a
 * refused address never reached it.
 */
export function judgeFetchError(err: unknown): ErrorVerdict {
  if (!(err instanceof KhabarError)) return { statusClass: 'other', outcome: 'none' };
  const status = typeof err.context['status'] === 'number' ? err.context['status'] : undefined;
  const hostFault = HOST_FAULTS[err.code as keyof typeof HOST_FAULTS] as ErrorVerdict | undefined;
  if (hostFault !== undefined) return err.code === 'KHABAR_E_FETCH_RATE_LIMITED' && status !== undefined ? { ...hostFault, statusClass: statusClassOf(status) } : hostFault;
  return { statusClass: status === undefined ? 'other' : statusClassOf(status), outcome: 'ok' };
}
