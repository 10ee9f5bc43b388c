import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueSet, StatusStore, submitUrls } from '@khabar/contracts';
import { WORKER_NODE_FLAGS } from '@khabar/worker-kit';
import { startRedisServer } from '../support/redis-server.ts';
import { freePort, waitFor } from '../support/wait.ts';

/**
 * Issue: "Load: 100,000 URLs enqueued: Redis memory per queued URL measured and bounded; completed
 * jobs trimmed; no unbounded growth in any process (heap sampled over the run)."
 *
 * Its own redis-server (so INFO memory counts only this test), started with the settings Khabar's
 * Redis runs with (infra/redis/start.sh). URLs are registered through submitUrls in batches of
 * 1,000, exactly as POST /v1/urls does; two fetch-stage worker processes (load-worker.ts: the real
 * stage worker, a minimal fetch; started with WORKER_NODE_FLAGS like every stage) drain them from a local server answering a small non-HTML body
 * (1.5 % answer 404 and fail for good), with a retention of 1,000 finished jobs each way.
 */
const URLS = 100_000;
const BATCH = 1_000;
const WORKERS = 2;
const CONCURRENCY = 32;
const KEEP_COMPLETED = 1_000;
const KEEP_FAILED = 1_000;
/** Khabar's Redis settings (infra/redis/start.sh) that decide how compactly small hashes are stored. */
const REDIS_SETTINGS = ['--maxmemory-policy', 'noeviction', '--hash-max-listpack-entries', '512', '--hash-max-listpack-value', '1024'];
/** Bound asserted on Redis memory per queued URL (issue 9 target: ≤ 1 KB). */
const MAX_BYTES_PER_QUEUED_URL = 1024;

const gone = (i: number) => i % 200 < 3;

interface Sample {
  readonly at: number;
  readonly heapUsed: number;
  readonly rss: number;
  readonly completed: number;
  readonly failed: number;
}

function metric(text: string, name: string, labels = ''): number {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (labels && !line.includes(labels)) continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

/** The p-th percentile (nearest rank); p = 25 of heap samples is the floor between collections. */
function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[Math.min(s.length - 1, Math.floor(((s.length - 1) * p) / 100))] ?? Number.NaN);
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

describe('chaos: 100,000 URLs through intake and the queue layer', () => {
  let redisProc: ChildProcess;
  let redis: Redis;
  let redisUrl: string;
  let site: Server;
  let sitePort: number;
  const workers: ChildProcess[] = [];
  const prefix = '{load}';

  beforeAll(async () => {
    const port = await freePort();
    redisUrl = `redis://127.0.0.1:${port}`;
    redisProc = await startRedisServer(port, REDIS_SETTINGS);
    redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    site = createServer((req, res) => {
      if ((req.url ?? '').includes('/gone/')) res.writeHead(404, { 'content-type': 'text/plain' }).end('gone');
      else res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 tiny');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    sitePort = (site.address() as AddressInfo).port;
  });

  afterAll(async () => {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => (w.exitCode === null ? once(w, 'exit') : undefined)));
    redis?.disconnect();
    redisProc?.kill('SIGTERM');
    await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
  });

  it('keeps Redis under 1 KB per queued URL, trims finished jobs to the retention, loses nothing, and heaps stay flat', async () => {
    const queues = new QueueSet({ connection: redis, prefix });
    const status = new StatusStore(redis, prefix);
    await queues.get('fetch').waitUntilReady();
    const usedMemory = async () => Number(/^used_memory:(\d+)/mu.exec(await redis.info('memory'))?.[1]);

    // 1. Intake: 100 requests' worth of 1,000 URLs each, no worker running.
    const memBefore = await usedMemory();
    const t0 = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < URLS; i += BATCH) {
      const items = Array.from({ length: BATCH }, (_, k) => {
        const n = i + k;
        const path = gone(n) ? `/gone/${n}` : `/news/2026/11/${String(1 + (n % 28)).padStart(2, '0')}/world/story-${n}-talks-resume-in-baku`;
        return { url: `http://127.0.0.1:${sitePort}${path}`, submission: { source: 'load-test' } };
      });
      const results = await submitUrls({ queues, status }, items);
      for (const r of results) {
        expect(r.outcome).toBe('accepted');
        ids.push(r.id);
      }
    }
    const intakeMs = Date.now() - t0;
    const memQueued = await usedMemory();
    const bytesPerQueuedUrl = (memQueued - memBefore) / URLS;
    const counts = await queues.get('fetch').getJobCounts('waiting', 'prioritized');
    expect((counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0)).toBe(URLS);
    console.log(`load: ${URLS} URLs in through submitUrls in ${(intakeMs / 1000).toFixed(1)} s; Redis ${mb(memQueued - memBefore)} = ${bytesPerQueuedUrl.toFixed(0)} bytes per queued URL (job + status record + queue entry)`);
    expect(bytesPerQueuedUrl).toBeLessThanOrEqual(MAX_BYTES_PER_QUEUED_URL);

    // 2. Drain with real worker processes; sample their heap and RSS from /metrics twice a second.
    const metricsPorts: number[] = [];
    for (let w = 0; w < WORKERS; w += 1) {
      const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, join(import.meta.dirname, 'load-worker.ts'), redisUrl, prefix, String(CONCURRENCY), String(KEEP_COMPLETED), String(KEEP_FAILED)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      workers.push(child);
      const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
      const m = /ready (\d+)/u.exec(chunk.toString());
      if (!m?.[1]) throw new Error(`load worker said: ${chunk.toString()}`);
      metricsPorts.push(Number(m[1]));
    }
    const samples: Sample[][] = metricsPorts.map(() => []);
    const drainStart = Date.now();
    const redisPeak = { used: memQueued };
    await waitFor(
      'every URL to finish',
      async () => {
        let finished = 0;
        for (const [w, port] of metricsPorts.entries()) {
          const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
          const s: Sample = {
            at: Date.now() - drainStart,
            heapUsed: metric(text, 'nodejs_heap_size_used_bytes'),
            rss: metric(text, 'process_resident_memory_bytes'),
            completed: metric(text, 'khabar_jobs_total', 'outcome="completed"'),
            failed: metric(text, 'khabar_jobs_total', 'outcome="failed"'),
          };
          samples[w]?.push(s);
          finished += s.completed + s.failed;
        }
        redisPeak.used = Math.max(redisPeak.used, await usedMemory());
        return finished >= URLS;
      },
      300_000,
      500,
    );
    const drainMs = Date.now() - drainStart;

    // 3. Nothing lost: every URL's status record says skipped (served) or failed (404).
    const states = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 5_000) {
      const pipe = redis.pipeline();
      for (const id of ids.slice(i, i + 5_000)) pipe.hget(status.key(id), 'state');
      for (const [, state] of (await pipe.exec()) ?? []) states.set(String(state), (states.get(String(state)) ?? 0) + 1);
    }
    const expectedFailed = Array.from({ length: URLS }, (_, n) => n).filter(gone).length;
    const lost = URLS - (states.get('skipped') ?? 0) - (states.get('failed') ?? 0);
    console.log(`load: drained in ${(drainMs / 1000).toFixed(1)} s by ${WORKERS} workers × ${CONCURRENCY}; URLs in ${URLS}, completed ${states.get('skipped') ?? 0}, failed ${states.get('failed') ?? 0}, lost ${lost}`);
    expect(states.get('failed') ?? 0).toBe(expectedFailed);
    expect(states.get('skipped') ?? 0).toBe(URLS - expectedFailed);
    expect(lost).toBe(0);

    // 4. Finished jobs trimmed to the retention; only the status records stay.
    const fetchQueue = queues.get('fetch');
    const after = await fetchQueue.getJobCounts('completed', 'failed', 'waiting', 'prioritized', 'active', 'delayed');
    let jobHashes = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:fetch:*`, 'COUNT', 5_000);
      cursor = next;
      jobHashes += keys.filter((k) => /:fetch:[0-9a-f]{32}$/u.test(k)).length;
    } while (cursor !== '0');
    const memDrained = await usedMemory();
    console.log(`load: after the drain ${JSON.stringify(after)}, ${jobHashes} job hashes left; Redis peak ${mb(redisPeak.used - memBefore)} over the baseline, now ${mb(memDrained - memBefore)} = ${((memDrained - memBefore) / URLS).toFixed(0)} bytes per known URL (status records)`);
    expect(after['completed']).toBe(KEEP_COMPLETED);
    expect(after['failed']).toBe(Math.min(KEEP_FAILED, expectedFailed));
    expect((after['waiting'] ?? 0) + (after['prioritized'] ?? 0) + (after['active'] ?? 0) + (after['delayed'] ?? 0)).toBe(0);
    expect(jobHashes).toBe(KEEP_COMPLETED + Math.min(KEEP_FAILED, expectedFailed));

    // 5. No unbounded growth: after warm-up (the first fifth of the run), the heap's floor (25th
    // percentile: what survives collections, whatever the phase of the saw-tooth) over the last
    // quarter is within 1.5× that of the first quarter, in every worker.
    for (const [w, series] of samples.entries()) {
      const steady = series.slice(Math.floor(series.length / 5));
      const quarter = Math.max(1, Math.floor(steady.length / 4));
      const first = percentile(steady.slice(0, quarter).map((s) => s.heapUsed), 25);
      const last = percentile(steady.slice(-quarter).map((s) => s.heapUsed), 25);
      const rssPeak = Math.max(...series.map((s) => s.rss));
      const trace = series.filter((_, i) => i % Math.max(1, Math.floor(series.length / 12)) === 0).map((s) => `${(s.at / 1000).toFixed(0)}s:${(s.heapUsed / 1_048_576).toFixed(0)}`);
      console.log(`load: worker ${w + 1} heap used (MB) ${trace.join(' ')}; heap floor (p25) first quarter ${mb(first)}, last quarter ${mb(last)} (${(last / first).toFixed(2)}×); peak RSS ${mb(rssPeak)}; ${series.length} samples`);
      expect(series.length).toBeGreaterThanOrEqual(16);
      expect(last).toBeLessThanOrEqual(first * 1.5);
    }
    await queues.close();
  }, 420_000);
});
