import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KhabarError, PermanentError, RetryLaterError } from '@khabar/errors';
import { archiveKeyFor, archiveTargetOf, createFileArchive, createS3Archive, openPageArchive, type ArchiveRecord, type S3PageArchive } from '../src/index.ts';
import { startS3Server, type S3Server } from './support/s3proxy.ts';

// "<p>خبر عاجل</p>" in windows-1256: not valid UTF-8, must come back byte for byte.
const ARABIC_1256 = Buffer.concat([
  Buffer.from('<html><head><meta charset="windows-1256"></head><body><p>'),
  Buffer.from([0xc7, 0xe1, 0xce, 0xc8, 0xd1, 0x20, 0xda, 0xc7, 0xcc, 0xe1]),
  Buffer.from('</p></body></html>'),
]);
const DOC = '595366c40d4cedef595366c40d4cedef';

function record(overrides: Partial<ArchiveRecord> = {}): ArchiveRecord {
  return {
    docId: DOC,
    url: 'https://www.example-news.sa/article/1',
    fetchedAt: '2026-11-28T23:13:17.123Z',
    status: 200,
    headers: { 'content-type': 'text/html; charset=windows-1256', etag: '"v1"' },
    body: new Uint8Array(ARABIC_1256),
    ...overrides,
  };
}

async function errorOf(promise: Promise<unknown>): Promise<KhabarError> {
  const err: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (err instanceof KhabarError) return err;
  throw new Error(`expected a KhabarError, got ${String(err)}`);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

let server: S3Server;
let admin: S3Client;
let bucket: string;
let archive: S3PageArchive;
let bucketCount = 0;

/** Every object key in the bucket, as the store sees it. */
async function objectKeys(): Promise<string[]> {
  const out = await admin.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (out.Contents ?? []).map((o) => o.Key ?? '').sort();
}

function s3Archive(overrides: Partial<Parameters<typeof createS3Archive>[0]> = {}): S3PageArchive {
  return createS3Archive({ endpoint: server.endpoint, region: server.region, credentials: server.credentials, forcePathStyle: true, bucket, keyPrefix: 'pages/', ...overrides });
}

beforeAll(async () => {
  server = await startS3Server();
  admin = new S3Client({ endpoint: server.endpoint, region: server.region, credentials: server.credentials, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
}, 600_000);

afterAll(async () => {
  admin.destroy();
  await server.stop();
});

beforeEach(async () => {
  bucketCount += 1;
  bucket = `khabar-archive-${process.pid}-${bucketCount}`;
  await server.createBucket(bucket);
  archive = s3Archive();
  return () => archive.close();
});

describe('S3 archive (against S3Proxy on 127.0.0.1)', () => {
  it('round-trips a page with windows-1256 bytes untouched, under the key prefix', async () => {
    const key = await archive.put(record());
    expect(key).toBe(`59/${DOC}/20261128T231317123Z.json.gz`);
    expect(await objectKeys()).toEqual([`pages/${key}`]);
    const page = await archive.get(key);
    expect(Buffer.from(page.body).equals(ARABIC_1256)).toBe(true);
    expect(page).toMatchObject({ docId: DOC, url: record().url, fetchedAt: record().fetchedAt, status: 200, headers: record().headers });
  });

  it('stores exactly the bytes the file archive writes (entries copy between stores)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khabar-s3-vs-file-'));
    try {
      const key = await createFileArchive({ dir }).put(record());
      await archive.put(record());
      const out = await admin.send(new GetObjectCommand({ Bucket: bucket, Key: `pages/${key}` }));
      const stored = Buffer.from((await out.Body?.transformToByteArray()) ?? []);
      expect(stored.equals(await readFile(join(dir, key)))).toBe(true);
      const raw = gunzipSync(stored);
      expect(JSON.parse(raw.subarray(0, raw.indexOf(0x0a)).toString('utf8'))).toMatchObject({ docId: DOC, status: 200, bodyBytes: ARABIC_1256.length });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is content-addressed: the same fetch written twice (a retry) is one object', async () => {
    const a = await archive.put(record());
    const b = await archive.put(record({ fetchedAt: '2026-11-28T23:13:17.123+00:00' }));
    expect(b).toBe(a);
    expect(await objectKeys()).toEqual([`pages/${a}`]);
  });

  it('missing key -> PermanentError KHABAR_E_ARCHIVE_MISSING; bad keys never reach the store', async () => {
    const err = await errorOf(archive.get(`59/${DOC}/20200101T000000000Z.json.gz`));
    expect(err).toBeInstanceOf(PermanentError);
    expect(err.code).toBe('KHABAR_E_ARCHIVE_MISSING');
    for (const bad of ['../../etc/passwd', `59/${DOC}/../x.json.gz`, '']) expect((await errorOf(archive.get(bad))).code).toBe('KHABAR_E_ARCHIVE_MISSING');
  });

  it('a corrupt object reads as missing (re-fetch), not as a retryable error', async () => {
    const key = archiveKeyFor(DOC, record().fetchedAt);
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: `pages/${key}`, Body: 'not gzip at all' }));
    const err = await errorOf(archive.get(key));
    expect(err.code).toBe('KHABAR_E_ARCHIVE_MISSING');
    expect(err.retryable).toBe(false);
  });

  it('lists entries page by page, optionally since a date, ignoring objects outside the prefix', async () => {
    const small = s3Archive({ pageSize: 2 });
    const other = 'ab' + DOC.slice(2);
    await small.put(record({ fetchedAt: '2026-11-01T00:00:00Z' }));
    await small.put(record({ fetchedAt: '2026-11-20T00:00:00Z' }));
    await small.put(record({ docId: other, fetchedAt: '2026-11-25T08:30:00.5Z' }));
    await small.put(record({ docId: other, fetchedAt: '2026-11-26T00:00:00Z' }));
    await small.put(record({ docId: other, fetchedAt: '2026-11-27T00:00:00Z' }));
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: `elsewhere/59/${DOC}/20261101T000000000Z.json.gz`, Body: 'x' }));
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: 'pages/zz/stray.txt', Body: 'not an entry' }));
    const all = await collect(small.list());
    expect(all.map((e) => e.key)).toEqual([
      `59/${DOC}/20261101T000000000Z.json.gz`,
      `59/${DOC}/20261120T000000000Z.json.gz`,
      `ab/${other}/20261125T083000500Z.json.gz`,
      `ab/${other}/20261126T000000000Z.json.gz`,
      `ab/${other}/20261127T000000000Z.json.gz`,
    ]);
    expect(all[2]).toEqual({ key: `ab/${other}/20261125T083000500Z.json.gz`, docId: other, fetchedAt: '2026-11-25T08:30:00.500Z' });
    const recent = await collect(small.list({ since: new Date('2026-11-20T00:00:00Z') }));
    expect(recent).toHaveLength(4);
    small.close();
  });

  it('prunes entries older than a date in batches, keeps the rest, and deletes idempotently', async () => {
    const small = s3Archive({ pageSize: 2 });
    const keep = await small.put(record({ fetchedAt: '2026-11-28T00:00:00Z' }));
    for (let day = 1; day <= 5; day += 1) await small.put(record({ docId: `c${day}${DOC.slice(2)}`, fetchedAt: `2026-10-0${day}T00:00:00Z` }));
    expect(await small.prune(new Date('2026-11-01T00:00:00Z'))).toBe(5);
    expect(await objectKeys()).toEqual([`pages/${keep}`]);
    expect(await small.prune(new Date('2026-11-01T00:00:00Z'))).toBe(0);
    await small.delete(keep);
    await small.delete(keep);
    expect(await objectKeys()).toEqual([]);
    small.close();
  });

  it('store failures -> RetryLaterError KHABAR_E_ARCHIVE_IO (bad credentials, missing bucket, store down)', async () => {
    const wrongSecret = s3Archive({ credentials: { accessKeyId: server.credentials.accessKeyId, secretAccessKey: 'wrong' }, maxAttempts: 1 });
    const denied = await errorOf(wrongSecret.put(record()));
    expect(denied).toBeInstanceOf(RetryLaterError);
    expect(denied.code).toBe('KHABAR_E_ARCHIVE_IO');
    expect(denied.context['status']).toBe(403);
    wrongSecret.close();

    const noBucket = s3Archive({ bucket: `${bucket}-absent`, maxAttempts: 1 });
    const absent = await errorOf(noBucket.put(record()));
    expect(absent.code).toBe('KHABAR_E_ARCHIVE_IO');
    expect(absent.context['errorCode']).toBe('NoSuchBucket');
    noBucket.close();

    // Nothing listens on port 9 of loopback: connection refused.
    const down = s3Archive({ endpoint: 'http://127.0.0.1:9', maxAttempts: 1 });
    const refused = await errorOf(down.get(archiveKeyFor(DOC, record().fetchedAt)));
    expect(refused.code).toBe('KHABAR_E_ARCHIVE_IO');
    expect(refused.retryable).toBe(true);
    down.close();
  });

  it('openPageArchive picks S3 when a bucket is configured and works end to end', async () => {
    const opened = openPageArchive({
      KHABAR_ARCHIVE_DIR: '/nonexistent/never-written',
      KHABAR_ARCHIVE_S3_BUCKET: bucket,
      KHABAR_ARCHIVE_S3_ENDPOINT: server.endpoint,
      KHABAR_ARCHIVE_S3_ACCESS_KEY_ID: server.credentials.accessKeyId,
      KHABAR_ARCHIVE_S3_SECRET_ACCESS_KEY: server.credentials.secretAccessKey,
      KHABAR_ARCHIVE_S3_FORCE_PATH_STYLE: true,
      KHABAR_ARCHIVE_S3_KEY_PREFIX: 'via-settings/',
    });
    const key = await opened.archive.put(record());
    expect(await objectKeys()).toEqual([`via-settings/${key}`]);
    expect(opened.description).toBe(`s3:${server.endpoint}/${bucket}/via-settings/`);
    expect(opened.description).not.toContain(server.credentials.secretAccessKey);
    opened.close();
  });
});

describe('archive settings', () => {
  it('without a bucket the file store is used; credentials must come in pairs', () => {
    expect(archiveTargetOf({ KHABAR_ARCHIVE_DIR: '/data/archive' })).toEqual({ kind: 'file', dir: '/data/archive' });
    expect(archiveTargetOf({ KHABAR_ARCHIVE_DIR: '/data/archive', KHABAR_ARCHIVE_S3_BUCKET: '  ' })).toEqual({ kind: 'file', dir: '/data/archive' });
    expect(archiveTargetOf({ KHABAR_ARCHIVE_DIR: 'x', KHABAR_ARCHIVE_S3_BUCKET: 'b' })).toMatchObject({ kind: 's3', bucket: 'b', credentials: undefined, forcePathStyle: false });
    expect(() => archiveTargetOf({ KHABAR_ARCHIVE_DIR: 'x', KHABAR_ARCHIVE_S3_BUCKET: 'b', KHABAR_ARCHIVE_S3_ACCESS_KEY_ID: 'id' })).toThrow(/go together/);
  });
});
