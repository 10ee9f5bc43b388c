import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Redis } from 'ioredis';
import { UnrecoverableError, Worker } from 'bullmq';
import { QueueSet } from '@khabar/contracts';
import { runCli } from '../support/cli.ts';
import { deletePrefix, testRedis, uniquePrefix } from '../support/redis.ts';

const prefix = uniquePrefix('cli');
let redis: Redis;
let env: Record<string, string>;

beforeAll(() => {
  redis = testRedis();
  env = { REDIS_URL: inject('redisUrl'), KHABAR_QUEUE_PREFIX: prefix };
});
afterAll(async () => {
  await deletePrefix(redis, prefix);
  await redis.quit();
});

describe('khabar CLI against real Redis', () => {
  it('enqueues URLs from arguments and stdin, and reports their status', async () => {
    const run = await runCli(['enqueue', 'https://example.com/cli/1?utm_source=x'], { env });
    expect(run.code, run.stderr).toBe(0);
    const [item] = JSON.parse(run.stdout) as Array<{ id: string; canonicalUrl: string; outcome: string }>;
    expect(item).toMatchObject({ canonicalUrl: 'https://example.com/cli/1', outcome: 'accepted' });

    const fromStdin = await runCli(['enqueue', '--source', 'stdin-test'], { env, input: 'https://example.com/cli/2\n# comment\nhttps://example.com/cli/1\n' });
    const items = JSON.parse(fromStdin.stdout) as Array<{ outcome: string }>;
    expect(items.map((i) => i.outcome)).toEqual(['accepted', 'known']);

    const status = await runCli(['status', item!.id], { env });
    expect(JSON.parse(status.stdout)).toMatchObject({ id: item!.id, state: 'queued', stage: 'fetch' });

    const depths = JSON.parse((await runCli(['status'], { env })).stdout) as Array<{ queue: string; counts: Record<string, number>; perMinute: { completed: number } }>;
    expect(depths.map((d) => d.queue)).toEqual(['fetch', 'parse', 'dedup', 'tag', 'index']);
    expect(depths[0]?.perMinute.completed).toBe(0);
    const fetchDepth = depths.find((d) => d.queue === 'fetch')!.counts;
    expect((fetchDepth['waiting'] ?? 0) + (fetchDepth['prioritized'] ?? 0)).toBe(2);
  });

  it('refuses bad URLs without queuing any, with a stable code and a non-zero exit', async () => {
    const run = await runCli(['enqueue', 'https://example.com/ok', 'ftp://example.com/x'], { env });
    expect(run.code).not.toBe(0);
    expect(JSON.parse(run.stdout).error.code).toBe('KHABAR_E_VALIDATION');
    expect(await redis.exists(`${prefix}:url:${'0'.repeat(32)}`)).toBe(0);
  });

  it('lists failed jobs with code and reason, and retries them', async () => {
    const queues = new QueueSet({ connection: redis, prefix });
    const id = 'ab'.repeat(16);
    // A real worker fails the job the way a stage does: permanent error, reason "CODE: message".
    const connection = testRedis();
    const worker = new Worker('parse', async () => {
      throw new UnrecoverableError('KHABAR_E_ARCHIVE_MISSING: archive entry gone');
    }, { connection, prefix });
    const failedOnce = new Promise<void>((resolve) => worker.once('failed', () => resolve()));
    await queues.get('parse').add('parse', { v: 1, id, url: 'https://example.com/f' }, { jobId: id, attempts: 3 });
    await failedOnce;
    await worker.close();
    await connection.quit();
    const failed = JSON.parse((await runCli(['failed'], { env })).stdout) as Array<{ id: string; queue: string; code: string; reason: string }>;
    expect(failed).toContainEqual(expect.objectContaining({ id, queue: 'parse', code: 'KHABAR_E_ARCHIVE_MISSING', reason: 'archive entry gone' }));

    const retried = await runCli(['retry', id], { env });
    expect(JSON.parse(retried.stdout)).toEqual({ retried: [{ queue: 'parse', id }] });
    expect(await (await queues.get('parse').getJob(id))?.getState()).toBe('waiting');
    const missing = await runCli(['retry', 'cd'.repeat(16)], { env });
    expect(missing.code).not.toBe(0);
    expect(JSON.parse(missing.stdout).error.code).toBe('KHABAR_E_NOT_FOUND');
    await queues.close();
  });

  it('replays a stage for a document from the input the stage last received', async () => {
    const queues = new QueueSet({ connection: redis, prefix });
    const id = 'cd'.repeat(16);
    const connection = testRedis();
    let runs = 0;
    const worker = new Worker('tag', async () => {
      runs += 1;
      return 'ok';
    }, { connection, prefix });
    const completed = () => new Promise<void>((resolve) => worker.once('completed', () => resolve()));
    let done = completed();
    await queues.get('tag').add('tag', { v: 1, id, marker: 'payload-kept' }, { jobId: id });
    await done;
    done = completed();
    const run = await runCli(['replay', '--stage', 'tag', id, 'ef'.repeat(16)], { env });
    expect(JSON.parse(run.stdout)).toEqual({ replayed: [id], missing: ['ef'.repeat(16)], busy: [] });
    await done;
    expect(runs).toBe(2);
    expect((await queues.get('tag').getJob(id))?.data).toMatchObject({ marker: 'payload-kept' });
    await worker.close();
    await connection.quit();
    await queues.close();
  });

  it('says how to fix an unreachable Redis', async () => {
    const run = await runCli(['status'], { env: { REDIS_URL: 'redis://127.0.0.1:1', KHABAR_QUEUE_PREFIX: prefix } });
    expect(run.code).not.toBe(0);
    expect(JSON.parse(run.stdout).error).toMatchObject({ code: 'KHABAR_E_REDIS_UNAVAILABLE' });
  });
});
