import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { assertNoEviction } from '@khabar/worker-kit';
import { LocalStack } from '@khabar/stack';
import { freePort } from '../support/wait.ts';
import { startRedisServer } from '../support/redis-server.ts';

/** A throwaway redis-server that may evict keys: exactly what Khabar must refuse to run on. */
describe('start-up refuses a Redis that may evict queued jobs', () => {
  let server: ChildProcess;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    const port = await freePort();
    dir = await mkdtemp(join(tmpdir(), 'khabar-evict-'));
    server = await startRedisServer(port, ['--appendonly', 'no', '--dir', dir, '--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru']);
    url = `redis://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    server?.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  });

  it('assertNoEviction names the policy', async () => {
    const redis = new Redis(url);
    await expect(assertNoEviction(redis)).rejects.toThrow(/maxmemory-policy is "allkeys-lru"; Khabar needs "noeviction"/);
    await redis.config('SET', 'maxmemory-policy', 'noeviction');
    await expect(assertNoEviction(redis)).resolves.toBeUndefined();
    await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
    redis.disconnect();
  });

  it('a worker process exits non-zero instead of starting', async () => {
    const stack = new LocalStack({ logDir: join(dir, 'logs'), services: ['tagger'], env: { REDIS_URL: url } });
    await stack.start();
    const [proc] = stack.running('tagger');
    expect(await proc!.exited).not.toBe(0);
    expect(await readFile(proc!.logFile, 'utf8')).toContain('noeviction');
    await stack.stop();
  });
});
