import type { Client, estypes } from '@elastic/elasticsearch';
import { readAliasView } from './aliases.ts';
import { copyDocuments, type CopyCounts, type SourceDocument } from './copy-documents.ts';
import { putArticleTemplate } from './ensure-index.ts';
import { DEFAULT_INDEX_LAYOUT, type IndexLayout } from './layout.ts';
import { IndexMaintenanceError } from './maintenance-error.ts';
import { maintenanceLockKey, tryAcquireLock, type LockRedis, type MaintenanceLock } from './maintenance-lock.ts';
import { loadMigrationState, migrationStateKey, saveMigrationState, type MigrationState, type ShardMarks } from './migration-state.ts';
import { indexNames, TEMPLATE_VERSION } from './template.ts';

export interface MigrateLogger {
  info(obj: object, msg?: string): void;
}

export interface MigrateOptions {
  readonly client: Client;
  /** Holds the maintenance lock (no rollover meanwhile) and the checkpoint. */
  readonly redis: LockRedis;
  /** Key prefix (KHABAR_QUEUE_PREFIX). */
  readonly prefix: string;
  readonly base: string;
  /** Shards and replicas of the target (default: DEFAULT_INDEX_LAYOUT); pass the indexer's. */
  readonly layout?: IndexLayout;
  /** Documents per page and per bulk (default 500). */
  readonly pageSize?: number;
  /** Copy rate limit in documents per second (0 or unset: as fast as Elasticsearch takes them). */
  readonly maxDocsPerSecond?: number;
  /**
   * How long after the alias swap the migration keeps catching up writes that writers still sent
   * to the old generations (their bulk was under way when the aliases moved). Default 60 s: longer
   * than one bulk request may take.
   */
  readonly settleMs?: number;
  /** Pause between catch-up passes (default 1 s). */
  readonly passIntervalMs?: number;
  /** Forget an unfinished migration that has not swapped the aliases yet and start over. */
  readonly restart?: boolean;
  /** Stops between pages, keeping the checkpoint (the report says finished: false). */
  readonly signal?: AbortSignal;
  readonly logger?: MigrateLogger;
  /** Called after every page and pass (for progress output). */
  readonly onProgress?: (state: Readonly<MigrationState>) => void;
  /** Clock for the target's name (tests). */
  readonly now?: () => Date;
}

export interface MigrationReport {
  readonly finished: boolean;
  /** True when this run continued a checkpoint left by an earlier one. */
  readonly resumed: boolean;
  readonly target: string;
  readonly sources: readonly string[];
  /** Documents written by the copy phase, over every run of this migration. */
  readonly copied: number;
  /** Documents written by catch-up passes (changed while the copy ran). */
  readonly caughtUp: number;
  /** Documents this run wrote into the target (created or replaced); skipped ones were already newer there. */
  readonly thisRun: CopyCounts;
}

const LOCK_TTL_MS = 60_000;
const PIT_KEEP_ALIVE_S = 300;

/** `<base>-m20261129t013000-000001`: a generation stem of its own, so later rollovers never collide with the old stem. */
export function migrationTargetName(base: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').toLowerCase();
  return `${base}-m${stamp}-000001`;
}

/**
 * `khabar index migrate`: moves every document behind the read alias into a new index built from
 * the current template, while writers keep writing (docs/index-operations.md):
 *  1. copy: a point in time over the source generations, read in id order with search_after,
 *     bulk-copied (newest version wins, see copyDocuments), checkpointed per page, throttled;
 *  2. catch-up: what changed in the sources since (sequence numbers above each shard's mark,
 *     after a refresh) is copied again, pass after pass, until a pass is small;
 *  3. swap: one `_aliases` call moves the read and write aliases from every old generation to the
 *     target, so readers and writers switch together;
 *  4. settle: catch-up passes go on for `settleMs` after the swap, for bulks that were already
 *     on their way to an old generation, until one finds nothing.
 * The old generations are left in place without aliases (delete them when `khabar index status`
 * shows the migration done). Holds the maintenance lock throughout, so no rollover interferes.
 */
export async function migrateIndex(options: MigrateOptions): Promise<MigrationReport> {
  const { client, redis, base } = options;
  const names = indexNames(base);
  const lock = await tryAcquireLock(redis, maintenanceLockKey(options.prefix, base), LOCK_TTL_MS);
  if (!lock) throw new IndexMaintenanceError('KHABAR_E_INDEX_BUSY', `another rollover or migration of ${base} holds the maintenance lock; try again when it is done`);
  const keeper = keepLock(lock);
  try {
    const stateKey = migrationStateKey(options.prefix, base);
    const saved = await loadMigrationState(redis, stateKey);
    const unfinished = saved !== undefined && saved.phase !== 'done' ? saved : undefined;
    // --restart only before the swap: after it the target is live and can only be settled.
    const resumed = unfinished !== undefined && !(options.restart && unfinished.phase !== 'settle');
    let state: MigrationState;
    if (unfinished && resumed) {
      if (!(await client.indices.exists({ index: unfinished.target }))) {
        throw new IndexMaintenanceError('KHABAR_E_INDEX_MIGRATION', `the migration's target ${unfinished.target} no longer exists; run again with --restart`);
      }
      state = unfinished;
    } else {
      if (unfinished) await dropUnswappedTarget(client, unfinished.target, names.readAlias);
      state = await startMigration(client, base, options.now?.() ?? new Date(), options.layout);
    }
    const run = new Run(options, state, stateKey, keeper);
    await run.save();
    options.logger?.info({ target: run.state.target, sources: run.state.sources, phase: run.state.phase, resumed }, resumed ? 'migration resumed' : 'migration started');
    const finished = await run.execute(names);
    return { finished, resumed, target: run.state.target, sources: run.state.sources, copied: run.state.copied, caughtUp: run.state.caughtUp, thisRun: run.counts };
  } finally {
    keeper.stop();
    await lock.release();
  }
}

/** --restart: the abandoned target was never behind an alias (checked again here); remove it. */
async function dropUnswappedTarget(client: Client, target: string, readAlias: string): Promise<void> {
  if (!(await client.indices.exists({ index: target }))) return;
  if (await client.indices.existsAlias({ name: readAlias, index: target })) {
    throw new IndexMaintenanceError('KHABAR_E_INDEX_MIGRATION', `${target} is already behind ${readAlias}; it cannot be restarted, only resumed`);
  }
  await client.indices.delete({ index: target });
}

async function startMigration(client: Client, base: string, now: Date, layout: IndexLayout = DEFAULT_INDEX_LAYOUT): Promise<MigrationState> {
  const names = indexNames(base);
  const view = await readAliasView(client, names.readAlias, names.writeAlias);
  if (view.readIndices.length === 0 || view.writeIndex === undefined) {
    throw new IndexMaintenanceError('KHABAR_E_INDEX_MISSING', `aliases ${names.readAlias} / ${names.writeAlias} do not exist: nothing to migrate (the indexer creates them)`);
  }
  const missingId = await client.count({ index: [...view.readIndices], query: { bool: { must_not: { exists: { field: 'id' } } } } });
  if (missingId.count > 0) {
    throw new IndexMaintenanceError('KHABAR_E_INDEX_MIGRATION', `${missingId.count} documents behind ${names.readAlias} have no "id" field; the migration reads documents in id order and cannot copy them`);
  }
  // The template the indexer would install, without aliases: the target stays invisible until the swap.
  await putArticleTemplate(client, base, layout);
  const target = migrationTargetName(base, now);
  await client.indices.create({ index: target, wait_for_active_shards: 1 });
  if (await client.indices.existsAlias({ name: names.readAlias, index: target })) {
    // An indexer of an older Khabar put its template (with the read alias) back in between.
    await client.indices.delete({ index: target });
    throw new IndexMaintenanceError('KHABAR_E_INDEX_MIGRATION', `${names.template} still gives new indices the read alias (an older indexer is running?); upgrade every indexer, then migrate`);
  }
  return {
    v: 1,
    target,
    templateVersion: TEMPLATE_VERSION,
    sources: [...view.readIndices],
    phase: 'copy',
    lastId: null,
    marks: {},
    copied: 0,
    caughtUp: 0,
    passes: 0,
    startedAt: now.toISOString(),
    swappedAt: null,
    finishedAt: null,
  };
}

interface LockKeeper {
  /** Throws when the lock was lost (it expired and someone else took it): stop at once. */
  check(): void;
  stop(): void;
}

function keepLock(lock: MaintenanceLock): LockKeeper {
  let lost = false;
  const timer = setInterval(() => {
    lock.extend().then(
      (held) => {
        if (!held) lost = true;
      },
      () => undefined, // a blip: the next extension (a third of the ttl later) tries again
    );
  }, LOCK_TTL_MS / 3);
  timer.unref();
  return {
    check() {
      if (lost) throw new IndexMaintenanceError('KHABAR_E_INDEX_BUSY', 'the migration lost its maintenance lock (Redis unreachable for a minute?); run it again to resume');
    },
    stop: () => clearInterval(timer),
  };
}

class Run {
  readonly counts: CopyCounts = { created: 0, replaced: 0, skipped: 0 };
  readonly state: MigrationState;
  private readonly options: MigrateOptions;
  private readonly client: Client;
  private readonly stateKey: string;
  private readonly keeper: LockKeeper;
  private readonly pageSize: number;
  private readonly startedAt = Date.now();
  private written = 0;

  constructor(options: MigrateOptions, state: MigrationState, stateKey: string, keeper: LockKeeper) {
    this.options = options;
    this.client = options.client;
    this.state = state;
    this.stateKey = stateKey;
    this.keeper = keeper;
    this.pageSize = options.pageSize ?? 500;
  }

  async save(): Promise<void> {
    await saveMigrationState(this.options.redis, this.stateKey, this.state);
    this.options.onProgress?.(this.state);
  }

  private get aborted(): boolean {
    return this.options.signal?.aborted ?? false;
  }

  /** Runs the phases from the checkpoint on; false when stopped by the signal. */
  async execute(names: ReturnType<typeof indexNames>): Promise<boolean> {
    if (this.state.phase === 'copy') {
      if (!(await this.copyAll())) return false;
      this.state.phase = 'catch-up';
      await this.save();
    }
    if (this.state.phase === 'catch-up') {
      // Until a pass is small, so the swap leaves little for readers to miss; when writers change
      // documents faster than passes shrink, swap anyway (the settle phase catches up after it).
      let previous = Number.POSITIVE_INFINITY;
      for (let pass = 0; pass < 10; pass++) {
        if (this.aborted) return false;
        const changed = await this.catchUpPass(names);
        if (changed <= this.pageSize || changed >= previous) break;
        previous = changed;
      }
      await this.swap(names);
      this.state.phase = 'settle';
      this.state.swappedAt = new Date().toISOString();
      await this.save();
    }
    if (this.state.phase === 'settle') {
      const settleMs = this.options.settleMs ?? 60_000;
      const swappedAt = Date.parse(this.state.swappedAt ?? new Date().toISOString());
      for (;;) {
        if (this.aborted) return false;
        const changed = await this.catchUpPass(names);
        if (changed === 0 && Date.now() - swappedAt >= settleMs) break;
        await new Promise((r) => setTimeout(r, this.options.passIntervalMs ?? 1_000));
      }
      this.state.phase = 'done';
      this.state.finishedAt = new Date().toISOString();
      await this.save();
      this.options.logger?.info({ target: this.state.target, copied: this.state.copied, caughtUp: this.state.caughtUp }, 'migration done');
    }
    return true;
  }

  /** Phase 1: every document of the sources as of now, in id order from the checkpoint on. */
  private async copyAll(): Promise<boolean> {
    const { client, state } = this;
    // Marks first, then refresh: every change up to the marks is visible to the point in time,
    // and catch-up takes everything above them (changes while this phase runs).
    if (Object.keys(state.marks).length === 0) {
      state.marks = await localCheckpoints(client, state.sources);
      await this.save();
    }
    await client.indices.refresh({ index: state.sources });
    // Long enough to outlast the throttle's pause between two pages.
    const rate = this.options.maxDocsPerSecond ?? 0;
    const keepAlive = rate > 0 ? `${Math.max(PIT_KEEP_ALIVE_S, Math.ceil((2 * this.pageSize) / rate))}s` : `${PIT_KEEP_ALIVE_S}s`;
    let pit = (await client.openPointInTime({ index: state.sources, keep_alive: keepAlive })).id;
    try {
      for (;;) {
        this.keeper.check();
        if (this.aborted) return false;
        const page = await client.search<Record<string, unknown>>({
          pit: { id: pit, keep_alive: keepAlive },
          size: this.pageSize,
          sort: [{ id: { order: 'asc' } }],
          ...(state.lastId !== null ? { search_after: [state.lastId] } : {}),
          track_total_hits: false,
        });
        pit = page.pit_id ?? pit;
        const hits = page.hits.hits;
        if (hits.length === 0) return true;
        await this.write(toSourceDocuments(hits));
        state.copied += hits.length;
        state.lastId = String(hits[hits.length - 1]?.sort?.[0]);
        await this.save();
        await this.throttle();
      }
    } finally {
      await client.closePointInTime({ id: pit }).catch(() => undefined);
    }
  }

  /**
   * Copies what changed in any source since its marks (sequence numbers above each shard's
   * local checkpoint, made visible by a refresh) and moves the marks up. Generations that joined
   * the read alias meanwhile (a rollover by an indexer of a newer version) are copied whole.
   */
  private async catchUpPass(names: ReturnType<typeof indexNames>): Promise<number> {
    const { client, state } = this;
    this.keeper.check();
    if (state.phase !== 'settle') {
      const view = await readAliasView(client, names.readAlias, names.writeAlias);
      for (const index of view.readIndices) if (index !== state.target && !state.sources.includes(index)) state.sources.push(index);
    }
    const existing = await existingIndices(client, state.sources);
    const next = await localCheckpoints(client, existing);
    await client.indices.refresh({ index: existing });
    let changed = 0;
    for (const index of existing) {
      for (const shard of Object.keys(next[index] ?? {})) {
        const after = state.marks[index]?.[shard] ?? -1;
        changed += await this.scanChanged(index, shard, after);
      }
    }
    state.marks = { ...state.marks, ...next };
    state.caughtUp += changed;
    state.passes += 1;
    await this.save();
    return changed;
  }

  private async scanChanged(index: string, shard: string, afterSeqNo: number): Promise<number> {
    let searchAfter: estypes.SortResults | undefined;
    let total = 0;
    for (;;) {
      const page = await this.client.search<Record<string, unknown>>({
        index,
        preference: `_shards:${shard}`,
        size: this.pageSize,
        query: { range: { _seq_no: { gt: afterSeqNo } } },
        sort: [{ id: { order: 'asc' } }],
        ...(searchAfter ? { search_after: searchAfter } : {}),
        track_total_hits: false,
      });
      const hits = page.hits.hits;
      if (hits.length === 0) return total;
      await this.write(toSourceDocuments(hits));
      total += hits.length;
      searchAfter = hits[hits.length - 1]?.sort;
      await this.throttle();
    }
  }

  private async write(docs: readonly SourceDocument[]): Promise<void> {
    // Before the swap only the migration writes the target: a source that changed again is newer.
    await copyDocuments(this.client, this.state.target, docs, this.state.phase === 'settle' ? 'bigger-cluster' : 'source', this.counts);
    this.written += docs.length;
  }

  /** Sleeps until this run's documents per second are back under the limit. */
  private async throttle(): Promise<void> {
    const rate = this.options.maxDocsPerSecond ?? 0;
    if (rate <= 0) return;
    const due = this.startedAt + (this.written / rate) * 1000;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }

  /**
   * One `_aliases` call: the read alias leaves every old generation and the write alias every
   * index that carries it, and both land on the target (write index). Readers and writers switch
   * at the same instant; no moment shows two copies or none.
   */
  private async swap(names: ReturnType<typeof indexNames>): Promise<void> {
    const { client, state } = this;
    for (let attempt = 1; ; attempt++) {
      const view = await readAliasView(client, names.readAlias, names.writeAlias);
      const actions: estypes.IndicesUpdateAliasesAction[] = [];
      for (const index of view.readIndices) if (index !== state.target) actions.push({ remove: { index, alias: names.readAlias, must_exist: true } });
      for (const index of view.writeAliasIndices) if (index !== state.target) actions.push({ remove: { index, alias: names.writeAlias, must_exist: true } });
      actions.push({ add: { index: state.target, alias: names.readAlias } }, { add: { index: state.target, alias: names.writeAlias, is_write_index: true } });
      for (const index of [...view.readIndices, ...view.writeAliasIndices]) if (index !== state.target && !state.sources.includes(index)) state.sources.push(index);
      try {
        await client.indices.updateAliases({ actions });
        return;
      } catch (error) {
        // An alias moved between the read and the call (must_exist failed): read again and retry.
        if (attempt >= 5) throw error;
      }
    }
  }
}

function toSourceDocuments(hits: ReadonlyArray<estypes.SearchHit<Record<string, unknown>>>): SourceDocument[] {
  return hits.map((hit) => ({ id: hit._id ?? String(hit._source?.['id']), source: hit._source ?? {} }));
}

async function existingIndices(client: Client, indices: readonly string[]): Promise<string[]> {
  if (indices.length === 0) return [];
  const found = await client.indices.get({ index: [...indices], ignore_unavailable: true, allow_no_indices: true, features: ['settings'] });
  return indices.filter((index) => index in found);
}

/** Per index and shard, the primary's local checkpoint: every change at or below it is complete. */
async function localCheckpoints(client: Client, indices: readonly string[]): Promise<Record<string, ShardMarks>> {
  if (indices.length === 0) return {};
  const stats = await client.indices.stats({ index: [...indices], level: 'shards', metric: 'docs' });
  const out: Record<string, ShardMarks> = {};
  for (const [index, entry] of Object.entries(stats.indices ?? {})) {
    const marks: ShardMarks = {};
    for (const [shard, copies] of Object.entries(entry.shards ?? {})) {
      const list = (Array.isArray(copies) ? copies : [copies]) as Array<{ routing?: { primary?: boolean }; seq_no?: { local_checkpoint?: number } }>;
      const primary = list.find((copy) => copy.routing?.primary === true);
      if (primary?.seq_no?.local_checkpoint !== undefined) marks[shard] = primary.seq_no.local_checkpoint;
    }
    out[index] = marks;
  }
  return out;
}
