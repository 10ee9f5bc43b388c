import type { Cluster, Redis } from 'ioredis';
import { ACQUIRE_LUA, HOP_LUA, RELEASE_LUA, STARTED_LUA } from './gate-scripts.ts';
import { politenessKeys, type PolitenessKeys } from './keys.ts';

export interface HostGateSettings {
  /** Requests in flight per host, across every fetcher. Default 2. */
  readonly maxConcurrency: number;
  /** Smallest gap between two request starts on one host. Default 1 000 ms. */
  readonly minDelayMs: number;
  /** Largest delay AutoThrottle may reach. Default 60 000 ms. */
  readonly maxDelayMs: number;
  /** AutoThrottle's target: requests the host should be serving at once on average. Default 1. */
  readonly targetConcurrency: number;
  /** Consecutive failures that open the host's circuit. Default 5. */
  readonly failureThreshold: number;
  /** How long an open circuit keeps the host closed (doubles while it keeps failing). Default 60 000 ms. */
  readonly coolDownMs: number;
  /** A lease not released by then is dropped (a fetcher died mid-request). Default 120 000 ms. */
  readonly leaseMs: number;
  /** Idle host state (learned delay, failures) is forgotten after this. Default 24 h. */
  readonly stateTtlMs: number;
  /**
   * Longest time between a grant and the fetcher's `started` (connect + write). Until then no
   * other request on the host is granted; a grant never confirmed counts as started at the limit.
   * Default 15 000 ms. 0 turns confirmation off (the grant time counts as the start).
   */
  readonly sendTimeoutMs: number;
}

export const DEFAULT_GATE_SETTINGS: HostGateSettings = {
  maxConcurrency: 2,
  minDelayMs: 1_000,
  maxDelayMs: 60_000,
  targetConcurrency: 1,
  failureThreshold: 5,
  coolDownMs: 60_000,
  leaseMs: 120_000,
  stateTtlMs: 24 * 3_600_000,
  sendTimeoutMs: 15_000,
};

export type GateDecision =
  | { readonly granted: true }
  | { readonly granted: false; readonly waitMs: number; readonly reason: 'delay' | 'concurrency' | 'circuit' };

/** What the request's response says about the host. `none`: say nothing (e.g. a robots.txt miss). */
export type HostOutcome = 'ok' | 'error' | 'throttled' | 'none';

export interface ReleaseReport {
  readonly delayMs: number;
  readonly consecutiveFailures: number;
  /** > 0 when this release opened (or re-opened) the circuit, for that long. */
  readonly openedForMs: number;
}

export interface HostState {
  readonly delayMs: number | null;
  readonly consecutiveFailures: number;
  readonly openForMs: number;
  readonly inFlight: number;
  readonly waiting: number;
}

export interface HostGate {
  /**
   * Asks whether `ticket` (a job id) may start a request on `host` now. When not, the answer says
   * how long to wait; the ticket keeps its place, so asking again after that time succeeds unless
   * the host got busier. `minDelayMs` overrides the setting upwards (robots.txt Crawl-delay).
   */
  acquire(host: string, ticket: string, options?: { readonly minDelayMs?: number }): Promise<GateDecision>;
  /**
   * Tells the gate that the request of `ticket` was just written to the socket: the host's next
   * request is spaced from now, and other grants, held back until this, may follow. Call it for
   * every request sent under the lease (redirect hops too). Resolves to true when it confirmed a
   * pending grant.
   */
  started(host: string, ticket: string): Promise<boolean>;
  /**
   * For one more request under the ticket's lease (a redirect back to the same host): 0 when it
   * may be sent now (confirm it with `started`), else how long to wait before asking again. The
   * ticket claims the host's next opening meanwhile, ahead of waiting reservations.
   */
  hop(host: string, ticket: string, options?: { readonly minDelayMs?: number }): Promise<number>;
  /** Ends the request of `ticket`; feeds its latency and outcome to AutoThrottle and the circuit breaker. */
  release(host: string, ticket: string, report: { readonly latencyMs: number; readonly outcome: HostOutcome; readonly minDelayMs?: number }): Promise<ReleaseReport>;
  state(host: string): Promise<HostState>;
}

interface GateCommands {
  khabarGateAcquire(numKeys: number, ...args: (string | number)[]): Promise<[number, number]>;
  khabarGateRelease(numKeys: number, ...args: (string | number)[]): Promise<[number, number, number]>;
  khabarGateStarted(numKeys: number, ...args: (string | number)[]): Promise<number>;
  khabarGateHop(numKeys: number, ...args: (string | number)[]): Promise<number>;
}

const REASONS = { 0: 'delay', 2: 'concurrency', 3: 'circuit' } as const;

/**
 * Politeness shared by every fetcher process: the state lives in Redis and each decision is one
 * atomic Lua call, so eight fetchers on four machines behave like one polite client.
 */
export function createHostGate(options: { readonly redis: Redis | Cluster; readonly prefix: string; readonly settings?: Partial<HostGateSettings> }): HostGate {
  const s: HostGateSettings = { ...DEFAULT_GATE_SETTINGS, ...options.settings };
  const keys: PolitenessKeys = politenessKeys(options.prefix);
  const redis = options.redis;
  const commands = redis as unknown as Partial<GateCommands>;
  if (typeof commands.khabarGateAcquire !== 'function') redis.defineCommand('khabarGateAcquire', { lua: ACQUIRE_LUA });
  if (typeof commands.khabarGateRelease !== 'function') redis.defineCommand('khabarGateRelease', { lua: RELEASE_LUA });
  if (typeof commands.khabarGateStarted !== 'function') redis.defineCommand('khabarGateStarted', { lua: STARTED_LUA });
  if (typeof commands.khabarGateHop !== 'function') redis.defineCommand('khabarGateHop', { lua: HOP_LUA });
  const cmd = redis as unknown as GateCommands;
  const minDelay = (override?: number): number => Math.max(s.minDelayMs, Math.round(override ?? 0));

  return {
    async acquire(host, ticket, opts = {}) {
      const [code, wait] = await cmd.khabarGateAcquire(3, keys.host(host), keys.leases(host), keys.reservations(host), ticket, s.maxConcurrency, minDelay(opts.minDelayMs), s.leaseMs, s.stateTtlMs, s.sendTimeoutMs);
      if (code === 1) return { granted: true };
      return { granted: false, waitMs: Math.max(1, wait), reason: REASONS[code as 0 | 2 | 3] ?? 'delay' };
    },
    async started(host, ticket) {
      return (await cmd.khabarGateStarted(2, keys.host(host), keys.leases(host), ticket, s.stateTtlMs)) === 1;
    },
    async hop(host, ticket, opts = {}) {
      return cmd.khabarGateHop(2, keys.host(host), keys.leases(host), ticket, minDelay(opts.minDelayMs), s.sendTimeoutMs, s.stateTtlMs);
    },
    async release(host, ticket, report) {
      const [delayMs, consecutiveFailures, openedForMs] = await cmd.khabarGateRelease(
        2,
        keys.host(host),
        keys.leases(host),
        ticket,
        Math.max(0, Math.round(report.latencyMs)),
        report.outcome,
        minDelay(report.minDelayMs),
        Math.max(s.maxDelayMs, minDelay(report.minDelayMs)),
        s.targetConcurrency,
        s.failureThreshold,
        s.coolDownMs,
        s.stateTtlMs,
      );
      return { delayMs, consecutiveFailures, openedForMs };
    },
    async state(host) {
      const [[, h], [, inFlight], [, waiting], [, time]] = (await redis
        .multi()
        .hmget(keys.host(host), 'delay', 'fails', 'openUntil')
        .zcard(keys.leases(host))
        .zcard(keys.reservations(host))
        .time()
        .exec()) as [[null, (string | null)[]], [null, number], [null, number], [null, [string, string]]];
      const now = Number(time[0]) * 1000 + Math.floor(Number(time[1]) / 1000);
      const openUntil = Number(h[2] ?? 0);
      return {
        delayMs: h[0] === null || h[0] === undefined ? null : Number(h[0]),
        consecutiveFailures: Number(h[1] ?? 0),
        openForMs: Math.max(0, openUntil - now),
        inFlight,
        waiting,
      };
    },
  };
}
