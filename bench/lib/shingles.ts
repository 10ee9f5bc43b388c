/**
 * The scoring of the public article-extraction benchmark: texts are split into whitespace
 * tokens, turned into 4-token shingles, and compared as multisets; precision and recall are
 * computed per page, averaged over pages, and F1 is taken of the two averages.
 */
export function shingles(text: string, size = 4): Map<string, number> {
  const tokens = text.toLowerCase().split(/\s+/u).filter(Boolean);
  const out = new Map<string, number>();
  if (tokens.length < size) {
    if (tokens.length) out.set(tokens.join(' '), 1);
    return out;
  }
  for (let i = 0; i + size <= tokens.length; i++) {
    const key = tokens.slice(i, i + size).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  readonly precision: number;
  readonly recall: number;
}

export function scorePage(predicted: string, gold: string): PageScore {
  const p = shingles(predicted);
  const g = shingles(gold);
  let common = 0;
  let pTotal = 0;
  let gTotal = 0;
  for (const n of p.values()) pTotal += n;
  for (const [k, n] of g) {
    gTotal += n;
    common += Math.min(n, p.get(k) ?? 0);
  }
  // An empty prediction for a non-empty gold scores precision 0, as in the benchmark.
  return { precision: pTotal === 0 ? (gTotal === 0 ? 1 : 0) : common / pTotal, recall: gTotal === 0 ? 1 : common / gTotal };
}

export function f1OfAverages(scores: readonly PageScore[]): { precision: number; recall: number; f1: number } {
  if (scores.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const precision = scores.reduce((a, s) => a + s.precision, 0) / scores.length;
  const recall = scores.reduce((a, s) => a + s.recall, 0) / scores.length;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
