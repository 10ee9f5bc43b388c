import type { Client } from '@elastic/elasticsearch';

/**
 * Removes every index generation of a test's index base (`<base>-*`, plus any extra concrete
 * names) and its template. Concrete names: wildcard deletes are refused where
 * action.destructive_requires_name is on (the Elasticsearch 8 default).
 */
export async function dropIndexBase(client: Client, base: string, extra: readonly string[] = []): Promise<void> {
  const indices = Object.keys(await client.indices.get({ index: [`${base}-*`, ...extra].join(','), allow_no_indices: true, ignore_unavailable: true }));
  if (indices.length > 0) await client.indices.delete({ index: indices });
  await client.indices.deleteIndexTemplate({ name: `${base}-template` }).catch(() => undefined);
}
