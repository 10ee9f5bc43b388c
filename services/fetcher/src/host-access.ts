import { setTimeout as sleep } from 'node:timers/promises';
import { PermanentError, RetryLaterError } from '@khabar/errors';
import { hostKeyOf, type FetchMetrics, type HostGate, type HostOutcome, type RobotsAnswer, type RobotsFetcher, type RobotsPolicy } from '@khabar/politeness';
import type { StageContext } from '@khabar/worker-kit';
import type { Defer } from './defer.ts';

export interface PolitenessDeps {
  readonly gate: HostGate;
  /** Waits up to this long are slept in-process; longer ones put the job back as delayed. */
  readonly inProcessWaitMs: number;
}

export interface RobotsDeps {
  readonly policy: RobotsPolicy;
  readonly fetcher: RobotsFetcher;
}

export interface HostAccessDeps {
  readonly politeness?: PolitenessDeps | undefined;
  readonly robots?: RobotsDeps | undefined;
  readonly metrics?: FetchMetrics | undefined;
  readonly defer: Defer;
}

/** What one request on the host gave: its value or error, plus how the host behaved. */
export type Attempt<T> =
  | { readonly ok: true; readonly value: T; readonly outcome: HostOutcome; readonly latencyMs: number }
  | { readonly ok: false; readonly error: unknown; readonly outcome: HostOutcome; readonly latencyMs: number };

/**
 * Handed to the request, for FetchInit: `onRequestSent(url)` when each request is on the wire,
 * `beforeRedirect(url)` awaited before each redirect hop (waits for the host's next opening when
 * the hop goes back to the same host), `stopAtRedirect(url)` true for a hop to another host,
 * which is not followed under this lease (the job is re-routed there instead).
 */
export interface RequestHooks {
  readonly onRequestSent: (url: string) => void;
  readonly beforeRedirect: (url: string) => Promise<void>;
  readonly stopAtRedirect: (url: string) => boolean;
}

/**
 * The way to a host for one job: robots.txt first (cached in Redis, shared; when it must be
 * fetched, that request takes its own turn at the host gate like any other), then a slot from the
 * host gate, then the request. The lease is always released with the request's latency and
 * outcome, which feed AutoThrottle and the circuit breaker.
 */
export interface HostAccess {
  /** Throws when robots.txt refuses the URL; waits (or defers the job) for a slot; runs `request`. */
  fetch<T>(request: (hooks: RequestHooks) => Promise<Attempt<T>>): Promise<T>;
}

function throwUnlessAllowed(answer: RobotsAnswer, url: string, host: string, metrics: FetchMetrics | undefined): void {
  if (answer.unavailable) {
    throw new RetryLaterError('KHABAR_E_ROBOTS_UNAVAILABLE', `robots.txt of ${host} is unavailable; asking again in ${Math.ceil(answer.expiresInMs / 1000)} s`, {
      context: { url, host },
      retryAfterMs: Math.max(1_000, answer.expiresInMs),
    });
  }
  if (!answer.allowed) {
    metrics?.robotsDenied(host);
    throw new PermanentError('KHABAR_E_ROBOTS_DISALLOWED', `robots.txt of ${host} disallows ${url}`, { context: { url, host } });
  }
}

function unwrap<T>(attempt: Attempt<T>): T {
  if (attempt.ok) return attempt.value;
  throw attempt.error;
}

const ROBOTS_POLL_MS = 50;
const ROBOTS_POLLS = 40;

export function createHostAccess(deps: HostAccessDeps, url: string, host: string, ticket: string, ctx: StageContext): HostAccess {
  const { politeness, robots, metrics } = deps;

  async function acquire(gateTicket: string, minDelayMs: number | undefined): Promise<void> {
    if (!politeness) return;
    for (;;) {
      const d = await politeness.gate.acquire(host, gateTicket, minDelayMs === undefined ? {} : { minDelayMs });
      if (d.granted) return;
      if (d.waitMs <= politeness.inProcessWaitMs) {
        await sleep(d.waitMs);
        continue;
      }
      metrics?.deferred(d.reason);
      if (d.reason === 'circuit') metrics?.circuit(host, true);
      ctx.log.debug({ host, waitMs: d.waitMs, reason: d.reason }, 'host busy: job deferred');
      await deps.defer(ctx.job, Date.now() + d.waitMs);
    }
  }

  async function release(gateTicket: string, outcome: HostOutcome, latencyMs: number, minDelayMs: number | undefined): Promise<void> {
    if (!politeness) return;
    const r = await politeness.gate.release(host, gateTicket, { outcome, latencyMs, ...(minDelayMs === undefined ? {} : { minDelayMs }) });
    if (r.openedForMs > 0) {
      metrics?.circuit(host, true);
      ctx.log.warn({ host, consecutiveFailures: r.consecutiveFailures, openForMs: r.openedForMs }, 'host keeps failing: circuit opened');
    } else if (outcome === 'ok') {
      metrics?.circuit(host, false);
    }
  }

  /**
   * Tells the gate a request of this lease is on the wire. Only requests to this host count here;
   * the Redis call is queued on the same connection before the release, so it lands first.
   */
  function hooksFor(gateTicket: string, minDelayMs: number | undefined): RequestHooks {
    return {
      onRequestSent: (sentUrl) => {
        if (!politeness || hostKeyOf(sentUrl) !== host) return;
        politeness.gate.started(host, gateTicket).catch((err: unknown) => ctx.log.warn({ err, host }, 'could not confirm a request start to the host gate'));
      },
      // A hop to another host needs that host's robots.txt and gate: the lease here does not
      // cover it, so the fetch stops and the job goes there (only when there is a gate or
      // robots.txt to respect; without both, every request is made at once anyway).
      stopAtRedirect: (hopUrl) => (politeness !== undefined || robots !== undefined) && hostKeyOf(hopUrl) !== host,
      beforeRedirect: async (hopUrl) => {
        if (!politeness || hostKeyOf(hopUrl) !== host) return;
        for (;;) {
          const wait = await politeness.gate.hop(host, gateTicket, minDelayMs === undefined ? {} : { minDelayMs });
          if (wait <= 0) return;
          await sleep(wait);
        }
      },
    };
  }

  /** Runs `request` under a lease already held, releasing it whatever happens. */
  async function underLease<T>(gateTicket: string, minDelayMs: number | undefined, request: (hooks: RequestHooks) => Promise<Attempt<T>>): Promise<T> {
    let attempt: Attempt<T> | undefined;
    try {
      attempt = await request(hooksFor(gateTicket, minDelayMs));
    } finally {
      await release(gateTicket, attempt?.outcome ?? 'none', attempt?.latencyMs ?? 0, minDelayMs);
    }
    return unwrap(attempt);
  }

  /** Polls the shared cache while another fetcher fetches robots.txt; defers the job if that takes long. */
  async function waitForRobots(): Promise<RobotsAnswer> {
    const policy = (robots as RobotsDeps).policy;
    for (let i = 0; i < ROBOTS_POLLS; i++) {
      await sleep(ROBOTS_POLL_MS);
      const answer = await policy.cached(url);
      if (answer !== null) return answer;
    }
    metrics?.deferred('robots');
    return deps.defer(ctx.job, Date.now() + 1_000);
  }

  /**
   * Fetches robots.txt as a request to the host like any other: it waits for a slot at the host
   * gate (its own ticket, the host's base delay since Crawl-delay is not known yet) and the page
   * after it keeps the delay from it. If the job has to be deferred, the claim is handed back so
   * another fetcher can take it.
   */
  async function fetchRobots(policy: RobotsPolicy, fetcher: RobotsFetcher): Promise<RobotsAnswer> {
    const robotsTicket = `${ticket}:robots`;
    try {
      await acquire(robotsTicket, undefined);
    } catch (err) {
      await policy.unclaim(url);
      throw err;
    }
    return underLease(robotsTicket, undefined, async (hooks): Promise<Attempt<RobotsAnswer>> => {
      const started = performance.now();
      try {
        const value = await policy.refresh(url, (robotsUrl) => fetcher(robotsUrl, hooks));
        // 'none': a robots.txt answer says nothing about how the host copes with pages.
        return { ok: true, value, outcome: 'none', latencyMs: performance.now() - started };
      } catch (error) {
        return { ok: false, error, outcome: 'none', latencyMs: performance.now() - started };
      }
    });
  }

  /** The origin's robots.txt verdict: cached, or fetched by whichever fetcher claims it first. */
  async function robotsAnswer(policy: RobotsPolicy, fetcher: RobotsFetcher): Promise<RobotsAnswer> {
    const cached = await policy.cached(url);
    if (cached !== null) return cached;
    if (!(await policy.claim(url))) return waitForRobots();
    return fetchRobots(policy, fetcher);
  }

  const access: HostAccess = {
    async fetch(request) {
      const answer = robots ? await robotsAnswer(robots.policy, robots.fetcher) : null;
      if (answer !== null) throwUnlessAllowed(answer, url, host, metrics);
      await acquire(ticket, answer?.crawlDelayMs);
      return underLease(ticket, answer?.crawlDelayMs, request);
    },
  };
  return access;
}
