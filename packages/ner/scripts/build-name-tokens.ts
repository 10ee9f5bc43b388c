/**
 * Compiles packages/ner/data/person-name-tokens.tsv (CC0 1.0, from the shared
 * person-name-tokens-ar-en.tsv): Arabic person-name parts for the title rules and the model, then
 * their English spellings (lower-cased) for the English model's features. Keeps tokens seen at
 * least three times that the training part of the corpora does not mostly use as ordinary words.
 * Run: node packages/ner/scripts/build-name-tokens.ts [sharedDataDir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { keyOf } from '../src/tokenize.ts';
import { countTags, isCommonWord } from './corpus-counts.ts';

const shared = process.argv[2] ?? '/work/shared/data';
const outPath = fileURLToPath(new URL('../data/person-name-tokens.tsv', import.meta.url));
const counts = countTags([`${shared}/ner/anercorp-train.txt`]);
const enCounts = countTags([`${shared}/ner/en-uner-pud.txt`, `${shared}/ner/en-uner-ewt.txt`, `${shared}/ner/en-gum-silver.txt`]);
const enTotals = new Map<string, number>();

const totals = new Map<string, number>();
for (const line of readFileSync(`${shared}/gazetteer/person-name-tokens-ar-en.tsv`, 'utf8').split('\n')) {
  const [type, arabic, english, count] = line.split('\t');
  if (type === 'PER' && english && /^\p{Lu}\p{Ll}+$/u.test(english)) {
    const key = keyOf(english);
    enTotals.set(key, (enTotals.get(key) ?? 0) + Number(count ?? 0));
  }
  if (type !== 'PER' || !arabic || !/^[\u0600-\u06FF]+$/.test(arabic)) continue;
  const key = keyOf(arabic);
  if (key.length < 2) continue;
  totals.set(key, (totals.get(key) ?? 0) + Number(count ?? 0));
}
const kept = [...totals].filter(([key, n]) => n >= 3 && !isCommonWord(counts, key, 'PERS')).sort((a, b) => b[1] - a[1]);
// English spellings (lower-cased keys) serve the statistical model's English name features only.
const keptEn = [...enTotals].filter(([key, n]) => n >= 3 && key.length >= 3 && !isCommonWord(enCounts, key, 'PER')).sort((a, b) => b[1] - a[1]);
kept.push(...keptEn);
const lines = ['# Compiled by scripts/build-name-tokens.ts; CC0 1.0 (Wikidata via NETransliteration-COLING2018).', 'key\tcount', ...kept.map(([k, n]) => `${k}\t${n}`)];
writeFileSync(outPath, `${lines.join('\n')}\n`);
console.log(`name tokens: ${kept.length} written -> ${outPath}`);
