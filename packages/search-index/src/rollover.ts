import type { Client, estypes } from '@elastic/elasticsearch';
import { detachWriteAlias, readAliasView } from './aliases.ts';
import { IndexMaintenanceError } from './maintenance-error.ts';
import { indexNames, nextIndexName } from './template.ts';

/** When the write index is rolled over; any one condition met is enough. Unset = not a condition. */
export interface RolloverConditions {
  /** Age of the write index since its creation, in ES time units: `30d`, `12h`, `90s`. */
  readonly maxAge?: string;
  /** Documents in the write index (primaries). */
  readonly maxDocs?: number;
  /** Size of the write index's primary shards together, in ES byte units: `50gb`, `500mb`. */
  readonly maxPrimarySize?: string;
}

/**
 * Defaults of KHABAR_INDEX_ROLLOVER_MAX_AGE / _MAX_DOCS / _MAX_PRIMARY_SIZE (the indexer and
 * `khabar index rollover` share them): a generation a month or 50 GB of primaries, whichever
 * comes first — the sizes ES's own ILM default policy uses.
 */
export const DEFAULT_ROLLOVER_SETTINGS = { maxAge: '30d', maxDocs: '0', maxPrimarySize: '50gb' } as const;

const AGE = /^[1-9]\d*(d|h|m|s|ms)$/;
const SIZE = /^[1-9]\d*(b|kb|mb|gb|tb|pb)$/;

/**
 * Conditions from settings strings (environment or CLI flags): empty or `0` turns one off; any
 * other malformed value is a KHABAR_E_BAD_INPUT naming the setting.
 */
export function parseRolloverConditions(values: { maxAge?: string | undefined; maxDocs?: string | number | undefined; maxPrimarySize?: string | undefined }): RolloverConditions {
  const off = (v: string | number | undefined): boolean => v === undefined || v === '' || v === '0' || v === 0;
  const out: { maxAge?: string; maxDocs?: number; maxPrimarySize?: string } = {};
  if (!off(values.maxAge)) {
    const age = String(values.maxAge).trim().toLowerCase();
    if (!AGE.test(age)) throw new IndexMaintenanceError('KHABAR_E_BAD_INPUT', `rollover max age "${String(values.maxAge)}" is not a duration like 30d, 12h or 90s (0 turns it off)`);
    out.maxAge = age;
  }
  if (!off(values.maxDocs)) {
    const docs = Number(values.maxDocs);
    if (!Number.isSafeInteger(docs) || docs < 1) throw new IndexMaintenanceError('KHABAR_E_BAD_INPUT', `rollover max docs "${String(values.maxDocs)}" is not a positive whole number (0 turns it off)`);
    out.maxDocs = docs;
  }
  if (!off(values.maxPrimarySize)) {
    const size = String(values.maxPrimarySize).trim().toLowerCase();
    if (!SIZE.test(size)) throw new IndexMaintenanceError('KHABAR_E_BAD_INPUT', `rollover max primary size "${String(values.maxPrimarySize)}" is not a size like 50gb or 500mb (0 turns it off)`);
    out.maxPrimarySize = size;
  }
  return out;
}

/** True when no condition is set (rollover is then off). */
export function rolloverDisabled(conditions: RolloverConditions): boolean {
  return conditions.maxAge === undefined && conditions.maxDocs === undefined && conditions.maxPrimarySize === undefined;
}

/** ES `_rollover` conditions; `min_docs: 1` so an idle, empty write index is never rolled over into another empty one. */
export function toEsConditions(conditions: RolloverConditions): estypes.IndicesRolloverRolloverConditions {
  return {
    ...(conditions.maxAge !== undefined ? { max_age: conditions.maxAge } : {}),
    ...(conditions.maxDocs !== undefined ? { max_docs: conditions.maxDocs } : {}),
    ...(conditions.maxPrimarySize !== undefined ? { max_primary_shard_size: conditions.maxPrimarySize } : {}),
    min_docs: 1,
  };
}

export interface RolloverOutcome {
  readonly rolledOver: boolean;
  readonly dryRun: boolean;
  /** The write index before the call. */
  readonly oldIndex: string;
  /** The index that is (or, on a dry run, would be) the write index after a rollover. */
  readonly newIndex: string;
  /** Each condition ES evaluated and whether it was met (`[max_docs: 1000]: true`). */
  readonly conditions: Readonly<Record<string, boolean>>;
}

/**
 * Rolls `<base>-write` over to the next generation when a condition is met (`_rollover` on the
 * write alias). The new generation joins the read alias `<base>` in the same call, so readers see
 * every generation; the old one stays behind the read alias, and the bulk indexer keeps
 * rewriting the documents it holds there. The write index is refreshed first because `max_docs`
 * counts only searchable documents.
 * Callers serialise it with the maintenance lock; two racing calls are still safe (the loser's
 * rollover fails with resource_already_exists, reported as not rolled over).
 */
export async function rolloverIndex(client: Client, base: string, conditions: RolloverConditions, options: { dryRun?: boolean } = {}): Promise<RolloverOutcome> {
  const names = indexNames(base);
  const dryRun = options.dryRun ?? false;
  const view = await readAliasView(client, names.readAlias, names.writeAlias);
  if (view.writeIndex === undefined) {
    throw new IndexMaintenanceError('KHABAR_E_INDEX_MISSING', `write alias ${names.writeAlias} does not exist: start the indexer (it creates the index) or check KHABAR_INDEX_NAME`);
  }
  const oldIndex = view.writeIndex;
  const newIndex = nextIndexName(oldIndex);
  if (rolloverDisabled(conditions)) return { rolledOver: false, dryRun, oldIndex, newIndex, conditions: {} };
  await client.indices.refresh({ index: oldIndex });
  try {
    const answer = await client.indices.rollover({
      alias: names.writeAlias,
      new_index: newIndex,
      conditions: toEsConditions(conditions),
      aliases: { [names.readAlias]: {} },
      dry_run: dryRun,
      wait_for_active_shards: 1,
    });
    if (answer.rolled_over) await detachWriteAlias(client, oldIndex, names.writeAlias);
    return { rolledOver: answer.rolled_over, dryRun, oldIndex, newIndex: answer.new_index, conditions: answer.conditions };
  } catch (error) {
    const type = (error as { body?: { error?: { type?: string } } }).body?.error?.type;
    if (type === 'resource_already_exists_exception') return { rolledOver: false, dryRun, oldIndex, newIndex, conditions: {} };
    throw error;
  }
}
