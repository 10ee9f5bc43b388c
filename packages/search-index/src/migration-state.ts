import type { LockRedis } from './maintenance-lock.ts';

/** Shard number → highest sequence number whose changes are already in the target. */
export type ShardMarks = Record<string, number>;

/**
 * The checkpoint of one migration, kept in Redis after every page so an interrupted
 * `khabar index migrate` resumes where it stopped (`<prefix>:index:<base>:migration`).
 */
export interface MigrationState {
  readonly v: 1;
  /** The index being filled: `<base>-m<yyyymmddhhmmss>-000001`, built from the current template. */
  readonly target: string;
  readonly templateVersion: number;
  /** Generations copied from (every index behind the read alias, plus any that joined since). */
  sources: string[];
  /** copy: first full pass (point in time, sorted by id); catch-up: before the alias swap; settle: after it; done. */
  phase: 'copy' | 'catch-up' | 'settle' | 'done';
  /** Last id copied in the copy phase (documents are read in id order). */
  lastId: string | null;
  /** Per source index: what the copy and catch-up passes already covered (local checkpoints). */
  marks: Record<string, ShardMarks>;
  copied: number;
  caughtUp: number;
  passes: number;
  readonly startedAt: string;
  swappedAt: string | null;
  finishedAt: string | null;
}

export function migrationStateKey(prefix: string, base: string): string {
  return `${prefix}:index:${base}:migration`;
}

export async function loadMigrationState(redis: LockRedis, key: string): Promise<MigrationState | undefined> {
  const raw = await redis.get(key);
  if (raw === null) return undefined;
  const parsed = JSON.parse(raw) as Partial<MigrationState>;
  return parsed.v === 1 && typeof parsed.target === 'string' ? (parsed as MigrationState) : undefined;
}

export async function saveMigrationState(redis: LockRedis, key: string, state: MigrationState): Promise<void> {
  await redis.set(key, JSON.stringify(state));
}
