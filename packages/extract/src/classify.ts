/** Sorting page blocks into kinds: class hints, teaser cards and label-opened regions. */
import { normalizeForMatch } from '@khabar/text';
import type { Block, Container, PageFacts } from './dom-walk.ts';
import { AMBIGUOUS_TAGS_LABEL, COMMENTS_LABEL, READ_ALSO_LABEL, READ_MORE_LABEL, RELATED_LABEL, TAGS_LABEL, type BoilerKind } from './hints.ts';

/** Tags that hold text but are not the place where an article lives. */
export const TEXTUAL: ReadonlySet<string> = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'blockquote', 'pre', 'figcaption', 'figure', 'center', 'address', 'caption',
]);
export const HEADING = /^h[1-6]$/;
export const LABEL_MAX = 60;

export function linkDensity(b: Block): number {
  return b.text.length === 0 ? 0 : b.linkChars / b.text.length;
}

/** The container that "hosts" a paragraph: the first non-textual ancestor-or-self. */
export function hostOf(c: Container): Container {
  let x = c;
  while (TEXTUAL.has(x.tag) && x.parent !== null) x = x.parent;
  return x;
}

/** The smallest container around a label that holds more than the label itself. */
function sectionOf(b: Block): Container {
  let c = b.container;
  while (c.parent !== null && c.endBlock - c.firstBlock <= 1) c = c.parent;
  return c;
}

/** Kind of a block after class hints (minus protected containers) and label-driven regions. */
export type Kind = BoilerKind | 'card' | null;

/** Teaser cards: a linked heading in a small container; only a run of several counts. */
function markCards(blocks: readonly Block[], kinds: Kind[], protectedIds: ReadonlySet<number>): void {
  const cards: Container[] = [];
  for (const b of blocks) {
    if (!HEADING.test(b.tag) || b.tag === 'h1' || kinds[b.index] !== null || b.links.length === 0 || linkDensity(b) < 0.6 || b.text.length > 200) continue;
    const card = hostOf(b.container);
    if (card.parent === null || protectedIds.has(card.id) || card.endBlock - card.firstBlock > 4) continue;
    cards.push(card);
  }
  if (cards.length < 3) return;
  for (const card of cards) for (let i = card.firstBlock; i < card.endBlock; i++) if (kinds[i] === null) kinds[i] = 'card';
}

export function classify(facts: PageFacts, titleKey = ''): Kind[] {
  const { blocks, protectedIds } = facts;
  const kinds: Kind[] = new Array<Kind>(blocks.length).fill(null);
  for (const b of blocks) {
    // Innermost hint wins, except that anything inside a read-also box, a related list or the
    // comments belongs to that box (a read-more line inside a teaser article is the teaser's).
    let kind: Kind = null;
    for (let c: Container | null = b.boiler; c !== null; c = c.parent) {
      if (c.kind === null || protectedIds.has(c.id)) continue;
      if (kind === null) kind = c.kind;
      if (c.kind === 'readalso' || c.kind === 'related' || c.kind === 'comments') kind = c.kind;
    }
    kinds[b.index] = kind;
  }
  markLaterArticles(facts, titleKey, kinds);
  markCards(blocks, kinds, protectedIds);
  const firstH1 = facts.h1[0]?.block ?? -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (kinds[i] === 'readalso' || kinds[i] === 'comments') continue;
    // "كلمات دلالية: a b c …" with links can be long; the label is at its start.
    if (b.links.length > 0 && b.text.length > LABEL_MAX && TAGS_LABEL.test(b.text.slice(0, 40)) && linkDensity(b) > 0.3) {
      kinds[i] = 'tags';
      continue;
    }
    // The page's headline is never a label, even on a section page titled «آخر الأخبار».
    if (b.text.length > LABEL_MAX || b.tag === 'h1') continue;
    const labelOnly = b.links.length === 0 || linkDensity(b) < 0.3;
    let region: Kind = null;
    if (READ_ALSO_LABEL.test(b.text)) {
      if (b.links.length > 0 && linkDensity(b) >= 0.3) {
        kinds[i] = 'readmore';
        continue;
      }
      region = 'readalso';
    } else if (READ_MORE_LABEL.test(b.text)) {
      kinds[i] = 'readmore';
      const next = blocks[i + 1];
      if (labelOnly && next !== undefined && linkDensity(next) > 0.6 && next.text.length < 200) kinds[i + 1] = 'readmore';
      continue;
    } else if (AMBIGUOUS_TAGS_LABEL.test(b.text) && headlinesFollow(blocks, i)) {
      // «مواضيع ذات صلة» over whole headlines is a related list, not tags.
      region = 'related';
    } else if (TAGS_LABEL.test(b.text) || (TAGS_LABEL.test(b.text.slice(0, 30)) && b.links.length > 0)) {
      kinds[i] = 'tags';
      // A bare label ("كلمات دلالية") followed by a list of short links: the links are the tags.
      if (b.links.length === 0 && b.text.length < 25) {
        for (let j = i + 1; j < blocks.length; j++) {
          const n = blocks[j] as Block;
          if (n.text.length > LABEL_MAX || linkDensity(n) <= 0.6 || kinds[j] !== null) break;
          kinds[j] = 'tags';
          i = j;
        }
      }
      continue;
    } else if (RELATED_LABEL.test(b.text) && labelOnly) {
      region = 'related';
    } else if (COMMENTS_LABEL.test(b.text) && labelOnly) {
      region = 'comments';
    }
    if (kinds[i] === 'card') continue;
    if (region === null || i < firstH1) {
      if (region !== null) kinds[i] = region;
      continue;
    }
    // The region runs to the end of the label's section, or to the next label, whichever is first.
    const end = sectionOf(b).endBlock;
    kinds[i] = region;
    let j = i + 1;
    for (; j < end; j++) {
      const n = blocks[j] as Block;
      if (n.text.length <= LABEL_MAX && isLabel(n.text)) break;
      kinds[j] = region;
    }
    i = j - 1;
  }
  return kinds;
}

/**
 * Infinite-scroll pages append the next story, with its own <h1>, after the page's article. When
 * the first <h1> is the page's title, a later <h1> with another headline opens another article:
 * its section (up to, not including, the container shared with the first headline) is read-also.
 */
function markLaterArticles(facts: PageFacts, titleKey: string, kinds: Kind[]): void {
  const [first, ...later] = facts.h1;
  if (first === undefined || later.length === 0 || titleKey.length < 10) return;
  const firstKey = normalizeForMatch(first.text);
  if (firstKey.length < 10 || !(titleKey.includes(firstKey) || firstKey.includes(titleKey))) return;
  for (const h of later) {
    const key = normalizeForMatch(h.text);
    if (key.length < 10 || key === firstKey || titleKey.includes(key) || key.includes(titleKey)) continue;
    const b = facts.blocks[h.block];
    if (b === undefined) continue;
    let c = b.container;
    while (c.parent !== null && c.parent.firstBlock > first.block) c = c.parent;
    // The later headline must open its section (a kicker may precede it): an <h1> used as a
    // subheading inside the body does not.
    let opens = true;
    for (let i = c.firstBlock; i < h.block; i++) if ((facts.blocks[i]?.text.length ?? 0) >= 60 || h.block - c.firstBlock > 3) opens = false;
    if (!opens) continue;
    for (let i = c.firstBlock; i < c.endBlock; i++) kinds[i] ??= 'readalso';
  }
}

/** The links after a label read like headlines (five words or more), not like tags. */
function headlinesFollow(blocks: readonly Block[], i: number): boolean {
  let seen = 0;
  let long = 0;
  for (let j = i + 1; j < blocks.length && seen < 4; j++) {
    const n = blocks[j] as Block;
    if (linkDensity(n) <= 0.6) break;
    seen++;
    if (n.text.split(/\s+/).length >= 5) long++;
  }
  return seen > 0 && long * 2 >= seen;
}

function isLabel(text: string): boolean {
  return READ_ALSO_LABEL.test(text) || RELATED_LABEL.test(text) || COMMENTS_LABEL.test(text) || TAGS_LABEL.test(text);
}
