import { gunzipSync, gzipSync } from 'node:zlib';
import { KhabarNerError } from '../errors.ts';
import { buildFeatureTable, buildFeatureTableFromHashes, HashSink, hashUtf8, type FeatureTable } from './feature-hash.ts';
import { emitFeatures, featureGroupsOf, NEWS_DOMAIN, type ModelLang, type TokenInfo } from './features.ts';
import { allowedTransitions, toBio, viterbi } from './viterbi.ts';

export const MODEL_FORMAT = 'khabar-ner-perceptron/1';

/** Training settings recorded in the model file (and checked by the tests against the code). */
export interface TrainConfig {
  readonly epochs: number;
  readonly seed: number;
  /** Features seen fewer times than this in the training part are dropped. */
  readonly minFeatureCount: number;
  /** Last fraction of each file's sentences held out as the development split. */
  readonly devFraction: number;
  /** Update rule: plain perceptron (step 1, the default) or passive-aggressive PA-I (MIRA, 1-best). */
  readonly update?: 'perceptron' | 'pa';
  /** PA-I cap C on the step size. */
  readonly aggressiveness?: number;
  /** Models trained with seeds seed, seed + 1, ... whose weights are averaged (default 1). */
  readonly ensemble?: number;
  /**
   * Sentences on each side that form a sentence's document for the second, document pass
   * (0 or absent: no document pass). Its training features come from `folds`-fold jackknifed
   * first-pass predictions, so they are as noisy as at tagging time.
   */
  readonly documentWindow?: number;
  readonly folds?: number;
  /** Document pass: the neighbouring tokens' document features are features too. */
  readonly documentNeighbours?: boolean;
  /** Entity types mapped to O in the training part (the dev split keeps its gold tags). */
  readonly dropTypes?: readonly string[];
  /** Optional feature groups on top of the base features (`FeatureGroup` in features.ts). */
  readonly features?: readonly string[];
  /**
   * Subtracted from the O tag's score at every token when decoding (not in training): trades
   * precision for recall; chosen by cross-validation.
   */
  readonly outsideBias?: number;
  /** Tags the model is trained on: BIO (default) or BIOES (decoded tags are always BIO). */
  readonly scheme?: 'bio' | 'bioes';
  /** Feature templates (prefixes, or "*") copied per domain (`FeatureGroups.domain` in features.ts). */
  readonly domainFeatures?: readonly string[];
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
  /**
   * Feature strings; row r's weights are `weights[r * T .. r * T + T)`. Empty in a model loaded
   * for tagging only (`parseModel(..., { keepNames: false })`): the hash table is all it needs.
   */
  readonly names: readonly string[];
  /** Feature hash → row (see feature-hash.ts). */
  readonly table: FeatureTable;
  /**
   * Row weights in units of `weightUnit`: a model loaded from a file keeps the file's integers
   * (weight × 1000) as 16-bit integers when they fit, half the memory of 32-bit floats.
   */
  readonly weights: Float32Array | Int16Array;
  /** What one unit of `weights` is worth (1 for float weights; absent means 1). */
  readonly weightUnit?: number;
  /** 16-bit weights too large for them, by index into `weights` (marked there with -32768). */
  readonly weightOverflow?: ReadonlyMap<number, number>;
  /**
   * A model loaded for tagging only (`keepNames: false`) keeps each row's non-zero weights instead,
   * and `weights` is empty: about 4 of an Arabic row's 17 are non-zero, so this takes a third of
   * the memory of the dense rows (the weight unit is `weightUnit` all the same).
   */
  readonly sparse?: SparseRows;
  /** `(T + 1) × T`, row 0 = sentence start. */
  readonly transitions: Float32Array;
  readonly meta: ModelMeta;
}

/**
 * Rows' non-zero weights: row r's are entries `start[r] .. start[r + 1]`, each its weight (in weight
 * units) × 32 + its tag, so one 32-bit read gives both (`entry >> 5`, `entry & 31`; at most 32 tags).
 * The feature table of a model loaded this way holds each row's handle, `start[r] × 64 + its entry
 * count`, instead of the row: a feature's lookup gives where its entries are without reading
 * `start` (one memory access fewer per feature and pass, most of the tagger's time being such reads).
 */
export interface SparseRows {
  readonly start: Uint32Array;
  readonly entry: Int32Array;
}
const TAG_BITS = 5;
const TAG_MASK = (1 << TAG_BITS) - 1;
/** A sparse row handle's low bits: its entry count (≤ 32 tags). */
const COUNT_BITS = 6;
const COUNT_MASK = (1 << COUNT_BITS) - 1;

const allowedCache = new WeakMap<readonly string[], Uint8Array>();

/**
 * Adds row `row`'s weights (in weight units) to `emissions[base .. base + T)`; in a sparse model,
 * `row` is the row's handle (what its feature table holds, see SparseRows).
 */
function addRow(model: SequenceModel, emissions: Float64Array, base: number, row: number, T: number): void {
  const sparse = model.sparse;
  if (sparse) {
    const { entry } = sparse;
    const from = row >>> COUNT_BITS;
    const end = from + (row & COUNT_MASK);
    for (let e = from; e < end; e++) {
      const x = entry[e] as number;
      const at = base + (x & TAG_MASK);
      emissions[at] = (emissions[at] as number) + (x >> TAG_BITS);
    }
    return;
  }
  const w = model.weights;
  const big = model.weightOverflow;
  const off = row * T;
  for (let t = 0; t < T; t++) {
    const v = w[off + t] as number;
    emissions[base + t] = (emissions[base + t] as number) + (v === OVERFLOW && big ? (big.get(off + t) ?? 0) : v);
  }
}

export function createModel(fields: Omit<SequenceModel, 'table'>): SequenceModel {
  return { ...fields, table: buildFeatureTable(fields.names) };
}

/** Best BIO tags (as tag indexes) for a sentence whose features were hashed into `sink`. */
export function decodeHashed(model: SequenceModel, sink: HashSink): Int32Array {
  const T = model.tags.length;
  const n = Math.max(0, sink.offsets.length - 1);
  const emissions = new Float64Array(n * T);
  const { hashes, offsets } = sink;
  const { slots, mask, stride, column } = model.table;
  for (let i = 0; i < n; i++) {
    const base = i * T;
    const end = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < end; k++) {
      // lookupFeature, inlined: this loop is most of a sentence-only model's time.
      const h = hashes[k] as number;
      let row = -1;
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const at = stride * slot;
        if (slots[at] === h) {
          row = (slots[at + column] as number) - 1;
          break;
        }
        if (slots[at + 1] === 0 && (stride === 2 || slots[at + 2] === 0)) break;
      }
      if (row >= 0) addRow(model, emissions, base, row, T);
    }
  }
  scaleEmissions(emissions, model.weightUnit ?? 1);
  return decodeEmissions(model, emissions, n);
}

/** The weight at index `k` of `model.weights`, in weight units (overflow and unit applied). */
export function weightAt(model: SequenceModel, k: number): number {
  if (model.sparse) {
    const T = model.tags.length;
    const { start, entry } = model.sparse;
    const row = Math.floor(k / T);
    for (let e = start[row] ?? 0; e < (start[row + 1] ?? 0); e++) {
      const x = entry[e] ?? 0;
      if ((x & TAG_MASK) === k % T) return (x >> TAG_BITS) * (model.weightUnit ?? 1);
    }
    return 0;
  }
  const v = model.weights[k] ?? 0;
  return (v === OVERFLOW && model.weightOverflow ? (model.weightOverflow.get(k) ?? 0) : v) * (model.weightUnit ?? 1);
}

/** Integer sums to weights: one multiplication per cell once all of a sentence's rows are added. */
function scaleEmissions(emissions: Float64Array, unit: number): void {
  if (unit !== 1) for (let k = 0; k < emissions.length; k++) emissions[k] = (emissions[k] as number) * unit;
}

/**
 * Best BIO tags (as tag indexes) for a sentence whose features' rows in this model were looked up
 * beforehand (as its feature table gives them: handles in a sparse model): token i's are
 * `rows[offsets[i] .. offsets[i + 1])`, -1 for a feature the model lacks.
 * Same sums in the same order as `decodeHashed`, so the same tags.
 */
export function decodeRows(model: SequenceModel, rows: Int32Array, offsets: ArrayLike<number>): Int32Array {
  const T = model.tags.length;
  const n = Math.max(0, offsets.length - 1);
  const emissions = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    const base = i * T;
    const end = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < end; k++) {
      const row = rows[k] as number;
      if (row >= 0) addRow(model, emissions, base, row, T);
    }
  }
  scaleEmissions(emissions, model.weightUnit ?? 1);
  return decodeEmissions(model, emissions, n);
}

function decodeEmissions(model: SequenceModel, emissions: Float64Array, n: number): Int32Array {
  const T = model.tags.length;
  const bias = model.meta.config.outsideBias ?? 0;
  if (bias !== 0) {
    const o = model.tags.indexOf('O');
    if (o >= 0) for (let i = 0; i < n; i++) emissions[i * T + o] = (emissions[i * T + o] as number) - bias;
  }
  let allowed = allowedCache.get(model.tags);
  if (!allowed) {
    allowed = allowedTransitions(model.tags);
    allowedCache.set(model.tags, allowed);
  }
  return viterbi(emissions, n, T, model.transitions, allowed);
}

/** Best BIO tags (BIOES models' tags mapped to BIO) for a sentence given its tokens' facts (`infoOf` / `infoOfToken`). */
export function decode(model: SequenceModel, infos: readonly TokenInfo[], domain: string = NEWS_DOMAIN): string[] {
  const sink = new HashSink();
  emitFeatures(infos, model.lang, sink, undefined, featureGroupsOf(model.meta.config), domain);
  sink.finish();
  return Array.from(decodeHashed(model, sink), (t) => toBio(model.tags[t] ?? 'O'));
}

const SCALE = 1000;
/** In 16-bit weights, the mark of a weight too large for them, kept exactly in `weightOverflow`. */
const OVERFLOW = -0x8000;

/**
 * A model file's integer weights (× SCALE) as 16-bit integers, half the memory of floats: the few
 * beyond ±32.767 (11 of 328k in each Arabic model) are marked and kept exactly beside them.
 */
function packWeights(units: Int32Array): { weights: Int16Array; weightUnit: number; weightOverflow: Map<number, number> } {
  const weights = new Int16Array(units.length);
  const overflow = new Map<number, number>();
  for (let k = 0; k < units.length; k++) {
    const w = units[k] as number;
    if (w > 0x7fff || w <= OVERFLOW) {
      weights[k] = OVERFLOW;
      overflow.set(k, w);
    } else {
      weights[k] = w;
    }
  }
  return { weights, weightUnit: 1 / SCALE, weightOverflow: overflow };
}

/**
 * Gzipped text: a JSON header line, the transition row, then one line per feature
 * (`feature\ttag:weight tag:weight`, weights × 1000 as integers, zero weights omitted).
 */
export function serializeModel(model: SequenceModel): Buffer {
  const T = model.tags.length;
  if (model.sparse || model.names.length * T !== model.weights.length) throw new Error('serializeModel: model was loaded without its feature names');
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
      const w = Math.round(weightAt(model, row * T + t) * SCALE);
      if (w !== 0) parts.push(`${t}:${w}`);
    }
    if (parts.length > 0) lines.push(`${feature}\t${parts.join(' ')}`);
  }
  return gzipSync(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), { level: 9 });
}

/**
 * Each sparse row's handle (`start × 64 + entry count`, see SparseRows) from the rows' starts
 * (`starts[rows]` is the entry count). A model of 2^25 weights or more (real ones hold about 1.3
 * million) is refused with KHABAR_E_NER_BAD_DATA: its handles would not fit in 31 bits.
 */
export function rowHandles(starts: Uint32Array, rows: number, source = 'model'): Int32Array {
  const entries = starts[rows] ?? 0;
  if (entries >= 2 ** (31 - COUNT_BITS)) throw bad(source, `${entries} weights, more than a row handle addresses`);
  return Int32Array.from({ length: rows }, (_, r) => (starts[r] as number) * (COUNT_MASK + 1) + ((starts[r + 1] as number) - (starts[r] as number)));
}

function bad(source: string, why: string): KhabarNerError {
  return new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${source}: not a Khabar NER model (${why})`);
}

export interface ParseOptions {
  /** Keep the feature strings (needed to serialise or inspect the model; default true). */
  readonly keepNames?: boolean;
}

/**
 * Reads a model file. The feature lines are parsed from the gunzipped bytes directly (names
 * hashed from their UTF-8, integers read digit by digit): loading allocates next to nothing
 * besides the weights, which keeps a worker's heap (and RSS) small.
 */
export function parseModel(bytes: Uint8Array, source = 'model', options: ParseOptions = {}): SequenceModel {
  const keepNames = options.keepNames ?? true;
  let buf: Buffer;
  try {
    buf = gunzipSync(bytes);
  } catch (cause) {
    throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${source}: cannot gunzip the model`, { cause });
  }
  const NL = 0x0a;
  const end0 = buf.indexOf(NL);
  const end1 = end0 < 0 ? -1 : buf.indexOf(NL, end0 + 1);
  let header: { format?: unknown; lang?: unknown; tags?: unknown; meta?: unknown };
  try {
    header = JSON.parse(buf.toString('utf8', 0, end0 < 0 ? buf.length : end0)) as typeof header;
  } catch {
    throw bad(source, 'header is not JSON');
  }
  if (header.format !== MODEL_FORMAT) throw bad(source, `format ${String(header.format)}`);
  if (header.lang !== 'ar' && header.lang !== 'en') throw bad(source, 'lang');
  if (!Array.isArray(header.tags) || !header.tags.every((t) => typeof t === 'string')) throw bad(source, 'tags');
  const tags = header.tags as string[];
  const T = tags.length;
  if (end1 < 0) throw bad(source, 'transitions');
  const trans = buf.toString('utf8', end0 + 1, end1).split(' ').map(Number);
  if (trans.length !== (T + 1) * T || trans.some((x) => !Number.isFinite(x))) throw bad(source, 'transitions');

  let lineCount = 0;
  for (let k = end1 + 1; k < buf.length; k++) if (buf[k] === NL) lineCount++;
  lineCount++;
  const names: string[] = [];
  const hashes = new Int32Array(lineCount);
  // Dense rows (weights × SCALE) to keep with the names; else each row's entries, packed below.
  const units = new Int32Array(lineCount * T);
  if (!keepNames && T > TAG_MASK + 1) throw bad(source, `${T} tags, more than a sparse row holds`);
  const starts = keepNames ? new Uint32Array(0) : new Uint32Array(lineCount + 1);
  let entries = 0;
  let rows = 0;
  let line = 2;
  for (let pos = end1 + 1; pos < buf.length; line++) {
    let end = buf.indexOf(NL, pos);
    if (end < 0) end = buf.length;
    if (end === pos) {
      pos = end + 1;
      continue;
    }
    const tab = buf.lastIndexOf(0x09, end - 1);
    if (tab <= pos) throw bad(source, `line ${line + 1}`);
    const row = rows++;
    if (!keepNames) starts[row] = entries;
    hashes[row] = hashUtf8(buf, pos, tab);
    if (keepNames) names.push(buf.toString('utf8', pos, tab));
    // "t:w t:w ...": tag index, colon, signed integer weight × SCALE.
    let k = tab + 1;
    while (k < end) {
      let t = 0;
      let digits = 0;
      for (; k < end && (buf[k] ?? 0) >= 0x30 && (buf[k] ?? 0) <= 0x39; k++, digits++) t = t * 10 + (buf[k] ?? 0) - 0x30;
      if (digits === 0 || buf[k] !== 0x3a || t >= T) throw bad(source, `line ${line + 1}`);
      k++;
      const negative = buf[k] === 0x2d;
      if (negative) k++;
      let w = 0;
      digits = 0;
      for (; k < end && (buf[k] ?? 0) >= 0x30 && (buf[k] ?? 0) <= 0x39; k++, digits++) w = w * 10 + (buf[k] ?? 0) - 0x30;
      if (digits === 0 || (k < end && buf[k] !== 0x20)) throw bad(source, `line ${line + 1}`);
      k++;
      if (keepNames) {
        units[row * T + t] = negative ? -w : w;
      } else {
        // (A weight beyond ±2^26 units, ±67,108 — none comes near — would not survive the shift.)
        if (w >= 1 << (31 - TAG_BITS)) throw bad(source, `line ${line + 1}: weight out of range`);
        units[entries++] = (negative ? -w : w) * (TAG_MASK + 1) + t;
      }
    }
    pos = end + 1;
  }
  if (!keepNames) starts[rows] = entries;
  const handles = keepNames ? undefined : rowHandles(starts, rows, source);
  return {
    lang: header.lang,
    tags,
    names,
    table: buildFeatureTableFromHashes(hashes.subarray(0, rows), handles),
    ...(keepNames ? packWeights(units.subarray(0, rows * T)) : { weights: new Int16Array(0), weightUnit: 1 / SCALE, sparse: { start: starts.slice(0, rows + 1), entry: units.slice(0, entries) } }),
    transitions: Float32Array.from(trans, (w) => w / SCALE),
    meta: header.meta as ModelMeta,
  };
}
