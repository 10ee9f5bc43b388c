import { KhabarError, type ErrorCode } from '@khabar/errors';
import type { FetchClient } from '@khabar/fetch';
import type { RobotsFetcher } from '@khabar/politeness';

/** Media types a robots.txt is accepted with: servers often get it wrong, so be lenient. */
export const ROBOTS_CONTENT_TYPES: readonly string[] = ['text/plain', 'text/html', 'application/octet-stream', ''];

const RETHROWN: ReadonlySet<ErrorCode> = new Set(['KHABAR_E_BLOCKED_ADDRESS', 'KHABAR_E_INVALID_URL']);
const NO_RULES: ReadonlySet<ErrorCode> = new Set(['KHABAR_E_FETCH_HTTP_4XX', 'KHABAR_E_FETCH_TOO_MANY_REDIRECTS', 'KHABAR_E_FETCH_TOO_LARGE', 'KHABAR_E_FETCH_NOT_HTML']);

/**
 * Fetches robots.txt with the same safe client as pages (SSRF guard, caps, ≤ 5 redirects) and
 * maps the result onto RFC 9309 §2.3.1: 2xx → rules; 4xx (and too many redirects, an oversize or
 * odd file) → no rules; 5xx, 429, timeouts and network errors → unavailable (complete disallow
 * for a while). A refused address is rethrown: the page on that host would be refused too.
 */
export function robotsFetcherFor(client: FetchClient): RobotsFetcher {
  return async (robotsUrl, init = {}) => {
    try {
      const r = await client.fetchPage(robotsUrl, {
        ...(init.onRequestSent ? { onRequestSent: init.onRequestSent } : {}),
        ...(init.beforeRedirect ? { beforeRedirect: init.beforeRedirect } : {}),
      });
      return { kind: 'ok', body: Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength).toString('utf8') };
    } catch (err) {
      if (!(err instanceof KhabarError)) throw err;
      const status = typeof err.context['status'] === 'number' ? err.context['status'] : 0;
      if (RETHROWN.has(err.code)) throw err;
      if (NO_RULES.has(err.code)) return { kind: 'client-error', status };
      return { kind: 'unavailable', reason: `${err.code}: ${err.message}` };
    }
  };
}
