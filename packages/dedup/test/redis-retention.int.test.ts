import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { waitFor } from '../../../test/support/wait.ts';
import { createDedupIndex, DEFAULT_RETENTION_DAYS } from '../src/index.ts';
import { STORIES, baseText } from './fixtures/labelled-set.ts';

const [peskov, second] = STORIES;
if (!peskov || !second) throw new Error('fixture stories missing');
const textA = baseText(peskov);
const nearA = [peskov.rewrittenLead, ...peskov.body, peskov.extraParagraph].join('\n\n');
const textB = baseText(second);
const nearB = [second.rewrittenLead, ...second.body, second.extraParagraph].join('\n\n');

const DAY = 86_400;
const R = DEFAULT_RETENTION_DAYS * DAY;
const P = R / 2; // generation length

let redis: Redis;
let prefix: string;

async function keysWithPrefix(p: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${p}:*`, 'COUNT', 1000);
    cursor = next;
    out.push(...batch);
  } while (cursor !== '0');
  return out;
}

/** An index whose clock the test moves (seconds since the epoch). */
function clocked(start: number): { index: ReturnType<typeof createDedupIndex>; at(seconds: number): void } {
  let now = start;
  return { index: createDedupIndex({ redis, prefix, clock: () => now * 1000 }), at: (s) => void (now = s) };
}

const id = (): string => randomBytes(16).toString('hex');

beforeEach(() => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
  prefix = `{dedup-ttl-${randomBytes(6).toString('hex')}}`;
});

afterEach(async () => {
  const keys = await keysWithPrefix(prefix);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('fingerprint retention (real Redis)', () => {
  it('keeps a fingerprint matching for the whole retention, even when written at the very end of a generation', async () => {
    const t0 = 20_000 * P - 1; // last second of a generation: the shortest life
    const { index, at } = clocked(t0);
    const a = id();
    await index.assign({ id: a, text: textA, source: 'wire.example' });
    at(t0 + R - 1);
    expect(await index.assign({ id: id(), text: nearA, source: 'late.example' })).toMatchObject({ clusterId: a, role: 'near_duplicate', size: 2 });
    expect(await index.assign({ id: id(), text: textA })).toMatchObject({ clusterId: a, role: 'duplicate', size: 3 });
  });

  it('stops matching expired fingerprints while live ones still match', async () => {
    const t0 = 20_000 * P; // first second of a generation: the longest life, R + P
    const { index, at } = clocked(t0);
    const a = id();
    const b = id();
    await index.assign({ id: a, text: textA, source: 'wire.example' });
    at(t0 + 5 * DAY);
    await index.assign({ id: b, text: textB, source: 'wire.example' });
    at(t0 + R + P); // A is R + P old, B R + P - 5 days
    const nearCopy = await index.assign({ id: id(), text: nearA });
    expect(nearCopy).toMatchObject({ role: 'original', size: 1 });
    expect(nearCopy.clusterId).not.toBe(a);
    const exactCopy = id();
    expect(await index.assign({ id: exactCopy, text: textA })).toMatchObject({ clusterId: nearCopy.clusterId, role: 'near_duplicate' });
    expect(await index.assign({ id: id(), text: nearB })).toMatchObject({ clusterId: b, role: 'near_duplicate', size: 2 });
    expect(await index.assign({ id: id(), text: textB })).toMatchObject({ clusterId: b, role: 'duplicate', size: 3 });
  });

  it('assigns an expired document afresh when it comes back (a re-fetch after the retention)', async () => {
    const t0 = 20_000 * P;
    const { index, at } = clocked(t0);
    const a = id();
    const copy = id();
    await index.assign({ id: a, text: textA });
    expect(await index.assign({ id: copy, text: textA })).toMatchObject({ clusterId: a, role: 'duplicate' });
    at(t0 + 2 * R);
    // the copy's doc entry and the original's record are out of the window: the copy now starts a story
    expect(await index.assign({ id: copy, text: textA })).toMatchObject({ clusterId: copy, role: 'original', size: 1 });
    expect(await index.assign({ id: a, text: textA })).toMatchObject({ clusterId: copy, role: 'duplicate', size: 2 });
  });

  it('gives every key but the counter and the site names a TTL within retention + 1.5 generations', async () => {
    const index = createDedupIndex({ redis, prefix });
    const a = id();
    await index.assign({ id: a, text: textA, source: 'a.example' });
    await index.assign({ id: id(), text: textA, source: 'b.example' });
    await index.assign({ id: id(), text: nearA, source: 'c.example' });
    await index.assign({ id: 'not-hex-id', text: textB, source: 'd.example' });
    const keys = await keysWithPrefix(prefix);
    const permanent = keys.filter((k) => /:dedup:(q|src|srcn)$/.test(k)).sort();
    expect(permanent).toEqual([`${prefix}:dedup:q`, `${prefix}:dedup:src`, `${prefix}:dedup:srcn`]);
    const expiring = keys.filter((k) => !permanent.includes(k));
    expect(expiring.some((k) => /:dedup:x:/.test(k))).toBe(true);
    expect(expiring.some((k) => /:dedup:c:/.test(k))).toBe(true);
    expect(expiring.some((k) => /:dedup:g\d+:d:/.test(k))).toBe(true);
    for (const k of expiring) {
      const ttl = await redis.ttl(k);
      expect(ttl, k).toBeGreaterThan(R - 10);
      expect(ttl, k).toBeLessThanOrEqual(R + 2 * P);
    }
  });

  it('frees the memory: with a 2-second retention every fingerprint key is gone a few seconds later', async () => {
    const index = createDedupIndex({ redis, prefix, retentionSeconds: 2 });
    await index.assign({ id: id(), text: textA, source: 'a.example' });
    await index.assign({ id: id(), text: nearA, source: 'b.example' });
    await index.assign({ id: id(), text: textA, source: 'c.example' });
    expect((await keysWithPrefix(prefix)).length).toBeGreaterThan(5);
    await waitFor('fingerprint keys to expire', async () => (await keysWithPrefix(prefix)).every((k) => /:dedup:(q|src|srcn)$/.test(k)), 10_000, 250);
    // and a new copy finds nothing
    expect(await index.assign({ id: id(), text: nearA })).toMatchObject({ role: 'original', size: 1 });
  });

  it('closes a cluster whose original record is gone: a copy of a live member starts a new story', async () => {
    const t0 = 20_000 * P;
    const { index, at } = clocked(t0);
    const a = id();
    await index.assign({ id: a, text: textA });
    // fill the original's record block so the copy's record lands in the next one
    for (let i = 0; i < 310; i++) await index.assign({ id: id(), text: `filler ${i} ${randomBytes(8).toString('hex')} words enough to make a line of text here` });
    at(t0 + R);
    const c1 = id();
    expect(await index.assign({ id: c1, text: nearA })).toMatchObject({ clusterId: a, role: 'near_duplicate' });
    // the original's block expires first (its generation is older): simulate that moment
    expect(await redis.del(`${prefix}:dedup:s:0`)).toBe(1);
    const later = await index.assign({ id: id(), text: `${nearA}\n\nتحديث` });
    expect(later).toMatchObject({ role: 'original', size: 1 });
    expect(later.clusterId).not.toBe(a);
  });

  it('starts a generation at the level that fits the previous one, and still matches across both', async () => {
    const t0 = 20_000 * P;
    const { index, at } = clocked(t0);
    const a = id();
    await index.assign({ id: a, text: textA, source: 'wire.example' });
    // the previous generation ended with 100,000 records (level 1 holds records 65,536 … 327,679)
    const first = 2 ** 26;
    await redis.set(`${prefix}:dedup:g${20_000}:n`, first * 1 + 100_000, 'KEEPTTL');
    at(t0 + P); // next generation
    const b = id();
    await index.assign({ id: b, text: textB, source: 'wire.example' });
    const current = Number(await redis.get(`${prefix}:dedup:g${20_001}:n`));
    expect(Math.floor(current / first)).toBe(2); // starts at level 1 (0-based), the one 100,000 records reach
    const keys = await keysWithPrefix(prefix);
    expect(keys.some((k) => k.includes(`:dedup:g20001:h1:`))).toBe(true);
    expect(keys.some((k) => k.includes(`:dedup:g20001:h0:`))).toBe(false);
    // copies of both stories find them: one in the previous generation's level 0, one in this one's level 1
    expect(await index.assign({ id: id(), text: nearA })).toMatchObject({ clusterId: a, role: 'near_duplicate' });
    expect(await index.assign({ id: id(), text: nearB })).toMatchObject({ clusterId: b, role: 'near_duplicate' });
    expect(await index.assign({ id: id(), text: textB })).toMatchObject({ clusterId: b, role: 'duplicate', size: 3 });
  });

  it('rejects a retention under 2 seconds', () => {
    expect(() => createDedupIndex({ redis, prefix, retentionSeconds: 1 })).toThrow(RangeError);
    expect(() => createDedupIndex({ redis, prefix, retentionSeconds: 2.5 })).toThrow(RangeError);
  });
});
