import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectCharset, pageCharsets, sniffMetaCharset } from '../src/index.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
// A real legacy Arabic page saved in windows-1256 (the extract package's fixture).
const LEGACY_1256 = readFileSync(fileURLToPath(new URL('../../extract/test/fixtures/legacy-1256/water-plan.html', import.meta.url)));
const ARABIC = 'قال بيسكوف إن روسيا تمثل ضامنا ثابتا للأمن في المنطقة وإن الاتصالات بين باكو ويريفان مستمرة منذ أسابيع ';

/** ISO-8859-6 maps the Arabic letters in two contiguous runs, so a test can encode it by hand. */
function iso88596(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    const c = ch.codePointAt(0) ?? 0x20;
    if (c >= 0x0621 && c <= 0x063a) return c - 0x0621 + 0xc1;
    if (c >= 0x0640 && c <= 0x0652) return c - 0x0640 + 0xe0;
    if (c === 0x060c) return 0xac;
    if (c < 0x80) return c;
    throw new Error(`not in ISO-8859-6: ${ch}`);
  }));
}

describe('sniffMetaCharset', () => {
  it('reads a BOM, <meta charset> and <meta http-equiv> in the first 4 KB', () => {
    expect(sniffMetaCharset(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]))).toBe('utf-8');
    expect(sniffMetaCharset(new Uint8Array([0xff, 0xfe, 0x3c, 0x00]))).toBe('utf-16le');
    expect(sniffMetaCharset(bytes('<html><head><meta charset="Windows-1256"><title>x</title>'))).toBe('windows-1256');
    expect(sniffMetaCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6">'))).toBe('iso-8859-6');
    expect(sniffMetaCharset(bytes(`${' '.repeat(5000)}<meta charset="utf-8">`))).toBeNull();
    expect(sniffMetaCharset(bytes('<p>no declaration</p>'))).toBeNull();
  });
});

describe('detectCharset', () => {
  it('recognises windows-1256, ISO-8859-6 and UTF-8 Arabic whatever is declared', () => {
    expect(detectCharset(LEGACY_1256)).toBe('windows-1256');
    expect(detectCharset(iso88596(`<html><body><p>${ARABIC.repeat(4)}</p></body></html>`))).toBe('iso-8859-6');
    expect(detectCharset(bytes(`<html><body><p>${ARABIC.repeat(4)}</p></body></html>`))).toBe('utf-8');
  });

  it('says "ascii" for 7-bit bodies, and has no opinion on an empty one', () => {
    expect(detectCharset(bytes('<html><body><p>plain English only</p></body></html>'))).toBe('ascii');
    expect(detectCharset(new Uint8Array(0))).toBeNull();
  });

  it('judges a large legacy page on its start, and never throws on garbage', () => {
    const big = Buffer.concat([LEGACY_1256, Buffer.alloc(200_000, 0x20)]);
    expect(detectCharset(big)).toBe('windows-1256');
    const noise = Uint8Array.from({ length: 100_000 }, (_v, i) => (i * 7919) % 256);
    expect(() => detectCharset(noise)).not.toThrow();
  });
});

describe('pageCharsets', () => {
  it('keeps what the page declared next to what its bytes are (a wrong header stays visible)', () => {
    // A legacy site behind a server whose default says ISO-8859-1: declared and detected disagree.
    expect(pageCharsets(LEGACY_1256, 'iso-8859-1')).toEqual({ headerCharset: 'iso-8859-1', metaCharset: sniffMetaCharset(LEGACY_1256), detectedCharset: 'windows-1256' });
    const plain = bytes(`<meta charset="utf-8"><p>${ARABIC}</p>`);
    expect(pageCharsets(plain, null)).toEqual({ headerCharset: null, metaCharset: 'utf-8', detectedCharset: 'utf-8' });
  });
});
