import { findSharedData } from '../src/shared-data.ts';
/**
 * Error analysis of a statistical model on the dev split: per type P/R/F1, and every gold/predicted
 * name classified as exact, boundary error (overlaps a name of the same type), type error (same
 * span, other type), boundary+type, missed (no overlap) or spurious (no overlap).
 *
 *   node packages/ner/scripts/dev-errors.ts ar|en [--dir packages/ner/data] [--list] [--data dir]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataFile, loadModelLexicon } from '../src/data-files.ts';
import { EntityScorer, parseConll, spansOf, splitDev, type Span } from '../src/model/conll.ts';
import { decodeDocument, loadNerModel } from '../src/model/document-pass.ts';
import { CORPUS_DOMAIN, infoOf } from '../src/model/features.ts';
import { TRAINING } from '../src/model/train-config.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string', default: findSharedData() }, dir: { type: 'string', default: dataFile('') }, list: { type: 'boolean' } },
});
const lang = positionals[0] === 'en' ? 'en' : 'ar';
const { lexicon } = loadModelLexicon(values.dir);
const model = loadNerModel(values.dir, lang);
const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
const kinds = new Map<string, number>();
const bump = (k: string): void => {
  kinds.set(k, (kinds.get(k) ?? 0) + 1);
};
const overlaps = (a: Span, b: Span): boolean => a.first <= b.last && b.first <= a.last;
for (const name of TRAINING[lang].files) {
  const dev = splitDev(parseConll(readFileSync(join(values.data, 'ner', name), 'utf8')), TRAINING[lang].config.devFraction).dev;
  const tagged = decodeDocument(model, dev.map((s) => s.tokens.map((w) => infoOf(w, lexicon))), CORPUS_DOMAIN);
  const scorer = new EntityScorer();
  dev.forEach((s, i) => {
    const pt = tagged[i] ?? [];
    scorer.add(s.tags, pt);
    const gold = spansOf(s.tags);
    const pred = spansOf(pt);
    const text = (sp: Span): string => s.tokens.slice(sp.first, sp.last + 1).join(' ');
    for (const g of gold) {
      const exact = pred.find((p) => p.first === g.first && p.last === g.last);
      let kind: string;
      if (exact && exact.type === g.type) kind = 'exact';
      else if (exact) kind = `type ${g.type}→${exact.type}`;
      else {
        const o = pred.filter((p) => overlaps(p, g));
        if (o.length === 0) kind = `missed ${g.type}`;
        else if (o.some((p) => p.type === g.type)) kind = `boundary ${g.type}`;
        else kind = `boundary+type ${g.type}→${o[0]?.type}`;
        if (values.list) {
          const ctx = s.tokens.slice(Math.max(0, g.first - 3), g.last + 4).join(' ');
          console.log(`${name}\t${kind}\t[${text(g)}]\tpred: ${o.map((p) => `${p.type}[${text(p)}]`).join(' ') || '-'}\t… ${ctx} …`);
        }
      }
      if (exact && exact.type !== g.type && values.list) console.log(`${name}\t${kind}\t[${text(g)}]`);
      bump(kind);
    }
    for (const p of pred) {
      if (!gold.some((g) => overlaps(g, p))) {
        bump(`spurious ${p.type}`);
        if (values.list) {
          const ctx = s.tokens.slice(Math.max(0, p.first - 3), p.last + 4).join(' ');
          console.log(`${name}\tspurious ${p.type}\t[${text(p)}]\t… ${ctx} …`);
        }
      }
    }
  });
  console.log(`== ${name}`);
  for (const [t, sc] of Object.entries(scorer.scores())) console.log(`  ${t.padEnd(4)} P ${pct(sc.precision)} R ${pct(sc.recall)} F1 ${pct(sc.f1)} (gold ${sc.gold}, pred ${sc.pred})`);
}
console.log('== gold names by outcome, spurious predictions');
for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${k}`);
