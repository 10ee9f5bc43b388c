import { parseDocument } from 'htmlparser2';
import { normalizeWhitespace } from '@khabar/text';
import { BLOCK_TAGS, SKIP_TAGS, hintsFor, type BoilerKind } from './hints.ts';

/** The bits of a domhandler node we read (kept structural so we need no direct domhandler dep). */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

export interface Link {
  readonly title: string;
  readonly url: string;
}

/** A container element (one that holds blocks), with its pre-order span over block indexes. */
export interface Container {
  readonly id: number;
  readonly tag: string;
  readonly parent: Container | null;
  readonly kind: BoilerKind | null;
  readonly positive: boolean;
  readonly depth: number;
  /** First block index inside this element (inclusive) and one past the last. */
  firstBlock: number;
  endBlock: number;
}

export interface Block {
  readonly index: number;
  readonly text: string;
  /** Tag of the block element: p, h2, li, blockquote, td, div, br (text split by <br>)... */
  readonly tag: string;
  readonly container: Container;
  /** Innermost boilerplate kind among ancestors, before protection is applied. */
  readonly boiler: Container | null;
  readonly positive: boolean;
  readonly linkChars: number;
  readonly links: readonly Link[];
  readonly strongOnly: boolean;
  /**
   * The element of the image this block follows with no other text between (the block sits in it or
   * in a child of it), else null: a caption candidate.
   */
  readonly imageHost: Container | null;
}

export interface PageFacts {
  readonly blocks: Block[];
  readonly title: string;
  readonly meta: ReadonlyMap<string, string>;
  readonly canonical: string | null;
  readonly jsonLd: readonly string[];
  readonly times: ReadonlyArray<{ readonly datetime: string; readonly text: string; readonly hint: boolean }>;
  readonly h1: ReadonlyArray<{ readonly text: string; readonly block: number }>;
  readonly relTags: readonly string[];
  /** rel=author link texts. */
  readonly authors: readonly string[];
  /** Raw texts of byline-ish elements (itemprop=author, .author, .byline, .writer, <address>). */
  readonly bylines: readonly string[];
  readonly htmlLang: string | null;
  readonly htmlDir: string | null;
  readonly firstImage: string | null;
  /** Containers holding the first h1: never boilerplate (a `body.has-comments` must not hide the article). */
  readonly protectedIds: ReadonlySet<number>;
}

const MAX_DEPTH = 400;
/** byline, author-name, writer-name, article__author, byline__name, byline-block, CSS-module `Byline_names__g7x1`… (not author-box/bio). */
const BYLINE_CLASS = /(^|[\s_-])(author|authors|byline|bylines|writer|writers|reporter)(?:[-_]{1,2}(?:name|names|info|link|block|text|wrap|wrapper|container|details|meta|list))?(?:__[A-Za-z0-9]{4,8})?(\s|$)/i;
const NO_HINTS = { kind: null, positive: false } as const;

interface Frame {
  node: DomNode;
  childIndex: number;
  container: Container | null;
  boiler: Container | null;
  positive: boolean;
  inLink: Link | null;
  isStrong: boolean;
  /** For <a>: where its text starts in the buffer, and the buffer generation at that point. */
  linkStart: number;
  linkGen: number;
}

/**
 * One iterative pass over the parsed tree (no recursion: 5000-deep pages must not blow the stack)
 * that cuts the page into text blocks and collects every metadata signal on the way.
 */
export function walkPage(html: string): PageFacts {
  const root = parseDocument(html) as unknown as DomNode;

  const blocks: Block[] = [];
  const meta = new Map<string, string>();
  const jsonLd: string[] = [];
  const times: Array<{ datetime: string; text: string; hint: boolean }> = [];
  const h1: Array<{ text: string; block: number }> = [];
  const relTags: string[] = [];
  const authors: string[] = [];
  const bylines: string[] = [];
  const protectedIds = new Set<number>();
  let title = '';
  let canonical: string | null = null;
  let htmlLang: string | null = null;
  let htmlDir: string | null = null;
  let firstImage: string | null = null;
  // The element holding the last image seen, until the next block: a caption may follow it.
  let imageHost: Container | null = null;
  let containerSeq = 0;
  let firstH1Seen = false;

  // The open text buffer: text since the last block boundary, all inside one container.
  let buf: string[] = [];
  let bufLinkChars = 0;
  let bufLinks: Link[] = [];
  let bufStrongChars = 0;
  let bufFrame: Frame | null = null;
  let bufHasText = false;
  let bufGen = 0;
  const HAS_TEXT = /\S/;

  const flush = (): void => {
    const owner = bufFrame;
    const raw = bufHasText ? buf.join('') : '';
    const links = bufLinks;
    const linkChars = bufLinkChars;
    const strongChars = bufStrongChars;
    buf = [];
    bufLinks = [];
    bufLinkChars = 0;
    bufStrongChars = 0;
    bufFrame = null;
    bufGen++;
    const hasText = bufHasText;
    bufHasText = false;
    if (!hasText || owner === null || owner.container === null) return;
    const container = owner.container;
    // Where newlines mean something (<pre>, or bare text with no markup), blank lines split paragraphs.
    if ((container.tag === 'pre' || container.tag === '#root') && /\n[^\S\n]*\n/.test(raw)) {
      for (const part of raw.split(/\n[^\S\n]*\n/)) pushBlock(normalizeWhitespace(part), container, owner, links, linkChars, strongChars);
      return;
    }
    pushBlock(normalizeWhitespace(raw), container, owner, links, linkChars, strongChars);
  };

  const pushBlock = (text: string, container: Container, owner: Frame, links: Link[], linkChars: number, strongChars: number): void => {
    if (text.length === 0) return;
    const b: Block = {
      index: blocks.length,
      text,
      tag: container.tag,
      container,
      boiler: owner.boiler,
      positive: owner.positive,
      linkChars: Math.min(linkChars, text.length),
      links,
      strongOnly: strongChars > 0 && strongChars >= countVisible(text) * 0.9,
      imageHost: imageHost !== null && (container === imageHost || container.parent === imageHost) ? imageHost : null,
    };
    imageHost = null;
    blocks.push(b);
    if (b.tag === 'h1') h1.push({ text, block: b.index });
    for (let c: Container | null = container; c !== null && c.endBlock < blocks.length; c = c.parent) c.endBlock = blocks.length;
  };

  const rootContainer: Container = { id: containerSeq++, tag: '#root', parent: null, kind: null, positive: false, depth: 0, firstBlock: 0, endBlock: 0 };
  const stack: Frame[] = [{ node: root, childIndex: 0, container: rootContainer, boiler: null, positive: false, inLink: null, isStrong: false, linkStart: -1, linkGen: 0 }];
  const closeLink = (frame: Frame): void => {
    const href = frame.inLink?.url ?? '';
    // The link's text is what the buffer gained since it opened, unless a block boundary intervened.
    const text = normalizeWhitespace(frame.linkGen === bufGen ? buf.slice(frame.linkStart).join('') : textOf(frame.node));
    if (text.length === 0) return;
    // Links to "#" or javascript: (script-driven tag chips, author links) keep their text but no URL.
    const dead = href === '' || href.startsWith('#') || /^javascript:/i.test(href);
    const link = { title: text, url: dead ? '' : href };
    if (frame.linkGen === bufGen) bufLinks.push(link);
    const rel = frame.node.attribs?.['rel'] ?? '';
    if (rel !== '') {
      // WordPress marks category links `rel="category tag"`: a section, not a tag.
      if (/\btag\b/i.test(rel) && !/\bcategory\b/i.test(rel)) relTags.push(text);
      if (/\bauthor\b/i.test(rel) && text.length < 80) authors.push(text);
    }
  };

  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const children = frame.node.children;
    if (children === undefined || frame.childIndex >= children.length) {
      stack.pop();
      if (frame.linkStart >= 0) closeLink(frame);
      const parent = stack[stack.length - 1];
      if (parent === undefined || parent.container !== frame.container) flush();
      continue;
    }
    const node = children[frame.childIndex++] as DomNode;
    if (node.type === 'text') {
      const data = node.data ?? '';
      if (data.length === 0) continue;
      if (bufFrame === null) bufFrame = frame;
      buf.push(data);
      if (!bufHasText && HAS_TEXT.test(data)) bufHasText = true;
      if (frame.inLink !== null || frame.isStrong) {
        const visible = countVisible(data);
        if (frame.inLink !== null) bufLinkChars += visible;
        if (frame.isStrong) bufStrongChars += visible;
      }
      continue;
    }
    if (node.type !== 'script' && node.type !== 'style' && node.type !== 'tag') continue;
    const name = node.name ?? '';
    const attribs = node.attribs ?? {};
    if (!collectHead(name, attribs, node)) continue;
    // Field spans laid out side by side by CSS (Drupal's «إعداد: …» then the date) read as two
    // words, not one glued run.
    if (name === 'span' && attribs['class'] !== undefined && bufHasText && frame.childIndex >= 2) {
      const prev = children[frame.childIndex - 2] as DomNode;
      if (prev.type === 'tag' && prev.name === 'span' && prev.attribs?.['class'] !== undefined && !/\s$/.test(buf[buf.length - 1] ?? ' ')) buf.push(' ');
    }
    if (name === 'html') {
      htmlLang = attribs['lang'] ?? attribs['xml:lang'] ?? null;
      htmlDir = attribs['dir'] ?? null;
    } else if (name === 'time') {
      const dt = attribs['datetime'];
      if (dt !== undefined && times.length < 20) {
        // A <time> inside a teaser card, related list or ticker dates another story.
        if (frame.boiler === null || protectedIds.has(frame.boiler.id)) times.push({ datetime: dt, text: normalizeWhitespace(textOf(node)).slice(0, 200), hint: attribs['itemprop'] === 'datePublished' || attribs['pubdate'] !== undefined || /publish|posted/i.test(attribs['class'] ?? '') });
      }
    }
    if (name === 'img') {
      // Text already in the buffer came before the image: it is not the caption.
      if (!bufHasText) imageHost = frame.container;
    }
    if (name === 'img' && firstImage === null && frame.boiler === null) {
      const src = attribs['data-src'] ?? attribs['src'];
      if (src !== undefined && src !== '' && !src.startsWith('data:') && isPhoto(src, attribs)) firstImage = src;
    }
    // Script-rendered timestamps keep the machine value in a data attribute (<bsp-timestamp
    // data-timestamp="…">, <span data-published="1736263920">): read like a <time>, after real ones.
    if (name !== 'time' && times.length < 20 && (frame.boiler === null || protectedIds.has(frame.boiler.id))) {
      const raw = attribs['data-timestamp'] ?? attribs['data-published'] ?? attribs['data-publish-date'] ?? attribs['data-published-time'];
      const dt = raw === undefined ? null : machineTimestamp(raw);
      if (dt !== null) times.push({ datetime: dt, text: normalizeWhitespace(textOf(node)).slice(0, 200), hint: false });
    }
    if (SKIP_TAGS.has(name)) continue;
    if (name === 'br' || name === 'hr') {
      flush();
      continue;
    }
    // Past MAX_DEPTH every element is treated as inline: text is kept, structure is not.
    const tooDeep = stack.length > MAX_DEPTH;
    let hints = tooDeep ? NO_HINTS : hintsFor(name, attribs);
    // ASP.NET WebForms and some old CMSs wrap the whole page in one <form>: that is a wrapper,
    // not a search box or a newsletter prompt.
    if (name === 'form' && hints.kind === 'form' && frame.boiler?.kind !== 'form' && (hasViewState(node) || textAtLeast(node, PAGE_FORM_CHARS))) hints = NO_HINTS;
    if (hints.kind === 'hidden') continue;
    const isBlock = !tooDeep && BLOCK_TAGS.has(name);
    let container = frame.container;
    let boiler = frame.boiler;
    const positive = frame.positive || hints.positive;
    // Inline elements with a boilerplate class (span.share) become their own container too.
    if (isBlock || hints.kind !== null) {
      flush();
      container = {
        id: containerSeq++, tag: isBlock ? name : 'div', parent: frame.container, kind: hints.kind, positive,
        depth: (frame.container?.depth ?? 0) + 1, firstBlock: blocks.length, endBlock: blocks.length,
      };
      if (hints.kind !== null) boiler = container;
      if (name === 'h1' && h1.length === 0 && firstH1Seen === false) {
        firstH1Seen = true;
        protectChain(container, protectedIds);
      }
    }
    let inLink = frame.inLink;
    let linkStart = -1;
    if (name === 'a') {
      inLink = { title: '', url: attribs['href'] ?? '' };
      linkStart = buf.length;
    }
    if (bylines.length < 10 && (boiler === null || boiler.kind === 'author' || protectedIds.has(boiler.id)) && isBylineElement(name, attribs)) {
      // Microdata names the person inside the author element («بيروت - <span itemprop=name>…»).
      const named = attribs['itemprop'] === 'author' ? findItemprop(node, 'name') : null;
      for (const raw of named === null ? bylineParts(node) : [textOf(named)]) {
        const text = normalizeWhitespace(raw);
        if (text.length > 0 && text.length < 120) bylines.push(text);
      }
    }
    stack.push({
      node, childIndex: 0, container, boiler, positive, inLink,
      isStrong: frame.isStrong || name === 'strong' || name === 'b', linkStart, linkGen: bufGen,
    });
  }
  flush();

  function collectHead(name: string, attribs: Record<string, string>, node: DomNode): boolean {
    switch (name) {
      case 'title':
        if (title === '') title = normalizeWhitespace(textOf(node));
        return false;
      case 'meta': {
        const key = (attribs['property'] ?? attribs['name'] ?? attribs['itemprop'] ?? attribs['http-equiv'] ?? '').toLowerCase();
        const content = attribs['content'];
        if (key !== '' && content !== undefined && !meta.has(key)) meta.set(key, content);
        return false;
      }
      case 'link': {
        const rel = (attribs['rel'] ?? '').toLowerCase();
        if (rel.split(/\s+/).includes('canonical') && canonical === null && attribs['href'] !== undefined) canonical = attribs['href'];
        return false;
      }
      case 'script':
        if (/ld\+json/i.test(attribs['type'] ?? '')) jsonLd.push(textOf(node));
        return false;
      case 'head':
        // <head> content is metadata: walk it only for the tags above.
        for (const child of node.children ?? []) {
          if (child.type === 'tag' || child.type === 'script' || child.type === 'style') collectHead((child.name ?? '').toLowerCase(), child.attribs ?? {}, child);
        }
        return false;
      default:
        return true;
    }
  }

  return {
    blocks, title, meta, canonical, jsonLd, times, h1, relTags, authors, bylines, htmlLang, htmlDir, firstImage, protectedIds,
  };
}

/** An ISO string as it is, or Unix seconds / milliseconds as ISO; anything else null. */
function machineTimestamp(raw: string): string | null {
  const v = raw.trim();
  if (/^\d{10}$|^\d{13}$/.test(v)) {
    const ms = v.length === 10 ? Number(v) * 1000 : Number(v);
    return new Date(ms).toISOString();
  }
  return /^\d{4}-\d{2}-\d{2}/.test(v) ? v : null;
}

function isBylineElement(name: string, attribs: Record<string, string>): boolean {
  if (attribs['itemprop'] === 'author' || name === 'address') return true;
  const cls = attribs['class'];
  const data = attribs['data-component'] ?? attribs['data-testid'];
  return (cls !== undefined && BYLINE_CLASS.test(cls)) || (data !== undefined && BYLINE_CLASS.test(data));
}

/**
 * A byline built from sibling elements with no text between them («<span>Jane Smith</span><span>BBC
 * News, Cornwall</span>») is read part by part, so the name does not run into the desk.
 */
function bylineParts(node: DomNode): string[] {
  let n = node;
  for (let guard = 0; guard < 10; guard++) {
    const kids = (n.children ?? []).filter((c) => c.type === 'tag' || (c.type === 'text' && /\S/.test(c.data ?? '')));
    if (kids.some((c) => c.type === 'text')) break;
    if (kids.length === 1) {
      n = kids[0] as DomNode;
      continue;
    }
    // The first part names the author; later parts are a desk or role («BBC News, Cornwall»)
    // unless they are links of their own (two author links side by side).
    if (kids.length >= 2) return kids.filter((k, i) => i === 0 || k.name === 'a').map((k) => textOf(k));
    break;
  }
  return [textOf(node)];
}

/** The first descendant with `itemprop=<prop>` (bounded, iterative). */
function findItemprop(node: DomNode, prop: string): DomNode | null {
  const stack: DomNode[] = [...(node.children ?? [])];
  let guard = 0;
  while (stack.length > 0 && guard++ < 500) {
    const n = stack.shift() as DomNode;
    if (n.type !== 'tag') continue;
    if (n.attribs?.['itemprop'] === prop) return n;
    if (n.children !== undefined) stack.push(...n.children);
  }
  return null;
}

const NOT_PHOTO = /(^|[/_.-])(logo|banner|icon|icons|sprite|spacer|pixel|blank|arrow|bullet|avatar|badge|button|btn|placeholder|loader|loading)([/_.\d-]|$)|\.svg(\?|$)/i;

/** A page image that can stand for the story: not a logo, banner strip, icon or tracking pixel. */
function isPhoto(src: string, attribs: Record<string, string>): boolean {
  if (NOT_PHOTO.test(src)) return false;
  const w = Number(attribs['width'] ?? NaN);
  const h = Number(attribs['height'] ?? NaN);
  if ((w > 0 && w < 100) || (h > 0 && h < 80)) return false;
  if (w > 0 && h > 0 && w / h > 4) return false;
  return true;
}

/** Non-whitespace characters (no allocation, unlike `s.replace(/\s+/g, '').length`). */
function countVisible(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff)) n++;
  }
  return n;
}

function protectChain(c: Container | null, ids: Set<number>): void {
  for (let x = c; x !== null; x = x.parent) ids.add(x.id);
}

/** Text content without recursion. */
/** A <form> holding this much text wraps the page (a search box or sign-up prompt holds a few words). */
const PAGE_FORM_CHARS = 1000;

/** ASP.NET WebForms' page-wrapping form carries its state in a hidden `__VIEWSTATE` input near its top. */
function hasViewState(form: DomNode): boolean {
  for (const child of form.children ?? []) {
    if (child.type !== 'tag') continue;
    if (child.name === 'input' && child.attribs?.['name'] === '__VIEWSTATE') return true;
    for (const inner of child.children ?? []) if (inner.type === 'tag' && inner.name === 'input' && inner.attribs?.['name'] === '__VIEWSTATE') return true;
  }
  return false;
}

/** Whether `node` holds at least `min` characters of text; stops counting once it does. */
function textAtLeast(node: DomNode, min: number): boolean {
  let total = 0;
  const stack: DomNode[] = [node];
  let guard = 0;
  // Bounded: nested forms each ask, and a page-wrapping form reaches the count within a few hundred nodes.
  while (stack.length > 0 && guard++ < 5_000) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') {
      total += (n.data ?? '').trim().length;
      if (total >= min) return true;
    } else if (n.children !== undefined && !(n.type === 'tag' && SKIP_TAGS.has(n.name ?? '') && n !== node)) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as DomNode);
    }
  }
  return false;
}

export function textOf(node: DomNode): string {
  const out: string[] = [];
  const stack: DomNode[] = [node];
  let guard = 0;
  while (stack.length > 0 && guard++ < 100_000) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') out.push(n.data ?? '');
    else if (n.children !== undefined && !(n.type === 'tag' && SKIP_TAGS.has(n.name ?? '') && n !== node)) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as DomNode);
    }
  }
  return out.join('');
}
