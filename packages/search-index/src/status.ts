import type { Client } from '@elastic/elasticsearch';
import { readAliasView } from './aliases.ts';
import type { LockRedis } from './maintenance-lock.ts';
import { loadMigrationState, migrationStateKey, type MigrationState } from './migration-state.ts';
import { indexNames, TEMPLATE_VERSION, templateVersionOf } from './template.ts';

export interface GenerationStatus {
  readonly index: string;
  readonly docs: number;
  readonly primaryBytes: number;
  readonly createdAt: string | null;
  /** The template version the index was built from (its mapping's `_meta.templateVersion`). */
  readonly templateVersion: number;
  readonly read: boolean;
  readonly write: boolean;
}

export interface IndexStatus {
  readonly base: string;
  readonly readAlias: string;
  readonly writeAlias: string;
  readonly writeIndex: string | null;
  /** The version of templates/articles.v<N>.json this Khabar installs. */
  readonly templateVersion: number;
  /** Version of the template installed in Elasticsearch (`_meta.templateVersion`), null when none is. */
  readonly installedTemplateVersion: number | null;
  /** Every `<base>-*` index; ones behind neither alias are left over from a migration. */
  readonly generations: readonly GenerationStatus[];
  /** Documents behind the read alias. */
  readonly readDocs: number;
  readonly migration: MigrationState | null;
}

/** `khabar index status`: generations, which alias points where, counts, template versions, last migration. */
export async function indexStatus(client: Client, base: string, redis?: { redis: LockRedis; prefix: string }): Promise<IndexStatus> {
  const names = indexNames(base);
  const view = await readAliasView(client, names.readAlias, names.writeAlias);
  const indices = await client.indices.get({ index: names.pattern, allow_no_indices: true, ignore_unavailable: true, features: ['mappings', 'settings'] });
  const stats = Object.keys(indices).length > 0 ? (await client.indices.stats({ index: Object.keys(indices), metric: ['docs', 'store'] })).indices : undefined;
  // Articles per index (the count API; index stats would count every nested entity as a document too).
  const counts = new Map(await Promise.all(Object.keys(indices).map(async (index) => [index, (await client.count({ index })).count] as const)));
  const generations = Object.entries(indices)
    .map(([index, state]): GenerationStatus => {
      const created = state.settings?.index?.creation_date;
      const primaries = stats?.[index]?.primaries;
      return {
        index,
        docs: counts.get(index) ?? 0,
        primaryBytes: primaries?.store?.size_in_bytes ?? 0,
        createdAt: created === undefined ? null : new Date(Number(created)).toISOString(),
        templateVersion: templateVersionOf(state.mappings),
        read: view.readIndices.includes(index),
        write: view.writeIndex === index,
      };
    })
    .sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.index.localeCompare(b.index));
  // A missing template (404) is "none installed".
  const templates = await client.indices.getIndexTemplate({ name: names.template }).catch(() => undefined);
  const meta = templates?.index_templates[0]?.index_template.template?.mappings?._meta?.['templateVersion'];
  const installed = typeof meta === 'number' ? meta : null;
  const readDocs = view.readIndices.length > 0 ? (await client.count({ index: names.readAlias })).count : 0;
  const migration = redis ? ((await loadMigrationState(redis.redis, migrationStateKey(redis.prefix, base))) ?? null) : null;
  return {
    base,
    readAlias: names.readAlias,
    writeAlias: names.writeAlias,
    writeIndex: view.writeIndex ?? null,
    templateVersion: TEMPLATE_VERSION,
    installedTemplateVersion: installed,
    generations,
    readDocs,
    migration,
  };
}
