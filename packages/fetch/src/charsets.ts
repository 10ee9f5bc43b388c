import { isAscii, isUtf8 } from 'node:buffer';
import { detect } from 'chardet';

const SCAN_BYTES = 4096;
/** chardet costs ~0.2 ms of CPU per KB, so legacy pages are judged on their first 16 KB. */
const DETECT_BYTES = 16_384;

export interface PageCharsets {
  /** charset parameter of the Content-Type header (lower case), or null. */
  readonly headerCharset: string | null;
  /** What the document declares itself: a byte-order mark, else a <meta> in the first 4 KB. */
  readonly metaCharset: string | null;
  /**
   * What the bytes look like, whatever was declared: "ascii" (7-bit only: every ASCII-compatible
   * charset reads them alike), "utf-8" (valid UTF-8 with multi-byte characters), else chardet's
   * statistical guess on the first 16 KB (lower case), or null when it has no opinion. A declared
   * charset that disagrees with this is the usual sign of a misconfigured legacy site (e.g. an
   * ISO-8859-1 header on windows-1256 Arabic).
   */
  readonly detectedCharset: string | null;
}

/** A byte-order mark, else <meta charset> / <meta http-equiv content="…charset=…"> in the first 4 KB. */
export function sniffMetaCharset(body: Uint8Array): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, SCAN_BYTES)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)/i.exec(head);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/**
 * What the body's bytes are, lower case; null for an empty body or no guess. Never throws.
 * ASCII and valid UTF-8 are recognised exactly and natively (a fraction of a millisecond for a
 * large page); only the rest (legacy single-byte and CJK pages) goes to chardet.
 */
export function detectCharset(body: Uint8Array): string | null {
  if (body.byteLength === 0) return null;
  if (isAscii(body)) return 'ascii';
  if (isUtf8(body)) return 'utf-8';
  try {
    const guess = detect(body.byteLength > DETECT_BYTES ? body.subarray(0, DETECT_BYTES) : body);
    return guess ? guess.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * The charsets a fetched page declares (header, BOM/<meta>) and the one its bytes look like, for
 * the fetch record. Decoding is the parser's job (@khabar/extract decodeHtml: BOM → header →
 * <meta> → detection); this only records the evidence.
 */
export function pageCharsets(body: Uint8Array, headerCharset: string | null): PageCharsets {
  return { headerCharset, metaCharset: sniffMetaCharset(body), detectedCharset: detectCharset(body) };
}
