import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { RETENTION } from '@khabar/contracts';
import { ProcWindow } from './proc-stats.ts';
import { deleteKeys, redisCpuMs } from './redis-info.ts';

/** Ceiling (c): queue hops only — five BullMQ worker processes passing a payload along. */
export interface NoopResult {
  readonly docs: number;
  readonly hops: number;
  readonly docsPerSec: number;
  /** Worker processes' CPU plus Redis CPU, per document through all hops. */
  readonly cpuMsPerDoc: number;
  readonly redisCpuMsPerDoc: number;
  readonly payloadBytes: number;
}

export interface NoopOptions {
  readonly redis: Redis;
  readonly redisUrl: string;
  readonly docs: number;
  readonly payload: Record<string, unknown>;
  readonly hops?: number;
  readonly concurrency?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runNoopPipeline(options: NoopOptions): Promise<NoopResult> {
  const hops = options.hops ?? 5;
  const prefix = `{bench-noop-${Date.now().toString(36)}}`;
  const children: ChildProcess[] = [];
  const script = join(import.meta.dirname, 'noop-worker.ts');
  for (let hop = 0; hop < hops; hop += 1) {
    const child = spawn(process.execPath, [script, options.redisUrl, prefix, String(hop), String(hops), String(options.concurrency ?? 4)], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
  }
  const first = new Queue('noop-0', { connection: options.redis, prefix, defaultJobOptions: { ...RETENTION } });
  try {
    await Promise.all(children.map(async (c) => {
      const [chunk] = (await once(c.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
      if (!chunk.toString().includes('ready')) throw new Error(`noop worker said ${chunk.toString()}`);
    }));
    const window = new ProcWindow();
    window.begin(children.map((c) => c.pid ?? 0));
    const redisStart = await redisCpuMs(options.redis);
    const start = performance.now();
    for (let i = 0; i < options.docs; i += 500) {
      const n = Math.min(500, options.docs - i);
      await first.addBulk(Array.from({ length: n }, (_, k) => ({ name: 'noop', data: { ...options.payload, id: `doc-${i + k}` }, opts: { jobId: `doc-${i + k}` } })));
    }
    const doneKey = `${prefix}:noop-${hops - 1}:completed`;
    const deadline = Date.now() + 600_000;
    while ((await options.redis.zcard(doneKey)) < options.docs) {
      if (Date.now() > deadline) throw new Error('no-op pipeline did not finish in 10 minutes');
      window.sample();
      await sleep(100);
    }
    const elapsed = performance.now() - start;
    window.sample();
    const redisMs = (await redisCpuMs(options.redis)) - redisStart;
    const workerMs = children.reduce((sum, c) => sum + window.cpuMsOf(c.pid ?? 0), 0);
    return {
      docs: options.docs,
      hops,
      docsPerSec: (options.docs * 1000) / elapsed,
      cpuMsPerDoc: (workerMs + redisMs) / options.docs,
      redisCpuMsPerDoc: redisMs / options.docs,
      payloadBytes: JSON.stringify(options.payload).length,
    };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? once(c, 'exit') : undefined)));
    await first.close();
    await deleteKeys(options.redis, prefix);
  }
}
