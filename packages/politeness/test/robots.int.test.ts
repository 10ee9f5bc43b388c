import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';
import { createRobotsPolicy, type RobotsFetchOutcome, type RobotsFetcher } from '../src/index.ts';

let redis: Redis;
let prefix: string;

beforeEach(() => {
  redis = testRedis();
  prefix = uniquePrefix('robots');
});

afterEach(async () => {
  await deletePrefix(redis, prefix);
  await redis.quit();
});

const UA = 'KhabarBot/0.1 (+https://github.com/khabar-news/khabar)';

function serving(outcome: RobotsFetchOutcome): RobotsFetcher & { calls: string[] } {
  const calls: string[] = [];
  const fetcher = async (url: string) => {
    calls.push(url);
    return outcome;
  };
  return Object.assign(fetcher, { calls });
}

const RULES = [
  'User-agent: *',
  'Disallow: /',
  '',
  'User-agent: khabarbot',
  'Disallow: /private/',
  'Allow: /private/press-',
  'Disallow: /*.pdf$',
  'Crawl-delay: 2.5',
].join('\n');

describe('robots policy (real Redis)', () => {
  it('applies our group (longest match wins, Allow wins ties, wildcards) with its Crawl-delay', async () => {
    const policy = createRobotsPolicy({ redis, prefix, settings: { userAgent: UA } });
    const fetcher = serving({ kind: 'ok', body: RULES });
    expect(await policy.cached('https://news.example/a')).toBeNull();
    const first = await policy.refresh('https://news.example/a', fetcher);
    expect(first).toMatchObject({ allowed: true, unavailable: false, crawlDelayMs: 2_500 });
    expect(fetcher.calls).toEqual(['https://news.example/robots.txt']);
    expect((await policy.cached('https://news.example/private/x'))?.allowed).toBe(false);
    expect((await policy.cached('https://news.example/private/press-1'))?.allowed).toBe(true);
    expect((await policy.cached('https://news.example/doc.pdf'))?.allowed).toBe(false);
    expect((await policy.cached('https://news.example/doc.pdf?x=1'))?.allowed).toBe(true);
  });

  it('shares the cached file between fetchers (another process sees it without fetching)', async () => {
    const a = createRobotsPolicy({ redis, prefix, settings: { userAgent: UA } });
    const b = createRobotsPolicy({ redis, prefix, settings: { userAgent: UA, ttlMs: 60_000 } });
    await a.refresh('https://news.example/', serving({ kind: 'ok', body: 'User-agent: *\nDisallow: /x' }));
    expect((await b.cached('https://news.example/x/1'))?.allowed).toBe(false);
    expect((await b.cached('https://other.example/x/1'))).toBeNull();
    expect(await redis.pttl(`${prefix}:robots:https://news.example`)).toBeGreaterThan(23 * 3_600_000);
  });

  it('keeps an in-process copy of an answer for localMs (a change another fetcher stores is seen after it), or asks Redis each time with 0', async () => {
    const writer = createRobotsPolicy({ redis, prefix, settings: { userAgent: UA } });
    const cachedLong = createRobotsPolicy({ redis, prefix, settings: { userAgent: UA, localMs: 60_000 } });
    const cachedShort = createRobotsPolicy({ redis, prefix, settings: { userAgent: UA, localMs: 200 } });
    const uncached = createRobotsPolicy({ redis, prefix, settings: { userAgent: UA, localMs: 0 } });
    await writer.refresh('https://news.example/', serving({ kind: 'ok', body: 'User-agent: *\nDisallow: /x' }));
    for (const p of [cachedLong, cachedShort, uncached]) expect((await p.cached('https://news.example/x/1'))?.allowed).toBe(false);
    // Another fetcher stores a new robots.txt (its refresh after the old one expired).
    await redis.del(`${prefix}:robots:https://news.example`);
    await writer.refresh('https://news.example/', serving({ kind: 'ok', body: 'User-agent: *\nDisallow: /y' }));
    expect((await uncached.cached('https://news.example/x/1'))?.allowed).toBe(true);
    expect((await cachedShort.cached('https://news.example/x/1'))?.allowed).toBe(false);
    expect((await cachedLong.cached('https://news.example/x/1'))?.allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 250));
    expect((await cachedShort.cached('https://news.example/x/1'))?.allowed).toBe(true);
    expect((await cachedLong.cached('https://news.example/x/1'))?.allowed).toBe(false);
    // The copy never outlives the answer: its remaining time keeps counting down.
    expect((await cachedLong.cached('https://news.example/x/1'))?.expiresInMs).toBeLessThanOrEqual(24 * 3_600_000);
  });

  it('treats a 4xx robots.txt as allow-all', async () => {
    const policy = createRobotsPolicy({ redis, prefix, settings: { userAgent: UA } });
    expect(await policy.refresh('https://news.example/p', serving({ kind: 'client-error', status: 404 }))).toMatchObject({ allowed: true, unavailable: false });
    expect((await policy.cached('https://news.example/anything'))?.allowed).toBe(true);
  });

  it('treats an unavailable robots.txt (5xx, unreachable) as disallow-all, for a short while only', async () => {
    const policy = createRobotsPolicy({ redis, prefix, settings: { userAgent: UA, unavailableTtlMs: 5_000 } });
    const answer = await policy.refresh('https://news.example/p', serving({ kind: 'unavailable', reason: 'HTTP 503' }));
    expect(answer).toMatchObject({ allowed: false, unavailable: true, expiresInMs: 5_000 });
    const cached = await policy.cached('https://news.example/q');
    expect(cached).toMatchObject({ allowed: false, unavailable: true });
    expect(cached?.expiresInMs).toBeLessThanOrEqual(5_000);
  });

  it('lets one fetcher at a time claim an origin, and nobody once the file is cached', async () => {
    const a = createRobotsPolicy({ redis, prefix, settings: { userAgent: UA } });
    const b = createRobotsPolicy({ redis, prefix, settings: { userAgent: UA } });
    expect(await a.claim('https://news.example/x')).toBe(true);
    expect(await b.claim('https://news.example/y')).toBe(false);
    expect(await b.claim('https://other.example/y')).toBe(true);
    await a.refresh('https://news.example/x', serving({ kind: 'client-error', status: 404 }));
    expect(await b.claim('https://news.example/y')).toBe(false);
  });
});
