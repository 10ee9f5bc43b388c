import type * as S3Sdk from '@aws-sdk/client-s3';
import type { ListObjectsV2CommandOutput, S3Client } from '@aws-sdk/client-s3';
import { KhabarError, RetryLaterError } from '@khabar/errors';
import { archiveKeyFor, parseArchiveKey } from './archive-key.ts';
import { decodeEntry, missingEntry } from './entry-errors.ts';
import { encodePage } from './page-codec.ts';
import type { ArchiveEntry, ArchiveRecord, ArchivedPage, ListOptions, PageArchive } from './types.ts';

const SINGLE_DELETE_PARALLELISM = 8;

export interface S3ArchiveOptions {
  readonly bucket: string;
  /** Base URL of an S3-compatible service (MinIO, Ceph, S3Proxy, R2…); omit for AWS S3. */
  readonly endpoint?: string | undefined;
  /** Default us-east-1 (most S3-compatible services accept any region). */
  readonly region?: string | undefined;
  /** Static credentials; without them the SDK's default chain (AWS_* env, profile, instance role) is used. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string } | undefined;
  /** `http://endpoint/bucket/key` instead of `http://bucket.endpoint/key` (MinIO, S3Proxy, most self-hosted stores). */
  readonly forcePathStyle?: boolean | undefined;
  /** Prepended to every object key (e.g. "pages/"), so the archive can share a bucket. */
  readonly keyPrefix?: string | undefined;
  /** Keys per list page / delete batch (S3 allows at most 1 000). Default 1 000. */
  readonly pageSize?: number | undefined;
  /** Tries per request, the SDK's own retries with backoff included. Default 3. */
  readonly maxAttempts?: number | undefined;
}

export interface S3PageArchive extends PageArchive {
  /** Closes the SDK's HTTP connections. */
  close(): void;
}

type Sdk = typeof S3Sdk;
let sdk: Promise<Sdk> | undefined;
/** The SDK is loaded on first use (~0.2 s), so services on the file archive never pay for it. */
const loadSdk = (): Promise<Sdk> => (sdk ??= import('@aws-sdk/client-s3'));

function errorName(err: unknown): string {
  const e = err as { name?: unknown; code?: unknown } | null;
  const name = typeof e?.code === 'string' ? e.code : e?.name;
  return typeof name === 'string' ? name : 'Error';
}

/** The HTTP status of an S3 service error (the SDK's `$metadata`); undefined for network errors. */
function httpStatus(err: unknown): number | undefined {
  const status = (err as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

function ioError(action: string, key: string, err: unknown): RetryLaterError {
  const message = err instanceof Error ? err.message : String(err);
  const status = httpStatus(err);
  return new RetryLaterError('KHABAR_E_ARCHIVE_IO', `could not ${action} archive object ${key}: ${errorName(err)}: ${message}`, {
    context: { key, action, errorCode: errorName(err), ...(status === undefined ? {} : { status }) },
    cause: err,
  });
}


/**
 * Page archive in an S3-compatible bucket: one object per fetch, same key and same gzip format as
 * the file archive (so entries can be copied between the two with any S3 tool). A PUT is atomic in
 * S3, so readers see no object or a whole one. Expiry does not rely on bucket lifecycle rules
 * (many S3-compatible stores have none): `prune` lists the archive and deletes old entries in
 * batches, and the fetchers run it on the same schedule as for the file archive.
 */
export function createS3Archive(options: S3ArchiveOptions): S3PageArchive {
  const bucket = options.bucket;
  const prefix = options.keyPrefix ?? '';
  const pageSize = Math.min(1_000, Math.max(1, options.pageSize ?? 1_000));
  const config = {
    region: options.region ?? 'us-east-1',
    forcePathStyle: options.forcePathStyle ?? false,
    maxAttempts: options.maxAttempts ?? 3,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: { accessKeyId: options.credentials.accessKeyId, secretAccessKey: options.credentials.secretAccessKey } } : {}),
    // Only the checksums S3 requires: many S3-compatible stores reject the SDK's optional CRC32 trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  } as const;
  let connected: Promise<{ readonly sdk: Sdk; readonly client: S3Client }> | undefined;
  const connect = () => (connected ??= loadSdk().then((m) => ({ sdk: m, client: new m.S3Client(config) })));
  const objectKey = (key: string): string => `${prefix}${key}`;

  async function put(record: ArchiveRecord): Promise<string> {
    const key = archiveKeyFor(record.docId, record.fetchedAt);
    try {
      const body = await encodePage(record);
      const { sdk: m, client } = await connect();
      await client.send(new m.PutObjectCommand({ Bucket: bucket, Key: objectKey(key), Body: body, ContentType: 'application/gzip', ContentLength: body.byteLength }));
      return key;
    } catch (err) {
      if (err instanceof KhabarError) throw err;
      throw ioError('write', key, err);
    }
  }

  async function get(key: string): Promise<ArchivedPage> {
    if (parseArchiveKey(key) === null) throw missingEntry(key, 'is not a valid archive key');
    let stored: Uint8Array;
    try {
      const { sdk: m, client } = await connect();
      const out = await client.send(new m.GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
      if (out.Body === undefined) throw missingEntry(key, 'has no body');
      stored = await out.Body.transformToByteArray();
    } catch (err) {
      if (err instanceof KhabarError) throw err;
      if (errorName(err) === 'NoSuchKey' || httpStatus(err) === 404) throw missingEntry(key, 'does not exist', err);
      throw ioError('read', key, err);
    }
    return decodeEntry(key, stored, ioError);
  }

  async function remove(key: string): Promise<void> {
    if (parseArchiveKey(key) === null) return;
    try {
      // S3 answers 204 for a missing key too: deleting twice is not an error.
      const { sdk: m, client } = await connect();
      await client.send(new m.DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    } catch (err) {
      if (errorName(err) === 'NoSuchKey') return;
      throw ioError('delete', key, err);
    }
  }

  async function* list(listOptions: ListOptions = {}): AsyncGenerator<ArchiveEntry> {
    const since = listOptions.since?.getTime();
    let token: string | undefined;
    do {
      let page: ListObjectsV2CommandOutput;
      try {
        const { sdk: m, client } = await connect();
        page = await client.send(new m.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: pageSize, ...(token ? { ContinuationToken: token } : {}) }));
      } catch (err) {
        throw ioError('list', `${bucket}/${prefix}`, err);
      }
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined || !object.Key.startsWith(prefix)) continue;
        const key = object.Key.slice(prefix.length);
        const parsed = parseArchiveKey(key);
        if (parsed === null) continue;
        if (since !== undefined && Date.parse(parsed.fetchedAt) < since) continue;
        yield { key, docId: parsed.docId, fetchedAt: parsed.fetchedAt };
      }
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  // Some S3-compatible stores (S3Proxy, older MinIO/Ceph) answer 501 to DeleteObjects as the SDK
  // sends it (with a CRC32 checksum header); after the first such answer, keys are deleted one by one.
  let batchDeletes = true;

  async function deleteBatch(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    if (batchDeletes) {
      let out;
      try {
        const { sdk: m, client } = await connect();
        out = await client.send(new m.DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((k) => ({ Key: objectKey(k) })), Quiet: true } }));
      } catch (err) {
        if (httpStatus(err) !== 501 && errorName(err) !== 'NotImplemented') throw ioError('delete', `${keys.length} objects from ${keys[0] ?? ''}`, err);
        batchDeletes = false;
      }
      const failed = (out?.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
      if (failed.length > 0) {
        const first = failed[0];
        throw new RetryLaterError('KHABAR_E_ARCHIVE_IO', `could not delete ${failed.length} archive objects (first: ${first?.Key ?? '?'}: ${first?.Code ?? '?'} ${first?.Message ?? ''})`, {
          context: { action: 'delete', failed: failed.length, key: first?.Key ?? '', errorCode: first?.Code ?? '' },
        });
      }
      if (batchDeletes) return;
    }
    for (let i = 0; i < keys.length; i += SINGLE_DELETE_PARALLELISM) {
      await Promise.all(keys.slice(i, i + SINGLE_DELETE_PARALLELISM).map((k) => remove(k)));
    }
  }

  async function prune(olderThan: Date): Promise<number> {
    const cutoff = olderThan.getTime();
    // Deleting while listing is safe on S3 (the continuation token is a key position), and keeps
    // memory flat however big the archive is.
    let batch: string[] = [];
    let deleted = 0;
    for await (const entry of list()) {
      if (Date.parse(entry.fetchedAt) >= cutoff) continue;
      batch.push(entry.key);
      if (batch.length >= pageSize) {
        await deleteBatch(batch);
        deleted += batch.length;
        batch = [];
      }
    }
    await deleteBatch(batch);
    return deleted + batch.length;
  }

  return { put, get, delete: remove, list, prune, close: () => void connected?.then(({ client }) => client.destroy(), () => {}) };
}
