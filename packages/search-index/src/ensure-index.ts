import type { Client } from '@elastic/elasticsearch';
import { errors } from '@elastic/elasticsearch';
import { articleTemplate, indexNames } from './template.ts';

/**
 * Puts the `<base>-template` index template (index pattern `<base>-*`) and, when the write alias
 * does not exist yet, creates `<base>-000001` carrying the read alias `<base>` and the write alias
 * `<base>-write` in one atomic call. Idempotent; two processes racing both succeed (the loser's
 * create fails with resource_already_exists, which is the outcome it wanted).
 */
export async function ensureIndex(client: Client, base: string): Promise<void> {
  const names = indexNames(base);
  const template = articleTemplate();
  await client.indices.putIndexTemplate({ ...template, name: names.template, index_patterns: [names.pattern] });
  if (await client.indices.existsAlias({ name: names.writeAlias })) return;
  try {
    await client.indices.create({
      index: names.firstIndex,
      aliases: { [names.readAlias]: {}, [names.writeAlias]: { is_write_index: true } },
      wait_for_active_shards: 1,
    });
  } catch (error) {
    if (!(error instanceof errors.ResponseError) || error.body?.error?.type !== 'resource_already_exists_exception') throw error;
    // Someone else created it; it must carry our write alias or this base is in a broken state.
    if (!(await client.indices.existsAlias({ name: names.writeAlias, index: names.firstIndex }))) {
      throw new Error(`index ${names.firstIndex} exists without the write alias ${names.writeAlias}`, { cause: error });
    }
  }
}
