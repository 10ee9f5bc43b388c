import type { Client } from '@elastic/elasticsearch';
import { errors } from '@elastic/elasticsearch';
import { detachWriteAlias } from './aliases.ts';
import { DEFAULT_INDEX_LAYOUT, layoutIndexSettings, type IndexLayout } from './layout.ts';
import { articleTemplate, indexNames, nextIndexName, TEMPLATE_VERSION, templateVersionOf } from './template.ts';

/**
 * Puts the current `<base>-template` (index pattern `<base>-*`) and makes sure the write alias `<base>-write` points at an index built from it:
 * creates `<base>-000001` with both aliases when there is none, and rolls the write alias over to
 * the next generation when its index was made from an older template version (older documents
 * stay readable through `<base>`; new ones get the new analyzers); a current-version write index
 * gets any fields added to the template since (put mapping). Idempotent; two processes racing
 * both succeed (the loser's create or rollover fails with resource_already_exists, which is the
 * outcome it wanted).
 */
export async function ensureIndex(client: Client, base: string, layout: IndexLayout = DEFAULT_INDEX_LAYOUT): Promise<void> {
  const names = indexNames(base);
  const template = articleTemplate();
  await putArticleTemplate(client, base, layout);
  const writeIndex = await currentWriteIndex(client, names.writeAlias);
  if (writeIndex === undefined) {
    await createFirstIndex(client, names);
    return;
  }
  const mappings = await client.indices.getMapping({ index: writeIndex });
  if (templateVersionOf(mappings[writeIndex]?.mappings) >= TEMPLATE_VERSION) {
    // Same version: fields added to the template since the index was made are added to it too
    // (additive only; a conflicting change needs a new template version).
    const current = template.template?.mappings;
    if (current) await client.indices.putMapping({ index: writeIndex, ...current });
    // Dynamic settings the template gained since (the merge policy) reach the live index too.
    const merge = template.template?.settings?.index?.merge;
    if (merge) await client.indices.putSettings({ index: writeIndex, settings: { index: { merge } } });
    return;
  }
  try {
    await client.indices.rollover({ alias: names.writeAlias, new_index: nextIndexName(writeIndex), aliases: { [names.readAlias]: {} }, wait_for_active_shards: 1 });
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
  await detachWriteAlias(client, writeIndex, names.writeAlias);
}

/**
 * Puts `<base>-template` from the current template file. It carries no aliases: whoever creates a
 * generation adds the read alias explicitly (first index, rollover), so `khabar index migrate` can
 * build its target from the template without readers seeing it (and its copies) too early. The
 * layout (shards, replicas) overrides the file's single-node settings for every new generation.
 */
export async function putArticleTemplate(client: Client, base: string, layout: IndexLayout = DEFAULT_INDEX_LAYOUT): Promise<void> {
  const names = indexNames(base);
  const template = articleTemplate();
  const settings = template.template?.settings ?? {};
  const index = { ...(settings.index ?? {}), ...layoutIndexSettings(layout) };
  await client.indices.putIndexTemplate({
    ...template,
    name: names.template,
    index_patterns: [names.pattern],
    template: { ...template.template, settings: { ...settings, index } },
  });
}

async function currentWriteIndex(client: Client, writeAlias: string): Promise<string | undefined> {
  if (!(await client.indices.existsAlias({ name: writeAlias }))) return undefined;
  const aliases = await client.indices.getAlias({ name: writeAlias });
  const entries = Object.entries(aliases);
  // One index behind the alias may omit is_write_index (it is then the write index).
  const [single] = entries;
  if (entries.length === 1 && single) return single[0];
  return entries.find(([, state]) => state.aliases[writeAlias]?.is_write_index === true)?.[0];
}

async function createFirstIndex(client: Client, names: ReturnType<typeof indexNames>): Promise<void> {
  try {
    await client.indices.create({
      index: names.firstIndex,
      aliases: { [names.readAlias]: {}, [names.writeAlias]: { is_write_index: true } },
      wait_for_active_shards: 1,
    });
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    // Someone else created it; it must carry our write alias or this base is in a broken state.
    if (!(await client.indices.existsAlias({ name: names.writeAlias, index: names.firstIndex }))) {
      throw new Error(`index ${names.firstIndex} exists without the write alias ${names.writeAlias}`, { cause: error });
    }
  }
}

function isAlreadyExists(error: unknown): boolean {
  return error instanceof errors.ResponseError && error.body?.error?.type === 'resource_already_exists_exception';
}
