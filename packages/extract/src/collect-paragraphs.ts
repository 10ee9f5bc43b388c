/**
 * Walks the unclassified blocks in and around the chosen body and decides, one by one, what is the
 * story's text: byline and credit lines go to their own lists, link lines to read-more, and
 * furniture (menus, captions, datelines, edition notes, the headline again) is left out.
 */
import { normalizeForMatch } from '@khabar/text';
import type { Block } from './dom-walk.ts';
import { READ_ALSO_LABEL, READ_MORE_LABEL, isBoilerPhrase } from './hints.ts';
import { HEADING, linkDensity, type Kind } from './classify.ts';
import { isDateLine, isEditionNote, isMenuLine, isPlainReadAlsoLine, isSymbolOnly, looksLikePhotoCaption, repeatsNewsletterTitle } from './block-rules.ts';
import { classifyWriterLine, cleanAttribution, isAttributionLine } from './credit-lines.ts';
import type { BodyRegion } from './choose-container.ts';
import { resolveLink, type IndexedLink, type ResolveUrl } from './link-lists.ts';

export interface CollectInput {
  readonly blocks: readonly Block[];
  readonly kinds: readonly Kind[];
  readonly region: BodyRegion;
  /** Index of the headline block, or -1. */
  readonly headline: number;
  /** The title, `normalizeForMatch`ed. */
  readonly titleKey: string;
  readonly resolve: ResolveUrl;
}

export interface CollectedText {
  readonly paragraphs: string[];
  /** The heading blocks kept among `paragraphs`, in order (for `dropEmptySections`). */
  readonly headings: Block[];
  /** Credit lines, cleaned («المصدر: نوفوستي» → «نوفوستي»). */
  readonly attribution: string[];
  /** Byline lines written inside the story («إعداد: سارة أحمد»). */
  readonly bylines: string[];
  /** Links of read-more lines inside the body. */
  readonly readMore: IndexedLink[];
}

/**
 * A block of the body that is never story text, whatever comes before it: a menu line, a caption,
 * a symbol-only rule, an edition note, a plain read-also line, a short line under a photo in the
 * same small element, a dateline, or the headline repeated.
 */
function isFurniture(b: Block, headline: number, titleKey: string): boolean {
  if (isMenuLine(b.text) || b.tag === 'figcaption' || isSymbolOnly(b.text) || isEditionNote(b.text)) return true;
  if (isPlainReadAlsoLine(b.text)) return true;
  const heading = HEADING.test(b.tag);
  // A short unpunctuated line under a photo in the same element is its caption.
  // (Only a small wrapper around the photo: a <p> right after an <img> in the body is not.)
  const host = b.imageHost;
  if (host !== null && host.endBlock - host.firstBlock <= 2 && !heading && looksLikePhotoCaption(b.text)) return true;
  if (!heading && isDateLine(b.text)) return true;
  return (b.tag === 'h1' || b.index === headline) && normalizeForMatch(b.text) === titleKey;
}

/**
 * The story's paragraphs in page order. Byline and credit lines are read in the body and just
 * around it (`region.scope`); everything else only inside the body. Short lines before the first
 * paragraph of prose (60 chars) are the meta line's, and a paragraph repeated at once is kept once.
 */
export function collectParagraphs(input: CollectInput): CollectedText {
  const { blocks, kinds, region, headline, titleKey, resolve } = input;
  const { inBody, scope } = region;
  const inScope = (i: number): boolean => scope !== null && i >= scope.firstBlock && i < scope.endBlock;
  const paragraphs: string[] = [];
  const headings: Block[] = [];
  const attribution: string[] = [];
  const bylines: string[] = [];
  const readMore: IndexedLink[] = [];
  let seenLong = false;

  for (const b of blocks) {
    if ((kinds[b.index] ?? null) !== null) continue;
    const inside = inBody[b.index] === 1;
    if (!inside && !inScope(b.index)) continue;
    const heading = HEADING.test(b.tag);
    // «إعداد: سارة أحمد», «كتب - محمد علي», "By Jane Roe" as a line of the story: a byline;
    // «إعداد: قسم الأخبار» credits a desk, not a person.
    const writer = classifyWriterLine(b.text, seenLong);
    if (writer === 'byline') {
      bylines.push(b.text);
      continue;
    }
    if (writer === 'desk') {
      attribution.push(b.text);
      continue;
    }
    if (isAttributionLine(b.text, heading)) {
      attribution.push(cleanAttribution(b.text));
      continue;
    }
    if (!inside) continue;
    if (linkDensity(b) > 0.5 && b.text.length < 300) {
      if (READ_MORE_LABEL.test(b.text) || READ_ALSO_LABEL.test(b.text)) for (const l of b.links) {
        const r = resolveLink(l, resolve);
        if (r !== null) readMore.push({ block: b.index, link: r });
      }
      continue;
    }
    if (isBoilerPhrase(b.text)) {
      const last = paragraphs[paragraphs.length - 1];
      if (last !== undefined && repeatsNewsletterTitle(last, b.text)) paragraphs.pop();
      continue;
    }
    if (isFurniture(b, headline, titleKey)) continue;
    if (!seenLong && b.text.length < 60 && !heading) continue;
    if (b.text.length >= 60) seenLong = true;
    if (paragraphs[paragraphs.length - 1] === b.text) continue;
    paragraphs.push(b.text);
    if (heading) headings.push(b);
  }
  return { paragraphs, headings, attribution, bylines, readMore };
}
