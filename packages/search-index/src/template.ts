import fs from 'node:fs';
import type { estypes } from '@elastic/elasticsearch';

/** Version of templates/articles.v1.json; bump with a new file when the mapping changes incompatibly. */
export const TEMPLATE_VERSION = 1;

type TemplateBody = Omit<estypes.IndicesPutIndexTemplateRequest, 'name'>;

let cached: TemplateBody | undefined;

/** The article index template (shared with compose and migrations), loaded once from its JSON file. */
export function articleTemplate(): TemplateBody {
  cached ??= JSON.parse(fs.readFileSync(new URL('../templates/articles.v1.json', import.meta.url), 'utf8')) as TemplateBody;
  return cached;
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
