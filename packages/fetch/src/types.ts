import type { LookupFn } from './address-guard.ts';

export interface FetchClientOptions {
  /** Sent on every request. Default "KhabarBot/0.1 (+https://github.com/khabar-news/khabar)". */
  readonly userAgent?: string;
  /** TCP (+TLS) connect deadline per connection. Default 10 000. */
  readonly connectTimeoutMs?: number;
  /** Deadline for the response headers, and the longest silence allowed inside a body. Default 15 000. */
  readonly headersTimeoutMs?: number;
  /** Deadline for the whole fetch: every redirect hop, headers and body. Default 30 000. */
  readonly totalTimeoutMs?: number;
  /** Redirects followed before KHABAR_E_FETCH_TOO_MANY_REDIRECTS. Default 5. */
  readonly maxRedirects?: number;
  /** Cap on the body as received (still compressed). Default 5 MiB. */
  readonly maxBodyBytes?: number;
  /** Cap on the body after Content-Encoding decoding. Default 10 MiB. */
  readonly maxDecodedBytes?: number;
  /** Media types accepted; others fail with KHABAR_E_FETCH_NOT_HTML. Default text/html, application/xhtml+xml. */
  readonly allowedContentTypes?: readonly string[];
  /** Ports URLs may use. Default 80, 443, 8080, 8443; ports named in `allowHosts` are added. */
  readonly allowedPorts?: readonly number[];
  /** "host[:port]" entries exempt from the address guard (e.g. "127.0.0.1:8089" in tests). */
  readonly allowHosts?: readonly string[];
  /** DNS resolver; default `dns.promises.lookup(name, { all: true })`. Injected by tests. */
  readonly lookup?: LookupFn;
}

export interface FetchInit {
  /** Validator from an earlier fetch; sent as If-None-Match. */
  readonly etag?: string | null;
  /** Validator from an earlier fetch; sent as If-Modified-Since. */
  readonly lastModified?: string | null;
  /** Aborts the fetch; the abort reason is thrown as is. */
  readonly signal?: AbortSignal;
  /**
   * Called when a request (the first, or a redirect hop) has been written to its socket, with
   * that hop's URL. The fetcher's host gate counts the start of a request from here. Must not throw.
   */
  readonly onRequestSent?: (url: string) => void;
  /**
   * Awaited before each redirect hop is requested, with the hop's URL (already through the
   * address guard). The fetcher waits here for the host's politeness gate. A rejection ends the
   * fetch with that error; the total deadline keeps running while it waits.
   */
  readonly beforeRedirect?: (url: string) => Promise<void>;
  /**
   * Asked before each redirect hop, with the hop's URL (after the address guard, the redirect
   * limit and loop detection, before `beforeRedirect`): `true` stops there and returns the
   * redirect response with `redirectTo` set instead of following it. The fetcher stops at a hop
   * to another host, to go through that host's robots.txt and politeness gate first.
   */
  readonly stopAtRedirect?: (url: string) => boolean;
  /**
   * Continues a redirect chain stopped earlier (`stopAtRedirect`): `url` is the URL first asked
   * for and `redirects` every hop followed so far, the URL now fetched last. The hops count
   * towards `maxRedirects` and loop detection, and the result reports the whole chain.
   */
  readonly chain?: { readonly url: string; readonly redirects: readonly string[] };
}

export interface FetchResult {
  /** The URL asked for, as given (the chain's first URL when `chain` was given). */
  readonly url: string;
  /** The URL the body came from, after redirects (the redirecting URL when stopped at a hop). */
  readonly finalUrl: string;
  readonly status: number;
  /** Every redirect target followed, in order (absolute URLs), including a `chain`'s and a stopped hop. */
  readonly redirects: string[];
  /**
   * Set only when `stopAtRedirect` stopped the chain: the hop not followed (already checked by
   * the address guard, last in `redirects`). `status` is then the 3xx and the body is empty.
   */
  readonly redirectTo?: string;
  /** Lower-cased media type (e.g. "text/html"); '' for a 304. */
  readonly contentType: string;
  /** charset parameter of Content-Type, lower-cased, or null. The body is NOT charset-decoded. */
  readonly headerCharset: string | null;
  /** Body bytes with Content-Encoding removed; empty for a 304. */
  readonly body: Uint8Array;
  /** Bytes received on the wire for the final response body. */
  readonly bytes: number;
  readonly decodedBytes: number;
  readonly elapsedMs: number;
  /** True when the server answered 304 to our If-None-Match / If-Modified-Since. */
  readonly notModified: boolean;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Final response headers, lower-case names, repeated headers joined with ", ". */
  readonly headers: Record<string, string>;
}

export interface FetchClient {
  fetchPage(url: string, init?: FetchInit): Promise<FetchResult>;
  /** Closes pooled connections; waits for in-flight fetches. */
  close(): Promise<void>;
}
