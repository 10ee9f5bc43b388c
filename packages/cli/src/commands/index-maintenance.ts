import type { Cluster, Redis } from 'ioredis';
import { ELASTICSEARCH_DEFAULT_PORTS } from '@khabar/local-infra';
import {
  createSearchClient,
  DEFAULT_ROLLOVER_SETTINGS,
  IndexMaintenanceError,
  indexStatus,
  maintenanceLockKey,
  migrateIndex,
  parseIndexLayout,
  parseRolloverConditions,
  rolloverIndex,
  tryAcquireLock,
  type IndexLayout,
  type IndexStatus,
  type MigrationReport,
  type MigrationState,
  type RolloverOutcome,
} from '@khabar/search-index';
import { CliError } from '../io.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Where `khabar index …` finds its cluster and names (never starts an Elasticsearch: maintenance of an empty one is meaningless). */
export interface IndexTarget {
  readonly esUrl: string;
  readonly apiKey: string | undefined;
  readonly base: string;
  readonly prefix: string;
  /** Shards/replicas a migration target gets (KHABAR_INDEX_SHARDS / KHABAR_INDEX_REPLICAS, as the indexer). */
  readonly layout: IndexLayout;
}

export function indexTarget(env: Env, base?: string): IndexTarget {
  return {
    esUrl: env['ELASTICSEARCH_URL'] || `http://127.0.0.1:${ELASTICSEARCH_DEFAULT_PORTS.demo}`,
    apiKey: env['ELASTICSEARCH_API_KEY'] || undefined,
    base: base ?? (env['KHABAR_INDEX_NAME'] || 'khabar-articles'),
    prefix: env['KHABAR_QUEUE_PREFIX'] || '{khabar}',
    layout: layoutFrom(env),
  };
}

function layoutFrom(env: Env): IndexLayout {
  try {
    return parseIndexLayout(env['KHABAR_INDEX_SHARDS'], env['KHABAR_INDEX_REPLICAS']);
  } catch (error) {
    throw new CliError('KHABAR_E_BAD_INPUT', (error as Error).message);
  }
}

function clientFor(target: IndexTarget) {
  return createSearchClient(target.esUrl, target.apiKey ? { apiKey: target.apiKey } : {});
}

/** Library errors as CLI errors with the same stable code. */
function asCliError(error: unknown): unknown {
  if (error instanceof IndexMaintenanceError) return new CliError(error.code, error.message);
  const e = error as { name?: string; message?: string };
  if (e?.name === 'ConnectionError' || e?.name === 'TimeoutError') return new CliError('KHABAR_E_INDEX_UNAVAILABLE', `Elasticsearch did not answer: ${e.message ?? ''}`);
  return error;
}

export interface RolloverCommandOptions {
  readonly dryRun?: boolean;
  readonly maxAge?: string;
  readonly maxDocs?: string;
  readonly maxPrimarySize?: string;
}

/**
 * `khabar index rollover [--dry-run]`: the indexer's periodic check, on demand. Conditions: the
 * flags, else KHABAR_INDEX_ROLLOVER_*, else the defaults. Takes the maintenance lock, so it never
 * runs during a migration or another indexer's check.
 */
export async function rolloverCommand(redis: Redis | Cluster, target: IndexTarget, options: RolloverCommandOptions, env: Env): Promise<RolloverOutcome> {
  const pick = (flag: string | undefined, name: string, fallback: string): string => flag ?? env[name] ?? fallback;
  let conditions;
  try {
    conditions = parseRolloverConditions({
      maxAge: pick(options.maxAge, 'KHABAR_INDEX_ROLLOVER_MAX_AGE', DEFAULT_ROLLOVER_SETTINGS.maxAge),
      maxDocs: pick(options.maxDocs, 'KHABAR_INDEX_ROLLOVER_MAX_DOCS', DEFAULT_ROLLOVER_SETTINGS.maxDocs),
      maxPrimarySize: pick(options.maxPrimarySize, 'KHABAR_INDEX_ROLLOVER_MAX_PRIMARY_SIZE', DEFAULT_ROLLOVER_SETTINGS.maxPrimarySize),
    });
  } catch (error) {
    throw asCliError(error);
  }
  const lock = await tryAcquireLock(redis, maintenanceLockKey(target.prefix, target.base), 60_000);
  if (!lock) throw new CliError('KHABAR_E_INDEX_BUSY', `a rollover or migration of ${target.base} is running (maintenance lock held); try again when it is done`);
  const client = clientFor(target);
  try {
    return await rolloverIndex(client, target.base, conditions, { dryRun: options.dryRun ?? false });
  } catch (error) {
    throw asCliError(error);
  } finally {
    await lock.release();
    await client.close();
  }
}

export interface MigrateCommandOptions {
  readonly pageSize?: number;
  readonly rate?: number;
  readonly settleMs?: number;
  readonly restart?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (state: Readonly<MigrationState>) => void;
}

/** `khabar index migrate`: see migrateIndex in @khabar/search-index and docs/index-operations.md. */
export async function migrateCommand(redis: Redis | Cluster, target: IndexTarget, options: MigrateCommandOptions): Promise<MigrationReport> {
  for (const [name, value] of [
    ['--page-size', options.pageSize],
    ['--rate', options.rate],
    ['--settle-ms', options.settleMs],
  ] as const) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < (name === '--page-size' ? 1 : 0))) throw new CliError('KHABAR_E_BAD_INPUT', `${name} must be a whole number${name === '--page-size' ? ' above 0' : ''}`);
  }
  const client = clientFor(target);
  try {
    return await migrateIndex({
      client,
      redis,
      prefix: target.prefix,
      base: target.base,
      layout: target.layout,
      ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
      ...(options.rate !== undefined ? { maxDocsPerSecond: options.rate } : {}),
      ...(options.settleMs !== undefined ? { settleMs: options.settleMs } : {}),
      ...(options.restart ? { restart: true } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } catch (error) {
    throw asCliError(error);
  } finally {
    await client.close();
  }
}

/** `khabar index status`: generations, alias targets, counts, template versions and the last migration. */
export async function statusCommand(redis: Redis | Cluster | undefined, target: IndexTarget): Promise<IndexStatus> {
  const client = clientFor(target);
  try {
    return await indexStatus(client, target.base, redis ? { redis, prefix: target.prefix } : undefined);
  } catch (error) {
    throw asCliError(error);
  } finally {
    await client.close();
  }
}

/** One progress line for stderr. */
export function describeProgress(state: Readonly<MigrationState>): string {
  return `${state.phase}: ${state.copied} copied, ${state.caughtUp} caught up, ${state.passes} catch-up passes → ${state.target}`;
}
