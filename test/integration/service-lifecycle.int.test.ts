import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Redis } from 'ioredis';
import { QueueSet, StatusStore, submitUrls } from '@khabar/contracts';
import { startFixtureSite } from '@khabar/fixture-site';
import { LocalStack } from '@khabar/stack';
import { deletePrefix, testRedis, uniquePrefix } from '../support/redis.ts';
import { freePort, waitFor } from '../support/wait.ts';

type Site = Awaited<ReturnType<typeof startFixtureSite>>;

describe('a stage process: health, metrics and graceful shutdown (real process, real signals)', () => {
  let site: Site;
  let redis: Redis;
  let dir: string;
  const prefix = uniquePrefix('life');

  beforeAll(async () => {
    site = await startFixtureSite({ port: 0 });
    redis = testRedis();
    dir = await mkdtemp(join(tmpdir(), 'khabar-life-'));
  });
  afterAll(async () => {
    await site.close();
    await deletePrefix(redis, prefix);
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  });

  async function startFetcher(httpPort: number): Promise<LocalStack> {
    const stack = new LocalStack({
      logDir: join(dir, `logs-${httpPort}`),
      services: ['fetcher'],
      env: {
        REDIS_URL: inject('redisUrl'),
        KHABAR_QUEUE_PREFIX: prefix,
        KHABAR_ARCHIVE_DIR: join(dir, 'archive'),
        KHABAR_FETCH_ALLOW_HOSTS: `127.0.0.1:${site.port}`,
        KHABAR_HTTP_PORT: String(httpPort),
        KHABAR_HTTP_HOST: '127.0.0.1',
        KHABAR_SHUTDOWN_TIMEOUT_MS: '10000',
        // robots.txt takes a turn at the host gate: with the default 1 s delay the page would be
        // deferred (not in flight) when SIGTERM comes. Politeness has its own tests.
        KHABAR_FETCH_HOST_DELAY_MS: '0',
      },
    });
    await stack.start();
    await waitFor('the fetcher to be ready', async () => (await fetch(`http://127.0.0.1:${httpPort}/readyz`)).ok, 30_000);
    return stack;
  }

  it('serves /healthz, /readyz and Prometheus /metrics', async () => {
    const port = await freePort();
    const stack = await startFetcher(port);
    try {
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: 'ok' });
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('khabar_jobs_total');
      expect(metrics).toContain('process_resident_memory_bytes');
      expect(metrics).toMatch(/khabar_queue_jobs\{[^}]*queue="fetch"[^}]*state="waiting"[^}]*\} \d+/);
      expect(metrics).toMatch(/khabar_queue_oldest_waiting_seconds\{[^}]*queue="fetch"[^}]*\} [\d.]+/);
    } finally {
      await stack.stop();
    }
  });

  it('on SIGTERM finishes the job in flight, then exits 0', async () => {
    const port = await freePort();
    const stack = await startFetcher(port);
    const queues = new QueueSet({ connection: redis, prefix });
    const status = new StatusStore(redis, prefix);
    const [item] = await submitUrls({ queues, status }, [{ url: `${site.url}/_slow?ms=2500`, submission: {} }]);
    await waitFor('the fetch to start', async () => (await status.get(item!.id))?.state === 'fetching', 15_000, 20);
    const [proc] = stack.running('fetcher');
    proc!.child.kill('SIGTERM');
    const code = await proc!.exited;
    expect(code).toBe(0);
    // The slow page was fetched and handed on before the process left.
    expect(await queues.get('parse').getJob(item!.id)).toBeDefined();
    expect((await status.get(item!.id))?.stage).toBe('parse');
    const log = await readFile(proc!.logFile, 'utf8');
    expect(log).toContain('in-flight jobs finished');
    expect(log).toContain('shutdown complete');
    await queues.close();
    await stack.stop();
  });

  it('a second signal forces the exit', async () => {
    const port = await freePort();
    const stack = await startFetcher(port);
    const queues = new QueueSet({ connection: redis, prefix });
    const status = new StatusStore(redis, prefix);
    const [item] = await submitUrls({ queues, status }, [{ url: `${site.url}/_slow?ms=20000`, submission: {} }]);
    await waitFor('the fetch to start', async () => (await status.get(item!.id))?.state === 'fetching', 15_000, 20);
    const [proc] = stack.running('fetcher');
    proc!.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    proc!.child.kill('SIGINT');
    expect(await proc!.exited).toBe(130);
    await queues.close();
    await stack.stop();
  });
});
