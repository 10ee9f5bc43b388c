/**
 * Tag-set helpers and first-order Viterbi decoding under the BIO constraint (I-X only after B-X
 * or I-X), shared by training and inference.
 */

/**
 * `allowed[(prev + 1) * T + t]`: row 0 is the sentence start. BIO: I-X only after B-X or I-X.
 * BIOES (a tag set with E-/S- tags): I-X and E-X only after B-X or I-X, and B-X and I-X only
 * before I-X or E-X.
 */
export function allowedTransitions(tags: readonly string[]): Uint8Array {
  const T = tags.length;
  const out = new Uint8Array((T + 1) * T);
  const bioes = tags.some((t) => t.startsWith('E-') || t.startsWith('S-'));
  const inside = (t: string): boolean => t.startsWith('I-') || (bioes && t.startsWith('E-'));
  const open = (t: string): boolean => bioes && (t.startsWith('B-') || t.startsWith('I-'));
  for (let p = -1; p < T; p++) {
    const prev = p < 0 ? 'O' : (tags[p] ?? 'O');
    for (let t = 0; t < T; t++) {
      const tag = tags[t] ?? 'O';
      const continues = prev !== 'O' && prev.slice(2) === tag.slice(2) && (prev.startsWith('B-') || prev.startsWith('I-'));
      const ok = inside(tag) ? continues : !open(prev);
      out[(p + 1) * T + t] = ok ? 1 : 0;
    }
  }
  return out;
}

/** BIOES → BIO ("E-X" → "I-X", "S-X" → "B-X"); BIO tags unchanged. */
export function toBio(tag: string): string {
  if (tag.startsWith('E-')) return `I-${tag.slice(2)}`;
  if (tag.startsWith('S-')) return `B-${tag.slice(2)}`;
  return tag;
}

/** BIO → BIOES: the last token of a name is E- (S- for one-token names). */
export function toBioes(tags: readonly string[]): string[] {
  // An I-X that does not continue an X name starts one (as spansOf reads it).
  const bio = tags.map((tag, i) => {
    if (!tag.startsWith('I-')) return tag;
    const prev = tags[i - 1] ?? 'O';
    return prev !== 'O' && prev.slice(2) === tag.slice(2) ? tag : `B-${tag.slice(2)}`;
  });
  return bio.map((tag, i) => {
    if (tag === 'O') return tag;
    const next = bio[i + 1] ?? 'O';
    const ends = !(next.startsWith('I-') && next.slice(2) === tag.slice(2));
    if (tag.startsWith('B-')) return ends ? `S-${tag.slice(2)}` : tag;
    return ends ? `E-${tag.slice(2)}` : tag;
  });
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
  // The allowed previous tags of each tag, listed once (a BIOES tag set allows about a third).
  const from = new Int32Array(T + 1);
  const prevs = new Int32Array(T * T);
  let m = 0;
  for (let t = 0; t < T; t++) {
    from[t] = m;
    for (let p = 0; p < T; p++) if (allowed[(p + 1) * T + t]) prevs[m++] = p;
  }
  from[T] = m;
  for (let i = 1; i < n; i++) {
    const row = (i - 1) * T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      const end = from[t + 1] as number;
      for (let j = from[t] as number; j < end; j++) {
        const p = prevs[j] as number;
        const s = (score[row + p] as number) + (transitions[(p + 1) * T + t] as number);
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
