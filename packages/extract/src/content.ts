import { normalizeForMatch } from '@khabar/text';
import { parseTextDate } from './dates.ts';
import type { Block, Container, Link, PageFacts } from './dom-walk.ts';
import { ATTRIBUTION_LINE, CONTRIBUTED_LINE, READ_ALSO_LABEL, READ_MORE_LABEL, TAGS_LABEL, isBoilerPhrase } from './hints.ts';
import { HEADING, LABEL_MAX, classify, hostOf, linkDensity, type Kind } from './classify.ts';
import { AGENCY, NOT_A_NAME, looksLikeName, parseBylines } from './bylines.ts';

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
  /** Byline lines written inside the story («إعداد: سارة أحمد»), kept out of the text. */
  readonly bylines: string[];
  /** Index of the headline block (first h1, else a block repeating the title), or -1. */
  readonly headlineBlock: number;
}

const SENTENCE_PUNCT = /[.,،;؛!?؟:]/g;
/**
 * Lines about the story rather than of it: print-edition and correction notes, photo credits
 * written as text ("Photograph: …", «الصورة: …»), "Follow Jane Roe on X".
 */
const EDITION_NOTE = /^(?:a\s+version\s+of\s+this\s+(?:article|story)\s+(?:appears|appeared)\s+in\s+print|this\s+(?:article|story)\s+(?:was|has\s+been)\s+(?:amended|updated|corrected)\s+on|correction\s*:|\(?\s*(?:photograph|photo|image|picture|image\s+credit|photo\s+credit|الصورة|صورة|مصدر\s+الصورة)\s*[:：]\s*\S.{0,100}$|follow\s+.{1,40}\s+on\s+(?:twitter|x|facebook|instagram|linkedin|threads|bluesky)\b.{0,40}$|(?:contact|reach|email|write\s+to)\s+[^.@]{2,60}\s+(?:at|on|via)\s+[^\s@]{1,64}@[^\s@]{1,255}.{0,60}$|(?:للتواصل(?:\s+مع\s+\S{1,40})?|البريد\s+الإلكتروني\s+للكاتب)\s*[:：]?\s*[^\s@]{1,64}@[^\s@]{1,255}\s*$)/iu;
const BYLINE_LINE = /^(?:كتب|كتبت|بقلم|إعداد|اعداد|by)\s*[:：-]?\s+(.+)$/iu;
/** A closing line wrapped whole in brackets, a few words with no sentence punctuation: «(وكالة - سبأ)». */
const BRACKET_CREDIT = /^[([]\s*([^()[\].!?؟،,]{2,50})\s*[)\]]$/u;

/** «(تهامة نت - سبأ)», «(سانا)»: outlets joined by a dash or slash, or one agency; not «(وقد نفت الوزارة …)». */
function isBracketCredit(text: string): boolean {
  const inner = BRACKET_CREDIT.exec(text)?.[1]?.trim();
  if (inner === undefined || inner.split(/\s+/).length > 5) return false;
  return /\s[-–/]\s|\//.test(inner) || agencyName(inner);
}

/** A news agency's name alone; short Latin acronyms only in capitals ("PA", "AP", never "Spa"). */
function agencyName(text: string): boolean {
  if (!AGENCY.test(text)) return false;
  return !/^[A-Za-z]{1,4}$/.test(text) || text === text.toUpperCase();
}
/** Tag chips written as hashtags: «#مصر» is the tag «مصر». */
const HASH_MARK = /^[#＃]\s*/u;
const EDITED_LINE = /^(?:تحرير)\s*[:：-]\s*(.+)$/u;

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

/** A block this long is a paragraph of prose, not a caption, a plug or a meta line. */
const PARAGRAPH_LENGTH = 80;

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
  const titleKey = normalizeForMatch(title);
  const kinds = classify(facts, titleKey);
  const headline = findHeadline(facts, titleKey);
  // JSON-LD articleBody, when present, vouches for the paragraphs it contains.
  const hint = bodyHint !== null && bodyHint.length >= 100 ? normalizeForMatch(bodyHint.slice(0, 20_000)) : null;
  // Pass 1: score each paragraph's host. A host holding a single block is a wrapper: climb.
  const own = new Map<Container, { score: number; count: number; chars: number; linkChars: number; long: number }>();
  for (const b of blocks) {
    if (kinds[b.index] !== null) continue;
    let host = hostOf(b.container);
    while (host.parent !== null && host.endBlock - host.firstBlock <= 1) host = host.parent;
    const acc = own.get(host) ?? { score: 0, count: 0, chars: 0, linkChars: 0, long: 0 };
    acc.chars += b.text.length;
    acc.linkChars += b.linkChars;
    own.set(host, acc);
    if (b.text.length < 25 || linkDensity(b) > 0.35 || HEADING.test(b.tag) || b.tag === 'figcaption' || b.index === headline) continue;
    if (isAttribution(b.text) || isBoilerPhrase(b.text) || isMenuLine(b.text)) continue;
    if (b.text.length < 120 && isDateLine(b.text)) continue;
    let sc = scoreOf(b);
    if (hint !== null && hint.includes(normalizeForMatch(b.text.slice(0, 80)))) sc *= 2;
    acc.score += sc;
    acc.count++;
    if (b.text.length >= PARAGRAPH_LENGTH) acc.long++;
  }
  // Pass 2: parents earn a share of their hosts' scores, except from teaser-like hosts (a
  // linked headline plus a line or two), so a grid of cards cannot outvote the article.
  const teaserLike = (host: Container): boolean => {
    if (host.endBlock - host.firstBlock > 3) return false;
    for (let i = host.firstBlock; i < host.endBlock; i++) {
      const b = blocks[i] as Block;
      // A share bar under a live-blog entry («رابط التحديث · مشاركة») is furniture, not a headline link.
      if (kinds[i] === 'share') continue;
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

  // Climbing must gain article text, not a standfirst and a print-edition note: either a host
  // with two or more paragraphs, or three hosts or more that hold one each (live-blog entries).
  // Only paragraph-length blocks count: photo captions, podcast plugs and meta lines do not.
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

  let hosts: Container[] = [];
  if (best !== null) {
    // Climb while an ancestor holds much more article-like text (live-blog entries, bodies split
    // into several wrappers) and is not a link farm.
    const picked = best;
    let total = totalIn(best);
    for (let a = best.parent, level = 0; a !== null && a.parent !== null && level < 3; a = a.parent, level++) {
      const t = totalIn(a);
      if (t >= total * 1.6 && rangeDensity(a) < 0.3 && gainsArticleText(a, best)) {
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
  // The lead must be marked by its own element: a positive wrapper around the whole story
  // (div.article-text holding the headline, a bullet summary and the body) vouches for nothing.
  if (best !== null && best.parent !== null) {
    for (let i = Math.max(best.parent.firstBlock, headline + 1); i < best.firstBlock; i++) {
      const b = blocks[i] as Block;
      if (b.positive && kinds[i] === null && b.text.length >= 60 && linkDensity(b) < 0.2 && !positiveFromAbove(b.container, best)) contentMask[i] = 1;
    }
  }
  const inContent = (i: number): boolean => contentMask[i] === 1;
  // Source lines often sit just outside the body container, inside the article element.
  const scope = best?.parent ?? best;
  const inScope = (i: number): boolean => scope !== null && scope.parent !== null && i >= scope.firstBlock && i < scope.endBlock;

  const paragraphs: string[] = [];
  const headings: Block[] = [];
  const attribution: string[] = [];
  const readMore: Link[] = [];
  const related: Link[] = [];
  const tags: string[] = [];
  const teasers: Teaser[] = [];
  const bylines: string[] = [];
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
          // Tags are short; a seven-word link is a headline in a "more on this story" box.
          for (const l of b.links) if (l.title.length <= 60 && l.title.split(/\s+/).length <= 6 && !TAGS_LABEL.test(l.title)) tags.push(l.title);
        } else if (HEADING.test(b.tag) && !TAGS_LABEL.test(b.text)) {
          break;
        } else {
          const rest = b.text.replace(TAGS_LABEL, '').trim();
          if (rest !== '') tags.push(...rest.split(/\s*[،,|;؛]\s*/).filter((t) => t !== '' && t.length <= 60));
        }
        break;
      case 'ad': case 'author': case 'comments': case 'cookie': case 'footer': case 'form':
      case 'hidden': case 'nav': case 'share': case 'sidebar': case 'ticker': case 'pullquote': case 'caption': case 'card': case null:
        break;
    }
    if (kind !== null) continue;
    const inside = inContent(b.index);
    if (!inside && !inScope(b.index)) continue;
    // «إعداد: سارة أحمد», «كتب - محمد علي», "By Jane Roe" as a line of the story: a byline.
    if (b.text.length < 80) {
      // «تحرير: A و B» above the story names its writers (a live blog's editors); below it, an editing credit.
      const m = BYLINE_LINE.exec(b.text) ?? (seenLong ? null : EDITED_LINE.exec(b.text));
      const who = (m?.[1] ?? '').replace(/[.:،,]+$/u, '');
      if (m !== null && (looksLikeName(who, null) || parseBylines([b.text], null).authors.length > 0)) {
        bylines.push(b.text);
        continue;
      }
      // «إعداد: قسم الأخبار» credits a desk, not a person.
      if (m !== null && /^(?:إعداد|اعداد)/u.test(b.text)) {
        attribution.push(b.text);
        continue;
      }
    }
    if (isAttribution(b.text) && b.text.length < 300 && (!HEADING.test(b.tag) || ATTRIBUTION_LINE.test(b.text))) {
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
    if (isBoilerPhrase(b.text)) {
      // A newsletter box's title ("The Dispatch Daily") is named again by its pitch ("Sign up for The Dispatch Daily …").
      const last = paragraphs[paragraphs.length - 1];
      if (last !== undefined && last.length < 50 && !/[.!?؟]$/.test(last) && b.text.includes(last)) paragraphs.pop();
      continue;
    }
    if (isMenuLine(b.text) || b.tag === 'figcaption' || !/[\p{L}\p{N}]/u.test(b.text) || EDITION_NOTE.test(b.text)) continue;
    // «Lire aussi : …», «اقرأ أيضا: …» written as a plain line (no link) names another story.
    if (b.text.length < 200 && READ_ALSO_LABEL.test(b.text) && /^[^:：]{0,25}[:：]/.test(b.text)) continue;
    // A short unpunctuated line under a photo in the same element is its caption.
    // (Only a small wrapper around the photo: a <p> right after an <img> in the body is not.)
    const host = b.imageHost;
    if (host !== null && host.endBlock - host.firstBlock <= 2 && b.text.length < 150 && !HEADING.test(b.tag) && !/[.!?؟:»”"')]$/.test(b.text) && b.text.split(/\s+/).length <= 20) continue;
    if (!HEADING.test(b.tag) && isDateLine(b.text)) continue;
    if ((b.tag === 'h1' || b.index === headline) && normalizeForMatch(b.text) === titleKey) continue;
    if (!seenLong && b.text.length < 60 && !HEADING.test(b.tag)) continue;
    if (b.text.length >= 60) seenLong = true;
    if (paragraphs[paragraphs.length - 1] === b.text) continue;
    paragraphs.push(b.text);
    if (HEADING.test(b.tag)) headings.push(b);
  }
  closeTeaser();
  // «(تهامة نت - سبأ)»: a bracketed source line closing the story is a credit.
  const last = paragraphs[paragraphs.length - 1];
  if (last !== undefined && paragraphs.length > 1 && isBracketCredit(last)) attribution.push(cleanAttribution(paragraphs.pop() as string));
  dropEmptySections(paragraphs, headings, blocks);
  // Trailing headings belong to whatever came after the article.
  while (paragraphs.length > 0 && (paragraphs[paragraphs.length - 1] as string).length < 40 && lastIsHeading(paragraphs, blocks)) paragraphs.pop();
  dropRepeatedQuotes(paragraphs);

  const cards = indexCards(blocks, kinds, link);
  const indexLike = cards.length >= 5 && paragraphs.join('').length < 600;
  teasers.push(...cards);

  return {
    paragraphs, teasers, related: dedupe(related), readMore: dedupe(readMore), attribution, tags: [...new Set(tags.map((t) => t.replace(HASH_MARK, '')).filter((t) => t !== ''))], indexLike, bylines,
    headlineBlock: headline,
  };
}

/**
 * A heading whose own element holds more text, none of it kept ("Key points" over a bullet summary,
 * «أبرز الأحداث» over a key-events box) titles something that is not the article.
 */
function dropEmptySections(paragraphs: string[], headings: readonly Block[], blocks: readonly Block[]): void {
  if (headings.length === 0) return;
  const kept = new Set(paragraphs);
  for (const h of headings) {
    const rest = blocks.slice(h.index + 1, Math.min((h.container.parent ?? h.container).endBlock, h.index + 50));
    if (rest.length === 0 || rest.some((o) => kept.has(o.text))) continue;
    const at = paragraphs.indexOf(h.text);
    if (at >= 0) paragraphs.splice(at, 1);
  }
}

function isAttribution(text: string): boolean {
  // «(سانا)», "AAP": a line that is only a news agency's name credits the story.
  const bare = text.length < 40 ? text.replace(/^[([]\s*|\s*[)\]]$/g, '') : '';
  return ATTRIBUTION_LINE.test(text) || (text.length < 200 && CONTRIBUTED_LINE.test(text)) || (bare !== '' && agencyName(bare));
}

/**
 * A pull quote with no class to find it by repeats a sentence of the story: a short paragraph whose
 * words (quotes aside) sit inside another paragraph is dropped.
 */
function dropRepeatedQuotes(paragraphs: string[]): void {
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

/** A whole line "X contributed to this report." naming only who contributed. */
const CONTRIBUTOR = /^([^.!?;:]{2,60}?)\s+contributed\s+(?:to\s+this\s+(?:report|story|article)|reporting)\.?$/i;

/**
 * "المصدر: نوفوستي" → "نوفوستي"; "Plains Public Radio contributed to this report." → "Plains Public Radio";
 * sign-offs ("Reporting by …") are kept whole.
 */
function cleanAttribution(text: string): string {
  // Only a line wrapped whole in brackets loses them: «المصدر: وكالة الأنباء الأردنية (بترا)» keeps its own.
  const t = /^\s*[([].*[)\]]\s*$/su.test(text) ? text.trim().slice(1, -1).trim() : text;
  const contributed = CONTRIBUTOR.exec(t);
  if (contributed !== null) {
    // "Plains Public Radio contributed to this report." credits Plains Public Radio; a credit that
    // describes the person ("Economics Writer Ellen Park contributed …") stays a whole line.
    const who = (contributed[1] ?? '').trim();
    return NOT_A_NAME.test(who) ? t : who;
  }
  const m = /^(?:المصدر|مصدر|المصادر|source|sources)\s*[:：]\s*(.+)$/i.exec(t);
  if (m === null) return t;
  // «المصدر: شفق نيوز · منذ 40 دقيقة · 11 نوفمبر 2025»: the meta line goes on after the source.
  return (m[1] ?? '').split(/\s+[·•|]\s+/)[0]?.trim() ?? '';
}

/** "10:32", «١٦:٤٥», and "11.05 GMT" (a dotted clock only with its zone or am/pm, never "3.50 million"). */
const CLOCK = /^\s*(\d{1,2}:\d{2}|[٠-٩]{1,2}:[٠-٩]{2}|\d{1,2}\.\d{2}\s*(?:GMT|BST|UTC|CET|CEST|ET|EST|EDT|CT|CST|CDT|PT|[ap]\.?m\.?)(?![\p{L}]))/iu;

/** A live-blog entry stamp in relative form: "2h ago", "just now", «منذ 5 دقائق». */
const RELATIVE_LINE = /^(?:(?:\d+|an?)\s*(?:s|m|h|d|secs?|mins?|hrs?|hours?|minutes?|seconds?|days?)\s+ago|just\s+now|(?:منذ|قبل)\s+(?:[\d٠-٩]+\s+)?\S+)$/iu;
const SEGMENT_SPLIT = /\s+[|·•]\s+/;
const DATE_LABEL = /^(?:published|updated|posted|last\s+updated|first\s+published|نشر(?:\s+في|\s+بتاريخ)?|تاريخ\s+النشر|آخر\s+تحديث|اخر\s+تحديث|تحديث|حدث|تم\s+التحديث)\s*[:：]?\s*/i;
/** Harakat and the superscript alef: «نُشر» and «حُدّث» are labels like «نشر» and «حدث». */
const HARAKAT = /[\u064B-\u0652\u0670]/g;
/** What a dateline may carry besides the date: «بتوقيت الإمارات», "(GMT+3)", a Hijri date before the Gregorian one. */
const DATE_EXTRAS = /\s*\(?(?:gmt|utc)\s*[+-]?\s*[\d٠-٩:]*\)?|\s*بتوقيت\s+\S+(?:\s+\S+)?$|[\d٠-٩]{1,2}\s+\S+\s+[\d٠-٩]{4}\s*هـ\s*[-–—]?\s*(?:الموافق\s*)?/giu;

/**
 * A timestamp or dateline on its own ("10:32 GMT", "الثلاثاء 23 يناير 2024"), or a run of them
 * ("Published: 22:41, 6 December 2024 | Updated: 08:03, 7 December 2024").
 */
export function isDateLine(text: string): boolean {
  if (CLOCK.test(text) && text.length < 30) return true;
  if (text.length < 30 && RELATIVE_LINE.test(text)) return true;
  if (text.length >= 160) return false;
  const segments = text.replace(HARAKAT, '').split(SEGMENT_SPLIT);
  return segments.every((seg) => {
    const s = seg.replace(DATE_LABEL, '');
    // «نُشر: … · حُدّث: منذ ٣٠ دقيقة»: a relative update time is part of the line.
    if (s.length < 30 && RELATIVE_LINE.test(s)) return true;
    // A sentence that mentions a date ("On 5 May 2024 the council voted.") is not a dateline.
    const plain = s.replace(DATE_EXTRAS, ' ').trim().replace(/\b([ap])\.m\./gi, '$1m').replace(/\b(Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\./gi, '$1');
    return plain.length < 60 && !/[.!?؟](?:\s|$)/.test(plain) && plain.split(/\s+/).length <= 10 && parseTextDate(s, null) !== null;
  });
}

/** "الصفحة الرئيسية | محليات | عربي ودولي | اقتصاد": a menu written as text. */
function isMenuLine(text: string): boolean {
  if (text.length > 200) return false;
  const parts = text.split(/\s*[|•·]\s*/);
  return parts.length >= 4 && parts.every((p) => p.split(/\s+/).length <= 3 && !/[.،,!?؟]/.test(p));
}

/** `c` is positive only because an ancestor of `best` is (the wrapper around the whole story). */
function positiveFromAbove(c: Container, best: Container): boolean {
  let origin = c;
  while (origin.parent !== null && origin.parent.positive) origin = origin.parent;
  return origin.firstBlock <= best.firstBlock && origin.endBlock >= best.endBlock;
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
