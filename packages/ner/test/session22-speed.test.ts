import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../src/arabic-normalize.ts';
import { HashSink, hashFeature, lookupFeature } from '../src/model/feature-hash.ts';
import { decodeHashed, MODEL_FORMAT, parseModel } from '../src/model/sequence-model.ts';
import { nameReadingsOf, tokenize, variantsOf } from '../src/tokenize.ts';

describe('a model loaded for tagging: its table gives where a row\'s weights are', () => {
  const tags = Array.from({ length: 32 }, (_, i) => (i === 0 ? 'O' : `B-T${i}`));
  const trans = Array.from({ length: 33 * 32 }, () => 0).join(' ');
  const header = JSON.stringify({ format: MODEL_FORMAT, lang: 'en', tags, meta: { config: {} } });
  // A row with all 32 tags' weights (the most a handle's count holds), rows with one, an empty line between.
  const full = tags.map((_, t) => `${t}:${t === 7 ? 5000 : -(t + 1)}`).join(' ');
  const rows = ['w=a\t3:1500', `w=b\t${full}`, '', 'w=c\t31:-2000 0:9', 'w=d\t12:800'];
  const bytes = gzipSync(Buffer.from(`${[header, trans, ...rows].join('\n')}\n`, 'utf8'));

  it('decodes every feature as the dense load does, the full row included', () => {
    const sparse = parseModel(bytes, 'probe', { keepNames: false });
    const dense = parseModel(bytes, 'probe');
    expect(lookupFeature(sparse.table, hashFeature('w=b'))).toBeGreaterThan(0);
    expect(lookupFeature(sparse.table, hashFeature('w=z'))).toBe(-1);
    const sentences = [['w=a'], ['w=b'], ['w=c'], ['w=d'], ['w=b', 'w=c'], ['w=a', 'w=z'], ['w=z']];
    for (const features of sentences) {
      const sink = new HashSink();
      sink.begin();
      for (const f of features) sink.add(f, '');
      sink.finish();
      expect(Array.from(decodeHashed(sparse, sink)), features.join(' ')).toEqual(Array.from(decodeHashed(dense, sink)));
    }
    const one = (f: string): number => {
      const sink = new HashSink();
      sink.begin();
      sink.add(f, '');
      sink.finish();
      return decodeHashed(sparse, sink)[0] ?? -1;
    };
    expect([one('w=a'), one('w=b'), one('w=c'), one('w=d')]).toEqual([3, 7, 0, 12]);
  });
});

/** For each normalised letter of `word`, the UTF-16 index it came from (the test's oracle). */
function letterStarts(word: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < word.length; i++) for (let k = 0; k < normalizeArabic(word.charAt(i)).length; k++) starts.push(i);
  return starts;
}

describe('a reading\'s clitics, counted in the written word', () => {
  it('skips what the written clitics take, marks and tatweel included', () => {
    const [word] = tokenize('وَلِلْكرملين');
    expect(word && variantsOf(word).map((v) => [v.key, v.skip, v.clitics])).toEqual([
      ['وللكرملين', 0, ''],
      ['للكرملين', 2, 'و'],
      ['كرملين', 6, 'ولل'],
    ]);
    const [drawn] = tokenize('فـبـبيروت');
    expect(drawn && variantsOf(drawn).map((v) => [v.key, v.skip])).toEqual([['فببيروت', 0], ['ببيروت', 2], ['بيروت', 4]]);
  });

  it('agrees with the normalised letters\' starts on every Arabic word of the article fixtures', () => {
    const dirs = ['articles', 'articles-train1', 'articles-train2', 'articles-train3'].map((d) => new URL(`./fixtures/${d}/`, import.meta.url));
    let checked = 0;
    for (const [dir, f] of dirs.flatMap((d) => readdirSync(d).filter((n) => n.startsWith('ar-') && n.endsWith('.json')).map((n) => [d, n] as const))) {
      const { text } = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { text: string };
      for (const token of tokenize(text)) {
        if (!token.arabic) continue;
        const starts = letterStarts(token.text);
        for (const v of nameReadingsOf(token)) {
          expect(v.skip, token.text).toBe(v.clitics === '' ? 0 : (starts[v.clitics.length] ?? token.text.length));
          if (v.clitics !== '') checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
