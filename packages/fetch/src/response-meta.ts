/** Media type and charset of a Content-Type header value. */
export interface ContentType {
  /** Lower-cased `type/subtype`, or '' when the header is missing or unparsable. */
  readonly mediaType: string;
  /** Lower-cased `charset` parameter without quotes, or null. */
  readonly charset: string | null;
}

export function parseContentType(header: string | undefined): ContentType {
  if (header === undefined) return { mediaType: '', charset: null };
  const [essence = '', ...params] = header.split(';');
  const mediaType = essence.trim().toLowerCase();
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq === -1) continue;
    if (param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const value = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase();
    if (value !== '') charset = value;
    break;
  }
  return { mediaType: /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(mediaType) ? mediaType : '', charset };
}

/**
 * Retry-After as milliseconds from `now`: delta-seconds or an HTTP-date (a date in the past
 * means 0). Undefined when the header is absent or unparsable.
 */
export function parseRetryAfter(header: string | undefined, now: number = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Response headers as one string per name (repeated headers joined with ", "). */
export function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
