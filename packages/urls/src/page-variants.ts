import { getDomain } from 'tldts';
import { canonicalizeUrl, type CanonicalizeOptions } from './canonical.ts';

/** First host labels that only select a mobile or AMP rendering of the same site. */
const VARIANT_LABELS = new Set(['amp', 'm', 'mobile']);
/** Query parameters that only ask for the AMP rendering (`?amp`, `?amp=1`, `?outputType=amp`). */
const AMP_PARAMS = new Set(['amp', 'amp_js_v', 'outputtype']);

/** Registrable domain (eTLD+1, public suffix list) of a URL or host; null for IPs and bad input. */
export function registrableDomain(urlOrHost: string | URL): string | null {
  try {
    const host = typeof urlOrHost === 'string' && !urlOrHost.includes('/') ? urlOrHost : new URL(urlOrHost).hostname;
    return getDomain(host, { allowPrivateDomains: true }) ?? null;
  } catch {
    return null;
  }
}

/** True when both URLs belong to one registrable domain (news.example.co.uk and example.co.uk do). */
export function isSameSite(a: string | URL, b: string | URL): boolean {
  const da = registrableDomain(a);
  return da !== null && da === registrableDomain(b);
}

/**
 * The URL of the regular page behind an AMP or mobile rendering: `amp.` / `m.` / `mobile.`
 * first host label dropped (never the registrable domain itself), `/amp/` and a trailing `/amp`
 * path segment dropped (`/a/amp/` → `/a/`, `/a/amp` → `/a`), `.amp.html` → `.html`, `?amp=1` / `?amp` / `?outputType=amp` dropped;
 * then canonicalised. URLs that are no variant come back canonicalised and otherwise unchanged.
 */
export function regularPageUrl(input: string | URL, options: CanonicalizeOptions = {}): string {
  const url = new URL(canonicalizeUrl(input, options));
  const labels = url.hostname.split('.');
  const domain = registrableDomain(url.hostname);
  if (labels.length > 2 && VARIANT_LABELS.has(labels[0] ?? '') && domain && labels.slice(1).join('.').endsWith(domain)) {
    url.hostname = labels.slice(1).join('.');
  }
  let path = url.pathname.replace(/\/amp(?=\/)/gi, '').replace(/\.amp\.html$/i, '.html');
  if (path.length > 4) path = path.replace(/\/amp$/i, '');
  url.pathname = path === '' ? '/' : path;
  for (const name of [...url.searchParams.keys()]) {
    const lower = name.toLowerCase();
    if (AMP_PARAMS.has(lower) && (lower !== 'outputtype' || url.searchParams.get(name)?.toLowerCase() === 'amp')) url.searchParams.delete(name);
  }
  return canonicalizeUrl(url, options);
}

/**
 * The canonical URL of the page fetched from `pageUrl`: the page's declared canonical
 * (`<link rel=canonical>` or og:url, possibly relative) when it is http(s) and on the same
 * registrable domain — another site's canonical is not trusted, it could claim any page — else
 * the regular page behind an AMP/mobile URL (regularPageUrl). Always canonicalised, so two URLs
 * of one page give one document id.
 */
export function resolveCanonicalUrl(pageUrl: string | URL, declared?: string | null, options: CanonicalizeOptions = {}): string {
  if (declared) {
    try {
      const target = new URL(declared.trim(), pageUrl);
      if ((target.protocol === 'http:' || target.protocol === 'https:') && isSameSite(target, pageUrl)) return regularPageUrl(target, options);
    } catch {
      // an unparseable declaration is ignored, like a missing one
    }
  }
  return regularPageUrl(pageUrl, options);
}

/**
 * True when two canonical URLs differ at most in scheme and a leading `www.`: the usual
 * redirect pair, one page whichever is fetched. Used to tell a real other URL of a page (AMP,
 * mobile, rel=canonical to another path) from a plain redirect.
 */
export function isSamePage(a: string, b: string): boolean {
  const key = (u: string): string | null => {
    try {
      const url = new URL(u);
      return `${url.hostname.replace(/^www\./, '')}${url.port ? `:${url.port}` : ''}${url.pathname}${url.search}`;
    } catch {
      return null;
    }
  };
  const ka = key(a);
  return ka !== null && ka === key(b);
}
