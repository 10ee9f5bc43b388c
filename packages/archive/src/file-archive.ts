import { randomUUID } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, readFile, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KhabarError, RetryLaterError } from '@khabar/errors';
import { KEY_SUFFIX, archiveKeyFor, parseArchiveKey } from './archive-key.ts';
import { decodeEntry, missingEntry } from './entry-errors.ts';
import { encodePage } from './page-codec.ts';
import type { ArchiveEntry, ArchiveRecord, ArchivedPage, ListOptions, PageArchive } from './types.ts';

export interface FileArchiveOptions {
  /** Root directory; created on first write. */
  readonly dir: string;
}

const TEMP_SUFFIX = '.tmp';

function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function ioError(action: string, key: string, err: unknown): RetryLaterError {
  const message = err instanceof Error ? err.message : String(err);
  return new RetryLaterError('KHABAR_E_ARCHIVE_IO', `could not ${action} archive entry ${key}: ${message}`, {
    context: { key, action, ...(errnoCode(err) === undefined ? {} : { errorCode: errnoCode(err) }) },
    cause: err,
  });
}


async function readdirOrEmpty(path: string): Promise<string[]> {
  try {
    return (await readdir(path)).sort();
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw err;
  }
}

/**
 * Page archive on a local (or mounted) file system: one gzip file per fetch under `dir`.
 * Writes go to a temp file in the target directory, are fsynced, then renamed into place, so a
 * reader sees either no entry or a whole one, and a crash leaves only a temp file that `list`
 * ignores and `prune` removes.
 */
export function createFileArchive(options: FileArchiveOptions): PageArchive {
  const root = options.dir;
  const pathOf = (key: string): string => join(root, ...key.split('/'));

  async function put(record: ArchiveRecord): Promise<string> {
    const key = archiveKeyFor(record.docId, record.fetchedAt);
    const target = pathOf(key);
    const dir = dirname(target);
    const temp = join(dir, `.${key.split('/').pop() ?? 'entry'}.${randomUUID()}${TEMP_SUFFIX}`);
    try {
      const data = await encodePage(record);
      const handle = await openTemp(dir, temp);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
      await syncDir(dir);
      return key;
    } catch (err) {
      await unlink(temp).catch(() => {});
      if (err instanceof KhabarError) throw err;
      throw ioError('write', key, err);
    }
  }

  async function get(key: string): Promise<ArchivedPage> {
    if (parseArchiveKey(key) === null) throw missingEntry(key, 'is not a valid archive key');
    let stored: Buffer;
    try {
      stored = await readFile(pathOf(key));
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') throw missingEntry(key, 'does not exist', err);
      throw ioError('read', key, err);
    }
    return decodeEntry(key, stored, ioError);
  }

  async function remove(key: string): Promise<void> {
    if (parseArchiveKey(key) === null) return;
    const path = pathOf(key);
    try {
      await unlink(path);
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') throw ioError('delete', key, err);
    }
    await removeIfEmpty(dirname(path));
    await removeIfEmpty(dirname(dirname(path)));
  }

  async function* list(listOptions: ListOptions = {}): AsyncGenerator<ArchiveEntry> {
    const since = listOptions.since?.getTime();
    try {
      for (const prefix of await readdirOrEmpty(root)) {
        for (const docId of await readdirOrEmpty(join(root, prefix))) {
          for (const file of await readdirOrEmpty(join(root, prefix, docId))) {
            if (!file.endsWith(KEY_SUFFIX) || file.startsWith('.')) continue;
            const key = `${prefix}/${docId}/${file}`;
            const parsed = parseArchiveKey(key);
            if (parsed === null) continue;
            if (since !== undefined && Date.parse(parsed.fetchedAt) < since) continue;
            yield { key, docId: parsed.docId, fetchedAt: parsed.fetchedAt };
          }
        }
      }
    } catch (err) {
      if (err instanceof KhabarError) throw err;
      throw ioError('list', root, err);
    }
  }

  async function prune(olderThan: Date): Promise<number> {
    const cutoff = olderThan.getTime();
    const doomed: string[] = [];
    for await (const entry of list()) {
      if (Date.parse(entry.fetchedAt) < cutoff) doomed.push(entry.key);
    }
    for (const key of doomed) await remove(key);
    await pruneTempFiles(cutoff);
    return doomed.length;
  }

  /** Temp files left by a crash mid-write, older than the cutoff. Not counted as entries. */
  async function pruneTempFiles(cutoff: number): Promise<void> {
    for (const prefix of await readdirOrEmpty(root)) {
      for (const docId of await readdirOrEmpty(join(root, prefix))) {
        const dir = join(root, prefix, docId);
        for (const file of await readdirOrEmpty(dir)) {
          if (!file.endsWith(TEMP_SUFFIX)) continue;
          const path = join(dir, file);
          const info = await stat(path).catch(() => null);
          if (info !== null && info.mtimeMs < cutoff) await unlink(path).catch(() => {});
        }
        await removeIfEmpty(dir);
      }
      await removeIfEmpty(join(root, prefix));
    }
  }

  return { put, get, delete: remove, list, prune };
}

/**
 * Creates the temp file; its directory is made only when missing (the first entry of the hour, or
 * a concurrent prune removed it), not before every write: one file-system call less per page.
 */
async function openTemp(dir: string, temp: string): Promise<FileHandle> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await open(temp, 'wx');
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT' || attempt >= 3) throw err;
      await mkdir(dir, { recursive: true });
    }
  }
}

/** Makes a rename durable (the directory entry itself is flushed); best effort. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on directories; the rename itself is still atomic.
  }
}

async function removeIfEmpty(dir: string): Promise<void> {
  await rmdir(dir).catch(() => {});
}
