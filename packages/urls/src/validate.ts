import { MAX_URL_LENGTH } from './canonical.ts';

export type UrlProblem =
  | 'not_a_url'
  | 'scheme_not_allowed'
  | 'credentials_not_allowed'
  | 'too_long'
  | 'no_host';

export type UrlCheck = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly problem: UrlProblem; readonly message: string };

/** Checks a URL an upstream system submits: absolute http(s), a host, no user:pass@, bounded length. */
export function checkSubmittedUrl(raw: string): UrlCheck {
  if (raw.length > MAX_URL_LENGTH) {
    return { ok: false, problem: 'too_long', message: `URL is ${raw.length} characters; the limit is ${MAX_URL_LENGTH}` };
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: 'not_a_url', message: 'not an absolute URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: 'scheme_not_allowed', message: `scheme "${url.protocol.slice(0, -1)}" is not allowed; use http or https` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, problem: 'credentials_not_allowed', message: 'URLs must not carry credentials (user:password@)' };
  }
  if (url.hostname === '') return { ok: false, problem: 'no_host', message: 'URL has no host' };
  return { ok: true, url };
}
