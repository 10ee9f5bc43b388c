import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

export interface SpawnedProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** True once the process has exited (for whatever reason). */
  exited(): boolean;
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`; resolves when it is gone. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly logFile: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly uid?: number;
  readonly gid?: number;
  /** Survive our exit (CLI `up`): stdio goes to the log file only and the handle is unref'd. */
  readonly detached?: boolean;
}

/**
 * Starts a long-running process in its own process group (so stop() also reaches grandchildren,
 * e.g. Elasticsearch's CLI launcher and its server JVM), with stdout+stderr appended to `logFile`.
 */
export function spawnLogged(options: SpawnOptions): SpawnedProcess {
  const fd = fs.openSync(options.logFile, 'a');
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', fd, fd],
    detached: true,
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
  fs.closeSync(fd);
  let hasExited = false;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      hasExited = true;
      resolve();
    });
    child.once('error', () => {
      hasExited = true;
      resolve();
    });
  });
  if (options.detached) child.unref();
  const pid = child.pid ?? -1;
  return {
    pid,
    child,
    exited: () => hasExited,
    async stop(graceMs = 10_000) {
      if (hasExited) return;
      signalGroup(pid, 'SIGTERM');
      const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref());
      if ((await Promise.race([exitPromise, timer])) === 'timeout') {
        signalGroup(pid, 'SIGKILL');
        await exitPromise;
      }
    },
  };
}

/** Signals a process group (falling back to the single pid); ignores "no such process". */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  if (pid <= 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

export function pidAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops a process we do not hold a handle to (pid file from a detached `up`). */
export async function stopPid(pid: number, graceMs = 10_000): Promise<void> {
  if (!pidAlive(pid)) return;
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (pidAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (pidAlive(pid)) {
    signalGroup(pid, 'SIGKILL');
    while (pidAlive(pid)) await new Promise((r) => setTimeout(r, 100));
  }
}

/** The last `lines` lines of a log file ('' when missing). */
export function tailFile(file: string, lines = 30): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines - 1).join('\n').trimEnd();
  } catch {
    return '';
  }
}
