import { normalizeForMatch } from '@khabar/text';
import { parseTextDate } from './dates.ts';
import type { Block, Container, Link, PageFacts } from './dom-walk.ts';
import { ATTRIBUTION_LINE, READ_ALSO_LABEL, READ_MORE_LABEL, TAGS_LABEL, isBoilerPhrase } from './hints.ts';
import { HEADING, LABEL_MAX, classify, hostOf, linkDensity, type Kind } from './classify.ts';

export interface Teaser {
  readonly title: string;
  readonly url: string;
  readonly text: string | null;
}

export interface Content {
  readonly paragraphs: string[];
  readonly teasers: Teaser[];
  readonly related: Link[];
  readonly readMore: Link[];
  readonly attribution: string[];
  readonly tags: string[];
  readonly indexLike: boolean;
  /** Index of the headline block (first h1, else a block repeating the title), or -1. */
  readonly headlineBlock: number;
}

const SENTENCE_PUNCT = /[.,،;؛!?؟:]/g;

function findHeadline(facts: PageFacts, titleKey: string): number {
  const h1 = facts.h1[0];
  if (h1 !== undefined) return h1.block;
  if (titleKey.length < 10) return -1;
  for (const b of facts.blocks) {
    if (b.text.length <= titleKey.length + 40 && normalizeForMatch(b.text) === titleKey) return b.index;
  }
  return -1;
}

function scoreOf(b: Block): number {
  const commas = b.text.match(SENTENCE_PUNCT)?.length ?? 0;
  return 1 + Math.min(commas, 6) * 0.5 + Math.min(b.text.length / 100, 4);
}

/**
 * Picks the article's paragraphs and sorts everything else on the page into teasers, related
 * links, read-more links, tags and attribution lines.
 */
export function selectContent(
  facts: PageFacts,
  title: string,
  resolve: (href: string) => string | null,
  bodyHint: string | null = null,
): Content {
  const { blocks } = facts;
  const kinds = classify(facts);
  const titleKey = normalizeForMatch(title);
  const headline = findHeadline(facts, titleKey);
  // JSON-LD articleBody, when present, vouches for the paragraphs it contains.
  const hint = bodyHint !== null && bodyHint.length >= 100 ? normalizeForMatch(bodyHint.slice(0, 20_000)) : null;
  // Pass 1: score each paragraph's host. A host holding a single block is a wrapper: climb.
  const own = new Map<Container, { score: number; count: number; chars: number; linkChars: number }>();
  for (const b of blocks) {
    if (kinds[b.index] !== null) continue;
    let host = hostOf(b.container);
    while (host.parent !== null && host.endBlock - host.firstBlock <= 1) host = host.parent;
    const acc = own.get(host) ?? { score: 0, count: 0, chars: 0, linkChars: 0 };
    acc.chars += b.text.length;
    acc.linkChars += b.linkChars;
    own.set(host, acc);
    if (b.text.length < 25 || linkDensity(b) > 0.35 || HEADING.test(b.tag)) continue;
    if (ATTRIBUTION_LINE.test(b.text) || isBoilerPhrase(b.text)) continue;
    let sc = scoreOf(b);
    if (hint !== null && hint.includes(normalizeForMatch(b.text.slice(0, 80)))) sc *= 2;
    acc.score += sc;
    acc.count++;
  }
  // Pass 2: parents earn a share of their hosts' scores, except from teaser-like hosts (a
  // linked headline plus a line or two), so a grid of cards cannot outvote the article.
  const teaserLike = (host: Container): boolean => {
    if (host.endBlock - host.firstBlock > 3) return false;
    for (let i = host.firstBlock; i < host.endBlock; i++) {
      const b = blocks[i] as Block;
      if (b.text.length >= 15 && linkDensity(b) > 0.8) return true;
    }
    return false;
  };
  const scores = new Map<Container, number>();
  const usable: Array<[Container, number]> = [];
  for (const [host, acc] of own) {
    scores.set(host, (scores.get(host) ?? 0) + acc.score);
    if (acc.score === 0 || teaserLike(host)) continue;
    usable.push([host, acc.score]);
    if (host.parent !== null) scores.set(host.parent, (scores.get(host.parent) ?? 0) + acc.score * 0.3);
  }
  const h1Block = headline;
  let best: Container | null = null;
  let bestScore = 0;
  for (const [c, s0] of scores) {
    const acc = own.get(c);
    const density = acc === undefined || acc.chars === 0 ? 0 : acc.linkChars / acc.chars;
    let s = s0 * (c.positive ? 1.5 : 1) * (1 - Math.min(density, 0.9));
    // The article body starts right under its headline.
    if (h1Block >= 0 && c.firstBlock >= h1Block && c.firstBlock <= h1Block + 12) s *= 1.5;
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }

  // Link density over non-boilerplate blocks of any range, in O(1) via prefix sums.
  const charsUpTo = new Float64Array(blocks.length + 1);
  const linksUpTo = new Float64Array(blocks.length + 1);
  for (const b of blocks) {
    const keep = kinds[b.index] === null;
    charsUpTo[b.index + 1] = (charsUpTo[b.index] ?? 0) + (keep ? b.text.length : 0);
    linksUpTo[b.index + 1] = (linksUpTo[b.index] ?? 0) + (keep ? b.linkChars : 0);
  }
  const rangeDensity = (c: Container): number => {
    const chars = (charsUpTo[c.endBlock] ?? 0) - (charsUpTo[c.firstBlock] ?? 0);
    return chars === 0 ? 1 : ((linksUpTo[c.endBlock] ?? 0) - (linksUpTo[c.firstBlock] ?? 0)) / chars;
  };
  const totalIn = (c: Container): number => {
    let t = 0;
    for (const [h, sc] of usable) if (h.firstBlock >= c.firstBlock && h.endBlock <= c.endBlock) t += sc;
    return t;
  };

  let hosts: Container[] = [];
  if (best !== null) {
    // Climb while an ancestor holds much more article-like text (live-blog entries, bodies split
    // into several wrappers) and is not a link farm.
    const picked = best;
    let total = totalIn(best);
    for (let a = best.parent, level = 0; a !== null && a.parent !== null && level < 3; a = a.parent, level++) {
      const t = totalIn(a);
      if (t >= total * 1.6 && rangeDensity(a) < 0.3) {
        best = a;
        total = t;
      }
    }
    hosts.push(best);
    const climbed = best !== picked;
    for (const [c, sc] of scores) {
      if (climbed) break;
      if (c !== best && c.parent === best.parent && sc >= bestScore * 0.25 && !teaserLike(c)) hosts.push(c);
    }
    // Many equal siblings means the paragraphs are wrapped one by one: their parent is the body.
    if (hosts.length > 4 && best.parent !== null && best.parent.parent !== null) {
      best = best.parent;
      hosts = [best];
    }
  }
  const contentMask = new Uint8Array(blocks.length);
  for (const h of hosts) contentMask.fill(1, h.firstBlock, h.endBlock);
  // A lead paragraph marked as such (article__summary) between the headline and the body.
  if (best !== null && best.parent !== null) {
    for (let i = Math.max(best.parent.firstBlock, headline + 1); i < best.firstBlock; i++) {
      const b = blocks[i] as Block;
      if (b.positive && kinds[i] === null && b.text.length >= 60 && linkDensity(b) < 0.2) contentMask[i] = 1;
    }
  }
  const inContent = (i: number): boolean => contentMask[i] === 1;
  // Source lines often sit just outside the body container, inside the article element.
  const scope = best?.parent ?? best;
  const inScope = (i: number): boolean => scope !== null && scope.parent !== null && i >= scope.firstBlock && i < scope.endBlock;

  const paragraphs: string[] = [];
  const attribution: string[] = [];
  const readMore: Link[] = [];
  const related: Link[] = [];
  const tags: string[] = [];
  const teasers: Teaser[] = [];
  let seenLong = false;
  let currentTeaser: { title: string; url: string; text: string[] } | null = null;
  const closeTeaser = (): void => {
    if (currentTeaser !== null) teasers.push({ title: currentTeaser.title, url: currentTeaser.url, text: currentTeaser.text.length > 0 ? currentTeaser.text.join('\n\n') : null });
    currentTeaser = null;
  };
  const link = (l: Link): Link | null => {
    const url = resolve(l.url);
    return url === null ? null : { title: l.title, url };
  };

  for (const b of blocks) {
    const kind = kinds[b.index] ?? null;
    const density = linkDensity(b);
    if (kind !== 'readalso') closeTeaser();
    switch (kind) {
      case 'readalso': {
        if (READ_ALSO_LABEL.test(b.text) && b.text.length <= LABEL_MAX && density < 0.3) break;
        const first = b.links[0];
        if (READ_MORE_LABEL.test(b.text) && b.text.length <= LABEL_MAX) break;
        // A linked line starts a new teaser in a list of links, but inside a teaser's body it is
        // just an inline link.
        const inBody = currentTeaser !== null && currentTeaser.text.length > 0;
        const titleLike = HEADING.test(b.tag) || b.strongOnly || (density > 0.6 && !inBody);
        if (titleLike && first !== undefined && b.text.length < 250) {
          closeTeaser();
          const l = link(first);
          currentTeaser = { title: first.title, url: l?.url ?? '', text: [] };
        } else if ((HEADING.test(b.tag) || (b.strongOnly && currentTeaser === null)) && b.text.length < 250) {
          closeTeaser();
          currentTeaser = { title: b.text, url: '', text: [] };
        } else if (currentTeaser !== null && density < 0.5) {
          currentTeaser.text.push(b.text);
        }
        break;
      }
      case 'readmore':
        for (const l of b.links) {
          const r = link(l);
          if (r !== null) readMore.push(r);
        }
        break;
      case 'related':
        for (const l of b.links) {
          const r = l.title.length >= 10 ? link(l) : null;
          if (r !== null) related.push(r);
        }
        break;
      case 'tags':
        if (b.links.length > 0) {
          for (const l of b.links) if (l.title.length <= 60 && !TAGS_LABEL.test(l.title)) tags.push(l.title);
        } else {
          const rest = b.text.replace(TAGS_LABEL, '').trim();
          if (rest !== '') tags.push(...rest.split(/\s*[،,|;؛]\s*/).filter((t) => t !== '' && t.length <= 60));
        }
        break;
      case 'ad': case 'author': case 'comments': case 'cookie': case 'footer': case 'form':
      case 'hidden': case 'nav': case 'share': case 'sidebar': case 'ticker': case 'card': case null:
        break;
    }
    if (kind !== null) continue;
    const inside = inContent(b.index);
    if (!inside && !inScope(b.index)) continue;
    if (ATTRIBUTION_LINE.test(b.text) && b.text.length < 300) {
      attribution.push(cleanAttribution(b.text));
      continue;
    }
    if (!inside) continue;
    if (density > 0.5 && b.text.length < 300) {
      if (READ_MORE_LABEL.test(b.text) || READ_ALSO_LABEL.test(b.text)) for (const l of b.links) {
        const r = link(l);
        if (r !== null) readMore.push(r);
      }
      continue;
    }
    if (isBoilerPhrase(b.text)) continue;
    if (!HEADING.test(b.tag) && isDateLine(b.text)) continue;
    if ((b.tag === 'h1' || b.index === headline) && normalizeForMatch(b.text) === titleKey) continue;
    if (!seenLong && b.text.length < 60 && !HEADING.test(b.tag)) continue;
    if (b.text.length >= 60) seenLong = true;
    if (paragraphs[paragraphs.length - 1] === b.text) continue;
    paragraphs.push(b.text);
  }
  closeTeaser();
  // Trailing headings belong to whatever came after the article.
  while (paragraphs.length > 0 && (paragraphs[paragraphs.length - 1] as string).length < 40 && lastIsHeading(paragraphs, blocks)) paragraphs.pop();

  const cards = indexCards(blocks, kinds, link);
  const indexLike = cards.length >= 5 && paragraphs.join('').length < 600;
  teasers.push(...cards);

  return {
    paragraphs, teasers, related: dedupe(related), readMore: dedupe(readMore), attribution, tags: [...new Set(tags)], indexLike,
    headlineBlock: headline,
  };
}

/** "المصدر: نوفوستي" → "نوفوستي"; credit lines ("Reporting by …") are kept whole. */
function cleanAttribution(text: string): string {
  const t = text.replace(/^[([]\s*|\s*[)\]]$/g, '');
  const m = /^(?:المصدر|مصدر|المصادر|source|sources)\s*[:：]\s*(.+)$/i.exec(t);
  return m?.[1]?.trim() ?? t;
}

const CLOCK = /^\s*(\d{1,2}:\d{2}|[٠-٩]{1,2}:[٠-٩]{2})/;

/** A timestamp or dateline on its own ("10:32 GMT", "الثلاثاء 23 يناير 2024"). */
function isDateLine(text: string): boolean {
  if (CLOCK.test(text) && text.length < 30) return true;
  return text.length < 90 && !/[.!?؟،,]\s/.test(text) && parseTextDate(text, null) !== null;
}

function lastIsHeading(paragraphs: readonly string[], blocks: readonly Block[]): boolean {
  const last = paragraphs[paragraphs.length - 1];
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i] as Block;
    if (b.text === last) return HEADING.test(b.tag);
  }
  return false;
}

/** Teaser cards on section pages: a linked heading, maybe with a summary in the same card. */
function indexCards(blocks: readonly Block[], kinds: readonly Kind[], link: (l: Link) => Link | null): Teaser[] {
  const cards: Teaser[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    const first = b.links[0];
    if (kinds[i] !== 'card' || !HEADING.test(b.tag) || first === undefined) continue;
    const l = link(first);
    if (l === null) continue;
    const card = hostOf(b.container);
    let text: string | null = null;
    for (let j = i + 1; j < card.endBlock; j++) {
      const n = blocks[j] as Block;
      if (HEADING.test(n.tag)) break;
      if (linkDensity(n) < 0.3 && n.text.length >= 20) {
        text = n.text;
        break;
      }
    }
    cards.push({ title: b.text, url: l.url, text });
  }
  return cards;
}

function dedupe(links: readonly Link[]): Link[] {
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const l of links) {
    if (seen.has(l.url)) continue;
    seen.add(l.url);
    out.push(l);
  }
  return out;
}
