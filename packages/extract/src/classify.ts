/** Sorting page blocks into kinds: class hints, teaser cards and label-opened regions. */
import type { Block, Container, PageFacts } from './dom-walk.ts';
import { COMMENTS_LABEL, READ_ALSO_LABEL, READ_MORE_LABEL, RELATED_LABEL, TAGS_LABEL, type BoilerKind } from './hints.ts';

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

export function classify(facts: PageFacts): Kind[] {
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
    if (b.text.length > LABEL_MAX) continue;
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

function isLabel(text: string): boolean {
  return READ_ALSO_LABEL.test(text) || RELATED_LABEL.test(text) || COMMENTS_LABEL.test(text) || TAGS_LABEL.test(text);
}
