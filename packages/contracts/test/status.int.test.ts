import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { StatusStore } from '../src/index.ts';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';

let redis: Redis;
let status: StatusStore;
const prefix = uniquePrefix('status');

beforeAll(() => {
  redis = testRedis();
  status = new StatusStore(redis, prefix);
});
afterAll(async () => {
  await deletePrefix(redis, prefix);
  await redis.quit();
});

describe('StatusStore writes (one script per write)', () => {
  it('records an error with a failure and clears it when the URL moves on', async () => {
    expect(await status.create('doc-a', 'https://news.example/a')).toBe(true);
    await status.set('doc-a', 'failed', 'parse', { attempts: 3, error: { code: 'KHABAR_E_EXTRACT_EMPTY', reason: 'no article text' } });
    expect(await status.get('doc-a')).toMatchObject({ state: 'failed', stage: 'parse', attempts: 3, error: { code: 'KHABAR_E_EXTRACT_EMPTY', reason: 'no article text' } });
    await status.set('doc-a', 'parsing', 'parse', { attempts: 4 });
    const moved = await status.get('doc-a');
    expect(moved).toMatchObject({ state: 'parsing', stage: 'parse', attempts: 4, error: null, url: 'https://news.example/a' });
    expect(await redis.hexists(status.key('doc-a'), 'errorReason')).toBe(0);
  });

  it('keeps the error of a skipped URL unless told to clear it (error: null)', async () => {
    await status.create('doc-b', 'https://news.example/b');
    await status.set('doc-b', 'skipped', 'dedup', { error: { code: 'KHABAR_E_EXTRACT_EMPTY', reason: 'kept' } });
    await status.set('doc-b', 'skipped', 'dedup');
    expect((await status.get('doc-b'))?.error?.reason).toBe('kept');
    await status.set('doc-b', 'queued', 'fetch', { attempts: 0, error: null });
    expect((await status.get('doc-b'))?.error).toBeNull();
  });

  it('writes nothing while the guard key exists, and writes once it is gone', async () => {
    await status.create('doc-c', 'https://news.example/c');
    await status.set('doc-c', 'tagging', 'tag', { attempts: 1 });
    const guard = `${prefix}:index:doc-c`;
    await redis.hset(guard, 'name', 'index');
    expect(await status.setUnlessExists(guard, 'doc-c', 'queued', 'index', { attempts: 0 })).toBe(false);
    expect(await status.get('doc-c')).toMatchObject({ state: 'tagging', stage: 'tag', attempts: 1 });
    await redis.del(guard);
    expect(await status.setUnlessExists(guard, 'doc-c', 'queued', 'index', { attempts: 0 })).toBe(true);
    expect(await status.get('doc-c')).toMatchObject({ state: 'queued', stage: 'index', attempts: 0 });
  });

  it('works again after Redis forgets its scripts (SCRIPT FLUSH)', async () => {
    await status.create('doc-d', 'https://news.example/d');
    await redis.script('FLUSH');
    await status.set('doc-d', 'fetching', 'fetch', { attempts: 1 });
    expect((await status.get('doc-d'))?.state).toBe('fetching');
  });
});
