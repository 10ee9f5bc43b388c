import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { QueueSet, StatusStore, submitUrls } from '@khabar/contracts';
import { createFileArchive } from '@khabar/archive';
import { createFetchClient } from '@khabar/fetch';
import { createFetchMetrics, createHostGate, createRobotsPolicy, hostKeyOf, type HostGateSettings } from '@khabar/politeness';
import { createLogger, createStageWorker } from '@khabar/worker-kit';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';
import { waitFor } from '../../../test/support/wait.ts';
import { createFetchHandler } from '../src/handler.ts';
import { ROBOTS_CONTENT_TYPES, robotsFetcherFor } from '../src/robots-fetcher.ts';
import { startSite, type Reply, type Site } from './helpers/site.ts';

/**
 * Redirects that leave the host: two sites on two loopback addresses (two politeness hosts, both
 * allow-listed), a canary on 127.0.0.2 that is not. A hop to the other host is not followed
 * under the first host's lease: the job is re-routed through that host's robots.txt and gate.
 */
const logger = createLogger({ service: 'fetcher-test', level: 'silent' });
let cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

type Route = (path: string, nth: number) => Reply;

interface Harness {
  readonly a: Site;
  readonly b: Site;
  readonly canary: Site;
  readonly redis: Redis;
  readonly queues: QueueSet;
  readonly status: StatusStore;
  readonly registry: Registry;
  submit(path: string): Promise<string>;
  failure(id: string): Promise<{ code: string; attempts: number }>;
}

const redirect = (location: string): Reply => ({ status: 302, headers: { location } });
const robotsTxt = (body: string): Reply => ({ headers: { 'content-type': 'text/plain' }, body });
const NO_ROBOTS: Reply = { status: 404, body: 'no robots here' };

/** `routeA` / `routeB` get the other site's origin (the sites are started before routing). */
async function harness(
  routeA: (b: string, canary: string) => Route,
  routeB: (a: string) => Route,
  options: { gate?: Partial<HostGateSettings>; maxRedirects?: number } = {},
): Promise<Harness> {
  const origins = { a: '', b: '', canary: '' };
  const a = await startSite((path, _req, nth) => routeA(origins.b, origins.canary)(path, nth), '127.0.0.1');
  const b = await startSite((path, _req, nth) => routeB(origins.a)(path, nth), '127.0.0.4');
  const canary = await startSite(() => ({}), '127.0.0.2');
  Object.assign(origins, { a: a.origin, b: b.origin, canary: canary.origin });
  const redis = testRedis();
  const prefix = uniquePrefix('fetcher-xhost');
  const dir = await mkdtemp(join(tmpdir(), 'khabar-fetcher-'));
  const queues = new QueueSet({ connection: redis, prefix });
  const status = new StatusStore(redis, prefix);
  const userAgent = 'KhabarBot/0.1 (+https://github.com/khabar-news/khabar)';
  const allowHosts = [a.hostPort, b.hostPort];
  const allowedPorts = [80, 443, Number(canary.hostPort.split(':')[1])];
  const client = createFetchClient({ userAgent, allowHosts, allowedPorts, ...(options.maxRedirects === undefined ? {} : { maxRedirects: options.maxRedirects }) });
  const robotsClient = createFetchClient({ userAgent, allowHosts, allowedPorts, allowedContentTypes: ROBOTS_CONTENT_TYPES });
  const registry = new Registry();
  const handler = createFetchHandler({
    client,
    archive: createFileArchive({ dir }),
    politeness: { gate: createHostGate({ redis, prefix, settings: { minDelayMs: 10, ...options.gate } }), inProcessWaitMs: 100 },
    robots: { policy: createRobotsPolicy({ redis, prefix, settings: { userAgent } }), fetcher: robotsFetcherFor(robotsClient) },
    metrics: createFetchMetrics(registry),
  });
  const stage = createStageWorker({ queue: 'fetch', connection: testRedis(), prefix, logger, handler, concurrency: 4 });
  cleanup.push(async () => {
    await stage.close(2_000);
    await Promise.all([client.close(), robotsClient.close(), queues.close(), a.close(), b.close(), canary.close()]);
    await deletePrefix(redis, prefix);
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    a,
    b,
    canary,
    redis,
    queues,
    status,
    registry,
    async submit(path) {
      const [r] = await submitUrls({ queues, status }, [{ url: `${a.origin}${path}`, submission: { source: 'test' } }]);
      if (!r) throw new Error('nothing submitted');
      return r.id;
    },
    async failure(id) {
      const s = await waitFor('job failed', async () => ((await status.get(id))?.state === 'failed' ? status.get(id) : null), 15_000, 50);
      return { code: s?.error?.code ?? '', attempts: s?.attempts ?? 0 };
    },
  };
}

const pagesOf = (site: Site): string[] => site.requests.map((r) => r.path).filter((p) => p !== '/robots.txt');

describe('fetcher: a redirect to another host goes through that host’s robots.txt and gate', () => {
  it('refuses a hop to a path the other host’s robots.txt disallows: permanent, the page never requested there', async () => {
    const h = await harness(
      (b) => (path) => (path === '/robots.txt' ? NO_ROBOTS : path === '/go' ? redirect(`${b}/private/story`) : {}),
      () => (path) => (path === '/robots.txt' ? robotsTxt('User-agent: *\nDisallow: /private/\n') : {}),
    );
    const id = await h.submit('/go');
    expect(await h.failure(id)).toEqual({ code: 'KHABAR_E_ROBOTS_DISALLOWED', attempts: 1 });
    expect(h.a.hits('/go')).toHaveLength(1);
    expect(h.b.hits('/robots.txt')).toHaveLength(1);
    expect(pagesOf(h.b)).toEqual([]);
    expect(await h.registry.getSingleMetricAsString('khabar_fetch_robots_denied_total')).toContain(`host="${hostKeyOf(h.b.origin)}"} 1`);
  });

  it('fetches an allowed page on the other host: the record shows the whole chain, the document keeps the submitted URL’s id', async () => {
    const h = await harness(
      (b) => (path) => (path === '/robots.txt' ? NO_ROBOTS : path === '/old' ? redirect('/moved') : path === '/moved' ? redirect(`${b}/new`) : {}),
      () => (path) => (path === '/robots.txt' ? robotsTxt('User-agent: *\nAllow: /\n') : {}),
    );
    const id = await h.submit('/old');
    const parse = await waitFor('page handed off', () => h.queues.get('parse').getJob(id), 15_000, 50);
    expect(parse.id).toBe(id);
    expect(parse.data.id).toBe(id);
    expect(parse.data.url).toBe(`${h.a.origin}/old`);
    expect(parse.data.fetch.finalUrl).toBe(`${h.b.origin}/new`);
    expect(parse.data.fetch.status).toBe(200);
    expect(parse.data.fetch.redirects).toBe(2);
    expect(parse.data).not.toHaveProperty('reroute');
    // The fetch job recorded where it went on, and the chain so far, before going there.
    const fetchJob = await h.queues.get('fetch').getJob(id);
    expect(fetchJob?.data.reroute).toEqual({ url: `${h.b.origin}/new`, redirects: [`${h.a.origin}/moved`, `${h.b.origin}/new`] });
    // B's robots.txt came before B's page.
    expect(h.b.requests.map((r) => r.path)).toEqual(['/robots.txt', '/new']);
    expect(pagesOf(h.a)).toEqual(['/old', '/moved']);
  });

  it('keeps the other host’s minimum delay when many URLs of one host redirect there (measured at its server)', async () => {
    // A is quick (10 ms between requests); B asks for 300 ms with Crawl-delay. Followed at once,
    // the hops would reach B about 10 ms apart.
    const h = await harness(
      (b) => (path) => (path === '/robots.txt' ? NO_ROBOTS : path.startsWith('/s/') ? redirect(`${b}/story/${path.slice(3)}`) : {}),
      () => (path) => (path === '/robots.txt' ? robotsTxt('User-agent: *\nCrawl-delay: 0.3\nAllow: /\n') : {}),
      { gate: { minDelayMs: 10, maxConcurrency: 4 } },
    );
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await h.submit(`/s/${i}`));
    for (const id of ids) await waitFor('page handed off', () => h.queues.get('parse').getJob(id), 30_000, 50);
    const seen = [...h.b.requests].sort((x, y) => x.start - y.start);
    expect(seen.map((r) => r.path).filter((p) => p.startsWith('/story/')).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `/story/${i}`));
    expect(seen[0]?.path).toBe('/robots.txt');
    // Each page at least the delay after the request before it (1 ms for the server's stamping).
    for (let i = 1; i < seen.length; i++) {
      const before = seen[i - 1];
      expect((seen[i]?.start ?? 0) - (before?.start ?? 0) + (before?.lateBy ?? 0), `${before?.path} -> ${seen[i]?.path}`).toBeGreaterThanOrEqual(299);
    }
    // Waiting for B cost no attempt.
    for (const id of ids) expect((await h.queues.get('fetch').getJob(id))?.attemptsMade ?? 0).toBeLessThanOrEqual(1);
  });

  it('stops a redirect loop that crosses hosts (loop detection carries over)', async () => {
    const h = await harness(
      (b) => (path) => (path === '/robots.txt' ? NO_ROBOTS : path === '/loop' ? redirect(`${b}/back`) : {}),
      (a) => (path) => (path === '/robots.txt' ? NO_ROBOTS : path === '/back' ? redirect(`${a}/loop`) : {}),
    );
    const id = await h.submit('/loop');
    expect(await h.failure(id)).toEqual({ code: 'KHABAR_E_FETCH_TOO_MANY_REDIRECTS', attempts: 1 });
    const job = await h.queues.get('fetch').getJob(id);
    expect(job?.failedReason).toMatch(/loop/);
    expect(pagesOf(h.a)).toEqual(['/loop']);
    expect(pagesOf(h.b)).toEqual(['/back']);
  });

  it('counts redirects across hosts against the limit', async () => {
    // a/1 → b/2 → a/3 → b/4 → a/5: the fourth hop is one too many with maxRedirects 3.
    const h = await harness(
      (b) => (path) => (path === '/robots.txt' ? NO_ROBOTS : path === '/1' ? redirect(`${b}/2`) : path === '/3' ? redirect(`${b}/4`) : {}),
      (a) => (path) => (path === '/robots.txt' ? NO_ROBOTS : path === '/2' ? redirect(`${a}/3`) : path === '/4' ? redirect(`${a}/5`) : {}),
      { maxRedirects: 3 },
    );
    const id = await h.submit('/1');
    expect(await h.failure(id)).toEqual({ code: 'KHABAR_E_FETCH_TOO_MANY_REDIRECTS', attempts: 1 });
    expect((await h.queues.get('fetch').getJob(id))?.failedReason).toMatch(/more than 3 redirects/);
    expect(pagesOf(h.a)).toEqual(['/1', '/3']);
    expect(pagesOf(h.b)).toEqual(['/2', '/4']);
  });

  it('refuses a hop to an address that is not allowed before anything is asked of it (SSRF guard on every hop)', async () => {
    const h = await harness(
      (_b, canary) => (path) => (path === '/robots.txt' ? NO_ROBOTS : path === '/out' ? redirect(`${canary}/internal`) : {}),
      () => () => ({}),
    );
    const id = await h.submit('/out');
    expect(await h.failure(id)).toEqual({ code: 'KHABAR_E_BLOCKED_ADDRESS', attempts: 1 });
    expect(h.canary.requests).toEqual([]);
  });
});
