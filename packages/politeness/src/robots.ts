import type { Cluster, Redis } from 'ioredis';
import { createRequire } from 'node:module';
import { politenessKeys } from './keys.ts';

/** What fetching /robots.txt gave (RFC 9309 §2.3.1). */
export type RobotsFetchOutcome =
  | { readonly kind: 'ok'; readonly body: string }
  /** 4xx (e.g. 404): the site has no rules for us — allow everything. */
  | { readonly kind: 'client-error'; readonly status: number }
  /** 5xx, network failure, timeout: assume complete disallow for a while. */
  | { readonly kind: 'unavailable'; readonly reason: string };

/**
 * Fetches one robots.txt URL; the fetcher passes its safe client (SSRF guard, caps, redirects).
 * `init` carries the host gate's hooks (FetchInit.onRequestSent / beforeRedirect) from the caller.
 */
export type RobotsFetcher = (
  robotsUrl: string,
  init?: { readonly onRequestSent?: (url: string) => void; readonly beforeRedirect?: (url: string) => Promise<void> },
) => Promise<RobotsFetchOutcome>;

export interface RobotsSettings {
  /** The user agent sent; its product token (before "/") is what robots.txt groups are matched against. */
  readonly userAgent: string;
  /** How long a fetched (or 4xx) robots.txt is trusted. RFC 9309 asks for at most 24 h. */
  readonly ttlMs: number;
  /** How long an unreachable robots.txt keeps the site closed before it is asked again. */
  readonly unavailableTtlMs: number;
  /** Robots.txt bytes kept and parsed (RFC 9309: at least 500 KiB). */
  readonly maxBytes: number;
  /** Longest a claim to fetch robots.txt is held (a fetcher that died drops it after this). */
  readonly claimMs: number;
  /**
   * How long a fetcher trusts its in-process copy of an origin's answer before asking Redis again
   * (never past the answer's own expiry): a Redis round trip per origin and minute instead of one
   * per fetch. A robots.txt another fetcher refreshed is seen this much later at most.
   */
  readonly localMs: number;
}

export const DEFAULT_ROBOTS_SETTINGS: Omit<RobotsSettings, 'userAgent'> = {
  ttlMs: 24 * 3_600_000,
  unavailableTtlMs: 10 * 60_000,
  maxBytes: 512 * 1024,
  claimMs: 60_000,
  localMs: 60_000,
};

export interface RobotsAnswer {
  /** False when a rule disallows the URL, or robots.txt is unavailable (`unavailable` then says so). */
  readonly allowed: boolean;
  readonly unavailable: boolean;
  /** Crawl-delay for our user agent (or `*`), in milliseconds. */
  readonly crawlDelayMs: number | undefined;
  /** How long this answer stays cached (for an unavailable robots.txt: when to ask again). */
  readonly expiresInMs: number;
}

interface Cached {
  readonly kind: RobotsFetchOutcome['kind'];
  readonly body?: string;
  readonly fetchedAt: number;
}

export interface RobotsPolicy {
  /** The cached answer for the URL's origin, or null when robots.txt must be fetched first. */
  cached(url: string): Promise<RobotsAnswer | null>;
  /**
   * Claims the right to fetch the origin's robots.txt (one fetcher at a time, so a burst of new
   * URLs on a host asks for it once). False when another fetcher holds the claim or the file is
   * cached already: poll `cached`.
   */
  claim(url: string): Promise<boolean>;
  /** Gives a claim back without fetching (the job was deferred), so another fetcher may take it. */
  unclaim(url: string): Promise<void>;
  /** Fetches the origin's robots.txt with `fetcher`, caches it for every fetcher, drops the claim, and answers. */
  refresh(url: string, fetcher: RobotsFetcher): Promise<RobotsAnswer>;
}

export function robotsUrlOf(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  return `${u.origin}/robots.txt`;
}

/** The part of robots-parser's API used here (the package is CommonJS with an ESM-style d.ts). */
interface Parsed {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, body: string) => Parsed;

/**
 * robots.txt per RFC 9309, parsed by `robots-parser` (longest match wins, Allow wins ties, `*` and
 * `$` patterns, groups by product token). The raw file is cached in Redis per origin, shared by
 * every fetcher; parsed copies are memoised in-process.
 */
export function createRobotsPolicy(options: { readonly redis: Redis | Cluster; readonly prefix: string; readonly settings: Partial<RobotsSettings> & Pick<RobotsSettings, 'userAgent'> }): RobotsPolicy {
  const s: RobotsSettings = { ...DEFAULT_ROBOTS_SETTINGS, ...options.settings };
  const keys = politenessKeys(options.prefix);
  const token = (s.userAgent.split('/')[0] ?? s.userAgent).trim();
  const parsedCache = new Map<string, Parsed>();
  /** Origin → its cached record and when this process stops trusting it (local clock). */
  const local = new Map<string, { readonly cached: Cached; readonly expiresAt: number; readonly trustUntil: number }>();
  const remember = (origin: string, cached: Cached, ttlMs: number): void => {
    if (s.localMs <= 0) return;
    if (local.size >= 10_000) local.clear();
    const now = Date.now();
    local.set(origin, { cached, expiresAt: now + ttlMs, trustUntil: now + Math.min(ttlMs, s.localMs) });
  };

  function parse(origin: string, cached: Cached): Parsed {
    const memoKey = `${origin} ${cached.fetchedAt}`;
    let parsed = parsedCache.get(memoKey);
    if (parsed === undefined) {
      parsed = robotsParser(`${origin}/robots.txt`, cached.body ?? '');
      if (parsedCache.size >= 1_000) parsedCache.clear();
      parsedCache.set(memoKey, parsed);
    }
    return parsed;
  }

  function answer(url: string, origin: string, cached: Cached, expiresInMs: number): RobotsAnswer {
    if (cached.kind === 'unavailable') return { allowed: false, unavailable: true, crawlDelayMs: undefined, expiresInMs };
    if (cached.kind === 'client-error') return { allowed: true, unavailable: false, crawlDelayMs: undefined, expiresInMs };
    const robots = parse(origin, cached);
    const delay = robots.getCrawlDelay(token);
    return {
      allowed: robots.isAllowed(url, token) !== false,
      unavailable: false,
      crawlDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? Math.round(delay * 1000) : undefined,
      expiresInMs,
    };
  }

  return {
    async cached(url) {
      const origin = new URL(url).origin;
      const mine = local.get(origin);
      const now = Date.now();
      if (mine && now < mine.trustUntil) return answer(url, origin, mine.cached, Math.max(0, mine.expiresAt - now));
      const key = keys.robots(origin);
      const [[, raw], [, ttl]] = (await options.redis.multi().get(key).pttl(key).exec()) as [[null, string | null], [null, number]];
      if (raw === null) {
        local.delete(origin);
        return null;
      }
      const cached = JSON.parse(raw) as Cached;
      remember(origin, cached, Math.max(0, ttl));
      return answer(url, origin, cached, Math.max(0, ttl));
    },
    async claim(url) {
      const origin = new URL(url).origin;
      const lock = keys.lock(`robots:${origin}`);
      if ((await options.redis.set(lock, '1', 'PX', s.claimMs, 'NX')) !== 'OK') return false;
      // Stored between the caller's look and this claim: nothing to fetch.
      if ((await options.redis.exists(keys.robots(origin))) === 1) {
        await options.redis.del(lock);
        return false;
      }
      return true;
    },
    async unclaim(url) {
      await options.redis.del(keys.lock(`robots:${new URL(url).origin}`));
    },
    async refresh(url, fetcher) {
      const origin = new URL(url).origin;
      const lock = keys.lock(`robots:${origin}`);
      try {
        const outcome = await fetcher(`${origin}/robots.txt`);
        const cached: Cached =
          outcome.kind === 'ok' ? { kind: 'ok', body: outcome.body.slice(0, s.maxBytes), fetchedAt: Date.now() } : { kind: outcome.kind, fetchedAt: Date.now() };
        const ttl = outcome.kind === 'unavailable' ? s.unavailableTtlMs : s.ttlMs;
        // The answer is stored before the claim goes, so nobody sees neither.
        await options.redis.multi().set(keys.robots(origin), JSON.stringify(cached), 'PX', ttl).del(lock).exec();
        remember(origin, cached, ttl);
        return answer(url, origin, cached, ttl);
      } catch (err) {
        await options.redis.del(lock);
        throw err;
      }
    },
  };
}
