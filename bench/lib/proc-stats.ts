import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on every mainstream Linux). */
const TICKS_PER_SEC = 100;

/** CPU time (user + system) a process has used so far, in ms; undefined once it is gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ") ".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / TICKS_PER_SEC;
  } catch {
    return undefined;
  }
}

/** Peak resident set size (VmHWM) of a live process, in bytes. */
export function peakRssBytes(pid: number): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Reads CPU and peak RSS of a set of processes at the start and end of a measured window. */
export class ProcWindow {
  private readonly start = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly peak = new Map<number, number>();

  begin(pids: readonly number[]): void {
    for (const pid of pids) this.start.set(pid, cpuMs(pid) ?? 0);
  }

  /** Call periodically and at the end: a process's last reading survives its exit. */
  sample(): void {
    for (const pid of this.start.keys()) {
      const c = cpuMs(pid);
      if (c !== undefined) this.last.set(pid, c);
      const r = peakRssBytes(pid);
      if (r !== undefined) this.peak.set(pid, Math.max(this.peak.get(pid) ?? 0, r));
    }
  }

  cpuMsOf(pid: number): number {
    return (this.last.get(pid) ?? this.start.get(pid) ?? 0) - (this.start.get(pid) ?? 0);
  }

  peakRssOf(pid: number): number {
    return this.peak.get(pid) ?? 0;
  }
}
