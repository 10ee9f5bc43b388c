/**
 * Clean-ups once the story's paragraphs are collected, each looking at the whole list: a closing
 * bracketed credit, headings over nothing kept, trailing headings, pull quotes that repeat the
 * story. Each edits the arrays it is given in place.
 */
import { normalizeForMatch } from '@khabar/text';
import type { Block } from './dom-walk.ts';
import { HEADING } from './classify.ts';
import { cleanAttribution, isBracketCredit } from './credit-lines.ts';

/** «(تهامة نت - سبأ)»: a bracketed source line closing the story (not its only line) moves to `attribution`. */
export function takeClosingCredit(paragraphs: string[], attribution: string[]): void {
  const last = paragraphs[paragraphs.length - 1];
  if (last !== undefined && paragraphs.length > 1 && isBracketCredit(last)) attribution.push(cleanAttribution(paragraphs.pop() as string));
}

/**
 * A heading whose own element holds more text, none of it kept ("Key points" over a bullet summary,
 * «أبرز الأحداث» over a key-events box) titles something that is not the article.
 */
export function dropEmptySections(paragraphs: string[], headings: readonly Block[], blocks: readonly Block[]): void {
  if (headings.length === 0) return;
  const kept = new Set(paragraphs);
  for (const h of headings) {
    const rest = blocks.slice(h.index + 1, Math.min((h.container.parent ?? h.container).endBlock, h.index + 50));
    if (rest.length === 0 || rest.some((o) => kept.has(o.text))) continue;
    const at = paragraphs.indexOf(h.text);
    if (at >= 0) paragraphs.splice(at, 1);
  }
}

/** Whether the last paragraph's text, found from the page's end, is a heading block. */
function lastIsHeading(paragraphs: readonly string[], blocks: readonly Block[]): boolean {
  const last = paragraphs[paragraphs.length - 1];
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i] as Block;
    if (b.text === last) return HEADING.test(b.tag);
  }
  return false;
}

/** Short headings (under 40 chars) closing the text belong to whatever came after the article. */
export function dropTrailingHeadings(paragraphs: string[], blocks: readonly Block[]): void {
  while (paragraphs.length > 0 && (paragraphs[paragraphs.length - 1] as string).length < 40 && lastIsHeading(paragraphs, blocks)) paragraphs.pop();
}

/**
 * A pull quote with no class to find it by repeats a sentence of the story: a short paragraph whose
 * words (quotes aside) sit inside another paragraph is dropped.
 */
export function dropRepeatedQuotes(paragraphs: string[]): void {
  if (paragraphs.length < 3) return;
  const keys = paragraphs.map((p) => normalizeForMatch(p.replace(/["“”«»'‘’]/g, '')));
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const k = keys[i] as string;
    if (k.length < 30 || (paragraphs[i] as string).length > 200) continue;
    if (keys.some((o, j) => j !== i && o.length > k.length && o.includes(k))) {
      paragraphs.splice(i, 1);
      keys.splice(i, 1);
    }
  }
}
