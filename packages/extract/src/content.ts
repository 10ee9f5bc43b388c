/**
 * Picks the article's text out of a walked page, in named steps: classify blocks, find the
 * headline, choose the body's container, sort link regions, collect paragraphs, post-passes.
 */
import { normalizeForMatch } from '@khabar/text';
import type { Link, PageFacts } from './dom-walk.ts';
import { classify } from './classify.ts';
import { chooseContainer } from './choose-container.ts';
import { collectParagraphs } from './collect-paragraphs.ts';
import { cleanTags, dedupeLinks, indexCards, mergeInPageOrder, sortLinkBlocks, type ResolveUrl, type Teaser } from './link-lists.ts';
import { dropEmptySections, dropRepeatedQuotes, dropTrailingHeadings, takeClosingCredit } from './post-passes.ts';

export type { Teaser } from './link-lists.ts';

export interface Content {
  readonly paragraphs: string[];
  readonly teasers: Teaser[];
  readonly related: Link[];
  readonly readMore: Link[];
  readonly attribution: string[];
  readonly tags: string[];
  readonly indexLike: boolean;
  /** Byline lines written inside the story («إعداد: سارة أحمد»), kept out of the text. */
  readonly bylines: string[];
  /** Index of the headline block (first h1, else a block repeating the title), or -1. */
  readonly headlineBlock: number;
}

function findHeadline(facts: PageFacts, titleKey: string): number {
  // The <h1> that carries the title (a theme may put the site logo in an earlier one).
  const h1 = facts.h1.find((h) => normalizeForMatch(h.text) === titleKey) ?? facts.h1[0];
  if (h1 !== undefined) return h1.block;
  if (titleKey.length < 10) return -1;
  for (const b of facts.blocks) {
    if (b.text.length <= titleKey.length + 40 && normalizeForMatch(b.text) === titleKey) return b.index;
  }
  return -1;
}

/**
 * Picks the article's paragraphs and sorts everything else on the page into teasers, related
 * links, read-more links, tags and attribution lines.
 */
export function selectContent(facts: PageFacts, title: string, resolve: ResolveUrl, bodyHint: string | null = null): Content {
  const { blocks } = facts;
  const titleKey = normalizeForMatch(title);
  const kinds = classify(facts, titleKey);
  const headline = findHeadline(facts, titleKey);
  const region = chooseContainer(blocks, kinds, headline, bodyHint);
  const lists = sortLinkBlocks(blocks, kinds, resolve);
  const text = collectParagraphs({ blocks, kinds, region, headline, titleKey, resolve });
  const { paragraphs, attribution } = text;
  takeClosingCredit(paragraphs, attribution);
  dropEmptySections(paragraphs, text.headings, blocks);
  dropTrailingHeadings(paragraphs, blocks);
  dropRepeatedQuotes(paragraphs);
  const cards = indexCards(blocks, kinds, resolve);
  return {
    paragraphs,
    teasers: [...lists.teasers, ...cards],
    related: dedupeLinks(lists.related),
    readMore: dedupeLinks(mergeInPageOrder(lists.readMore, text.readMore)),
    attribution,
    tags: cleanTags(lists.tags),
    indexLike: cards.length >= 5 && paragraphs.join('').length < 600,
    bylines: text.bylines,
    headlineBlock: headline,
  };
}
