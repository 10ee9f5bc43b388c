import { readFile } from 'node:fs/promises';

/** The parts of a V8 `.cpuprofile` (node --cpu-prof) the summary reads. */
interface CpuProfile {
  readonly nodes: ReadonlyArray<{ readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }; readonly hitCount?: number }>;
  readonly samples: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

export interface ProfileFrame {
  readonly frame: string;
  readonly selfPct: number;
}

export interface ProfileSummary {
  readonly threads: number;
  /** Summed over threads. */
  readonly totalMs: number;
  /** Busy (non-idle) share of the profile. */
  readonly busyPct: number;
  readonly topFrames: readonly ProfileFrame[];
  /** Self time grouped by package / dependency. */
  readonly byModule: readonly ProfileFrame[];
}

function moduleOf(url: string): string {
  const dep = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/u.exec(url);
  if (dep?.[1]) return dep[1];
  const ws = /\/(packages|services)\/([^/]+)\//u.exec(url);
  if (ws?.[2]) return `${ws[1]}/${ws[2]}`;
  if (url.startsWith('node:')) return 'node core';
  return url ? 'other' : '(native/vm)';
}

/**
 * Self-time summary of the profiles of one process (node --cpu-prof writes one file per thread:
 * the main thread and each worker thread): the hottest functions and the modules they live in.
 */
export async function summariseCpuProfiles(files: readonly string[], top = 12): Promise<ProfileSummary> {
  const frames = new Map<string, number>();
  const modules = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let totalMs = 0;
  for (const file of files) {
    const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
    totalMs += (profile.endTime - profile.startTime) / 1000;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const hits = new Map<number, number>();
    for (const s of profile.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
  for (const [id, count] of hits) {
    const node = byId.get(id);
    if (!node) continue;
    total += count;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += count;
      continue;
    }
    const short = url.replace(/^.*\/(node_modules|packages|services)\//u, '$1/');
    const key = `${functionName || '(anonymous)'} ${short ? `${short}:${lineNumber + 1}` : ''}`.trim();
    frames.set(key, (frames.get(key) ?? 0) + count);
    const mod = moduleOf(url);
    modules.set(mod, (modules.get(mod) ?? 0) + count);
  }
  }
  const busy = Math.max(1, total - idle);
  const rank = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([frame, n]) => ({ frame, selfPct: Math.round((n / busy) * 1000) / 10 }));
  return { threads: files.length, totalMs, busyPct: Math.round(((total - idle) / Math.max(1, total)) * 1000) / 10, topFrames: rank(frames), byModule: rank(modules) };
}
