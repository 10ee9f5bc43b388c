import { gunzipSync, gzipSync } from 'node:zlib';
import { KhabarNerError } from '../errors.ts';
import { buildFeatureTable, HashSink, lookupFeature, type FeatureTable } from './feature-hash.ts';
import { emitFeatures, type ModelLang, type TokenInfo } from './features.ts';
import { allowedTransitions, viterbi } from './viterbi.ts';

export const MODEL_FORMAT = 'khabar-ner-perceptron/1';

/** Training settings recorded in the model file (and checked by the tests against the code). */
export interface TrainConfig {
  readonly epochs: number;
  readonly seed: number;
  /** Features seen fewer times than this in the training part are dropped. */
  readonly minFeatureCount: number;
  /** Last fraction of each file's sentences held out as the development split. */
  readonly devFraction: number;
}

export interface ModelMeta {
  readonly config: TrainConfig;
  /** Training files with their SHA-256 and the sentence counts of each split. */
  readonly files: ReadonlyArray<{ name: string; sha256: string; train: number; dev: number }>;
  /** SHA-256 of the lexicon data files the features were computed with (kb.tsv, places.tsv, ...). */
  readonly lexicon: Readonly<Record<string, string>>;
  /** Entity-level exact-match F1 on the development split, overall and per type. */
  readonly dev: Readonly<Record<string, { precision: number; recall: number; f1: number }>>;
  readonly features: number;
}

/** An averaged structured perceptron: per-feature weight rows plus a transition matrix. */
export interface SequenceModel {
  readonly lang: ModelLang;
  readonly tags: readonly string[];
  /** Feature strings; row r's weights are `weights[r * T .. r * T + T)`. */
  readonly names: readonly string[];
  /** Feature hash → row (see feature-hash.ts). */
  readonly table: FeatureTable;
  readonly weights: Float32Array;
  /** `(T + 1) × T`, row 0 = sentence start. */
  readonly transitions: Float32Array;
  readonly meta: ModelMeta;
}

const allowedCache = new WeakMap<readonly string[], Uint8Array>();

export function createModel(fields: Omit<SequenceModel, 'table'>): SequenceModel {
  return { ...fields, table: buildFeatureTable(fields.names) };
}

/** Best BIO tags (as tag indexes) for a sentence whose features were hashed into `sink`. */
export function decodeHashed(model: SequenceModel, sink: HashSink): Int32Array {
  const T = model.tags.length;
  const n = sink.offsets.length - 1;
  const emissions = new Float64Array(Math.max(0, n) * T);
  const { hashes, offsets } = sink;
  const w = model.weights;
  for (let i = 0; i < n; i++) {
    const base = i * T;
    const end = offsets[i + 1] ?? 0;
    for (let k = offsets[i] ?? 0; k < end; k++) {
      const row = lookupFeature(model.table, hashes[k] ?? 0);
      if (row < 0) continue;
      const off = row * T;
      for (let t = 0; t < T; t++) emissions[base + t] = (emissions[base + t] ?? 0) + (w[off + t] ?? 0);
    }
  }
  let allowed = allowedCache.get(model.tags);
  if (!allowed) {
    allowed = allowedTransitions(model.tags);
    allowedCache.set(model.tags, allowed);
  }
  return viterbi(emissions, Math.max(0, n), T, model.transitions, allowed);
}

/** Best BIO tags for a sentence given its tokens' facts (`infoOf` / `infoOfToken`). */
export function decode(model: SequenceModel, infos: readonly TokenInfo[]): string[] {
  const sink = new HashSink();
  emitFeatures(infos, model.lang, sink);
  sink.finish();
  return Array.from(decodeHashed(model, sink), (t) => model.tags[t] ?? 'O');
}

const SCALE = 1000;

/**
 * Gzipped text: a JSON header line, the transition row, then one line per feature
 * (`feature\ttag:weight tag:weight`, weights × 1000 as integers, zero weights omitted).
 */
export function serializeModel(model: SequenceModel): Buffer {
  const T = model.tags.length;
  const header = { format: MODEL_FORMAT, lang: model.lang, tags: model.tags, meta: model.meta };
  const lines = [JSON.stringify(header), Array.from(model.transitions, (w) => Math.round(w * SCALE)).join(' ')];
  const order = model.names.map((_, i) => i).sort((a, b) => {
    const x = model.names[a] ?? '';
    const y = model.names[b] ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (const row of order) {
    const feature = model.names[row] ?? '';
    const parts: string[] = [];
    for (let t = 0; t < T; t++) {
      const w = Math.round((model.weights[row * T + t] ?? 0) * SCALE);
      if (w !== 0) parts.push(`${t}:${w}`);
    }
    if (parts.length > 0) lines.push(`${feature}\t${parts.join(' ')}`);
  }
  return gzipSync(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), { level: 9 });
}

function bad(source: string, why: string): KhabarNerError {
  return new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${source}: not a Khabar NER model (${why})`);
}

export function parseModel(bytes: Uint8Array, source = 'model'): SequenceModel {
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch (cause) {
    throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${source}: cannot gunzip the model`, { cause });
  }
  const lines = text.split('\n');
  let header: { format?: unknown; lang?: unknown; tags?: unknown; meta?: unknown };
  try {
    header = JSON.parse(lines[0] ?? '') as typeof header;
  } catch {
    throw bad(source, 'header is not JSON');
  }
  if (header.format !== MODEL_FORMAT) throw bad(source, `format ${String(header.format)}`);
  if (header.lang !== 'ar' && header.lang !== 'en') throw bad(source, 'lang');
  if (!Array.isArray(header.tags) || !header.tags.every((t) => typeof t === 'string')) throw bad(source, 'tags');
  const tags = header.tags as string[];
  const T = tags.length;
  const trans = (lines[1] ?? '').split(' ').map(Number);
  if (trans.length !== (T + 1) * T || trans.some((x) => !Number.isFinite(x))) throw bad(source, 'transitions');
  const names: string[] = [];
  const weights = new Float32Array(Math.max(0, lines.length - 2) * T);
  for (let i = 2; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const tab = line.lastIndexOf('\t');
    if (tab <= 0) throw bad(source, `line ${i + 1}`);
    const row = names.length;
    names.push(line.slice(0, tab));
    for (const part of line.slice(tab + 1).split(' ')) {
      const colon = part.indexOf(':');
      const t = Number(part.slice(0, colon));
      const w = Number(part.slice(colon + 1));
      if (colon <= 0 || !(t >= 0 && t < T) || !Number.isFinite(w)) throw bad(source, `line ${i + 1}`);
      weights[row * T + t] = w / SCALE;
    }
  }
  return createModel({
    lang: header.lang,
    tags,
    names,
    weights: weights.subarray(0, names.length * T),
    transitions: Float32Array.from(trans, (w) => w / SCALE),
    meta: header.meta as ModelMeta,
  });
}
