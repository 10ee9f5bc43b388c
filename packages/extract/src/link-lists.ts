/**
 * Everything on the page that is links rather than story: read-also teasers, related lists,
 * read-more links, tag chips and, on section pages, teaser cards. Works from the block kinds
 * `classify` gave; the story's own paragraphs are `collect-paragraphs.ts`'s.
 */
import type { Block, Link } from './dom-walk.ts';
import { READ_ALSO_LABEL, READ_MORE_LABEL, TAGS_LABEL } from './hints.ts';
import { HEADING, LABEL_MAX, hostOf, linkDensity, type Kind } from './classify.ts';

export interface Teaser {
  readonly title: string;
  readonly url: string;
  readonly text: string | null;
}

/** A link and the block it was found in, so lists gathered by separate passes merge in page order. */
export interface IndexedLink {
  readonly block: number;
  readonly link: Link;
}

export type ResolveUrl = (href: string) => string | null;

export interface LinkLists {
  /** Read-also teasers, in page order (index cards are `indexCards`'). */
  readonly teasers: Teaser[];
  readonly related: Link[];
  readonly readMore: IndexedLink[];
  /** Raw tag texts, before `cleanTags`. */
  readonly tags: string[];
}

/** The link with its URL resolved against the page, or null when it has none usable. */
export function resolveLink(l: Link, resolve: ResolveUrl): Link | null {
  const url = resolve(l.url);
  return url === null ? null : { title: l.title, url };
}

/**
 * One pass over the blocks `classify` sorted into read-also, read-more, related and tag regions:
 * read-also regions become teasers (a linked or bold line or a heading opens one, plain lines under
 * it are its text), the others lists of links or tag texts.
 */
export function sortLinkBlocks(blocks: readonly Block[], kinds: readonly Kind[], resolve: ResolveUrl): LinkLists {
  const readMore: IndexedLink[] = [];
  const related: Link[] = [];
  const tags: string[] = [];
  const teasers: Teaser[] = [];
  let currentTeaser: { title: string; url: string; text: string[] } | null = null;
  const closeTeaser = (): void => {
    if (currentTeaser !== null) teasers.push({ title: currentTeaser.title, url: currentTeaser.url, text: currentTeaser.text.length > 0 ? currentTeaser.text.join('\n\n') : null });
    currentTeaser = null;
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
          const l = resolveLink(first, resolve);
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
          const r = resolveLink(l, resolve);
          if (r !== null) readMore.push({ block: b.index, link: r });
        }
        break;
      case 'related':
        for (const l of b.links) {
          const r = l.title.length >= 10 ? resolveLink(l, resolve) : null;
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
  }
  closeTeaser();
  return { teasers, related, readMore, tags };
}

/** Teaser cards on section pages: a linked heading, maybe with a summary in the same card. */
export function indexCards(blocks: readonly Block[], kinds: readonly Kind[], resolve: ResolveUrl): Teaser[] {
  const cards: Teaser[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    const first = b.links[0];
    if (kinds[i] !== 'card' || !HEADING.test(b.tag) || first === undefined) continue;
    const l = resolveLink(first, resolve);
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

/** Links gathered by several passes, in page order (stable within a block). */
export function mergeInPageOrder(...lists: ReadonlyArray<readonly IndexedLink[]>): Link[] {
  return lists.flat().sort((a, b) => a.block - b.block).map((x) => x.link);
}

/** The first link to each URL, in order. */
export function dedupeLinks(links: readonly Link[]): Link[] {
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const l of links) {
    if (seen.has(l.url)) continue;
    seen.add(l.url);
    out.push(l);
  }
  return out;
}

/** Tag chips written as hashtags: «#مصر» is the tag «مصر». */
const HASH_MARK = /^[#＃]\s*/u;

/** Tag texts without a leading "#", empty ones and repeats. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.replace(HASH_MARK, '')).filter((t) => t !== ''))];
}
