/**
 * Shard and replica layout of the article indices. The template file carries the single-node
 * defaults; deployments override them per cluster (KHABAR_INDEX_SHARDS / KHABAR_INDEX_REPLICAS),
 * and the override is applied whenever Khabar puts the template, so every new generation (first
 * index, rollover, migration target) gets it. Existing generations keep theirs.
 */
export interface IndexLayout {
  /** Primary shards per generation (fixed once an index exists). */
  readonly shards: number;
  /**
   * Replicas: a whole number, or an auto-expand range `min-max` / `min-all` that follows the number
   * of data nodes (the default `0-1`: no replica on one node, one as soon as a second node joins).
   */
  readonly replicas: string;
}

export const DEFAULT_INDEX_LAYOUT: IndexLayout = { shards: 1, replicas: '0-1' };

const REPLICAS = /^(\d+|\d+-(\d+|all))$/;

/** Checks a layout; the message names the setting and what it accepts. */
export function parseIndexLayout(shards: string | number | undefined, replicas: string | undefined): IndexLayout {
  const shardCount = shards === undefined || shards === '' ? DEFAULT_INDEX_LAYOUT.shards : Number(shards);
  if (!Number.isSafeInteger(shardCount) || shardCount < 1 || shardCount > 1024) {
    throw new RangeError(`KHABAR_INDEX_SHARDS must be a whole number from 1 to 1024; got ${String(shards)}`);
  }
  const replicaSpec = replicas === undefined || replicas === '' ? DEFAULT_INDEX_LAYOUT.replicas : replicas.trim();
  const range = REPLICAS.exec(replicaSpec);
  if (!range) throw new RangeError(`KHABAR_INDEX_REPLICAS must be a whole number or an auto-expand range like 0-1 or 0-all; got ${replicaSpec}`);
  const [low, high] = replicaSpec.split('-');
  if (high !== undefined && high !== 'all' && Number(high) < Number(low)) {
    throw new RangeError(`KHABAR_INDEX_REPLICAS range ${replicaSpec} ends below its start`);
  }
  return { shards: shardCount, replicas: replicaSpec };
}

/** The `settings.index` entries a layout sets (a fixed count clears auto-expand, and the reverse). */
export function layoutIndexSettings(layout: IndexLayout): Record<string, string | number | boolean> {
  if (layout.replicas.includes('-')) {
    return { number_of_shards: layout.shards, auto_expand_replicas: layout.replicas };
  }
  return { number_of_shards: layout.shards, number_of_replicas: Number(layout.replicas), auto_expand_replicas: false };
}
