import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { QueueSet, StatusStore, submitUrls } from '@khabar/contracts';
import { createFileArchive } from '@khabar/archive';
import { createFetchClient } from '@khabar/fetch';
import { createFetchMetrics, createHostGate, createRobotsPolicy, createValidatorStore, hostKeyOf, type HostGate, type HostGateSettings, type ValidatorStore } from '@khabar/politeness';
import { createLogger, createStageWorker } from '@khabar/worker-kit';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';
import { waitFor } from '../../../test/support/wait.ts';
import { createFetchHandler } from '../src/handler.ts';
import { ROBOTS_CONTENT_TYPES, robotsFetcherFor } from '../src/robots-fetcher.ts';
import { startSite, type Reply, type Site } from './helpers/site.ts';

const logger = createLogger({ service: 'fetcher-test', level: 'silent' });
let cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

interface Harness {
  readonly site: Site;
  readonly redis: Redis;
  readonly queues: QueueSet;
  readonly status: StatusStore;
  readonly gate: HostGate;
  readonly registry: Registry;
  readonly validators: ValidatorStore;
  submit(path: string): Promise<string>;
  /** What the indexer does once Elasticsearch acknowledged the document. */
  markIndexed(id: string, fetch: { etag: string | null; lastModified: string | null; bodyHash?: string | null; fetchedAt: string }): Promise<void>;
}

async function harness(route: (path: string, nth: number) => Reply, gateSettings: Partial<HostGateSettings> = {}): Promise<Harness> {
  const site = await startSite((path, _req, nth) => route(path, nth));
  const redis = testRedis();
  const prefix = uniquePrefix('fetcher');
  const dir = await mkdtemp(join(tmpdir(), 'khabar-fetcher-'));
  const queues = new QueueSet({ connection: redis, prefix });
  const status = new StatusStore(redis, prefix);
  const userAgent = 'KhabarBot/0.1 (+https://github.com/khabar-news/khabar)';
  const client = createFetchClient({ userAgent, allowHosts: [site.hostPort] });
  const robotsClient = createFetchClient({ userAgent, allowHosts: [site.hostPort], allowedContentTypes: ROBOTS_CONTENT_TYPES });
  const gate = createHostGate({ redis, prefix, settings: { minDelayMs: 10, ...gateSettings } });
  const registry = new Registry();
  const validators = createValidatorStore({ redis, prefix });
  const handler = createFetchHandler({
    client,
    archive: createFileArchive({ dir }),
    politeness: { gate, inProcessWaitMs: 100 },
    robots: { policy: createRobotsPolicy({ redis, prefix, settings: { userAgent } }), fetcher: robotsFetcherFor(robotsClient) },
    validators,
    metrics: createFetchMetrics(registry),
  });
  const stage = createStageWorker({ queue: 'fetch', connection: testRedis(), prefix, logger, handler, concurrency: 4 });
  cleanup.push(async () => {
    await stage.close(2_000);
    await Promise.all([client.close(), robotsClient.close(), queues.close(), site.close()]);
    await deletePrefix(redis, prefix);
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    site,
    redis,
    queues,
    status,
    gate,
    registry,
    validators,
    async markIndexed(id, fetch) {
      await validators.set(id, { etag: fetch.etag, lastModified: fetch.lastModified, bodyHash: fetch.bodyHash ?? null, fetchedAt: fetch.fetchedAt });
    },
    async submit(path) {
      const [r] = await submitUrls({ queues, status }, [{ url: `${site.origin}${path}`, submission: { source: 'test' } }]);
      if (!r) throw new Error('nothing submitted');
      return r.id;
    },
  };
}

const NO_ROBOTS: Reply = { status: 404, body: 'no robots here' };

describe('fetcher handler on a real worker, against misbehaving local sites', () => {
  it('refuses URLs robots.txt disallows (permanent, never requested) and fetches the others', async () => {
    const h = await harness((path) => (path === '/robots.txt' ? { headers: { 'content-type': 'text/plain' }, body: 'User-agent: KhabarBot\nDisallow: /private/\n' } : {}));
    const denied = await h.submit('/private/a');
    const allowed = await h.submit('/public/b');
    const failed = await waitFor('robots refusal', async () => ((await h.status.get(denied))?.state === 'failed' ? h.status.get(denied) : null), 15_000, 50);
    expect(failed?.error?.code).toBe('KHABAR_E_ROBOTS_DISALLOWED');
    expect(failed?.attempts).toBe(1);
    await waitFor('allowed page handed off', () => h.queues.get('parse').getJob(allowed), 15_000, 50);
    expect(h.site.hits('/private/a')).toHaveLength(0);
    expect(h.site.hits('/robots.txt')).toHaveLength(1);
    expect(h.site.hits('/robots.txt')[0]?.headers['user-agent']).toMatch(/^KhabarBot\/.*\+https:/);
    expect(await h.registry.getSingleMetricAsString('khabar_fetch_robots_denied_total')).toContain(`host="${hostKeyOf(h.site.origin)}"} 1`);
  });

  it('treats a 5xx robots.txt as disallow-all for a while: pages wait (retryable), robots.txt is asked once', async () => {
    const h = await harness((path) => (path === '/robots.txt' ? { status: 503 } : {}));
    const ids = [await h.submit('/a'), await h.submit('/b'), await h.submit('/c')];
    for (const id of ids) {
      const job = await waitFor('retry scheduled', async () => {
        const j = await h.queues.get('fetch').getJob(id);
        return j && j.attemptsMade >= 1 ? j : null;
      }, 15_000, 50);
      expect(job.failedReason).toMatch(/^KHABAR_E_ROBOTS_UNAVAILABLE/);
      expect(await job.getState()).toBe('delayed');
    }
    expect(h.site.hits('/robots.txt')).toHaveLength(1);
    expect(h.site.requests.filter((r) => r.path !== '/robots.txt')).toHaveLength(0);
  });

  it('fetches robots.txt as a request to the host like any other: the pages after it keep the delay', async () => {
    const robots = { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nAllow: /\n' };
    const h = await harness((path) => (path === '/robots.txt' ? robots : {}), { minDelayMs: 300, maxConcurrency: 2 });
    const ids = [await h.submit('/one'), await h.submit('/two')];
    for (const id of ids) await waitFor('page handed off', () => h.queues.get('parse').getJob(id), 15_000, 50);
    const seen = [...h.site.requests].sort((a, b) => a.start - b.start);
    expect(seen.map((r) => r.path)[0]).toBe('/robots.txt');
    expect(seen).toHaveLength(3);
    // Each start at least the delay after the one before (1 ms for the server's own timestamping).
    for (let i = 1; i < seen.length; i++) {
      const before = seen[i - 1];
      expect((seen[i]?.start ?? 0) - (before?.start ?? 0) + (before?.lateBy ?? 0), `${before?.path} -> ${seen[i]?.path}`).toBeGreaterThanOrEqual(299);
    }
  });

  it('a redirect back to the same host waits for the host gate like any other request', async () => {
    const h = await harness((path) => (path === '/robots.txt' ? NO_ROBOTS : path === '/moved' ? { status: 301, headers: { location: '/here' } } : {}), { minDelayMs: 300 });
    const id = await h.submit('/moved');
    const parse = await waitFor('page handed off', () => h.queues.get('parse').getJob(id), 15_000, 50);
    expect(parse.data.fetch.redirects).toBe(1);
    const [moved] = h.site.hits('/moved');
    const [here] = h.site.hits('/here');
    expect((here?.start ?? 0) - (moved?.start ?? 0) + (moved?.lateBy ?? 0)).toBeGreaterThanOrEqual(299);
  });

  it('honours 429 Retry-After before asking again', async () => {
    const h = await harness((path, nth) => (path === '/robots.txt' ? NO_ROBOTS : nth === 1 ? { status: 429, headers: { 'retry-after': '1' } } : {}));
    const id = await h.submit('/busy');
    await waitFor('handed off after the 429', () => h.queues.get('parse').getJob(id), 20_000, 50);
    const [first, second] = h.site.hits('/busy');
    expect(first && second).toBeTruthy();
    expect((second?.start ?? 0) - (first?.start ?? 0)).toBeGreaterThanOrEqual(950);
    expect(await h.registry.getSingleMetricAsString('khabar_fetch_responses_total')).toContain('class="429"} 1');
  });

  it('opens the circuit on a 503 storm: the host is left alone, its URLs wait instead of failing', async () => {
    const h = await harness((path) => (path === '/robots.txt' ? NO_ROBOTS : { status: 503 }), { failureThreshold: 3, coolDownMs: 60_000, maxConcurrency: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await h.submit(`/storm/${i}`));
    const host = hostKeyOf(h.site.origin);
    await waitFor('circuit open', async () => (await h.gate.state(host)).openForMs > 0, 15_000, 50);
    await waitFor('every URL parked', async () => (await h.queues.get('fetch').getJobCounts('delayed'))['delayed'] === 8, 15_000, 50);
    const pages = () => h.site.requests.filter((r) => r.path !== '/robots.txt').length;
    const seen = pages();
    expect(seen).toBeGreaterThanOrEqual(3);
    expect(seen).toBeLessThanOrEqual(4); // the threshold, plus at most one already in flight
    await new Promise((r) => setTimeout(r, 1_500));
    expect(pages()).toBe(seen);
    expect((await h.queues.get('fetch').getJobCounts('failed'))['failed']).toBe(0);
    expect(await h.registry.getSingleMetricAsString('khabar_fetch_circuit_open')).toContain(`host="${host}"} 1`);
  });

  it('re-fetches a known URL conditionally: a 304 ends the job as indexed without re-processing', async () => {
    const h = await harness((path, nth) => {
      if (path === '/robots.txt') return NO_ROBOTS;
      return { headers: { etag: `"v1"`, 'last-modified': 'Sat, 28 Nov 2026 10:00:00 GMT' }, ...(nth > 1 ? { status: 304, body: '' } : {}) };
    });
    const id = await h.submit('/story');
    const parse = await waitFor('first fetch handed off', () => h.queues.get('parse').getJob(id), 15_000, 50);
    expect(parse.data.fetch.bodyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(parse.data.fetch.metaCharset).toBe('utf-8');
    await h.markIndexed(id, parse.data.fetch);
    // Re-submit: clear the old jobs the way the intake's re-crawl does.
    await parse.remove();
    await (await h.queues.get('fetch').getJob(id))?.remove();
    await h.queues.enqueue('fetch', { v: 1, id, url: `${h.site.origin}/story`, submittedUrl: `${h.site.origin}/story`, submittedAt: new Date().toISOString() });
    const done = await waitFor('second fetch done', async () => {
      const j = await h.queues.get('fetch').getJob(id);
      return j && (await j.isCompleted()) ? j : null;
    }, 15_000, 50);
    expect(done.returnvalue).toBe('indexed');
    const second = h.site.hits('/story')[1];
    expect(second?.headers['if-none-match']).toBe('"v1"');
    expect(second?.headers['if-modified-since']).toBe('Sat, 28 Nov 2026 10:00:00 GMT');
    expect(await h.queues.get('parse').getJob(id)).toBeUndefined();
    expect((await h.status.get(id))?.state).toBe('indexed');
  });

  it('does not re-process an unchanged body from a server that sends no validators', async () => {
    const h = await harness((path) => (path === '/robots.txt' ? NO_ROBOTS : { body: 'same bytes every time' }));
    const id = await h.submit('/plain');
    const parse = await waitFor('first fetch handed off', () => h.queues.get('parse').getJob(id), 15_000, 50);
    await h.markIndexed(id, parse.data.fetch);
    await parse.remove();
    await (await h.queues.get('fetch').getJob(id))?.remove();
    await h.queues.enqueue('fetch', { v: 1, id, url: `${h.site.origin}/plain`, submittedUrl: `${h.site.origin}/plain`, submittedAt: new Date().toISOString() });
    const done = await waitFor('second fetch done', async () => {
      const j = await h.queues.get('fetch').getJob(id);
      return j && (await j.isCompleted()) ? j : null;
    }, 15_000, 50);
    expect(done.returnvalue).toBe('indexed');
    expect(h.site.hits('/plain')).toHaveLength(2);
    expect(await h.queues.get('parse').getJob(id)).toBeUndefined();
  });

  it('re-processes a page whose earlier fetch never reached the index (a crash after the fetch is not "unchanged")', async () => {
    const h = await harness((path) => (path === '/robots.txt' ? NO_ROBOTS : { headers: { etag: '"same"' }, body: 'same bytes every time' }));
    const id = await h.submit('/crashed');
    const parse = await waitFor('first fetch handed off', () => h.queues.get('parse').getJob(id), 15_000, 50);
    // No markIndexed: the pipeline died before the indexer. The retry must go all the way again.
    await parse.remove();
    await (await h.queues.get('fetch').getJob(id))?.remove();
    await h.queues.enqueue('fetch', { v: 1, id, url: `${h.site.origin}/crashed`, submittedUrl: `${h.site.origin}/crashed`, submittedAt: new Date().toISOString() });
    const again = await waitFor('second fetch handed off', () => h.queues.get('parse').getJob(id), 15_000, 50);
    expect(again.data.fetch.bodyHash).toBe(parse.data.fetch.bodyHash);
    expect(h.site.hits('/crashed')[1]?.headers['if-none-match']).toBeUndefined();
  });
});
