import { readFileSync } from 'node:fs';
import { parseConll, splitDev } from '../src/model/conll.ts';
import { TRAINING } from '../src/model/train-config.ts';
import { keyOf } from '../src/tokenize.ts';

/** Per token key: how often a BIO corpus tags it O and how often as each entity type. */
export interface TagCounts {
  o: number;
  tags: Map<string, number>;
}

/**
 * Counts "token TAG" pairs; Latin tokens are counted as O only when written in lower case
 * (common words). Only the training part of each file is read: the development split the
 * statistical model is scored on (the last 10 % of sentences) must not shape the gazetteers.
 */
export function countTags(paths: readonly string[]): Map<string, TagCounts> {
  const out = new Map<string, TagCounts>();
  for (const path of paths) {
    const { train } = splitDev(parseConll(readFileSync(path, 'utf8')), TRAINING.ar.config.devFraction);
    for (const s of train) {
      s.tokens.forEach((word, i) => {
        const tag = s.tags[i] ?? 'O';
        const key = keyOf(word);
        const c = out.get(key) ?? { o: 0, tags: new Map<string, number>() };
        if (tag === 'O') {
          if (/[\u0600-\u06FF]/.test(word) || word === word.toLowerCase()) c.o++;
        } else {
          // parseConll maps ANERcorp's PERS to PER.
          const type = tag.slice(2);
          c.tags.set(type, (c.tags.get(type) ?? 0) + 1);
        }
        out.set(key, c);
      });
    }
  }
  return out;
}

/** A word the corpora mostly use as an ordinary word, not as a name of the given type. */
export function isCommonWord(counts: Map<string, TagCounts>, key: string, type: string): boolean {
  const c = counts.get(key);
  if (!c) return false;
  const named = c.tags.get(type === 'PERS' ? 'PER' : type) ?? 0;
  return c.o >= 2 && c.o > 2 * named;
}
