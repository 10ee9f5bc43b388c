/**
 * Every stable error code Khabar emits, with its retry policy and a one-line meaning.
 * docs/errors.md is generated from (and checked against) this table, so ops teams can look up
 * any code they see in a failed job, a log line or an API answer.
 */
export const ERROR_CATALOGUE = {
  KHABAR_E_CONTRACT: { retry: 'never', meaning: 'A queue payload did not match its schema; the zod issues are in the reason.' },
  KHABAR_E_INVALID_URL: { retry: 'never', meaning: 'The URL is not an absolute http(s) URL Khabar accepts (scheme, credentials, length).' },
  KHABAR_E_FETCH_NETWORK: { retry: 'backoff', meaning: 'Connection refused/reset, DNS failure or TLS error while fetching.' },
  KHABAR_E_FETCH_TIMEOUT: { retry: 'backoff', meaning: 'Connect, headers or total fetch deadline exceeded.' },
  KHABAR_E_FETCH_HTTP_5XX: { retry: 'backoff', meaning: 'The site answered with a server error (5xx).' },
  KHABAR_E_FETCH_RATE_LIMITED: { retry: 'backoff', meaning: 'The site answered 429 or 408; Retry-After is honoured.' },
  KHABAR_E_FETCH_HTTP_4XX: { retry: 'never', meaning: 'The site answered with a client error (404, 410, 403, ...).' },
  KHABAR_E_FETCH_TOO_LARGE: { retry: 'never', meaning: 'The body (compressed or decoded) exceeded the configured cap.' },
  KHABAR_E_FETCH_TOO_MANY_REDIRECTS: { retry: 'never', meaning: 'More redirects than allowed, or a redirect loop.' },
  KHABAR_E_FETCH_NOT_HTML: { retry: 'never', meaning: 'The response is not HTML/XHTML; recorded as skipped with its content type.' },
  KHABAR_E_BLOCKED_ADDRESS: { retry: 'never', meaning: 'The URL resolves to an address Khabar refuses to connect to (SSRF guard).' },
  KHABAR_E_ROBOTS_DISALLOWED: { retry: 'never', meaning: "The site's robots.txt disallows Khabar's user agent for this URL." },
  KHABAR_E_ROBOTS_UNAVAILABLE: { retry: 'backoff', meaning: "The site's robots.txt answered 5xx or could not be reached; the site counts as closed until it is asked again." },
  KHABAR_E_ARCHIVE_MISSING: { retry: 'never', meaning: 'The raw page the job refers to is no longer in the archive; re-fetch the URL.' },
  KHABAR_E_LINKS_MISSING: { retry: 'never', meaning: "The article's link lists are neither in their side record (expired or lost) nor in the index; re-parse the page (khabar reparse)." },
  KHABAR_E_ARCHIVE_IO: { retry: 'backoff', meaning: 'The raw page archive could not be read or written.' },
  KHABAR_E_EXTRACT_EMPTY: { retry: 'never', meaning: 'No article text could be extracted from the page.' },
  KHABAR_E_EXTRACT_FAILED: { retry: 'never', meaning: 'The extractor failed on this page (malformed beyond recovery, or over its time cap).' },
  KHABAR_E_DEDUP_STORE: { retry: 'backoff', meaning: 'The duplicate index in Redis could not be read or updated.' },
  KHABAR_E_INDEX_UNAVAILABLE: { retry: 'backoff', meaning: 'Elasticsearch was unreachable, overloaded (429) or answered 5xx.' },
  KHABAR_E_INDEX_MAPPING: { retry: 'never', meaning: 'Elasticsearch rejected the document (mapping or validation error).' },
  KHABAR_E_INDEX_MISSING: { retry: 'never', meaning: 'The article index or its aliases do not exist yet: start the indexer (it creates them) or check KHABAR_INDEX_NAME.' },
  KHABAR_E_INDEX_BUSY: { retry: 'backoff', meaning: 'Another rollover or index migration holds the maintenance lock; try again when it is done.' },
  KHABAR_E_INDEX_MIGRATION: { retry: 'never', meaning: 'An index migration cannot go on (the new template rejects a document, or its target is gone); the message says what to do, then resume it.' },
  KHABAR_E_NER_BAD_DATA: { retry: 'never', meaning: 'The entity knowledge base or gazetteer file is missing or malformed (start-up error).' },
  KHABAR_E_BACKPRESSURE: { retry: 'backoff', meaning: 'Intake refused new URLs because the fetch backlog is over its limit; retry after the given delay (HTTP 429).' },
  KHABAR_E_INTERNAL: { retry: 'backoff', meaning: 'An unexpected error; retried, then left in the failed list with its message.' },
} as const satisfies Record<string, { retry: 'never' | 'backoff'; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, value);
}
