import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../src/file-lock.ts';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'khabar-lock-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('withFileLock', () => {
  it('never lets two holders overlap and removes the lock afterwards', async () => {
    const lock = path.join(dir, 'x.lock');
    const events: string[] = [];
    const hold = (name: string) =>
      withFileLock(lock, async () => {
        events.push(`${name}+`);
        await new Promise((r) => setTimeout(r, 150));
        events.push(`${name}-`);
        return name;
      });
    expect(await Promise.all([hold('a'), hold('b')])).toEqual(['a', 'b']);
    expect(events.join(' ')).toMatch(/^(a\+ a- b\+ b-|b\+ b- a\+ a-)$/);
    await expect(fs.access(lock)).rejects.toThrow();
  });

  it('takes over a lock left by a dead process', async () => {
    const lock = path.join(dir, 'stale.lock');
    await fs.writeFile(lock, '2147483646\n2020-01-01T00:00:00Z\n');
    expect(await withFileLock(lock, async () => 'ran', { timeoutMs: 2_000 })).toBe('ran');
  });

  it('times out while a live process holds the lock', async () => {
    const lock = path.join(dir, 'busy.lock');
    await fs.writeFile(lock, `${process.pid}\n`);
    await expect(withFileLock(lock, async () => 'ran', { timeoutMs: 500 })).rejects.toThrow(/timed out/);
  });
});
