/**
 * CoNLL-style BIO data ("token TAG" lines, blank line between sentences) and entity-level
 * exact-match scoring (a predicted entity counts only with the gold span and type).
 */

export interface Sentence {
  readonly tokens: readonly string[];
  /** BIO tags with types mapped to PER/ORG/LOC/MISC (ANERcorp's PERS → PER). */
  readonly tags: readonly string[];
}

/**
 * Extra training text that is already cut into documents (one hand-annotated article each, see
 * article-corpus.ts): trained on whole, never part of the dev split. `sha256` identifies the set.
 */
export interface DocumentSet {
  readonly name: string;
  readonly sha256: string;
  readonly documents: readonly (readonly Sentence[])[];
}

export interface Span {
  readonly first: number;
  /** Inclusive. */
  readonly last: number;
  readonly type: string;
}

const TYPE_MAP: Readonly<Record<string, string>> = { PERS: 'PER' };

function mapTag(tag: string): string {
  if (tag === 'O' || tag.length < 3) return 'O';
  const type = tag.slice(2);
  return `${tag.slice(0, 2)}${TYPE_MAP[type] ?? type}`;
}

export function parseConll(text: string): Sentence[] {
  const out: Sentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (tokens.length > 0) out.push({ tokens, tags });
    tokens = [];
    tags = [];
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const sp = trimmed.lastIndexOf(' ');
    if (trimmed === '' || sp <= 0) {
      flush();
      continue;
    }
    tokens.push(trimmed.slice(0, sp));
    tags.push(mapTag(trimmed.slice(sp + 1)));
  }
  flush();
  return out;
}

/**
 * The development split: the last `fraction` of a file's sentences (never trained on), so the
 * split is stable, contiguous (no document leaks across it beyond one boundary) and reproducible.
 */
export function splitDev<T>(sentences: readonly T[], fraction: number): { train: T[]; dev: T[] } {
  const cut = sentences.length - Math.round(sentences.length * fraction);
  return { train: sentences.slice(0, cut), dev: sentences.slice(cut) };
}

/** Entities of a BIO sequence; an I- without a matching open entity starts a new one (CoNLL eval). */
export function spansOf(tags: readonly string[]): Span[] {
  const out: Span[] = [];
  let open: { first: number; type: string } | null = null;
  tags.forEach((tag, i) => {
    const type = tag === 'O' ? null : tag.slice(2);
    if (open && tag.startsWith('I-') && open.type === type) return;
    if (open) out.push({ first: open.first, last: i - 1, type: open.type });
    open = type ? { first: i, type } : null;
  });
  if (open !== null) {
    const o: { first: number; type: string } = open;
    out.push({ first: o.first, last: tags.length - 1, type: o.type });
  }
  return out;
}

export interface Counts {
  tp: number;
  pred: number;
  gold: number;
}

export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly tp: number;
  readonly pred: number;
  readonly gold: number;
}

export function scoresOf(c: Counts): Scores {
  const precision = c.pred === 0 ? 0 : c.tp / c.pred;
  const recall = c.gold === 0 ? 0 : c.tp / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp: c.tp, pred: c.pred, gold: c.gold };
}

/** Accumulates exact-match counts per type and overall ("ALL"). */
export class EntityScorer {
  private readonly counts = new Map<string, Counts>();

  private row(type: string): Counts {
    let c = this.counts.get(type);
    if (!c) {
      c = { tp: 0, pred: 0, gold: 0 };
      this.counts.set(type, c);
    }
    return c;
  }

  addSpans(gold: readonly Span[], pred: readonly Span[]): void {
    const key = (s: Span): string => `${s.first}:${s.last}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    for (const g of gold) {
      this.row(g.type).gold++;
      this.row('ALL').gold++;
    }
    for (const p of pred) {
      this.row(p.type).pred++;
      this.row('ALL').pred++;
      if (goldKeys.has(key(p))) {
        this.row(p.type).tp++;
        this.row('ALL').tp++;
      }
    }
  }

  add(goldTags: readonly string[], predTags: readonly string[]): void {
    this.addSpans(spansOf(goldTags), spansOf(predTags));
  }

  /** Scores per type (sorted) with "ALL" last. */
  scores(): Record<string, Scores> {
    const out: Record<string, Scores> = {};
    const types = [...this.counts.keys()].filter((t) => t !== 'ALL').sort();
    for (const t of [...types, 'ALL']) out[t] = scoresOf(this.counts.get(t) ?? { tp: 0, pred: 0, gold: 0 });
    return out;
  }
}

/**
 * Pooled scores over the types of `scores` other than `excluded` and "ALL" (e.g. PER/ORG/LOC
 * without MISC, which Khabar does not publish): as if both sides' excluded names did not exist.
 */
export function scoresWithout(scores: Readonly<Record<string, Scores>>, excluded: readonly string[]): Scores {
  const c: Counts = { tp: 0, pred: 0, gold: 0 };
  for (const [type, s] of Object.entries(scores)) {
    if (type === 'ALL' || excluded.includes(type)) continue;
    c.tp += s.tp;
    c.pred += s.pred;
    c.gold += s.gold;
  }
  return scoresOf(c);
}
