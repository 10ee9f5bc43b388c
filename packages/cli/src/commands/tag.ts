import type { Readable, Writable } from 'node:stream';
import { createTagger, type Tagger, type TaggerOptions } from '@khabar/ner';
import { CliError, parseJsonLine, readAll, readLines, writeJsonLine } from '../io.ts';

/** How the tagger reads the text: as news (the pipeline's reading), as CoNLL corpus text, or by its shape (`auto`, the CLI's default). */
export type ModelDomain = NonNullable<TaggerOptions['modelDomain']>;

const shared = new Map<ModelDomain, Tagger>();
function tagger(domain: ModelDomain): Tagger {
  let t = shared.get(domain);
  if (!t) {
    t = createTagger({ modelDomain: domain });
    shared.set(domain, t);
  }
  return t;
}

/** `khabar tag --jsonl`: lines {"id","text","lang"} in, {"id","entities":[…]} out, in order. */
export async function tagJsonlStream(input: Readable, out: Writable, domain: ModelDomain = 'auto'): Promise<void> {
  let n = 0;
  for await (const line of readLines(input)) {
    n += 1;
    const row = parseJsonLine(line, n);
    if (typeof row['text'] !== 'string') throw new CliError('KHABAR_E_BAD_INPUT', `line ${n}: needs a "text" string`);
    const lang = typeof row['lang'] === 'string' ? row['lang'] : 'ar';
    const { mentions } = tagger(domain).tag(row['text'], lang);
    await writeJsonLine(out, {
      id: row['id'] ?? null,
      entities: mentions.map((m) => ({ start: m.start, end: m.end, type: m.type, text: m.text, entityId: m.entityId })),
    });
  }
}

/** `khabar tag --lang ar`: plain text on stdin, the article-level entities JSON out. */
export async function tagText(input: Readable, lang: string, domain: ModelDomain = 'auto'): Promise<unknown> {
  return tagger(domain).tag(await readAll(input), lang);
}
