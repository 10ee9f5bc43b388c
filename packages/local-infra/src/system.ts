import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';

const run = promisify(execFile);

/** Path of `command` on PATH (or in the usual sbin dirs), undefined when absent. */
export function findCommand(command: string): string | undefined {
  const dirs = [...(process.env['PATH'] ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Installs Debian packages (root only): CI machines start fresh. */
export async function aptInstall(packages: readonly string[]): Promise<void> {
  if (!isRoot()) {
    throw new Error(`missing ${packages.join(', ')}: install it (apt-get install ${packages.join(' ')}) or run as root`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env, maxBuffer: 64 * 1024 * 1024 });
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env, maxBuffer: 64 * 1024 * 1024 });
}

export interface SystemUser {
  readonly uid: number;
  readonly gid: number;
}

/**
 * The unprivileged system user Elasticsearch runs as when we are root (it refuses to run as
 * root), created on first use. Returns undefined when we are not root: run as ourselves.
 */
export async function ensureSystemUser(name: string): Promise<SystemUser | undefined> {
  if (!isRoot()) return undefined;
  const existing = await lookupUser(name);
  if (existing) return existing;
  try {
    await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
  } catch (error) {
    // Another process may have created it at the same moment (exit code 9: already exists).
    if (!(await lookupUser(name))) throw error;
  }
  const created = await lookupUser(name);
  if (!created) throw new Error(`could not create system user ${name}`);
  return created;
}

async function lookupUser(name: string): Promise<SystemUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/** Recursively hands a directory tree to `user` (no-op when not root). */
export async function chownTree(dir: string, user: SystemUser | undefined): Promise<void> {
  if (!user) return;
  await run('chown', ['-R', `${user.uid}:${user.gid}`, dir]);
}

export { run as execFileAsync };
