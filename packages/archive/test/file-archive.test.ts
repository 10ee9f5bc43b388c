import { mkdtemp, readdir, readFile, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KhabarError, PermanentError, RetryLaterError } from '@khabar/errors';
import { archiveKeyFor, createFileArchive, parseArchiveKey, type ArchiveRecord, type PageArchive } from '../src/index.ts';

// "<p>خبر عاجل</p>" encoded in windows-1256: not valid UTF-8, must come back byte for byte.
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

/** Every file under dir, relative, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

let dir: string;
let archive: PageArchive;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'khabar-archive-'));
  archive = createFileArchive({ dir });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('file archive', () => {
  it('round-trips a page with windows-1256 bytes untouched', async () => {
    const key = await archive.put(record());
    expect(key).toBe(`59/${DOC}/20261128T231317123Z.json.gz`);
    const page = await archive.get(key);
    expect(Buffer.from(page.body).equals(ARABIC_1256)).toBe(true);
    expect(page).toMatchObject({ docId: DOC, url: record().url, fetchedAt: record().fetchedAt, status: 200, headers: record().headers });
  });

  it('stores one gzip file: a JSON metadata line, then the raw body', async () => {
    const key = await archive.put(record());
    expect(await filesUnder(dir)).toEqual([key]);
    const raw = gunzipSync(await readFile(join(dir, key)));
    const newline = raw.indexOf(0x0a);
    expect(JSON.parse(raw.subarray(0, newline).toString('utf8'))).toMatchObject({ docId: DOC, status: 200, bodyBytes: ARABIC_1256.length });
    expect(raw.subarray(newline + 1).equals(ARABIC_1256)).toBe(true);
  });

  it('round-trips an empty body and binary bytes including newlines', async () => {
    const binary = Uint8Array.from({ length: 4096 }, (_v, i) => (i * 131) % 256);
    const k1 = await archive.put(record({ body: new Uint8Array(0), fetchedAt: '2026-11-28T00:00:00Z' }));
    const k2 = await archive.put(record({ body: binary, fetchedAt: '2026-11-28T00:00:01Z' }));
    expect((await archive.get(k1)).body).toHaveLength(0);
    expect(Buffer.from((await archive.get(k2)).body).equals(Buffer.from(binary))).toBe(true);
  });

  it('is content-addressed: the same fetch written twice (a retry) is one entry', async () => {
    const a = await archive.put(record());
    const b = await archive.put(record({ fetchedAt: '2026-11-28T23:13:17.123+00:00' }));
    expect(b).toBe(a);
    expect(await filesUnder(dir)).toEqual([a]);
  });

  it('writes atomically: concurrent writers of one key leave one whole entry and no temp files', async () => {
    const big = new Uint8Array(2 * 1024 * 1024).map((_v, i) => i % 251);
    const writes = Array.from({ length: 8 }, () => archive.put(record({ body: big })));
    const reads: Promise<unknown>[] = [];
    // Readers racing the writers see either "missing" or the whole page, never a torn file.
    for (let i = 0; i < 8; i += 1) {
      reads.push(
        archive.get(archiveKeyFor(DOC, record().fetchedAt)).then(
          (page) => expect(page.body.byteLength).toBe(big.byteLength),
          (err: unknown) => expect((err as KhabarError).code).toBe('KHABAR_E_ARCHIVE_MISSING'),
        ),
      );
    }
    const keys = await Promise.all(writes);
    await Promise.all(reads);
    expect(new Set(keys).size).toBe(1);
    expect(await filesUnder(dir)).toEqual([keys[0]]);
    expect(Buffer.from((await archive.get(keys[0] ?? '')).body).equals(Buffer.from(big))).toBe(true);
  });

  it('ignores a temp file left by a crash mid-write, and prune removes it once old', async () => {
    const key = await archive.put(record());
    const crashed = join(dir, '59', DOC, '.20261128T231318000Z.json.gz.dead.tmp');
    await writeFile(crashed, 'half a gzip');
    expect((await collect(archive.list())).map((e) => e.key)).toEqual([key]);
    const old = new Date('2026-01-01T00:00:00Z');
    await utimes(crashed, old, old);
    expect(await archive.prune(new Date('2026-06-01T00:00:00Z'))).toBe(0);
    expect(await filesUnder(dir)).toEqual([key]);
  });

  it('missing key -> PermanentError KHABAR_E_ARCHIVE_MISSING', async () => {
    const err = await errorOf(archive.get(`59/${DOC}/20200101T000000000Z.json.gz`));
    expect(err).toBeInstanceOf(PermanentError);
    expect(err.code).toBe('KHABAR_E_ARCHIVE_MISSING');
    expect(err.context['key']).toBe(`59/${DOC}/20200101T000000000Z.json.gz`);
  });

  it.each(['../../etc/passwd', `59/${DOC}/../../../x.json.gz`, `ab/${DOC}/20261128T231317123Z.json.gz`, '', 'x'])('refuses key %j as missing without touching the disk', async (key) => {
    const err = await errorOf(archive.get(key));
    expect(err.code).toBe('KHABAR_E_ARCHIVE_MISSING');
  });

  it('a corrupt entry reads as missing (re-fetch), not as a retryable error', async () => {
    const key = await archive.put(record());
    await writeFile(join(dir, key), 'not gzip at all');
    const err = await errorOf(archive.get(key));
    expect(err.code).toBe('KHABAR_E_ARCHIVE_MISSING');
    expect(err.retryable).toBe(false);
  });

  it('IO failures -> RetryLaterError KHABAR_E_ARCHIVE_IO', async () => {
    const blocked = join(dir, 'not-a-dir');
    await writeFile(blocked, 'a file where the archive root should be');
    const broken = createFileArchive({ dir: blocked });
    const err = await errorOf(broken.put(record()));
    expect(err).toBeInstanceOf(RetryLaterError);
    expect(err.code).toBe('KHABAR_E_ARCHIVE_IO');
    expect(err.retryable).toBe(true);
  });

  it('refuses a docId or fetchedAt that cannot name a file', async () => {
    expect((await errorOf(archive.put(record({ docId: '../etc' })))).code).toBe('KHABAR_E_CONTRACT');
    expect((await errorOf(archive.put(record({ fetchedAt: 'yesterday' })))).code).toBe('KHABAR_E_CONTRACT');
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('delete removes the entry and its empty directories; deleting again is fine', async () => {
    const key = await archive.put(record());
    await archive.delete(key);
    await archive.delete(key);
    expect(await readdir(dir)).toEqual([]);
    expect((await errorOf(archive.get(key))).code).toBe('KHABAR_E_ARCHIVE_MISSING');
  });

  it('lists entries, optionally since a date', async () => {
    const other = 'ab' + DOC.slice(2);
    await archive.put(record({ fetchedAt: '2026-11-01T00:00:00Z' }));
    await archive.put(record({ fetchedAt: '2026-11-20T00:00:00Z' }));
    await archive.put(record({ docId: other, fetchedAt: '2026-11-25T08:30:00.5Z' }));
    await mkdir(join(dir, 'zz'), { recursive: true });
    await writeFile(join(dir, 'zz', 'stray.txt'), 'not an entry');
    const all = await collect(archive.list());
    expect(all).toEqual([
      { key: `59/${DOC}/20261101T000000000Z.json.gz`, docId: DOC, fetchedAt: '2026-11-01T00:00:00.000Z' },
      { key: `59/${DOC}/20261120T000000000Z.json.gz`, docId: DOC, fetchedAt: '2026-11-20T00:00:00.000Z' },
      { key: `ab/${other}/20261125T083000500Z.json.gz`, docId: other, fetchedAt: '2026-11-25T08:30:00.500Z' },
    ]);
    const recent = await collect(archive.list({ since: new Date('2026-11-20T00:00:00Z') }));
    expect(recent.map((e) => e.fetchedAt)).toEqual(['2026-11-20T00:00:00.000Z', '2026-11-25T08:30:00.500Z']);
  });

  it('lists nothing for an archive that was never written', async () => {
    expect(await collect(createFileArchive({ dir: join(dir, 'never') }).list())).toEqual([]);
  });

  it('prunes entries older than a date and keeps the rest', async () => {
    const keep = await archive.put(record({ fetchedAt: '2026-11-28T00:00:00Z' }));
    await archive.put(record({ fetchedAt: '2026-10-01T00:00:00Z' }));
    await archive.put(record({ docId: 'cd' + DOC.slice(2), fetchedAt: '2026-09-01T00:00:00Z' }));
    expect(await archive.prune(new Date('2026-11-01T00:00:00Z'))).toBe(3 - 1);
    expect(await filesUnder(dir)).toEqual([keep]);
    expect(await readdir(dir)).toEqual(['59']);
    expect(await archive.prune(new Date('2026-11-01T00:00:00Z'))).toBe(0);
  });
});

describe('archive keys', () => {
  it('parses what it builds and nothing else', () => {
    const key = archiveKeyFor(DOC, '2026-11-28T23:13:17.123Z');
    expect(parseArchiveKey(key)).toEqual({ docId: DOC, fetchedAt: '2026-11-28T23:13:17.123Z' });
    expect(parseArchiveKey(key.replace('.json.gz', '.json'))).toBeNull();
    expect(parseArchiveKey(`/${key}`)).toBeNull();
  });
});
