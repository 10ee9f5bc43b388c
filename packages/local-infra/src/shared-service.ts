import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { withFileLock } from './file-lock.ts';
import { pidAlive, stopPid } from './process.ts';

/**
 * A local service on one port that several processes may share (two vitest runs by different
 * engineers). The process that starts it records itself as owner; every user, owner included,
 * holds a lease file named after its pid. stop() releases the caller's lease and only stops the
 * service when no live lease remains, so one run's teardown never pulls the service from under
 * another run. All decisions happen under the slot's start lock.
 */
export interface ServiceSlot {
  readonly lockFile: string;
  readonly ownerFile: string;
  readonly leaseDir: string;
}

interface OwnerRecord {
  readonly pid: number;
  /** Directory to delete once the service is gone (Redis' throwaway --dir). */
  readonly cleanupDir?: string;
}

export function serviceSlot(dir: string, port: number): ServiceSlot {
  return {
    lockFile: path.join(dir, `start-${port}.lock`),
    ownerFile: path.join(dir, `owner-${port}.json`),
    leaseDir: path.join(dir, `leases-${port}`),
  };
}

/** True when the service on this slot was started (not detached) by an ensure* call and is still running. */
export async function ownerAlive(slot: ServiceSlot): Promise<boolean> {
  const owner = await readOwner(slot);
  return owner !== undefined && pidAlive(owner.pid);
}

/** Records the freshly started service (call under the start lock). */
export async function claimOwnership(slot: ServiceSlot, owner: OwnerRecord): Promise<void> {
  await fs.writeFile(slot.ownerFile, JSON.stringify(owner));
}

/**
 * Takes a lease (call under the start lock) and returns the matching stop(): release, and when
 * this was the last live lease stop the service, with `stopOwned` when we hold its handle
 * (SIGTERM/SIGKILL by pid otherwise).
 */
export async function takeLease(slot: ServiceSlot, stopOwned?: () => Promise<void>): Promise<() => Promise<void>> {
  await fs.mkdir(slot.leaseDir, { recursive: true });
  const lease = path.join(slot.leaseDir, `${process.pid}-${randomBytes(4).toString('hex')}`);
  await fs.writeFile(lease, '');
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await withFileLock(slot.lockFile, async () => {
      await fs.rm(lease, { force: true });
      if ((await liveLeases(slot)) > 0) return;
      const owner = await readOwner(slot);
      if (stopOwned) await stopOwned();
      else if (owner && pidAlive(owner.pid)) await stopPid(owner.pid);
      if (owner?.cleanupDir) await fs.rm(owner.cleanupDir, { recursive: true, force: true });
      await fs.rm(slot.ownerFile, { force: true });
    });
  };
}

/** Counts leases whose process is alive, deleting those left by dead processes. */
async function liveLeases(slot: ServiceSlot): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(slot.leaseDir);
  } catch {
    return 0;
  }
  let live = 0;
  for (const name of names) {
    const pid = Number.parseInt(name.split('-')[0] ?? '', 10);
    if (Number.isFinite(pid) && pidAlive(pid)) live += 1;
    else await fs.rm(path.join(slot.leaseDir, name), { force: true });
  }
  return live;
}

async function readOwner(slot: ServiceSlot): Promise<OwnerRecord | undefined> {
  try {
    const record = JSON.parse(await fs.readFile(slot.ownerFile, 'utf8')) as Partial<OwnerRecord>;
    return typeof record.pid === 'number' ? { pid: record.pid, ...(typeof record.cleanupDir === 'string' ? { cleanupDir: record.cleanupDir } : {}) } : undefined;
  } catch {
    return undefined;
  }
}
