import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { QueueSet, StatusStore } from '@khabar/contracts';
import { PermanentError, RetryLaterError } from '@khabar/errors';
import type { Redis } from 'ioredis';
import { createStageWorker, type StageHandler, type StageWorker, type StageWorkerOptions } from '../src/index.ts';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';

const logger = pino({ level: 'silent' });
const id = 'aa'.repeat(16);
const fetchJob = { v: 1 as const, id, url: 'https://example.com/a', submittedUrl: 'https://example.com/a', submittedAt: new Date().toISOString() };
const fetchMeta = { finalUrl: 'https://example.com/a', status: 200, contentType: 'text/html', headerCharset: 'utf-8', bytes: 10, fetchedAt: new Date().toISOString(), redirects: 0, archiveKey: 'k' };

let cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

async function setup(
  handler: StageHandler<'fetch'>,
  retention?: StageWorkerOptions<'fetch'>['retention'],
  activeStatusDelayMs?: number,
): Promise<{ redis: Redis; prefix: string; queues: QueueSet; stage: StageWorker; status: StatusStore }> {
  const redis = testRedis();
  const prefix = uniquePrefix('kit');
  const queues = new QueueSet({ connection: redis, prefix });
  const stage = createStageWorker({
    queue: 'fetch',
    connection: testRedis(),
    prefix,
    logger,
    handler,
    concurrency: 2,
    ...(retention ? { retention } : {}),
    ...(activeStatusDelayMs !== undefined ? { activeStatusDelayMs } : {}),
  });
  cleanup.push(async () => {
    await stage.close(2000);
    await queues.close();
    await deletePrefix(redis, prefix);
    await redis.quit();
  });
  return { redis, prefix, queues, stage, status: new StatusStore(redis, prefix) };
}

async function until<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

describe('createStageWorker', () => {
  it('hands off to the next queue under the same id and keeps the status current', async () => {
    const { queues, status } = await setup(async (job) => ({ kind: 'handoff', data: { ...job, fetch: fetchMeta } }));
    await status.create(id, fetchJob.url);
    await queues.enqueue('fetch', fetchJob);
    const next = await until(() => queues.get('parse').getJob(id));
    expect(next.data.fetch.archiveKey).toBe('k');
    expect((await status.get(id))?.stage).toBe('parse');
  });

  it('fails a permanent error at once with its code, visible in status', async () => {
    let calls = 0;
    const { queues, status } = await setup(async () => {
      calls += 1;
      throw new PermanentError('KHABAR_E_FETCH_HTTP_4XX', 'HTTP 404');
    });
    await status.create(id, fetchJob.url);
    await queues.enqueue('fetch', fetchJob);
    const job = await until(async () => {
      const j = await queues.get('fetch').getJob(id);
      // Re-read once failed: the first read may predate failedReason (the job was still active).
      return j && (await j.isFailed()) ? await queues.get('fetch').getJob(id) : undefined;
    });
    expect(job.failedReason).toBe('KHABAR_E_FETCH_HTTP_4XX: HTTP 404');
    expect(calls).toBe(1);
    expect((await status.get(id))?.error).toEqual({ code: 'KHABAR_E_FETCH_HTTP_4XX', reason: 'HTTP 404' });
  });

  it('retries transient errors with the Retry-After delay, then succeeds; while it waits the record says queued with the attempt spent', async () => {
    let calls = 0;
    let seenBySecondAttempt: Awaited<ReturnType<StatusStore['get']>> = null;
    const { queues, status } = await setup(async (job) => {
      calls += 1;
      if (calls === 1) throw new RetryLaterError('KHABAR_E_FETCH_RATE_LIMITED', 'HTTP 429', { retryAfterMs: 300 });
      seenBySecondAttempt = await status.get(id);
      return { kind: 'handoff', data: { ...job, fetch: fetchMeta } };
    });
    await status.create(id, fetchJob.url);
    await queues.get('fetch').add('fetch', fetchJob, { jobId: id, attempts: 3, backoff: { type: 'khabar', delay: 60_000 } });
    await until(() => queues.get('parse').getJob(id));
    expect(calls).toBe(2);
    expect(seenBySecondAttempt).toMatchObject({ state: 'queued', stage: 'fetch', attempts: 1 });
  });

  it('shows the active state only once a job has run for activeStatusDelayMs (one command less per hop for fast jobs)', async () => {
    const seen: Array<string | undefined> = [];
    const { queues, status } = await setup(async (job) => {
      seen.push((await status.get(id))?.state);
      await new Promise((r) => setTimeout(r, 400));
      seen.push((await status.get(id))?.state);
      return { kind: 'handoff', data: { ...job, fetch: fetchMeta } };
    }, undefined, 150);
    await status.create(id, fetchJob.url);
    await queues.enqueue('fetch', fetchJob);
    await until(() => queues.get('parse').getJob(id));
    expect(seen).toEqual(['queued', 'fetching']);
    expect(await status.get(id)).toMatchObject({ state: 'queued', stage: 'parse', attempts: 0 });
  });

  it('writes the active state as the job starts with activeStatusDelayMs 0', async () => {
    const seen: Array<string | undefined> = [];
    const { queues, status } = await setup(async (job) => {
      seen.push((await status.get(id))?.state);
      return { kind: 'handoff', data: { ...job, fetch: fetchMeta } };
    }, undefined, 0);
    await status.create(id, fetchJob.url);
    await queues.enqueue('fetch', fetchJob);
    await until(() => queues.get('parse').getJob(id));
    expect(seen).toEqual(['fetching']);
  });

  it('fails a payload that breaks the contract with the zod issues, without calling the handler', async () => {
    let calls = 0;
    const { queues } = await setup(async () => {
      calls += 1;
      throw new Error('unreachable');
    });
    await queues.get('fetch').add('fetch', { v: 1, id, url: 'not a url' }, { jobId: id, attempts: 5 });
    const job = await until(async () => {
      const j = await queues.get('fetch').getJob(id);
      // Re-read once failed: the first read may predate failedReason (the job was still active).
      return j && (await j.isFailed()) ? await queues.get('fetch').getJob(id) : undefined;
    });
    expect(job.failedReason).toMatch(/^KHABAR_E_CONTRACT: payload for queue "fetch" is invalid: .*url/);
    expect(job.failedReason).toContain('submittedAt');
    expect(job.attemptsMade).toBe(1);
    expect(calls).toBe(0);
  });
});

describe('createStageWorker with a handler that defers its job', () => {
  it('lets BullMQ move it to delayed without spending an attempt or failing it', async () => {
    const { DelayedError } = await import('bullmq');
    let calls = 0;
    const { queues } = await setup(async (job, { job: bullJob }) => {
      calls += 1;
      if (calls === 1) {
        await bullJob.moveToDelayed(Date.now() + 200, bullJob.token);
        throw new DelayedError('waiting for host');
      }
      return { kind: 'handoff', data: { ...job, fetch: fetchMeta } };
    });
    await queues.get('fetch').add('fetch', fetchJob, { jobId: id, attempts: 1 });
    await until(() => queues.get('parse').getJob(id));
    expect(calls).toBe(2);
    const job = await queues.get('fetch').getJob(id);
    expect(job?.failedReason ?? '').toBe('');
  });
});

describe('createStageWorker handing off a document that already went through the next stage', () => {
  it('leaves a pending downstream job alone, and replaces a finished one so replays propagate', async () => {
    const { Worker } = await import('bullmq');
    const { queues, status, prefix } = await setup(async (job) => ({ kind: 'handoff', data: { ...job, fetch: { ...fetchMeta, archiveKey: `k-${job.submittedAt}` } } }));
    const archiveKeyOfParse = async () => ((await queues.get('parse').getJob(id))?.data as { fetch?: { archiveKey?: string } } | undefined)?.fetch?.archiveKey;
    const fetchAgain = async (submittedAt: string) => {
      await (await queues.get('fetch').getJob(id))?.remove();
      await queues.enqueue('fetch', { ...fetchJob, submittedAt });
      await until(async () => (await queues.get('fetch').getJob(id))?.isCompleted());
    };
    await status.create(id, fetchJob.url);
    await fetchAgain('first');
    expect(await archiveKeyOfParse()).toBe('k-first');
    // Still waiting downstream: a second hand-off changes nothing.
    await fetchAgain('again');
    expect(await archiveKeyOfParse()).toBe('k-first');
    // Downstream finishes it; the next hand-off replaces it with the new input.
    const connection = testRedis();
    const parser = new Worker('parse', async () => 'parsed', { connection, prefix });
    await until(async () => (await queues.get('parse').getJob(id))?.isCompleted());
    await parser.close();
    await connection.quit();
    await fetchAgain('second');
    expect(await archiveKeyOfParse()).toBe('k-second');
    expect(await (await queues.get('parse').getJob(id))?.getState()).toBe('waiting');
    expect((await status.get(id))?.stage).toBe('parse');
  });
});

describe('createStageWorker retention', () => {
  it('trims finished jobs to the worker\'s retention (jobs themselves carry none), keeping every status record', async () => {
    const { queues, status, redis, prefix } = await setup(
      async (job) => {
        if (job.url.endsWith('/bad')) throw new PermanentError('KHABAR_E_FETCH_HTTP_4XX', 'HTTP 404');
        return { kind: 'done', state: 'skipped' };
      },
      { removeOnComplete: { count: 3 }, removeOnFail: { count: 2 } },
    );
    const ids = Array.from({ length: 12 }, (_, i) => i.toString(16).padStart(32, '0'));
    for (const [i, docId] of ids.entries()) {
      const url = `https://example.com/${i}${i % 3 === 0 ? '/bad' : ''}`;
      await status.create(docId, url);
      await queues.enqueue('fetch', { v: 1, id: docId, url, submittedAt: new Date().toISOString() });
    }
    await until(async () => {
      const states = await Promise.all(ids.map(async (docId) => (await status.get(docId))?.state));
      return states.every((s) => s === 'skipped' || s === 'failed');
    });
    await until(async () => (await queues.get('fetch').getJobCounts('active'))['active'] === 0);
    const counts = await queues.get('fetch').getJobCounts('completed', 'failed');
    expect(counts).toEqual({ completed: 3, failed: 2 });
    const left = (await Promise.all(ids.map((docId) => redis.exists(`${prefix}:fetch:${docId}`)))).filter((n) => n === 1);
    expect(left).toHaveLength(5);
    expect((await Promise.all(ids.map((docId) => status.get(docId)))).every((r) => r !== null)).toBe(true);
  });
});
