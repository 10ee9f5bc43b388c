import fs from 'node:fs/promises';
import { pidAlive } from './process.ts';

export interface FileLockOptions {
  /** Give up waiting after this long (default 10 minutes: a first Elasticsearch download may be slow). */
  readonly timeoutMs?: number;
  /** A lock older than this is considered abandoned even if its pid looks alive (pid reuse). */
  readonly staleMs?: number;
}

/**
 * Runs `fn` while holding an exclusive lock file (created with O_EXCL, holding our pid), so two
 * processes (two vitest runs, test + demo) never download, unzip or start the same thing at once.
 * A lock whose owner is dead, or that is older than `staleMs`, is taken over.
 */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const staleMs = options.staleMs ?? 900_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await fs.open(lockPath, 'wx');
      await handle.writeFile(`${process.pid}\n${new Date().toISOString()}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(lockPath, staleMs)) {
        await fs.rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for lock ${lockPath}`, { cause: error });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lockPath, { force: true });
  }
}

async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  try {
    const [content, stat] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
    const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
    if (Number.isFinite(pid) && pid > 0 && !pidAlive(pid)) return true;
    // An empty file is a lock being written right now, unless it has been empty for a while.
    if (!Number.isFinite(pid) && Date.now() - stat.mtimeMs > 5_000) return true;
    return Date.now() - stat.mtimeMs > staleMs;
  } catch {
    return false; // vanished between open and read: just retry
  }
}
