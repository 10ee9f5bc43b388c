import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';
import { createHostGate, type GateDecision } from '../src/index.ts';

let redis: Redis;
let prefix: string;

beforeEach(() => {
  redis = testRedis();
  prefix = uniquePrefix('gate');
});

afterEach(async () => {
  await deletePrefix(redis, prefix);
  await redis.quit();
});

function waitOf(d: GateDecision): number {
  if (d.granted) throw new Error('expected a wait, got a grant');
  return d.waitMs;
}

describe('host gate (real Redis)', () => {
  it('holds a host to its concurrency limit and frees the slot on release', async () => {
    const gate = createHostGate({ redis, prefix, settings: { maxConcurrency: 2, minDelayMs: 0 } });
    expect(await gate.acquire('a.example:80', 't1')).toEqual({ granted: true });
    await sleep(2);
    expect(await gate.acquire('a.example:80', 't2')).toEqual({ granted: true });
    await sleep(2);
    const third = await gate.acquire('a.example:80', 't3');
    expect(third).toMatchObject({ granted: false, reason: 'concurrency' });
    // Another host is not held up by the busy one (no head-of-line blocking).
    expect(await gate.acquire('b.example:80', 't3')).toEqual({ granted: true });
    expect((await gate.state('a.example:80')).inFlight).toBe(2);
    await gate.release('a.example:80', 't1', { latencyMs: 5, outcome: 'ok' });
    await sleep(waitOf(third) + 2);
    expect(await gate.acquire('a.example:80', 't3')).toEqual({ granted: true });
  });

  it('gives waiting tickets distinct start times spaced by the delay, and grants each at its time', async () => {
    const gate = createHostGate({ redis, prefix, settings: { maxConcurrency: 10, minDelayMs: 200 } });
    expect(await gate.acquire('h:80', 'a')).toEqual({ granted: true });
    expect(await gate.started('h:80', 'a')).toBe(true);
    const b = waitOf(await gate.acquire('h:80', 'b'));
    const c = waitOf(await gate.acquire('h:80', 'c'));
    expect(b).toBeGreaterThan(150);
    expect(b).toBeLessThanOrEqual(200);
    expect(c - b).toBeGreaterThanOrEqual(190);
    // Asking again early keeps the place in line (same start time, not a new one at the back).
    const bAgain = waitOf(await gate.acquire('h:80', 'b'));
    expect(bAgain).toBeLessThanOrEqual(b);
    await sleep(bAgain + 5);
    expect(await gate.acquire('h:80', 'b')).toEqual({ granted: true });
    expect(await gate.acquire('h:80', 'c')).toMatchObject({ granted: false, reason: 'delay' });
  });

  it('a grant is provisional until its request is on the wire; the next start is spaced from the send', async () => {
    const gate = createHostGate({ redis, prefix, settings: { maxConcurrency: 10, minDelayMs: 100 } });
    expect(await gate.acquire('h:80', 'a')).toEqual({ granted: true });
    // The fetcher of "a" stalls for 250 ms between grant and send (a busy process, a slow connect).
    await sleep(250);
    const held = await gate.acquire('h:80', 'b');
    expect(held).toMatchObject({ granted: false, reason: 'delay' });
    expect(waitOf(held)).toBeGreaterThanOrEqual(100);
    expect((await gate.state('h:80')).inFlight).toBe(1);
    const sentAt = performance.now();
    expect(await gate.started('h:80', 'a')).toBe(true);
    // Confirming twice is harmless; "b" now waits a full delay from the real send of "a".
    expect(await gate.started('h:80', 'a')).toBe(false);
    const wait = waitOf(await gate.acquire('h:80', 'b'));
    expect(wait).toBeLessThanOrEqual(100);
    await sleep(wait + 2);
    expect(await gate.acquire('h:80', 'b')).toEqual({ granted: true });
    expect(performance.now() - sentAt).toBeGreaterThanOrEqual(100);
  });

  it('a grant never confirmed holds the host for at most sendTimeoutMs, then counts as started then', async () => {
    const gate = createHostGate({ redis, prefix, settings: { maxConcurrency: 10, minDelayMs: 50, sendTimeoutMs: 200 } });
    const grantedAt = performance.now();
    expect(await gate.acquire('h:80', 'dies-before-sending')).toEqual({ granted: true });
    await sleep(150);
    expect(await gate.acquire('h:80', 'next')).toMatchObject({ granted: false });
    await sleep(100);
    // Past the send limit: the lost request counts as started at grant + 200 ms, so "next" still
    // keeps the delay from that moment (grant + 250 ms at the earliest).
    let decision = await gate.acquire('h:80', 'next');
    while (!decision.granted) {
      await sleep(decision.waitMs);
      decision = await gate.acquire('h:80', 'next');
    }
    expect(performance.now() - grantedAt).toBeGreaterThanOrEqual(248);
  });

  it('a request that failed before it was sent frees the host on release, spaced from the release', async () => {
    const gate = createHostGate({ redis, prefix, settings: { maxConcurrency: 10, minDelayMs: 100 } });
    expect(await gate.acquire('h:80', 'a')).toEqual({ granted: true });
    await sleep(150);
    const releasedAt = performance.now();
    await gate.release('h:80', 'a', { latencyMs: 150, outcome: 'error' });
    let d = await gate.acquire('h:80', 'b');
    expect(d.granted).toBe(false);
    while (!d.granted) {
      await sleep(d.waitMs);
      d = await gate.acquire('h:80', 'b');
    }
    expect(performance.now() - releasedAt).toBeGreaterThanOrEqual(100);
  });

  it('a later request under the same lease (a redirect hop) moves the start the next one is spaced from', async () => {
    const gate = createHostGate({ redis, prefix, settings: { maxConcurrency: 10, minDelayMs: 100 } });
    expect(await gate.acquire('h:80', 'a')).toEqual({ granted: true });
    expect(await gate.started('h:80', 'a')).toBe(true);
    await sleep(60);
    // Without the second start "b" would be due ~40 ms from here; with it, 100 ms.
    const hopSent = performance.now();
    expect(await gate.started('h:80', 'a')).toBe(false);
    // A ticket without a lease cannot move the host's clock.
    expect(await gate.started('h:80', 'stranger')).toBe(false);
    let d = await gate.acquire('h:80', 'b');
    while (!d.granted) {
      await sleep(d.waitMs);
      d = await gate.acquire('h:80', 'b');
    }
    expect(performance.now() - hopSent).toBeGreaterThanOrEqual(100);
  });

  it('a redirect hop under a lease takes the next opening ahead of waiting tickets, and keeps the delay', async () => {
    const gate = createHostGate({ redis, prefix, settings: { maxConcurrency: 10, minDelayMs: 150 } });
    expect(await gate.acquire('h:80', 'a')).toEqual({ granted: true });
    const firstSent = performance.now();
    expect(await gate.started('h:80', 'a')).toBe(true);
    const waiting = waitOf(await gate.acquire('h:80', 'b'));
    // "a" got a redirect back to the host: it must wait out the delay too, but ahead of "b".
    const hopWait = await gate.hop('h:80', 'a');
    expect(hopWait).toBeGreaterThan(0);
    await sleep(Math.max(waiting, hopWait) + 5);
    expect(await gate.acquire('h:80', 'b')).toMatchObject({ granted: false, reason: 'delay' });
    expect(await gate.hop('h:80', 'a')).toBe(0);
    expect(performance.now() - firstSent).toBeGreaterThanOrEqual(150);
    const hopSent = performance.now();
    expect(await gate.started('h:80', 'a')).toBe(true);
    let d = await gate.acquire('h:80', 'b');
    while (!d.granted) {
      await sleep(d.waitMs);
      d = await gate.acquire('h:80', 'b');
    }
    expect(performance.now() - hopSent).toBeGreaterThanOrEqual(150);
  });

  it('raises the delay for a robots.txt Crawl-delay', async () => {
    const gate = createHostGate({ redis, prefix, settings: { minDelayMs: 10 } });
    expect(await gate.acquire('h:80', 'a', { minDelayMs: 5_000 })).toEqual({ granted: true });
    expect(waitOf(await gate.acquire('h:80', 'b', { minDelayMs: 5_000 }))).toBeGreaterThan(4_000);
  });

  it('adapts the delay to the host latency (AutoThrottle) and doubles it on 429', async () => {
    const gate = createHostGate({ redis, prefix, settings: { minDelayMs: 100, maxDelayMs: 5_000, targetConcurrency: 1 } });
    await gate.acquire('h:80', 'a');
    const slow = await gate.release('h:80', 'a', { latencyMs: 1_100, outcome: 'ok' });
    expect(slow.delayMs).toBe(600);
    const throttled = await gate.release('h:80', 'a', { latencyMs: 10, outcome: 'throttled' });
    expect(throttled.delayMs).toBe(1_200);
    // An error never lowers the delay, however fast it came back.
    expect((await gate.release('h:80', 'a', { latencyMs: 1, outcome: 'error' })).delayMs).toBe(1_200);
    expect((await gate.release('h:80', 'a', { latencyMs: 0, outcome: 'ok' })).delayMs).toBe(600);
  });

  it('opens the circuit after N consecutive failures: the host waits, then gets one probe', async () => {
    const gate = createHostGate({ redis, prefix, settings: { minDelayMs: 0, failureThreshold: 3, coolDownMs: 300 } });
    for (let i = 0; i < 2; i++) expect((await gate.release('h:80', 'x', { latencyMs: 1, outcome: 'error' })).openedForMs).toBe(0);
    // A success in between resets the count.
    await gate.release('h:80', 'x', { latencyMs: 1, outcome: 'ok' });
    for (let i = 0; i < 2; i++) await gate.release('h:80', 'x', { latencyMs: 1, outcome: 'error' });
    const opened = await gate.release('h:80', 'x', { latencyMs: 1, outcome: 'error' });
    expect(opened.openedForMs).toBe(300);
    const blocked = await gate.acquire('h:80', 'y');
    expect(blocked).toMatchObject({ granted: false, reason: 'circuit' });
    expect((await gate.state('h:80')).openForMs).toBeGreaterThan(0);
    await sleep(waitOf(blocked) + 5);
    expect(await gate.acquire('h:80', 'y')).toEqual({ granted: true });
    // Half-open: one more failure re-opens at once, for twice as long.
    expect((await gate.release('h:80', 'y', { latencyMs: 1, outcome: 'error' })).openedForMs).toBe(600);
  });

  it('drops the lease of a fetcher that died mid-request once it expires', async () => {
    const gate = createHostGate({ redis, prefix, settings: { maxConcurrency: 1, minDelayMs: 0, leaseMs: 150 } });
    expect(await gate.acquire('h:80', 'dead')).toEqual({ granted: true });
    const wait = await gate.acquire('h:80', 'next');
    expect(wait).toMatchObject({ granted: false, reason: 'concurrency' });
    await sleep(200);
    expect(await gate.acquire('h:80', 'next')).toEqual({ granted: true });
  });
});
