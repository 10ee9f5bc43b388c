import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KhabarNerError } from '../errors.ts';
import { buildJointTable, hashFeature, HashSink, jointView, lookupFeature, type JointTable } from './feature-hash.ts';
import { emitFeatures, featureGroupsOf, NEWS_DOMAIN, type TokenInfo } from './features.ts';
import { decodeHashed, decodeRows, parseModel, type SequenceModel } from './sequence-model.ts';
import { docModelFileName, modelFileName } from './train-config.ts';
import { toBio } from './viterbi.ts';

/**
 * The statistical tagger of one language: a sentence model, and optionally a second, document
 * model whose features add what the first pass said about the same word elsewhere in the
 * document (`documentContext`), so a name tagged ORG in one sentence pulls its other mentions.
 */
export interface NerModel {
  readonly first: SequenceModel;
  readonly document: SequenceModel | null;
  /** Sentences before and after a sentence that count as its document (training and tagging alike). */
  readonly window: number;
  /** The document features of the previous and next token are features too (`dc-1=`, `dc+1=`). */
  readonly neighbours: boolean;
}

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];
const LETTER = /\p{L}/u;

/** Entity type of each BIO tag ("B-PER" → "PER"), "O" for O. */
export function typesOf(tags: readonly string[]): string[] {
  return tags.map((t) => (t === 'O' ? 'O' : t.slice(2)));
}

/**
 * Per sentence and token, the document features of the token's key: what the first pass tagged
 * the other occurrences of the same key within `window` sentences: `none` (no other occurrence),
 * `O` (never part of a name), or the most frequent entity type plus whether it outnumbers O
 * (`PER`, `PER|maj`). `keys` are the tokens' stems (TokenInfo.stem), `types` the first pass's.
 */
export function documentContext(
  keys: readonly (readonly string[])[],
  types: readonly (readonly string[])[],
  window: number,
): string[][][] {
  const labels = ['O', ...TYPES];
  const K = labels.length;
  // Per key: sentence index of every occurrence and running counts per label (prefix sums).
  const index = new Map<string, { sentences: number[]; prefix: number[] }>();
  keys.forEach((sentence, s) => {
    sentence.forEach((key, t) => {
      if (key.length < 2 || !LETTER.test(key)) return;
      let e = index.get(key);
      if (!e) {
        e = { sentences: [], prefix: new Array<number>(K).fill(0) };
        index.set(key, e);
      }
      const label = Math.max(0, labels.indexOf(types[s]?.[t] ?? 'O'));
      const base = e.prefix.length - K;
      for (let k = 0; k < K; k++) e.prefix.push((e.prefix[base + k] ?? 0) + (k === label ? 1 : 0));
      e.sentences.push(s);
    });
  });
  const lowerBound = (xs: readonly number[], x: number): number => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((xs[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return keys.map((sentence, s) =>
    sentence.map((key, t) => {
      const e = index.get(key);
      if (!e) return [];
      const lo = lowerBound(e.sentences, s - window);
      const hi = lowerBound(e.sentences, s + window + 1);
      const own = Math.max(0, labels.indexOf(types[s]?.[t] ?? 'O'));
      const counts = labels.map((_, k) => (e.prefix[hi * K + k] ?? 0) - (e.prefix[lo * K + k] ?? 0) - (k === own ? 1 : 0));
      const total = counts.reduce((a, b) => a + b, 0);
      if (total === 0) return ['none'];
      let best = -1;
      for (let k = 1; k < K; k++) if ((counts[k] ?? 0) > 0 && (best < 0 || (counts[k] ?? 0) > (counts[best] ?? 0))) best = k;
      if (best < 0) return ['O'];
      const label = labels[best] ?? 'O';
      return [label, `${label}|${(counts[best] ?? 0) > (counts[0] ?? 0) ? 'maj' : 'min'}`];
    }),
  );
}

/**
 * The document pass's feature strings per token of one sentence: the token's own document
 * context (`dc=PER`) and its neighbours' (`dc-1=…`, `dc+1=…`, which help multi-word names).
 */
export function contextFeatures(context: readonly (readonly string[])[], neighbours: boolean): string[][] {
  return context.map((_, i) => {
    const out: string[] = [];
    eachContextFeature(context, i, neighbours, (prefix, value) => out.push(prefix + value));
    return out;
  });
}

/**
 * Token i's document features in their one order (training builds their strings, tagging looks
 * their rows up): its own values (`dc=`), then the previous and next token's (`dc-1=`, `dc+1=`).
 */
function eachContextFeature(context: readonly (readonly string[])[], i: number, neighbours: boolean, emit: (prefix: string, value: string) => void): void {
  for (const v of context[i] ?? []) emit('dc=', v);
  if (!neighbours) return;
  for (const v of context[i - 1] ?? ['<s>']) emit('dc-1=', v);
  for (const v of context[i + 1] ?? ['</s>']) emit('dc+1=', v);
}

function hashed(model: SequenceModel, infos: readonly TokenInfo[], domain: string): HashSink {
  const sink = new HashSink();
  emitFeatures(infos, model.lang, sink, undefined, featureGroupsOf(model.meta.config), domain);
  sink.finish();
  return sink;
}

const tagsOf = (model: SequenceModel, tags: Int32Array): string[] => Array.from(tags, (t) => toBio(model.tags[t] ?? 'O'));

/** The sentence and document models' joint table, built on first use (loading stays cheap). */
const joints = new WeakMap<SequenceModel, { first: SequenceModel; table: JointTable }>();

function jointOf(first: SequenceModel, second: SequenceModel): JointTable {
  // Loaded by loadNerModel: both read their column of one joint table already.
  if (first.table.slots === second.table.slots && first.table.stride === 3) return first.table;
  const known = joints.get(second);
  if (known?.first === first) return known.table;
  const table = buildJointTable(first.table, second.table);
  joints.set(second, { first, table });
  return table;
}

/**
 * BIO tags for every sentence of one document (an article, or a corpus file's consecutive
 * sentences): the sentence model, then, when there is one, the document model, which sees the
 * same features plus the document features. Each feature is hashed once and looked up once for
 * both models (a joint table); the document features are looked up in the document model.
 */
export function decodeDocument(model: NerModel, sentences: readonly (readonly TokenInfo[])[], domain: string = NEWS_DOMAIN): string[][] {
  const sinks = sentences.map((infos) => hashed(model.first, infos, domain));
  const second = model.document;
  if (!second) return sinks.map((sink) => tagsOf(model.first, decodeHashed(model.first, sink)));
  const { slots, mask } = jointOf(model.first, second);
  const firstRows: Int32Array[] = [];
  const secondRows: Int32Array[] = [];
  for (const sink of sinks) {
    const { hashes } = sink;
    const a = new Int32Array(hashes.length);
    const b = new Int32Array(hashes.length);
    for (let k = 0; k < hashes.length; k++) {
      const h = hashes[k] as number;
      let ra = 0;
      let rb = 0;
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const x = slots[3 * slot + 1] as number;
        const y = slots[3 * slot + 2] as number;
        if (x === 0 && y === 0) break;
        if (slots[3 * slot] === h) {
          ra = x;
          rb = y;
          break;
        }
      }
      a[k] = ra - 1;
      b[k] = rb - 1;
    }
    firstRows.push(a);
    secondRows.push(b);
  }
  const first = sinks.map((sink, s) => tagsOf(model.first, decodeRows(model.first, firstRows[s] as Int32Array, sink.offsets)));
  const context = documentContext(
    sentences.map((infos) => infos.map((i) => i.stem)),
    first.map(typesOf),
    model.window,
  );
  const rowOf = extraRows(second);
  return sinks.map((sink, s) => {
    const own = context[s] ?? [];
    const base = secondRows[s] as Int32Array;
    const n = sink.offsets.length - 1;
    // Per token: its base features' rows, then its document features' rows (each
    // token has at most two document values of its own and two per neighbour).
    const rows = new Int32Array(base.length + 6 * n);
    const offsets = new Int32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = at;
      const end = sink.offsets[i + 1] as number;
      for (let k = sink.offsets[i] as number; k < end; k++) rows[at++] = base[k] as number;
      eachContextFeature(own, i, model.neighbours, (prefix, value) => {
        rows[at++] = rowOf(prefix, value);
      });
    }
    offsets[n] = at;
    return tagsOf(second, decodeRows(second, rows, offsets));
  });
}

/** Rows of the document features (`contextFeatures`' strings: a prefix and one of a few values), memoised per model. */
const extraCache = new WeakMap<SequenceModel, Map<string, Map<string, number>>>();

function extraRows(model: SequenceModel): (prefix: string, value: string) => number {
  let byPrefix = extraCache.get(model);
  if (!byPrefix) {
    byPrefix = new Map();
    extraCache.set(model, byPrefix);
  }
  const cache = byPrefix;
  return (prefix, value) => {
    let values = cache.get(prefix);
    if (!values) {
      values = new Map();
      cache.set(prefix, values);
    }
    let row = values.get(value);
    if (row === undefined) {
      row = lookupFeature(model.table, hashFeature(prefix + value));
      values.set(value, row);
    }
    return row;
  };
}

function readModel(path: string, lang: 'ar' | 'en'): SequenceModel {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `cannot read NER model ${path}`, { cause });
  }
  const model = parseModel(bytes, path, { keepNames: false });
  if (model.lang !== lang) throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${path}: model is for "${model.lang}", not "${lang}"`);
  return model;
}

/**
 * Loads `ner-<lang>.model.gz` and, when its config has a document pass, `ner-<lang>.doc.model.gz`,
 * for tagging (without the feature strings).
 */
export function loadNerModel(dir: string, lang: 'ar' | 'en'): NerModel {
  const first = readModel(join(dir, modelFileName(lang)), lang);
  const window = first.meta.config.documentWindow ?? 0;
  const document = window > 0 ? readModel(join(dir, docModelFileName(lang)), lang) : null;
  const neighbours = first.meta.config.documentNeighbours === true;
  if (!document) return { first, document, window, neighbours };
  // One table for both passes (decodeDocument probes it once per feature); the models' own
  // tables, 2–8 MB each, are dropped.
  const joint = buildJointTable(first.table, document.table);
  return { first: { ...first, table: jointView(joint, 1) }, document: { ...document, table: jointView(joint, 2) }, window, neighbours };
}
