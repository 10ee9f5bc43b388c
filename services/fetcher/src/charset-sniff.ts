const SCAN_BYTES = 4096;

/**
 * The charset a document declares itself, cheaply: a byte-order mark, or a <meta charset> /
 * <meta http-equiv content="…charset=…"> in the first 4 KB. Recorded in the fetch metadata for
 * diagnosis only — the parser decodes (@khabar/extract decodeHtml, which also guesses when
 * nothing is declared; guessing here would cost a second pass over every body).
 */
export function sniffMetaCharset(body: Uint8Array): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, SCAN_BYTES)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)/i.exec(head);
  return m?.[1] ? m[1].toLowerCase() : null;
}
