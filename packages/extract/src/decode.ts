import { detect as detectCharset } from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedHtml {
  readonly html: string;
  /** The charset actually used to decode (iconv-lite name, lower case). */
  readonly charset: string;
  /** From the BOM, the Content-Type header or a <meta> tag, whichever won. */
  readonly declaredCharset: string | null;
  /** What chardet guessed, when we had to ask it. */
  readonly detectedCharset: string | null;
}

const META_SCAN_BYTES = 4096;

/** Labels browsers treat as aliases (WHATWG encoding spec); iconv-lite knows the right side. */
const ALIASES: Readonly<Record<string, string>> = {
  'iso-8859-1': 'windows-1252',
  'latin1': 'windows-1252',
  'us-ascii': 'windows-1252',
  'ascii': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'cp1256': 'windows-1256',
  'arabic': 'iso-8859-6',
  'iso-8859-6-i': 'iso-8859-6',
  'iso-8859-6-e': 'iso-8859-6',
  'asmo-708': 'iso-8859-6',
  'x-mac-arabic': 'macarabic',
  'utf8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

function usableCharset(label: string | null | undefined): string | null {
  if (label === null || label === undefined) return null;
  const clean = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (clean === '') return null;
  const name = ALIASES[clean] ?? clean;
  // A page served as UTF-16 by a <meta> is lying: the meta could not be read if it were true.
  return iconv.encodingExists(name) ? name : null;
}

function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_SCAN_BYTES)).toString('latin1');
  const m = META_CHARSET.exec(head);
  const found = usableCharset(m?.[1]);
  return found === 'utf-16le' || found === 'utf-16be' || found === 'utf-16' ? 'utf-8' : found;
}

/** Server defaults that legacy Arabic sites never meant: their <meta> knows better. */
const SERVER_DEFAULTS: ReadonlySet<string> = new Set(['windows-1252']);

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.length > 65_536 ? bytes.subarray(0, 65_532) : bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The header wins, as in browsers, except in two common misconfigurations: a server default
 * (ISO-8859-1) over a page whose <meta> says windows-1256, and a "UTF-8" header on bytes that
 * are not UTF-8 while the <meta> names another charset.
 */
function pickDeclared(bytes: Uint8Array, header: string | null): string | null {
  const meta = charsetFromMeta(bytes);
  if (header === null) return meta;
  if (meta !== null && meta !== header) {
    if (SERVER_DEFAULTS.has(header)) return meta;
    if (header === 'utf-8' && !isValidUtf8(bytes)) return meta;
  }
  return header;
}

function detect(bytes: Uint8Array): string | null {
  const sample = bytes.length > 65_536 ? bytes.subarray(0, 65_536) : bytes;
  try {
    return usableCharset(detectCharset(sample));
  } catch {
    return null;
  }
}

/**
 * Bytes to HTML text the way a browser would: BOM, then the Content-Type charset, then a
 * <meta charset>/<meta http-equiv> in the first 4 KB, then a guess. Invalid bytes become U+FFFD;
 * this never throws.
 */
export function decodeHtml(bytes: Uint8Array, headerCharset?: string | null): DecodedHtml {
  const bom = charsetFromBom(bytes);
  const declared = bom ?? pickDeclared(bytes, usableCharset(headerCharset));
  let detected: string | null = null;
  let charset = declared;
  if (charset === null) {
    detected = detect(bytes);
    charset = detected ?? 'utf-8';
  }
  let html: string;
  try {
    html = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), charset, { stripBOM: true });
  } catch {
    charset = 'utf-8';
    html = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  }
  return { html, charset, declaredCharset: declared, detectedCharset: detected };
}
