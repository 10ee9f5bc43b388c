/**
 * Which element holds the story: paragraphs score their host container, hosts share with their
 * parents, the best one may climb to an ancestor with much more article text, equal siblings join
 * it, and a lead marked by its own element is added. The result says, block by block, what is body.
 */
import { normalizeForMatch } from '@khabar/text';
import type { Block, Container } from './dom-walk.ts';
import { isBoilerPhrase } from './hints.ts';
import { HEADING, hostOf, linkDensity, type Kind } from './classify.ts';
import { isDateLine, isMenuLine } from './block-rules.ts';
import { isAttribution } from './credit-lines.ts';

export interface BodyRegion {
  /** 1 for each block inside the story's body (its hosts and a lead marked as such), else 0. */
  readonly inBody: Uint8Array;
  /**
   * The body's parent, where source and byline lines sitting just outside the body are looked for;
   * null when there is no body or it is the page's root.
   */
  readonly scope: Container | null;
}

interface HostTally {
  score: number;
  chars: number;
  linkChars: number;
  /** Paragraph-length blocks (see PARAGRAPH_LENGTH). */
  long: number;
}

const SENTENCE_PUNCT = /[.,،;؛!?؟:]/g;
/** A block this long is a paragraph of prose, not a caption, a plug or a meta line. */
const PARAGRAPH_LENGTH = 80;

function scoreOf(b: Block): number {
  const commas = b.text.match(SENTENCE_PUNCT)?.length ?? 0;
  return 1 + Math.min(commas, 6) * 0.5 + Math.min(b.text.length / 100, 4);
}

/**
 * Pass 1: each unclassified block adds its text to its host (a host holding a single block is a
 * wrapper: climb); paragraphs of prose add a score, doubled when JSON-LD `articleBody` (`hint`)
 * vouches for them. Headlines, datelines, captions, credits and menus written as text never score.
 */
function tallyHosts(blocks: readonly Block[], kinds: readonly Kind[], headline: number, hint: string | null): Map<Container, HostTally> {
  const own = new Map<Container, HostTally>();
  for (const b of blocks) {
    if (kinds[b.index] !== null) continue;
    let host = hostOf(b.container);
    while (host.parent !== null && host.endBlock - host.firstBlock <= 1) host = host.parent;
    const acc = own.get(host) ?? { score: 0, chars: 0, linkChars: 0, long: 0 };
    acc.chars += b.text.length;
    acc.linkChars += b.linkChars;
    own.set(host, acc);
    if (b.text.length < 25 || linkDensity(b) > 0.35 || HEADING.test(b.tag) || b.tag === 'figcaption' || b.index === headline) continue;
    if (isAttribution(b.text) || isBoilerPhrase(b.text) || isMenuLine(b.text)) continue;
    if (b.text.length < 120 && isDateLine(b.text)) continue;
    let sc = scoreOf(b);
    if (hint !== null && hint.includes(normalizeForMatch(b.text.slice(0, 80)))) sc *= 2;
    acc.score += sc;
    if (b.text.length >= PARAGRAPH_LENGTH) acc.long++;
  }
  return own;
}

/** A linked headline plus a line or two (a teaser card); a live-blog entry's share bar does not count. */
function isTeaserLike(host: Container, blocks: readonly Block[], kinds: readonly Kind[]): boolean {
  if (host.endBlock - host.firstBlock > 3) return false;
  for (let i = host.firstBlock; i < host.endBlock; i++) {
    const b = blocks[i] as Block;
    // A share bar under a live-blog entry («رابط التحديث · مشاركة») is furniture, not a headline link.
    if (kinds[i] === 'share') continue;
    if (b.text.length >= 15 && linkDensity(b) > 0.8) return true;
  }
  return false;
}

/**
 * Pass 2: parents earn a share of their hosts' scores, except from teaser-like hosts, so a grid of
 * cards cannot outvote the article. `usable` lists the hosts with a score that are not teasers.
 */
function shareWithParents(own: ReadonlyMap<Container, HostTally>, isTeaser: (c: Container) => boolean): { scores: Map<Container, number>; usable: Array<[Container, number]> } {
  const scores = new Map<Container, number>();
  const usable: Array<[Container, number]> = [];
  for (const [host, acc] of own) {
    scores.set(host, (scores.get(host) ?? 0) + acc.score);
    if (acc.score === 0 || isTeaser(host)) continue;
    usable.push([host, acc.score]);
    if (host.parent !== null) scores.set(host.parent, (scores.get(host.parent) ?? 0) + acc.score * 0.3);
  }
  return { scores, usable };
}

/** The best-scoring container, weighed by link density, positive hints and nearness to the headline. */
function pickBest(scores: ReadonlyMap<Container, number>, own: ReadonlyMap<Container, HostTally>, headline: number): { best: Container | null; bestScore: number } {
  let best: Container | null = null;
  let bestScore = 0;
  for (const [c, s0] of scores) {
    const acc = own.get(c);
    const density = acc === undefined || acc.chars === 0 ? 0 : acc.linkChars / acc.chars;
    let s = s0 * (c.positive ? 1.5 : 1) * (1 - Math.min(density, 0.9));
    // The article body starts right under its headline.
    if (headline >= 0 && c.firstBlock >= headline && c.firstBlock <= headline + 12) s *= 1.5;
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return { best, bestScore };
}

/**
 * Climb while an ancestor (up to three levels, never the root) holds much more article-like text
 * (live-blog entries, bodies split into several wrappers) and is not a link farm.
 */
function climb(best: Container, blocks: readonly Block[], kinds: readonly Kind[], own: ReadonlyMap<Container, HostTally>, usable: ReadonlyArray<[Container, number]>): Container {
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
  // Climbing must gain article text (over what the container reached so far), not a standfirst
  // and a print-edition note: either a host with two or more paragraphs, or three hosts or more
  // that hold one each (live-blog entries). Only paragraph-length blocks count: photo captions,
  // podcast plugs and meta lines do not.
  const gainsArticleText = (a: Container, from: Container): boolean => {
    let hostsGained = 0;
    for (const [h] of usable) {
      if (h.firstBlock < a.firstBlock || h.endBlock > a.endBlock) continue;
      if (h.firstBlock >= from.firstBlock && h.endBlock <= from.endBlock) continue;
      const long = own.get(h)?.long ?? 0;
      if (long >= 2) return true;
      if (long === 1) hostsGained++;
    }
    return hostsGained >= 3;
  };

  let at = best;
  let total = totalIn(best);
  for (let a = best.parent, level = 0; a !== null && a.parent !== null && level < 3; a = a.parent, level++) {
    const t = totalIn(a);
    if (t >= total * 1.6 && rangeDensity(a) < 0.3 && gainsArticleText(a, at)) {
      at = a;
      total = t;
    }
  }
  return at;
}

/** `c` is positive only because an ancestor of `best` is (the wrapper around the whole story). */
function positiveFromAbove(c: Container, best: Container): boolean {
  let origin = c;
  while (origin.parent !== null && origin.parent.positive) origin = origin.parent;
  return origin.firstBlock <= best.firstBlock && origin.endBlock >= best.endBlock;
}

/**
 * Marks the story's body: the best container after climbing, or it and its strong siblings (or,
 * when there are many equal siblings, their parent), plus a marked lead between headline and body.
 */
export function chooseContainer(blocks: readonly Block[], kinds: readonly Kind[], headline: number, bodyHint: string | null): BodyRegion {
  // JSON-LD articleBody, when present, vouches for the paragraphs it contains.
  const hint = bodyHint !== null && bodyHint.length >= 100 ? normalizeForMatch(bodyHint.slice(0, 20_000)) : null;
  const own = tallyHosts(blocks, kinds, headline, hint);
  const isTeaser = (c: Container): boolean => isTeaserLike(c, blocks, kinds);
  const { scores, usable } = shareWithParents(own, isTeaser);
  const picked = pickBest(scores, own, headline);
  let best = picked.best;

  let hosts: Container[] = [];
  if (best !== null) {
    const first = best;
    best = climb(first, blocks, kinds, own, usable);
    hosts.push(best);
    const climbed = best !== first;
    for (const [c, sc] of scores) {
      if (climbed) break;
      if (c !== best && c.parent === best.parent && sc >= picked.bestScore * 0.25 && !isTeaser(c)) hosts.push(c);
    }
    // Many equal siblings means the paragraphs are wrapped one by one: their parent is the body.
    if (hosts.length > 4 && best.parent !== null && best.parent.parent !== null) {
      best = best.parent;
      hosts = [best];
    }
  }
  const inBody = new Uint8Array(blocks.length);
  for (const h of hosts) inBody.fill(1, h.firstBlock, h.endBlock);
  // A lead paragraph marked as such (article__summary) between the headline and the body.
  // The lead must be marked by its own element: a positive wrapper around the whole story
  // (div.article-text holding the headline, a bullet summary and the body) vouches for nothing.
  if (best !== null && best.parent !== null) {
    for (let i = Math.max(best.parent.firstBlock, headline + 1); i < best.firstBlock; i++) {
      const b = blocks[i] as Block;
      if (b.positive && kinds[i] === null && b.text.length >= 60 && linkDensity(b) < 0.2 && !positiveFromAbove(b.container, best)) inBody[i] = 1;
    }
  }
  // Source lines often sit just outside the body container, inside the article element.
  const scope = best?.parent ?? best;
  return { inBody, scope: scope !== null && scope.parent !== null ? scope : null };
}
