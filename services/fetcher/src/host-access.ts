import { setTimeout as sleep } from 'node:timers/promises';
import { PermanentError, RetryLaterError } from '@khabar/errors';
import type { FetchMetrics, HostGate, HostOutcome, RobotsAnswer, RobotsFetcher, RobotsPolicy } from '@khabar/politeness';
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
 * The way to a host for one job: robots.txt first (cached in Redis, shared), then a slot from the
 * host gate, then the request. The lease is always released with the request's latency and
 * outcome, which feed AutoThrottle and the circuit breaker.
 */
export interface HostAccess {
  /** Throws when robots.txt refuses the URL; waits (or defers the job) for a slot; runs `request`. */
  fetch<T>(request: () => Promise<Attempt<T>>): Promise<T>;
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

  async function acquire(minDelayMs: number | undefined): Promise<void> {
    if (!politeness) return;
    for (;;) {
      const d = await politeness.gate.acquire(host, ticket, minDelayMs === undefined ? {} : { minDelayMs });
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

  async function release(outcome: HostOutcome, latencyMs: number, minDelayMs: number | undefined): Promise<void> {
    if (!politeness) return;
    const r = await politeness.gate.release(host, ticket, { outcome, latencyMs, ...(minDelayMs === undefined ? {} : { minDelayMs }) });
    if (r.openedForMs > 0) {
      metrics?.circuit(host, true);
      ctx.log.warn({ host, consecutiveFailures: r.consecutiveFailures, openForMs: r.openedForMs }, 'host keeps failing: circuit opened');
    } else if (outcome === 'ok') {
      metrics?.circuit(host, false);
    }
  }

  /** Runs `request` under a lease already held, releasing it whatever happens. */
  async function underLease<T>(minDelayMs: number | undefined, request: () => Promise<Attempt<T>>): Promise<T> {
    let attempt: Attempt<T> | undefined;
    try {
      attempt = await request();
    } finally {
      await release(attempt?.outcome ?? 'none', attempt?.latencyMs ?? 0, minDelayMs);
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

  /** The origin's robots.txt verdict: cached, or fetched by whichever fetcher claims it first. */
  async function robotsAnswer(policy: RobotsPolicy, fetcher: RobotsFetcher): Promise<RobotsAnswer> {
    const cached = await policy.cached(url);
    if (cached !== null) return cached;
    if (!(await policy.claim(url))) return waitForRobots();
    return policy.refresh(url, fetcher);
  }

  const access: HostAccess = {
    async fetch(request) {
      // robots.txt is fetched outside the host gate: one small request per origin and day, made
      // by one fetcher at a time (the claim), which does not spend the host's delay on itself.
      const answer = robots ? await robotsAnswer(robots.policy, robots.fetcher) : null;
      if (answer !== null) throwUnlessAllowed(answer, url, host, metrics);
      await acquire(answer?.crawlDelayMs);
      return underLease(answer?.crawlDelayMs, request);
    },
  };
  return access;
}
