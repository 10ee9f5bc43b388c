import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QueueSet, StatusStore, compactPayload, hasLinks, submitUrls, withoutLinks, type ArticleLinks } from '@khabar/contracts';
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
  const first = new Queue('noop-0', { connection: options.redis, prefix });
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

/** Ceiling (c) through Khabar's own stage worker: what the queue layer costs the real pipeline. */
export interface NoopStageOptions {
  readonly redis: Redis;
  readonly redisUrl: string;
  readonly docs: number;
  /** A typical in-process result: its article, cluster and entities are what the stages add. */
  readonly sample: { readonly url: string; readonly article: unknown; readonly cluster: { readonly clusterId?: string; readonly role: string; readonly similarity: number; readonly contentHash?: string; readonly size?: number; readonly sources?: readonly string[] }; readonly entities: unknown };
  readonly concurrency?: number;
  /** Stages whose process runs under `node --cpu-prof` (profiles written to `profileDir/<queue>`). */
  readonly profile?: readonly string[];
  readonly profileDir?: string;
  /** Extra node flags for every stage process (e.g. heap sizes). */
  readonly nodeArgs?: readonly string[];
  /** Extra environment for every stage process (e.g. WORKER_ENV). */
  readonly env?: Readonly<Record<string, string>>;
  /** Keep the link lists in the payloads instead of the side record (how the hops were before). */
  readonly linksInline?: boolean;
}

export interface NoopStageResult extends NoopResult {
  /** CPU ms per document of each stage process. */
  readonly stageCpuMsPerDoc: Readonly<Record<string, number>>;
  /** UTF-8 bytes of the payload each queue stores (compacted as QueueSet.enqueue stores it). */
  readonly payloadBytesByQueue: Readonly<Record<string, number>>;
  /** Peak RSS of each stage process, MB. */
  readonly peakRssMb: Readonly<Record<string, number>>;
}

const STAGE_QUEUES = ['fetch', 'parse', 'dedup', 'tag', 'index'] as const;

/**
 * The fields each stage adds to the payload, shaped as the real handlers shape them; `links` is
 * the side record the parse stage writes and the index stage reads and deletes (LinkStore).
 */
export function stageFields(sample: NoopStageOptions['sample'], linksInline = false): Record<string, Record<string, unknown>> {
  const now = new Date().toISOString();
  const c = sample.cluster;
  const article = sample.article as ArticleLinks & Record<string, unknown>;
  const links = { teasers: article.teasers ?? [], related: article.related ?? [], readMore: article.readMore ?? [] };
  const stored = !linksInline && hasLinks(links);
  return {
    links,
    parse: {
      fetch: {
        finalUrl: sample.url, status: 200, contentType: 'text/html; charset=utf-8', headerCharset: 'utf-8', bytes: 80_000, fetchedAt: now, redirects: 0,
        archiveKey: `ab/cd/${'0'.repeat(32)}-20261129T000000Z.gz`, etag: null, lastModified: null, metaCharset: 'utf-8', bodyHash: 'f'.repeat(64),
      },
    },
    dedup: stored ? { article: withoutLinks(article), parsedAt: now, parserVersion: 'noop', linksStored: true } : { article, parsedAt: now, parserVersion: 'noop' },
    tag: { cluster: { id: c.clusterId ?? '0'.repeat(32), role: c.role, similarity: c.similarity, contentHash: c.contentHash ?? 'f'.repeat(64), size: c.size ?? 1, sources: c.sources ?? [] } },
    index: { entities: sample.entities },
  };
}

export async function runNoopStagePipeline(options: NoopStageOptions): Promise<NoopStageResult> {
  const prefix = `{bench-noopst-${Date.now().toString(36)}}`;
  const dir = await mkdtemp(join(tmpdir(), 'khabar-noop-'));
  const fields = stageFields(options.sample, options.linksInline);
  const fieldsFile = join(dir, 'fields.json');
  await writeFile(fieldsFile, JSON.stringify(fields));
  const script = join(import.meta.dirname, 'noop-stage-worker.ts');
  const children = STAGE_QUEUES.map((q) => {
    const prof = options.profile?.includes(q) && options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', join(options.profileDir, q)] : [];
    return spawn(process.execPath, [...(options.nodeArgs ?? []), ...prof, script, options.redisUrl, prefix, q, String(options.concurrency ?? 4), fieldsFile], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...options.env } });
  });
  const queues = new QueueSet({ connection: options.redis, prefix });
  const status = new StatusStore(options.redis, prefix);
  try {
    await Promise.all(children.map(async (c) => {
      const [chunk] = (await once(c.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
      if (!chunk.toString().includes('ready')) throw new Error(`noop stage worker said ${chunk.toString()}`);
    }));
    const window = new ProcWindow();
    window.begin(children.map((c) => c.pid ?? 0));
    const redisStart = await redisCpuMs(options.redis);
    const start = performance.now();
    const base = new URL(options.sample.url);
    for (let i = 0; i < options.docs; i += 500) {
      const n = Math.min(500, options.docs - i);
      await submitUrls({ queues, status }, Array.from({ length: n }, (_, k) => ({ url: `${base.origin}/noop/${i + k}${base.pathname}`, submission: { source: 'bench' } })));
    }
    // Completed sets are trimmed (RETENTION); BullMQ's metrics keep the running count.
    const doneKey = `${prefix}:index:metrics:completed`;
    const deadline = Date.now() + 600_000;
    while (Number((await options.redis.hget(doneKey, 'count')) ?? 0) < options.docs) {
      if (Date.now() > deadline) throw new Error('no-op stage pipeline did not finish in 10 minutes');
      window.sample();
      await sleep(100);
    }
    const elapsed = performance.now() - start;
    window.sample();
    const redisMs = (await redisCpuMs(options.redis)) - redisStart;
    const stageCpuMsPerDoc = Object.fromEntries(STAGE_QUEUES.map((q, i) => [q, window.cpuMsOf(children[i]?.pid ?? 0) / options.docs]));
    const workerMs = Object.values(stageCpuMsPerDoc).reduce((a, b) => a + b, 0) * options.docs;
    const payload: { url: string } & Record<string, unknown> = { v: 1, id: '0'.repeat(32), url: options.sample.url, submittedAt: new Date().toISOString(), submission: { source: 'bench' } };
    const payloadBytesByQueue: Record<string, number> = {};
    for (const q of STAGE_QUEUES) {
      Object.assign(payload, fields[q] ?? {});
      payloadBytesByQueue[q] = Buffer.byteLength(JSON.stringify(compactPayload(payload)));
    }
    return {
      docs: options.docs,
      hops: STAGE_QUEUES.length,
      docsPerSec: (options.docs * 1000) / elapsed,
      cpuMsPerDoc: (workerMs + redisMs) / options.docs,
      redisCpuMsPerDoc: redisMs / options.docs,
      payloadBytes: payloadBytesByQueue['index'] ?? 0,
      stageCpuMsPerDoc,
      payloadBytesByQueue,
      peakRssMb: Object.fromEntries(STAGE_QUEUES.map((q, i) => [q, Math.round(window.peakRssOf(children[i]?.pid ?? 0) / 1_048_576)])),
    };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? once(c, 'exit') : undefined)));
    await queues.close();
    await deleteKeys(options.redis, prefix);
    await rm(dir, { recursive: true, force: true });
  }
}
