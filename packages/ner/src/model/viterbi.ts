/**
 * Tag-set helpers and first-order Viterbi decoding under the BIO constraint (I-X only after B-X
 * or I-X), shared by training and inference.
 */

/** `allowed[(prev + 1) * T + t]`: row 0 is the sentence start. */
export function allowedTransitions(tags: readonly string[]): Uint8Array {
  const T = tags.length;
  const out = new Uint8Array((T + 1) * T);
  for (let p = -1; p < T; p++) {
    const prev = p < 0 ? 'O' : (tags[p] ?? 'O');
    for (let t = 0; t < T; t++) {
      const tag = tags[t] ?? 'O';
      const ok = !tag.startsWith('I-') || (prev !== 'O' && prev.slice(2) === tag.slice(2));
      out[(p + 1) * T + t] = ok ? 1 : 0;
    }
  }
  return out;
}

/**
 * Best tag sequence given per-token emission scores (`emissions[i * T + t]`) and transition scores
 * (`transitions[(prev + 1) * T + t]`, row 0 = start). Returns tag indexes.
 */
export function viterbi(
  emissions: Float64Array,
  n: number,
  T: number,
  transitions: ArrayLike<number>,
  allowed: Uint8Array,
): Int32Array {
  const out = new Int32Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++) {
    score[t] = allowed[t] ? (emissions[t] ?? 0) + (transitions[t] ?? 0) : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        const k = (p + 1) * T + t;
        if (!allowed[k]) continue;
        const s = (score[(i - 1) * T + p] ?? -Infinity) + (transitions[k] ?? 0);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + t] = best + (emissions[i * T + t] ?? 0);
      back[i * T + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    const s = score[(n - 1) * T + t] ?? -Infinity;
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg] ?? 0;
  }
  return out;
}
