/**
 * Speed of the NER model or of the full tagger, measured in a process that does nothing else, as a
 * tagger worker does: `bench/ner.ts` runs this file as a child process and reads the JSON line it
 * prints ({"ar": tokens/s, "en": tokens/s}).
 *
 *   node bench/ner-speed.ts --what tagger|model [--data /work/shared/data] [--kb kb.tsv] [--models dir]
 *
 * Why a process of its own: measured inside bench/ner.ts, after that process had decoded the dev
 * splits with a second, separately loaded copy of the model, the full Arabic tagger ran at 40–43k
 * tokens/s; in a process that only tags, 55–64k (same commit and host, session 29). A process that
 * loaded the second copy without decoding with it was not slower, so it is how V8 compiled the hot
 * code shared by both uses, not memory. A tagger worker only tags.
 *
 * `tagger`: the whole tagger (`createTagger`, both languages loaded) on each language's dev
 * sentences joined by spaces, one text per sentence. `model`: the statistical model alone
 * (sentence + document pass) on the same sentences as corpus tokens. Both warm up on both
 * languages before either is timed: a worker tags both, and runs for hours, so its first seconds
 * are not its speed (the first pass runs at a fifth of it). Then the best of five passes in CPU
 * time, so other processes on a shared machine do not lower the figure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createTagger } from '../packages/ner/src/index.ts';
import {
  CORPUS_DOMAIN,
  dataFile,
  decodeDocument,
  infoOf,
  loadModelLexicon,
  loadNerModel,
  parseConll,
  splitDev,
  TRAINING,
  type Sentence,
} from '../packages/ner/src/eval.ts';
import { findSharedData } from '../packages/ner/src/shared-data.ts';

const { values } = parseArgs({
  options: {
    what: { type: 'string', default: 'tagger' },
    data: { type: 'string', default: findSharedData() },
    kb: { type: 'string' },
    models: { type: 'string' },
  },
});
if (values.what !== 'tagger' && values.what !== 'model') throw new Error(`--what must be tagger or model, not ${values.what}`);
const modelDir = values.models ?? dataFile('');
const LANGS = ['ar', 'en'] as const;
// Passes over both languages before timing: the tagger reaches its steady speed after 5–15 passes
// over the Arabic dev split (V8 keeps optimising it), not after 3.
const WARM_UP = 12;
type Lang = (typeof LANGS)[number];

/** Each training file's dev split (its own document, as the bench decodes it). */
function devFiles(lang: Lang): Sentence[][] {
  return TRAINING[lang].files.map(
    (name) => splitDev(parseConll(readFileSync(join(values.data, 'ner', name), 'utf8')), TRAINING[lang].config.devFraction).dev,
  );
}

let runners: Record<Lang, { tokens: number; run: () => void }>;
if (values.what === 'tagger') {
  const tagger = createTagger({ ...(values.kb ? { kbPath: values.kb } : {}), ...(values.models ? { modelDir } : {}) });
  const runner = (lang: Lang): { tokens: number; run: () => void } => {
    const dev = devFiles(lang).flat();
    const texts = dev.map((s) => s.tokens.join(' '));
    return { tokens: dev.reduce((n, s) => n + s.tokens.length, 0), run: () => texts.forEach((t) => tagger.tag(t, lang)) };
  };
  runners = { ar: runner('ar'), en: runner('en') };
} else {
  const { lexicon } = loadModelLexicon(modelDir);
  const runner = (lang: Lang): { tokens: number; run: () => void } => {
    const model = loadNerModel(modelDir, lang);
    const files = devFiles(lang);
    // Token facts are built inside the timed pass, as the tagger builds them for each text.
    return {
      tokens: files.flat().reduce((n, s) => n + s.tokens.length, 0),
      run: () => files.forEach((f) => decodeDocument(model, f.map((s) => s.tokens.map((w) => infoOf(w, lexicon))), CORPUS_DOMAIN)),
    };
  };
  runners = { ar: runner('ar'), en: runner('en') };
}

for (let k = 0; k < WARM_UP; k++) for (const lang of LANGS) runners[lang].run();
const figures: Partial<Record<Lang, number>> = {};
for (const lang of LANGS) {
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const before = process.cpuUsage();
    runners[lang].run();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  figures[lang] = Math.round(runners[lang].tokens / best);
}
console.log(JSON.stringify(figures));
