import { readFileSync } from 'node:fs';
import { keyOf } from '../src/tokenize.ts';

/** Per token key: how often a BIO corpus tags it O and how often as each entity type. */
export interface TagCounts {
  o: number;
  tags: Map<string, number>;
}

/** Counts "token TAG" lines; Latin tokens are counted only when written in lower case (common words). */
export function countTags(paths: readonly string[]): Map<string, TagCounts> {
  const out = new Map<string, TagCounts>();
  for (const path of paths) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const sp = line.lastIndexOf(' ');
      if (sp <= 0) continue;
      const word = line.slice(0, sp);
      const tag = line.slice(sp + 1).trim();
      const key = keyOf(word);
      const c = out.get(key) ?? { o: 0, tags: new Map<string, number>() };
      if (tag === 'O') {
        if (/[\u0600-\u06FF]/.test(word) || word === word.toLowerCase()) c.o++;
      } else {
        const type = tag.replace(/^[BI]-/, '');
        c.tags.set(type, (c.tags.get(type) ?? 0) + 1);
      }
      out.set(key, c);
    }
  }
  return out;
}

/** A word the corpora mostly use as an ordinary word, not as a name of the given type. */
export function isCommonWord(counts: Map<string, TagCounts>, key: string, type: string): boolean {
  const c = counts.get(key);
  if (!c) return false;
  const named = c.tags.get(type) ?? 0;
  return c.o >= 2 && c.o > 2 * named;
}
