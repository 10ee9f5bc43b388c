import { describe, expect, it } from 'vitest';
import { PermanentError, RetryLaterError } from '@khabar/errors';
import type { FetchClient, FetchResult } from '@khabar/fetch';
import { createHostLabeler } from '@khabar/politeness';
import { judgeFetchError, statusClassOf } from '../src/outcome.ts';
import { robotsFetcherFor } from '../src/robots-fetcher.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('judgeFetchError', () => {
  it('counts 5xx, timeouts and network errors against the host, 429 as throttling, 404 as healthy', () => {
    expect(judgeFetchError(new RetryLaterError('KHABAR_E_FETCH_HTTP_5XX', 'HTTP 503', { context: { status: 503 } }))).toEqual({ statusClass: '5xx', outcome: 'error' });
    expect(judgeFetchError(new RetryLaterError('KHABAR_E_FETCH_RATE_LIMITED', 'HTTP 429', { context: { status: 429 } }))).toEqual({ statusClass: '429', outcome: 'throttled' });
    expect(judgeFetchError(new RetryLaterError('KHABAR_E_FETCH_TIMEOUT', 't'))).toEqual({ statusClass: 'timeout', outcome: 'error' });
    expect(judgeFetchError(new RetryLaterError('KHABAR_E_FETCH_NETWORK', 'reset'))).toEqual({ statusClass: 'network', outcome: 'error' });
    expect(judgeFetchError(new PermanentError('KHABAR_E_FETCH_HTTP_4XX', 'HTTP 404', { context: { status: 404 } }))).toEqual({ statusClass: '4xx', outcome: 'ok' });
    expect(judgeFetchError(new PermanentError('KHABAR_E_BLOCKED_ADDRESS', 'no'))).toEqual({ statusClass: 'blocked', outcome: 'none' });
    expect(statusClassOf(304)).toBe('304');
    expect(statusClassOf(201)).toBe('2xx');
  });
});

function clientThrowing(err: unknown): FetchClient {
  return {
    fetchPage: () => Promise.reject(err instanceof Error ? err : new Error(String(err))),
    close: () => Promise.resolve(),
  };
}

describe('robotsFetcherFor (RFC 9309 §2.3.1)', () => {
  it('maps 2xx to rules, 4xx to allow-all, 5xx/network to unavailable, and rethrows a refused address', async () => {
    const ok: FetchClient = { fetchPage: async (url) => ({ url, body: bytes('User-agent: *\nDisallow: /x') }) as unknown as FetchResult, close: async () => {} };
    expect(await robotsFetcherFor(ok)('http://a.example/robots.txt')).toEqual({ kind: 'ok', body: 'User-agent: *\nDisallow: /x' });
    expect(await robotsFetcherFor(clientThrowing(new PermanentError('KHABAR_E_FETCH_HTTP_4XX', 'HTTP 404', { context: { status: 404 } })))('u')).toEqual({ kind: 'client-error', status: 404 });
    expect((await robotsFetcherFor(clientThrowing(new RetryLaterError('KHABAR_E_FETCH_HTTP_5XX', 'HTTP 500')))('u')).kind).toBe('unavailable');
    expect((await robotsFetcherFor(clientThrowing(new RetryLaterError('KHABAR_E_FETCH_RATE_LIMITED', 'HTTP 429')))('u')).kind).toBe('unavailable');
    expect((await robotsFetcherFor(clientThrowing(new RetryLaterError('KHABAR_E_FETCH_NETWORK', 'ECONNREFUSED')))('u')).kind).toBe('unavailable');
    await expect(robotsFetcherFor(clientThrowing(new PermanentError('KHABAR_E_BLOCKED_ADDRESS', 'no')))('u')).rejects.toMatchObject({ code: 'KHABAR_E_BLOCKED_ADDRESS' });
  });
});

describe('createHostLabeler', () => {
  it('names the first N hosts and folds the rest into "other"', () => {
    const label = createHostLabeler(2);
    expect([label('a:80'), label('b:80'), label('c:80'), label('a:80')]).toEqual(['a:80', 'b:80', 'other', 'a:80']);
  });
});
