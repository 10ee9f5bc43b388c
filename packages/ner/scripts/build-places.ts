/**
 * Compiles packages/ner/data/places.tsv from the shared gazetteer (ODbL 1.0, see data/NOTICE).
 * Run: node packages/ner/scripts/build-places.ts [sharedDataDir]
 *
 * Filters for precision: names shorter than three letters, and single-word names that the
 * ANERcorp / UNER corpora mostly use as ordinary words ("غرب", "العاصمة", "Line", "Bury"), are
 * dropped; so are names made only of direction words. Countries come first, then states, then
 * cities, so an ambiguous name resolves to the larger place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { keyOf, tokenize } from '../src/tokenize.ts';
import { countTags, isCommonWord } from './corpus-counts.ts';

const shared = process.argv[2] ?? '/work/shared/data';
const outPath = fileURLToPath(new URL('../data/places.tsv', import.meta.url));

const nameCounts = new Map<string, number>();
for (const line of readFileSync(`${shared}/gazetteer/person-name-tokens-ar-en.tsv`, 'utf8').split('\n')) {
  const [type, arabic, english, count] = line.split('\t');
  if (type !== 'PER' || !arabic || !english) continue;
  for (const name of [arabic, english]) {
    const key = keyOf(name);
    nameCounts.set(key, (nameCounts.get(key) ?? 0) + Number(count ?? 0));
  }
}

const counts = countTags([
  `${shared}/ner/anercorp-train.txt`,
  `${shared}/ner/en-uner-pud.txt`,
  `${shared}/ner/en-uner-ewt.txt`,
  `${shared}/ner/en-gum-silver.txt`,
]);

const GENERIC = new Set(
  ['شمال', 'جنوب', 'شرق', 'غرب', 'شمالي', 'جنوبي', 'شرقي', 'غربي', 'علوي', 'سفلي', 'اوسط', 'وسطي', 'عاصمه', 'مركز', 'وسط',
    'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower', 'capital', 'district', 'region']
);

/** Ordinary words that the gazetteer also lists as places (Semily as "شبه", Al Bayda' as "البيضاء"). */
const STOP = new Set(['شبه', 'البيضاء', 'الجزيرة', 'سيجد', 'الأحمر', 'المشهد'].map(keyOf));

const SOURCE_RANK: Record<string, number> = { 'mledoze/countries': 0, 'dr5hn/csc': 1, 'dr5hn/csc:states': 2, 'dr5hn/csc:cities': 3 };

interface Row { arabic: string; english: string; source: string; id: string; order: number }

function slug(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Mostly a person's name or an event in the corpora, or a common first name / surname. */
function isOtherName(key: string): boolean {
  const c = counts.get(key);
  const loc = c?.tags.get('LOC') ?? 0;
  const other = (c?.tags.get('PERS') ?? 0) + (c?.tags.get('PER') ?? 0) + (c?.tags.get('MISC') ?? 0);
  if (other >= 3 && other > 2 * loc) return true;
  return (nameCounts.get(key) ?? 0) >= 10 && loc === 0;
}

function keep(name: string, country: boolean): boolean {
  const toks = tokenize(name);
  if (toks.length === 0) return false;
  const letters = toks.map((t) => t.key).join('');
  if (letters.length < 3) return false;
  if (toks.every((t) => GENERIC.has(t.key))) return false;
  if (toks.length === 1 && toks[0] && STOP.has(toks[0].key)) return false;
  const only = toks[0];
  if (toks.length === 1 && only && isCommonWord(counts, only.key, 'LOC')) return false;
  if (toks.length === 1 && only && !country && isOtherName(only.key)) return false;
  return true;
}

const rows: Row[] = [];
readFileSync(`${shared}/gazetteer/places-ar-en.tsv`, 'utf8').split('\n').forEach((line, order) => {
  const [type, arabic, english, source, id] = line.split('\t').map((c) => c.trim());
  if (type !== 'LOC' || !arabic || !english || !source) return;
  rows.push({ arabic: arabic.replace('أففانستان', 'أفغانستان'), english, source, id: id ?? '', order });
});
rows.sort((a, b) => (SOURCE_RANK[a.source] ?? 9) - (SOURCE_RANK[b.source] ?? 9) || a.order - b.order);

type Kind = 'country' | 'region' | 'city';
const KIND: Record<string, Kind> = { 'mledoze/countries': 'country', 'dr5hn/csc': 'region', 'dr5hn/csc:states': 'region', 'dr5hn/csc:cities': 'city' };
const byId = new Map<string, { ar: string[]; en: string[]; kind: Kind }>();
let dropped = 0;
for (const r of rows) {
  const id = `loc:${r.id || slug(r.english)}`;
  const place = byId.get(id) ?? { ar: [], en: [], kind: KIND[r.source] ?? 'city' };
  const country = place.kind === 'country';
  if (keep(r.arabic, country)) { if (!place.ar.includes(r.arabic)) place.ar.push(r.arabic); } else dropped++;
  if (keep(r.english, country)) { if (!place.en.includes(r.english)) place.en.push(r.english); } else dropped++;
  byId.set(id, place);
}

const lines = ['# Compiled by scripts/build-places.ts from the shared gazetteer. ODbL 1.0: see NOTICE.', 'id\tarabic\tenglish\taliases\tkind'];
for (const [id, p] of byId) {
  const [ar, ...arRest] = p.ar;
  const [en, ...enRest] = p.en;
  if (!ar && !en) continue;
  lines.push([id, ar ?? en, en ?? ar, [...arRest, ...enRest].join('|'), p.kind].join('\t'));
}
writeFileSync(outPath, `${lines.join('\n')}\n`);
console.log(`places: ${lines.length - 2} ids written, ${dropped} names dropped -> ${outPath}`);
