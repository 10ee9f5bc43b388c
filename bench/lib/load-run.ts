import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { percentile } from './percentiles.ts';

/** What one load run (all at once, or open loop at a fixed rate) measured. */
export interface LoadRunResult {
  readonly submitted: number;
  readonly indexed: number;
  readonly states: Record<string, number>;
  /** Indexed documents per second, first submission → last document searchable. */
  readonly docsPerSec: number;
  /** Rate URLs were offered at (open loop), or null when all were submitted at once. */
  readonly offeredPerSec: number | null;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number; readonly max: number };
  readonly startedAt: number;
  readonly endedAt: number;
  /** Document ids of the URLs submitted, in order. */
  readonly ids: readonly string[];
}

export interface LoadContext {
  readonly apiUrl: string;
  readonly redis: Redis;
  /** Queue prefix: status records live at `<prefix>:url:<id>`. */
  readonly prefix: string;
  readonly queues: readonly Queue[];
  /** Called about once a second while waiting (sampling, progress lines). */
  readonly onTick?: () => void;
  readonly timeoutMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TERMINAL = new Set(['indexed', 'failed', 'skipped']);

/** POSTs URLs to the API (≤ 1,000 per request, as the API allows); returns their ids. */
export async function submitUrls(apiUrl: string, urls: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < urls.length; i += 1000) {
    const res = await fetch(`${apiUrl}/v1/urls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'bench', urls: urls.slice(i, i + 1000) }),
    });
    if (res.status !== 202) throw new Error(`POST /v1/urls answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { items: Array<{ id: string }> };
    ids.push(...body.items.map((item) => item.id));
  }
  return ids;
}

interface StatusRow {
  readonly state: string;
  readonly submittedAt: number;
  readonly updatedAt: number;
}

/** Status record times: epoch ms (current) or ISO (older records). */
function storedTime(value: string | null | undefined): number {
  if (value === null || value === undefined || value === '') return Number.NaN;
  return /^\d+$/u.test(value) ? Number(value) : Date.parse(value);
}

async function readStatuses(redis: Redis, prefix: string, ids: readonly string[]): Promise<StatusRow[]> {
  const rows: StatusRow[] = [];
  for (let i = 0; i < ids.length; i += 2000) {
    const pipe = redis.pipeline();
    for (const id of ids.slice(i, i + 2000)) pipe.hmget(`${prefix}:url:${id}`, 'state', 'submittedAt', 'updatedAt');
    for (const [err, value] of (await pipe.exec()) ?? []) {
      const [state, submittedAt, updatedAt] = (err ? [] : (value as Array<string | null>)) as Array<string | null | undefined>;
      rows.push({ state: state ?? 'missing', submittedAt: storedTime(submittedAt), updatedAt: storedTime(updatedAt) });
    }
  }
  return rows;
}

async function queuesIdle(queues: readonly Queue[]): Promise<boolean> {
  for (const q of queues) {
    const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    if (Object.values(counts).some((n) => n > 0)) return false;
  }
  return true;
}

/** Waits until every id is indexed, failed or skipped; returns the status rows. */
async function waitSettled(ctx: LoadContext, ids: readonly string[], submitting: () => boolean): Promise<StatusRow[]> {
  const deadline = Date.now() + ctx.timeoutMs;
  for (;;) {
    await sleep(1000);
    ctx.onTick?.();
    if (!submitting() && (await queuesIdle(ctx.queues))) {
      const rows = await readStatuses(ctx.redis, ctx.prefix, ids);
      if (rows.every((r) => TERMINAL.has(r.state))) return rows;
    }
    if (Date.now() > deadline) throw new Error(`the pipeline did not settle within ${ctx.timeoutMs / 1000} s`);
  }
}

function summarise(rows: readonly StatusRow[], ids: readonly string[], startedAt: number, offeredPerSec: number | null): LoadRunResult {
  const states: Record<string, number> = {};
  for (const r of rows) states[r.state] = (states[r.state] ?? 0) + 1;
  const indexed = rows.filter((r) => r.state === 'indexed' && Number.isFinite(r.updatedAt) && Number.isFinite(r.submittedAt));
  const latencies = indexed.map((r) => r.updatedAt - r.submittedAt);
  const endedAt = Math.max(startedAt + 1, ...indexed.map((r) => r.updatedAt));
  return {
    submitted: rows.length,
    indexed: indexed.length,
    states,
    docsPerSec: (indexed.length * 1000) / (endedAt - startedAt),
    offeredPerSec,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: percentile(latencies, 100) },
    startedAt,
    endedAt,
    ids,
  };
}

/** Full load: every URL submitted at once; the pipeline drains the backlog as fast as it can. */
export async function runFullLoad(ctx: LoadContext, urls: readonly string[]): Promise<LoadRunResult> {
  const startedAt = Date.now();
  let submitting = true;
  const submission = submitUrls(ctx.apiUrl, urls).finally(() => {
    submitting = false;
  });
  const ids = await submission;
  const rows = await waitSettled(ctx, ids, () => submitting);
  return summarise(rows, ids, startedAt, null);
}

/** Open loop: URLs offered at a fixed rate whatever the pipeline does (no coordinated omission). */
export async function runOpenLoop(ctx: LoadContext, urls: readonly string[], ratePerSec: number): Promise<LoadRunResult> {
  const startedAt = Date.now();
  const ids: string[] = [];
  let sent = 0;
  let submitting = true;
  const producer = (async () => {
    while (sent < urls.length) {
      const due = Math.min(urls.length, Math.floor(((Date.now() - startedAt) / 1000) * ratePerSec) + 1);
      if (due > sent) {
        ids.push(...(await submitUrls(ctx.apiUrl, urls.slice(sent, due))));
        sent = due;
      }
      await sleep(50);
    }
  })().finally(() => {
    submitting = false;
  });
  const rows = await waitSettled(ctx, ids, () => submitting);
  await producer;
  return summarise(rows, ids, startedAt, ratePerSec);
}

/** Per queue: jobs completed and the span between the first and last completion (BullMQ keeps finishedOn as the score). */
export async function stageWindows(redis: Redis, prefix: string, queues: readonly string[]): Promise<Record<string, { completed: number; spanMs: number }>> {
  const out: Record<string, { completed: number; spanMs: number }> = {};
  for (const q of queues) {
    const key = `${prefix}:${q}:completed`;
    const [first, last, completed] = await Promise.all([redis.zrange(key, '0', '0', 'WITHSCORES'), redis.zrange(key, '-1', '-1', 'WITHSCORES'), redis.zcard(key)]);
    out[q] = { completed, spanMs: Number(last[1] ?? 0) - Number(first[1] ?? 0) };
  }
  return out;
}
