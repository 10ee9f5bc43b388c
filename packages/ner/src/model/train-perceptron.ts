import type { ModelLang } from './features.ts';
import { createModel, type ModelMeta, type SequenceModel, type TrainConfig } from './sequence-model.ts';
import { allowedTransitions, viterbi } from './viterbi.ts';

export interface TrainingSentence {
  /** Static features per token (`sentenceFeatures`). */
  readonly feats: readonly (readonly string[])[];
  readonly tags: readonly string[];
}

/** Deterministic PRNG (mulberry32) so the shuffling, hence the model, depends only on the seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPE_ORDER = ['PER', 'ORG', 'LOC', 'MISC'];

/**
 * O first, then B-/I- (BIOES: B-/I-/E-/S-) per type in a fixed order, so tag indexes do not
 * depend on data order.
 */
export function tagSetOf(sentences: readonly TrainingSentence[]): string[] {
  const types = new Set<string>();
  let bioes = false;
  for (const s of sentences) {
    for (const t of s.tags) {
      if (t === 'O') continue;
      types.add(t.slice(2));
      if (t.startsWith('E-') || t.startsWith('S-')) bioes = true;
    }
  }
  const ordered = [...types].sort((a, b) => {
    const ia = TYPE_ORDER.indexOf(a);
    const ib = TYPE_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : 1);
  });
  return ['O', ...ordered.flatMap((t) => (bioes ? [`B-${t}`, `I-${t}`, `E-${t}`, `S-${t}`] : [`B-${t}`, `I-${t}`]))];
}

/**
 * Averaged structured perceptron (Collins 2002) with first-order Viterbi decoding: for each
 * sentence, decode with the current weights and, where the best path differs from the gold one,
 * add the gold path's features and subtract the predicted path's. The returned weights are the
 * average over all steps (computed with the usual "timestamped sum" trick).
 */
export function trainPerceptron(
  sentences: readonly TrainingSentence[],
  lang: ModelLang,
  config: TrainConfig,
  meta: Omit<ModelMeta, 'config' | 'features'>,
  onEpoch?: (epoch: number, mistakes: number) => void,
): SequenceModel {
  const tags = tagSetOf(sentences);
  const T = tags.length;
  const tagIndex = new Map(tags.map((t, i) => [t, i]));

  const counts = new Map<string, number>();
  for (const s of sentences) for (const fs of s.feats) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const ids = new Map<string, number>();
  for (const [f, c] of counts) if (c >= config.minFeatureCount) ids.set(f, ids.size);
  counts.clear();

  const data = sentences.map((s) => ({
    feats: s.feats.map((fs) => Int32Array.from(fs.flatMap((f) => ids.get(f) ?? []))),
    gold: Int32Array.from(s.tags, (t) => tagIndex.get(t) ?? 0),
  }));

  const F = ids.size;
  const w = new Float64Array(F * T);
  const u = new Float64Array(F * T);
  const tw = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  const allowed = allowedTransitions(tags);
  let c = 1;

  const random = seededRandom(config.seed);
  const order = data.map((_, i) => i);
  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = tmp;
    }
    let mistakes = 0;
    for (const idx of order) {
      const s = data[idx];
      if (!s) continue;
      const n = s.gold.length;
      const em = new Float64Array(n * T);
      for (let i = 0; i < n; i++) {
        for (const f of s.feats[i] ?? []) {
          const off = f * T;
          for (let t = 0; t < T; t++) em[i * T + t] = (em[i * T + t] ?? 0) + (w[off + t] ?? 0);
        }
      }
      const pred = viterbi(em, n, T, tw, allowed);
      // Token and transition differences between the gold and the predicted path.
      const delta = new Map<number, number>();
      const tdelta = new Map<number, number>();
      let loss = 0;
      let margin = 0;
      let prevG = -1;
      let prevP = -1;
      for (let i = 0; i < n; i++) {
        const g = s.gold[i] ?? 0;
        const p = pred[i] ?? 0;
        if (g !== p) {
          loss++;
          margin += (em[i * T + g] ?? 0) - (em[i * T + p] ?? 0);
          for (const f of s.feats[i] ?? []) {
            delta.set(f * T + g, (delta.get(f * T + g) ?? 0) + 1);
            delta.set(f * T + p, (delta.get(f * T + p) ?? 0) - 1);
          }
        }
        if (g !== p || prevG !== prevP) {
          const kg = (prevG + 1) * T + g;
          const kp = (prevP + 1) * T + p;
          margin += (tw[kg] ?? 0) - (tw[kp] ?? 0);
          tdelta.set(kg, (tdelta.get(kg) ?? 0) + 1);
          tdelta.set(kp, (tdelta.get(kp) ?? 0) - 1);
        }
        prevG = g;
        prevP = p;
      }
      if (loss > 0) {
        mistakes += loss;
        // Perceptron: step 1. Passive-aggressive (PA-I, Crammer et al. 2006): the smallest step
        // that makes the gold path win by the Hamming loss, capped at C.
        let step = 1;
        if (config.update === 'pa') {
          let norm = 0;
          for (const d of delta.values()) norm += d * d;
          for (const d of tdelta.values()) norm += d * d;
          step = norm === 0 ? 0 : Math.min(config.aggressiveness ?? 1, Math.max(0, loss - margin) / norm);
        }
        for (const [k, d] of delta) {
          w[k] = (w[k] ?? 0) + step * d;
          u[k] = (u[k] ?? 0) + c * step * d;
        }
        for (const [k, d] of tdelta) {
          tw[k] = (tw[k] ?? 0) + step * d;
          tu[k] = (tu[k] ?? 0) + c * step * d;
        }
      }
      c++;
    }
    onEpoch?.(epoch, mistakes);
  }

  // Average, and keep only features with a non-negligible weight.
  const names: string[] = [];
  const kept: number[] = [];
  for (const [f, id] of ids) {
    let any = false;
    for (let t = 0; t < T; t++) {
      const avg = (w[id * T + t] ?? 0) - (u[id * T + t] ?? 0) / c;
      if (Math.abs(avg) >= 0.0005) any = true;
    }
    if (!any) continue;
    names.push(f);
    kept.push(id);
  }
  const weights = new Float32Array(kept.length * T);
  kept.forEach((id, r) => {
    for (let t = 0; t < T; t++) weights[r * T + t] = (w[id * T + t] ?? 0) - (u[id * T + t] ?? 0) / c;
  });
  const transitions = Float32Array.from(tw, (x, k) => x - (tu[k] ?? 0) / c);
  return createModel({ lang, tags, names, weights, transitions, meta: { ...meta, config, features: names.length } });
}
