import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createRng as rng } from '../../../test/support/rng.ts';
import { dataFile, loadModelLexicon } from '../src/data-files.ts';
import { modelFileName } from '../src/model/train-config.ts';
import { buildFeatureTableFromHashes, buildJointTable, HashSink, jointView, lookupFeature } from '../src/model/feature-hash.ts';
import { emitFeatures, featureGroupsOf, infoOfToken, type TokenInfo } from '../src/model/features.ts';
import { contextFeatures, decodeDocument, documentContext, loadNerModel, typesOf } from '../src/model/document-pass.ts';
import { decodeHashed, MODEL_FORMAT, parseModel, weightAt, type SequenceModel } from '../src/model/sequence-model.ts';
import { toBio } from '../src/model/viterbi.ts';
import { tokenize } from '../src/tokenize.ts';

describe('feature tables', () => {
  it('the joint table finds every key of both tables with both rows, and nothing else', () => {
    const next = rng(7);
    const hash = () => (next() * 2 ** 32) | 0;
    const shared = Array.from({ length: 3000 }, hash);
    const a = Int32Array.from([...shared, ...Array.from({ length: 2000 }, hash)]);
    const b = Int32Array.from([...Array.from({ length: 2500 }, hash), ...shared.slice(0, 1500)]);
    const ta = buildFeatureTableFromHashes(a);
    const tb = buildFeatureTableFromHashes(b);
    const joint = buildJointTable(ta, tb);
    const probe = (h: number): [number, number] => {
      for (let slot = h & joint.mask; ; slot = (slot + 1) & joint.mask) {
        const x = joint.slots[3 * slot + 1] ?? 0;
        const y = joint.slots[3 * slot + 2] ?? 0;
        if (x === 0 && y === 0) return [-1, -1];
        if (joint.slots[3 * slot] === h) return [x - 1, y - 1];
      }
    };
    const [va, vb] = [jointView(joint, 1), jointView(joint, 2)];
    for (const h of [0, ...a, ...b, ...Array.from({ length: 5000 }, hash)]) {
      expect(probe(h)).toEqual([lookupFeature(ta, h), lookupFeature(tb, h)]);
      // Each model reading its column of the joint table finds what its own table finds.
      expect([lookupFeature(va, h), lookupFeature(vb, h)]).toEqual([lookupFeature(ta, h), lookupFeature(tb, h)]);
    }
    expect(lookupFeature(ta, a[4321] ?? 0)).toBe(4321);
    expect(lookupFeature(vb, a[4321] ?? 0)).toBe(-1);
    expect(() => buildJointTable(va, tb)).toThrow(/own tables/);
  });
});

/** The two passes the plain way: every feature hashed into each model's own table, the document features as strings. */
function referenceDecode(first: SequenceModel, second: SequenceModel, window: number, neighbours: boolean, sentences: readonly (readonly TokenInfo[])[]): string[][] {
  const sinks = sentences.map((infos) => {
    const sink = new HashSink();
    emitFeatures(infos, first.lang, sink, undefined, featureGroupsOf(first.meta.config));
    sink.finish();
    return sink;
  });
  const tagsOf = (m: SequenceModel, sink: HashSink) => Array.from(decodeHashed(m, sink), (t) => toBio(m.tags[t] ?? 'O'));
  const firstTags = sinks.map((sink) => tagsOf(first, sink));
  const context = documentContext(
    sentences.map((infos) => infos.map((i) => i.stem)),
    firstTags.map(typesOf),
    window,
  );
  return sinks.map((sink, s) => {
    // The same hashes per token, then the document features as whole strings.
    const extra = contextFeatures(context[s] ?? [], neighbours);
    const both = new HashSink();
    for (let i = 0; i + 1 < sink.offsets.length; i++) {
      both.begin();
      for (let k = sink.offsets[i] ?? 0; k < (sink.offsets[i + 1] ?? 0); k++) both.hashes.push(sink.hashes[k] ?? 0);
      for (const feature of extra[i] ?? []) both.add(feature, '');
    }
    both.finish();
    return tagsOf(second, both);
  });
}

describe('decodeDocument (shipped models)', () => {
  const { lexicon } = loadModelLexicon(dataFile(''));
  const folders = ['./fixtures/articles/', './fixtures/articles-blind/'].map((f) => new URL(f, import.meta.url));
  for (const lang of ['ar', 'en'] as const) {
    it(`${lang}: one probe per feature for both passes gives the tags of the plain two-pass decode`, () => {
      const model = loadNerModel(dataFile(''), lang);
      expect(model.document).not.toBeNull();
      // Loaded for tagging, both passes read one joint table (the decode below probes it directly).
      expect(model.first.table.slots).toBe(model.document?.table.slots);
      const texts = folders.flatMap((dir) =>
        readdirSync(dir)
          .filter((f) => f.startsWith(`${lang}-`) && f.endsWith('.json'))
          .map((f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { text: string }).text),
      );
      const sentences = texts
        .join('\n')
        .split(/[.!?؟\n]+/u)
        .map((s) => tokenize(s).map((t) => infoOfToken(t, lexicon)))
        .filter((s) => s.length > 0);
      expect(sentences.length).toBeGreaterThan(50);
      // Loaded for tagging, the rows keep their non-zero weights only: the same weights, the same tags.
      const dense = parseModel(readFileSync(dataFile(modelFileName(lang))), lang);
      expect(model.first.sparse).toBeDefined();
      expect(dense.sparse).toBeUndefined();
      // (Both read the file's rows in its order, so a weight has one index in both.)
      const next = rng(11);
      for (let n = 0; n < 2000; n++) {
        const k = Math.floor(next() * dense.weights.length);
        expect(weightAt(model.first, k)).toBe(weightAt(dense, k));
      }
      const plain = (m: SequenceModel): string[][] => sentences.map((infos) => {
        const sink = new HashSink();
        emitFeatures(infos, lang, sink, undefined, featureGroupsOf(m.meta.config));
        sink.finish();
        return Array.from(decodeHashed(m, sink), (t) => toBio(m.tags[t] ?? 'O'));
      });
      expect(plain(model.first)).toEqual(plain(dense));
      const got = decodeDocument(model, sentences);
      expect(got).toEqual(referenceDecode(model.first, model.document as SequenceModel, model.window, model.neighbours, sentences));
      expect(got.flat().some((t) => t !== 'O')).toBe(true);
    });
  }
});


describe('parseModel: rows kept sparse for tagging', () => {
  const file = (tags: readonly string[], rows: readonly string[]): Buffer => {
    const trans = Array.from({ length: (tags.length + 1) * tags.length }, () => 0).join(' ');
    const header = JSON.stringify({ format: MODEL_FORMAT, lang: 'en', tags, meta: {} });
    return gzipSync(Buffer.from(`${[header, trans, ...rows].join('\n')}\n`, 'utf8'));
  };
  it('reads the same weights as the dense load, the largest weight a sparse entry holds included', () => {
    const edge = (1 << 26) - 1;
    const bytes = file(['O', 'B-PER', 'I-PER'], [`w=a\t0:${edge} 2:-${edge}`, 'w=b\t1:7']);
    const sparse = parseModel(bytes, 'probe', { keepNames: false });
    const dense = parseModel(bytes, 'probe');
    expect(sparse.sparse?.entry.length).toBe(3);
    for (let k = 0; k < 6; k++) expect(weightAt(sparse, k)).toBe(weightAt(dense, k));
    expect(weightAt(sparse, 0)).toBeCloseTo(edge / 1000, 6);
    expect(weightAt(sparse, 2)).toBeCloseTo(-edge / 1000, 6);
  });
  it('refuses, naming the cause, a weight beyond what a sparse entry holds and more tags than it can name', () => {
    const big = file(['O', 'B-PER'], ['w=a\t0:1', `w=b\t1:-${1 << 26}`]);
    expect(() => parseModel(big, 'big.model.gz', { keepNames: false })).toThrow(expect.objectContaining({ code: 'KHABAR_E_NER_BAD_DATA', message: expect.stringContaining('big.model.gz: not a Khabar NER model (line 4: weight out of range)') }));
    // The dense load (training, inspection) still reads it.
    expect(weightAt(parseModel(big, 'big.model.gz'), 3)).toBe(-(1 << 26) / 1000);
    const tags = Array.from({ length: 33 }, (_, i) => (i === 0 ? 'O' : `B-T${i}`));
    expect(() => parseModel(file(tags, ['w=a\t32:1']), 'tags.model.gz', { keepNames: false })).toThrow(expect.objectContaining({ code: 'KHABAR_E_NER_BAD_DATA', message: expect.stringContaining('33 tags, more than a sparse row holds') }));
    expect(parseModel(file(tags.slice(0, 32), ['w=a\t31:1']), 'tags.model.gz', { keepNames: false }).sparse?.entry.length).toBe(1);
  });
});
