import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { PermanentError } from '@khabar/errors';
import { createExtractPool, extractThreadCount } from '../src/extract-pool.ts';

const fixture = readFileSync(new URL('../../../packages/extract/test/fixtures/rt-arabic/kremlin-peskov.html', import.meta.url));
const fetchedAt = new Date('2026-11-28T12:00:00Z');
const THREAD = new URL('./support/hanging-thread.ts', import.meta.url);
// Generous caps: the suite runs on a shared, loaded box and a fresh thread's first page is cold.
const pool = createExtractPool({ size: 1, timeoutMs: 20_000, threadUrl: THREAD });
const capped = createExtractPool({ size: 1, timeoutMs: 2500, threadUrl: THREAD });
afterAll(() => Promise.all([pool.close(), capped.close()]));
const tiny = Buffer.from('<html><body><h1>Short</h1><p>The minister said the plan would start next month in three cities.</p></body></html>');

async function failureOf(p: Promise<unknown>): Promise<PermanentError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(PermanentError);
  return err as PermanentError;
}

describe('extract pool', () => {
  it('extracts a page in a worker thread', async () => {
    const { article, charset } = await pool.run({ bytes: fixture, url: 'https://arabic.rt.com/world/1410-peskov/', headerCharset: null, fetchedAt });
    expect(charset).toBe('utf-8');
    expect(article.lang).toBe('ar');
    expect(article.text).toContain('بيسكوف');
  });

  it('fails a page that runs past the cap for good, then carries on with a fresh thread', async () => {
    const err = await failureOf(capped.run({ bytes: fixture, url: 'https://example.com/hang', headerCharset: null, fetchedAt }));
    expect(err.code).toBe('KHABAR_E_EXTRACT_FAILED');
    expect(err.message).toBe('timed out after 2500 ms');
    const { article } = await capped.run({ bytes: tiny, url: 'https://example.com/short', headerCharset: null, fetchedAt });
    expect(article.title).toBe('Short');
  });

  it('fails a page that blows the heap cap for good, without taking the process down', async () => {
    const small = createExtractPool({ size: 1, timeoutMs: 20_000, maxHeapMb: 96, threadUrl: new URL('./support/hanging-thread.ts', import.meta.url) });
    try {
      const err = await failureOf(small.run({ bytes: fixture, url: 'https://example.com/oom', headerCharset: null, fetchedAt }));
      expect(err.code).toBe('KHABAR_E_EXTRACT_FAILED');
      expect(err.message).toMatch(/^extract thread crashed/);
      const { article } = await small.run({ bytes: fixture, url: 'https://arabic.rt.com/world/1410-peskov/', headerCharset: null, fetchedAt });
      expect(article.lang).toBe('ar');
    } finally {
      await small.close();
    }
  });

  it('maps an empty page to KHABAR_E_EXTRACT_EMPTY', async () => {
    const err = await failureOf(pool.run({ bytes: Buffer.from('<html><body></body></html>'), url: 'https://example.com/empty', headerCharset: null, fetchedAt }));
    expect(err.code).toBe('KHABAR_E_EXTRACT_EMPTY');
  });

  it('queues runs beyond its size and rejects after close', async () => {
    const local = createExtractPool({ size: 1, timeoutMs: 20_000 });
    const runs = [1, 2, 3].map((i) => local.run({ bytes: fixture, url: `https://arabic.rt.com/world/${i}/`, headerCharset: null, fetchedAt }));
    const done = await Promise.all(runs);
    expect(done.map((d) => d.article.lang)).toEqual(['ar', 'ar', 'ar']);
    await local.close();
    const err = await failureOf(local.run({ bytes: fixture, url: 'https://example.com/x', headerCharset: null, fetchedAt }));
    expect(err.message).toBe('extract pool is closed');
  });
});

describe('extractThreadCount', () => {
  it('runs one thread per two cores by default, never more than the jobs in flight, and honours an explicit count', () => {
    expect(extractThreadCount(4, 0, 2)).toBe(1);
    expect(extractThreadCount(4, 0, 3)).toBe(2);
    expect(extractThreadCount(8, 0, 8)).toBe(4);
    expect(extractThreadCount(1, 0, 8)).toBe(1);
    expect(extractThreadCount(8, 3, 2)).toBe(3);
    expect(extractThreadCount(2, 6, 16)).toBe(2);
    expect(extractThreadCount(4, 0, 0)).toBe(1);
  });
});
