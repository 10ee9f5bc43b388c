import fs from 'node:fs';
import type { estypes } from '@elastic/elasticsearch';

/**
 * Version of the current template, templates/articles.v<N>.json. Bump it with a new file when the
 * mapping or analysis changes incompatibly: ensureIndex then rolls the write alias over to a fresh
 * index built from the new file (the mapping's `_meta.templateVersion` says which file made an index).
 * v2 needs the analysis-khabar Elasticsearch plugin (infra/elasticsearch): khabar_arabic / khabar_english.
 */
export const TEMPLATE_VERSION = 2;

type TemplateBody = Omit<estypes.IndicesPutIndexTemplateRequest, 'name'>;

let cached: TemplateBody | undefined;

/** The article index template (shared with compose and migrations), loaded once from its JSON file. */
export function articleTemplate(): TemplateBody {
  cached ??= JSON.parse(fs.readFileSync(new URL(`../templates/articles.v${TEMPLATE_VERSION}.json`, import.meta.url), 'utf8')) as TemplateBody;
  return cached;
}

/** The template version an index was created from: its mapping's `_meta.templateVersion` (v1 indices carry none). */
export function templateVersionOf(mapping: estypes.MappingTypeMapping | undefined): number {
  const version = mapping?._meta?.['templateVersion'];
  return typeof version === 'number' ? version : 1;
}

/** Names derived from a base name: indices `<base>-000001`…, read alias `<base>`, write alias `<base>-write`. */
export function indexNames(base: string): { template: string; pattern: string; firstIndex: string; readAlias: string; writeAlias: string } {
  return {
    template: `${base}-template`,
    pattern: `${base}-*`,
    firstIndex: `${base}-000001`,
    readAlias: base,
    writeAlias: `${base}-write`,
  };
}

/** `<base>-000007` → `<base>-000008` (the name a rollover gives the next index). */
export function nextIndexName(index: string): string {
  const match = /^(.*-)(\d+)$/.exec(index);
  if (!match) throw new Error(`index ${index} does not end in a generation number`);
  const [, stem = '', generation = ''] = match;
  return `${stem}${String(Number(generation) + 1).padStart(generation.length, '0')}`;
}
