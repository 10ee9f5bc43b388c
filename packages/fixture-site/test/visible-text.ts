import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

const HIDDEN = new Set(['head', 'script', 'style', 'noscript', 'template', 'textarea', 'select']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'button', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'marquee', 'nav', 'ol', 'p', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/** Collapses every run of whitespace (incl. no-break space) to one space and trims. */
export function normaliseWhitespace(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/**
 * What a reader sees, as blocks: the text between block boundaries and `<br>`s, entity-decoded
 * by a real HTML parser, whitespace-normalised, empty blocks dropped.
 */
export function visibleBlocks(html: string): string[] {
  const out: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = normaliseWhitespace(current);
    if (text) out.push(text);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeName === '#text' && 'value' in node) {
      current += node.value;
      return;
    }
    const tag = 'tagName' in node ? node.tagName : '';
    if (HIDDEN.has(tag)) return;
    if (tag === 'br') return flush();
    const block = BLOCK.has(tag);
    if (block) flush();
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(parse(html));
  flush();
  return out;
}
