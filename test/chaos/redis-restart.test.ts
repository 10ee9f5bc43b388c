import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFixtureSite } from '@khabar/fixture-site';
import { TestPipeline } from '../support/pipeline.ts';
import { freePort, waitFor } from '../support/wait.ts';
import { startRedisServer } from '../support/redis-server.ts';

/** Issue: "Restart Redis (AOF on) under load: workers reconnect without restart; every accepted URL ends indexed or in the failed list." */
describe('chaos: Redis restarts (AOF on) under load', () => {
  let site: Awaited<ReturnType<typeof startFixtureSite>>;
  let redisProc: ChildProcess;
  let port: number;
  let dir: string;
  let pipeline: TestPipeline;

  async function startRedis(): Promise<void> {
    redisProc = await startRedisServer(port, ['--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction']);
  }

  beforeAll(async () => {
    site = await startFixtureSite({ port: 0 });
    port = await freePort();
    dir = await mkdtemp(join(tmpdir(), 'khabar-redis-aof-'));
    await startRedis();
    pipeline = new TestPipeline({ label: 'rrestart', redisUrl: `redis://127.0.0.1:${port}`, elasticsearchUrl: inject('elasticsearchUrl'), allowHosts: [`127.0.0.1:${site.port}`] });
    await pipeline.start();
  });
  afterAll(async () => {
    await pipeline?.close();
    redisProc?.kill('SIGTERM');
    await site?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('workers reconnect by themselves and every accepted URL ends indexed or failed', async () => {
    const pages = site.pages.filter((p) => !p.expected.duplicateOf);
    const urls = Array.from({ length: 8 }, (_, copy) => pages.map((p) => `${site.urlFor(p.id)}?rr=${copy}`)).flat();
    const ids = await pipeline.submit(urls);
    const pids = pipeline.stack.running().map((p) => p.child.pid);
    await waitFor('some progress', async () => [...(await pipeline.states(ids)).values()].some((s) => s === 'indexed'), 60_000, 50);

    redisProc.kill('SIGTERM'); // shutdown: AOF is flushed; the workers lose their connections
    await new Promise<void>((resolve) => redisProc.once('exit', () => resolve()));
    await new Promise((r) => setTimeout(r, 3000));
    await startRedis();

    const states = await pipeline.settle(ids, 180_000).catch(async (err: unknown) => {
      // Say where each unsettled URL is stuck: its status record and its job in every queue.
      const lines: string[] = [];
      for (const [id, st] of await pipeline.states(ids)) {
        if (st === 'indexed' || st === 'failed') continue;
        const rec = await pipeline.status.get(id);
        const jobs: string[] = [];
        for (const q of ['fetch', 'parse', 'dedup', 'tag', 'index'] as const) {
          const job = await pipeline.queues().get(q).getJob(id);
          if (job) jobs.push(`${q}:${await job.getState()}:attempts=${job.attemptsMade}:delay=${job.delay}:${job.failedReason ?? ''}`);
        }
        lines.push(`${id} ${JSON.stringify(rec)} ${jobs.join(' ')}`);
      }
      throw new Error(`${String(err)}\nstuck:\n${lines.join('\n')}`);
    });
    const indexed = [...states].filter(([, s]) => s === 'indexed').map(([id]) => id);
    const failed = [...states].filter(([, s]) => s === 'failed');
    expect(indexed.length + failed.length).toBe(ids.length);
    const { total, missing } = await pipeline.documentCounts(indexed);
    expect(missing).toEqual([]);
    expect(total).toBe(indexed.length);
    console.log(`chaos redis-restart: ${ids.length} URLs in, ${total} documents out, ${failed.length} failed (visible), duplicates 0`);
    // No process was restarted: they reconnected on their own.
    expect(pipeline.stack.running().map((p) => p.child.pid).sort()).toEqual([...pids].sort());
  }, 300_000);
});
