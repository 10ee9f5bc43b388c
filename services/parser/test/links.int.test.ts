import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFileArchive } from '@khabar/archive';
import { LinkStore, compactPayload, parsePayload, type PayloadOf } from '@khabar/contracts';
import { createLogger, type StageContext } from '@khabar/worker-kit';
import { createParseHandler } from '../src/handler.ts';
import { deletePrefix } from '../../../test/support/redis.ts';

const dir = mkdtempSync(join(tmpdir(), 'khabar-parser-links-'));
const archive = createFileArchive({ dir });
const html = readFileSync(new URL('../../../packages/extract/test/fixtures/rt-arabic/kremlin-peskov.html', import.meta.url));
const url = 'https://arabic.rt.com/world/1410-peskov/';
const fetchedAt = '2026-11-28T12:00:00.000Z';
const context = { log: createLogger({ service: 'parser-test', level: 'silent', pretty: false }), attempt: 1 } as unknown as StageContext;
let redis: Redis;
let prefix: string;

beforeAll(() => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
  prefix = `{parser-links-${randomBytes(4).toString('hex')}}`;
});

afterAll(async () => {
  await deletePrefix(redis, prefix);
  await redis.quit();
  rmSync(dir, { recursive: true, force: true });
});

async function jobFor(id: string): Promise<PayloadOf<'parse'>> {
  const archiveKey = await archive.put({ docId: id, url, fetchedAt, status: 200, headers: { 'content-type': 'text/html' }, body: html });
  return {
    v: 1, id, url, submittedUrl: url, submittedAt: fetchedAt, submission: {},
    fetch: { finalUrl: url, status: 200, contentType: 'text/html', headerCharset: null, bytes: html.length, fetchedAt, redirects: 0, archiveKey, etag: null, lastModified: null, metaCharset: null, detectedCharset: null, bodyHash: null },
  };
}

describe('parse handler with a link store (real Redis)', () => {
  it('puts the link lists in a side record and hands on the article without them', async () => {
    const store = new LinkStore(redis, prefix);
    const id = randomBytes(16).toString('hex');
    const inline = await createParseHandler({ archive, now: () => new Date(fetchedAt) })(await jobFor(id), context);
    const split = await createParseHandler({ archive, now: () => new Date(fetchedAt), links: store })(await jobFor(id), context);
    const full = (inline as { data: PayloadOf<'dedup'> }).data;
    const data = (split as { data: PayloadOf<'dedup'> }).data;
    expect(full.article.related.length).toBeGreaterThan(0);
    expect(data.linksStored).toBe(true);
    expect('related' in data.article).toBe(false);
    expect(await store.get(id, data.parsedAt)).toEqual({ teasers: full.article.teasers, related: full.article.related, readMore: full.article.readMore });
    // what the dedup queue stores and its worker reads back: everything else is unchanged
    const stored = parsePayload('dedup', JSON.parse(JSON.stringify(compactPayload(data))));
    expect(stored).toEqual({ ...full, article: { ...full.article, teasers: [], related: [], readMore: [] }, linksStored: true });
    expect(JSON.stringify(compactPayload(data)).length).toBeLessThan(JSON.stringify(compactPayload(full)).length);
  });
});
