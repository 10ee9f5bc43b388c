import { createHash } from 'node:crypto';

/** Query parameters that only track campaigns or clicks; they never select different content. */
export const DEFAULT_TRACKING_PARAMS: readonly string[] = [
  'utm_*', 'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid',
  'mc_cid', 'mc_eid', '_ga', '_gl', 'ref_src', 'ref_url', 'cmpid', 'ocid', 'smid', 'mkt_tok',
  'at_medium', 'at_campaign', 'at_custom*', 'ito', 'ns_source', 'ns_mchannel', 'ns_campaign',
  'ns_linkname', 'ns_fee', 'spm', 'share', 'amp_js_v', 'amp_gsa', 'usqp', 'outputType',
];

export const MAX_URL_LENGTH = 2048;

export interface CanonicalizeOptions {
  /** Parameter names (a trailing `*` matches a prefix) removed from the query. */
  readonly trackingParams?: readonly string[];
}

function makeParamFilter(patterns: readonly string[]): (name: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const p of patterns) {
    const lower = p.toLowerCase();
    if (lower.endsWith('*')) prefixes.push(lower.slice(0, -1));
    else exact.add(lower);
  }
  return (name) => {
    const lower = name.toLowerCase();
    return exact.has(lower) || prefixes.some((prefix) => lower.startsWith(prefix));
  };
}

const defaultFilter = makeParamFilter(DEFAULT_TRACKING_PARAMS);

/**
 * The canonical form of a page URL: one spelling per page, so that one page yields one document.
 * Lower-cased scheme and host (WHATWG URL parsing already does IDNA and dot-segment removal),
 * default port and fragment dropped, tracking parameters removed, remaining parameters sorted
 * stably by name, an empty query removed. Paths keep their case: servers may be case sensitive.
 */
export function canonicalizeUrl(input: string | URL, options: CanonicalizeOptions = {}): string {
  const url = new URL(typeof input === 'string' ? input.trim() : input.href);
  const isTracking = options.trackingParams ? makeParamFilter(options.trackingParams) : defaultFilter;
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTracking(name));
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  url.search = '';
  for (const [name, value] of kept) url.searchParams.append(name, value);
  let href = url.href;
  if (url.search === '' && href.endsWith('?')) href = href.slice(0, -1);
  return href;
}

/** Stable 32-hex-character document id of a canonical URL (first 128 bits of its SHA-256). */
export function documentIdFor(canonicalUrl: string): string {
  return createHash('sha256').update(canonicalUrl).digest('hex').slice(0, 32);
}

export function isDocumentId(value: string): boolean {
  return /^[0-9a-f]{32}$/.test(value);
}
