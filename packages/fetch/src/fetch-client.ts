import { lookup as dnsLookup } from 'node:dns/promises';
import type { Readable } from 'node:stream';
import { Agent, request, type Dispatcher } from 'undici';
import { PermanentError } from '@khabar/errors';
import { checkTarget, createTargetPolicy, type LookupFn, type TargetPolicy } from './address-guard.ts';
import { toFetchError, statusError } from './fetch-errors.ts';
import { createGuardedConnector } from './guarded-connector.ts';
import { readBody, type BodyLimits } from './read-body.ts';
import { REDIRECT_STATUSES, flattenHeaders, parseContentType } from './response-meta.ts';
import type { FetchClient, FetchClientOptions, FetchInit, FetchResult } from './types.ts';

export const DEFAULT_USER_AGENT = 'KhabarBot/0.1 (+https://github.com/khabar-news/khabar)';
export const DEFAULT_ALLOWED_CONTENT_TYPES: readonly string[] = ['text/html', 'application/xhtml+xml'];

const PRINTABLE = /^[\x20-\x7e]+$/;

const defaultLookup: LookupFn = async (hostname) => {
  const answer = await dnsLookup(hostname, { all: true, order: 'verbatim' });
  return answer.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

interface Settings {
  readonly userAgent: string;
  readonly totalTimeoutMs: number;
  readonly maxRedirects: number;
  readonly limits: BodyLimits;
  readonly allowedContentTypes: ReadonlySet<string>;
  readonly policy: TargetPolicy;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v <= 0) throw new TypeError(`${name} must be a positive number, got ${v}`);
  return v;
}

/** Drops a body we will not read; undici reports the abort as an error nobody needs. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

/**
 * The agent, wrapped so `onSent(url)` runs the moment a request's head has been written to the
 * socket (undici's `onRequestSent`): the host gate spaces requests from when they really left,
 * not from when they were allowed to.
 */
function notifyingSent(agent: Agent, url: string, onSent: (url: string) => void): Dispatcher {
  return agent.compose((dispatch) => (opts, handler) => {
    const wrapped = new Proxy(handler, {
      get(target, prop) {
        if (prop === 'onRequestSent') {
          return () => {
            onSent(url);
            return target.onRequestSent?.();
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    return dispatch(opts, wrapped);
  });
}

/** Waits for `work`, or rejects with the signal's reason as soon as it aborts (the total deadline). */
async function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

/** A URL as the visited set holds it (fragment dropped); one that does not parse is kept as is. */
function withoutHash(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

class DeadlineExceeded extends Error {
  constructor() {
    super('total fetch deadline exceeded');
    this.name = 'DeadlineExceeded';
  }
}

/**
 * An HTTP client for untrusted URLs. Every connection goes through the address guard (at
 * connect time, on every redirect hop); redirects are followed here, not by undici, so each hop
 * is checked; bodies are read under wire and decoded caps inside one total deadline.
 */
export function createFetchClient(options: FetchClientOptions = {}): FetchClient {
  const connectTimeoutMs = positive('connectTimeoutMs', options.connectTimeoutMs, 10_000);
  const headersTimeoutMs = positive('headersTimeoutMs', options.headersTimeoutMs, 15_000);
  const maxRedirects = options.maxRedirects ?? 5;
  if (!Number.isInteger(maxRedirects) || maxRedirects < 0) throw new TypeError(`maxRedirects must be a non-negative integer, got ${maxRedirects}`);
  const settings: Settings = {
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    totalTimeoutMs: positive('totalTimeoutMs', options.totalTimeoutMs, 30_000),
    maxRedirects,
    limits: {
      maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes, 5 * 1024 * 1024),
      maxDecodedBytes: positive('maxDecodedBytes', options.maxDecodedBytes, 10 * 1024 * 1024),
    },
    allowedContentTypes: new Set((options.allowedContentTypes ?? DEFAULT_ALLOWED_CONTENT_TYPES).map((t) => t.toLowerCase())),
    policy: createTargetPolicy(options.allowHosts ?? [], options.allowedPorts),
  };
  const agent = new Agent({
    connect: createGuardedConnector({ policy: settings.policy, lookup: options.lookup ?? defaultLookup, connectTimeoutMs }),
    headersTimeout: headersTimeoutMs,
    // Longest silence inside a body; a slow but steady trickle is cut by the total deadline.
    bodyTimeout: headersTimeoutMs,
    keepAliveTimeout: 4_000,
  });
  let closed: Promise<void> | undefined;

  return {
    fetchPage: (url, init = {}) => fetchPage(agent, settings, url, init),
    close: () => {
      closed ??= agent.close();
      return closed;
    },
  };
}

async function fetchPage(agent: Agent, settings: Settings, url: string, init: FetchInit): Promise<FetchResult> {
  const started = performance.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DeadlineExceeded()), settings.totalTimeoutMs);
  const signal = init.signal === undefined ? deadline.signal : AbortSignal.any([deadline.signal, init.signal]);
  // A continued chain (the fetcher re-routed a redirect to another host) keeps its hops.
  const redirects: string[] = [...(init.chain?.redirects ?? [])];
  const first = init.chain?.url ?? url;
  let current = url;
  try {
    return await followRedirects(agent, settings, url, init, signal, redirects, started, (hop) => {
      current = hop;
    });
  } catch (err) {
    if (init.signal?.aborted === true && !deadline.signal.aborted) throw init.signal.reason;
    throw toFetchError(err, deadline.signal.aborted, settings.totalTimeoutMs, {
      url: first,
      ...(current === url ? {} : { currentUrl: current }),
      ...(redirects.length === 0 ? {} : { redirects: [...redirects] }),
    });
  } finally {
    clearTimeout(timer);
  }
}

async function followRedirects(
  agent: Agent,
  settings: Settings,
  url: string,
  init: FetchInit,
  signal: AbortSignal,
  redirects: string[],
  started: number,
  onHop: (url: string) => void,
): Promise<FetchResult> {
  const headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
    'accept-encoding': 'gzip, deflate, br',
  };
  // Validators come from earlier responses; one with control characters is dropped, not sent.
  if (init.etag && PRINTABLE.test(init.etag)) headers['if-none-match'] = init.etag;
  if (init.lastModified && PRINTABLE.test(init.lastModified)) headers['if-modified-since'] = init.lastModified;

  let target = checkTarget(url, settings.policy);
  target.hash = '';
  const first = init.chain?.url ?? url;
  const visited = new Set([...(init.chain ? [first, ...init.chain.redirects].map(withoutHash) : []), target.href]);

  for (;;) {
    const dispatcher = init.onRequestSent ? notifyingSent(agent, target.href, init.onRequestSent) : agent;
    const res = await request(target, { dispatcher, method: 'GET', headers, signal });
    const status = res.statusCode;
    const responseHeaders = flattenHeaders(res.headers);
    const context = { url: first, status, ...(redirects.length === 0 ? {} : { finalUrl: target.href }) };
    const location = responseHeaders['location'];

    if (REDIRECT_STATUSES.has(status) && location !== undefined) {
      discard(res.body);
      if (redirects.length >= settings.maxRedirects) {
        throw new PermanentError('KHABAR_E_FETCH_TOO_MANY_REDIRECTS', `more than ${settings.maxRedirects} redirects`, { context: { ...context, location } });
      }
      let next: URL;
      try {
        next = new URL(location, target);
      } catch {
        throw new PermanentError('KHABAR_E_INVALID_URL', `redirect to an invalid URL "${location}"`, { context: { ...context, location } });
      }
      next.hash = '';
      onHop(next.href);
      next = checkTarget(next, settings.policy);
      if (visited.has(next.href)) {
        throw new PermanentError('KHABAR_E_FETCH_TOO_MANY_REDIRECTS', `redirect loop back to ${next.href}`, { context: { ...context, location, loop: true } });
      }
      visited.add(next.href);
      redirects.push(next.href);
      if (init.stopAtRedirect?.(next.href) === true) {
        return {
          url: first,
          finalUrl: target.href,
          status,
          redirects,
          redirectTo: next.href,
          contentType: '',
          headerCharset: null,
          body: new Uint8Array(0),
          bytes: 0,
          decodedBytes: 0,
          elapsedMs: performance.now() - started,
          notModified: false,
          etag: null,
          lastModified: null,
          headers: responseHeaders,
        };
      }
      target = next;
      if (init.beforeRedirect) await abortable(init.beforeRedirect(next.href), signal);
      continue;
    }

    const base = {
      url: first,
      finalUrl: target.href,
      status,
      redirects,
      etag: responseHeaders['etag'] ?? null,
      lastModified: responseHeaders['last-modified'] ?? null,
      headers: responseHeaders,
    };

    if (status === 304) {
      discard(res.body);
      return { ...base, contentType: '', headerCharset: null, body: new Uint8Array(0), bytes: 0, decodedBytes: 0, elapsedMs: performance.now() - started, notModified: true };
    }
    if (status < 200 || status > 299) {
      discard(res.body);
      throw statusError(status, responseHeaders['retry-after'], context);
    }

    const { mediaType, charset } = parseContentType(responseHeaders['content-type']);
    if (!settings.allowedContentTypes.has(mediaType)) {
      discard(res.body);
      const contentType = responseHeaders['content-type'] ?? null;
      throw new PermanentError('KHABAR_E_FETCH_NOT_HTML', `content type ${contentType ?? '(none)'} is not HTML`, { context: { ...context, contentType, mediaType } });
    }
    const declared = Number(responseHeaders['content-length']);
    if (Number.isFinite(declared) && declared > settings.limits.maxBodyBytes) {
      discard(res.body);
      throw new PermanentError('KHABAR_E_FETCH_TOO_LARGE', `Content-Length ${declared} exceeds ${settings.limits.maxBodyBytes} bytes`, {
        context: { ...context, contentLength: declared, limit: settings.limits.maxBodyBytes, which: 'wire' },
      });
    }

    try {
      const read = await readBody(res.body, responseHeaders['content-encoding'], settings.limits, signal);
      return { ...base, contentType: mediaType, headerCharset: charset, ...read, elapsedMs: performance.now() - started, notModified: false };
    } finally {
      discard(res.body);
    }
  }
}
