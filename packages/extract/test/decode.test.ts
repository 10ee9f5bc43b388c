import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../src/index.ts';

const arabic = 'قال بيسكوف إن روسيا تمثل ضامنا ثابتا للأمن في المنطقة، وإن الاتصالات بين باكو ويريفان مستمرة منذ أسابيع.';

describe('decodeHtml', () => {
  it('uses the Content-Type charset first', () => {
    const bytes = iconv.encode(`<html><body><p>${arabic}</p></body></html>`, 'windows-1256');
    const d = decodeHtml(bytes, 'windows-1256');
    expect(d.charset).toBe('windows-1256');
    expect(d.declaredCharset).toBe('windows-1256');
    expect(d.html).toContain(arabic);
  });
  it('reads <meta http-equiv> in the first 4 KB', () => {
    const bytes = iconv.encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body>${arabic}</body></html>`, 'windows-1256');
    const d = decodeHtml(bytes, null);
    expect(d.charset).toBe('windows-1256');
    expect(d.html).toContain(arabic);
  });
  it('reads <meta charset> for ISO-8859-6', () => {
    const text = 'قال الوزير إن الخطة جاهزة';
    const bytes = iconv.encode(`<meta charset="ISO-8859-6"><p>${text}</p>`, 'iso-8859-6');
    const d = decodeHtml(bytes);
    expect(d.charset).toBe('iso-8859-6');
    expect(d.html).toContain(text);
  });
  it('lets a BOM win over a wrong header', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(`<p>${arabic}</p>`, 'utf8')]);
    const d = decodeHtml(bytes, 'windows-1256');
    expect(d.charset).toBe('utf-8');
    expect(d.html.startsWith('<p>')).toBe(true);
    expect(d.html).toContain(arabic);
  });
  it('detects undeclared windows-1256', () => {
    const bytes = iconv.encode(`<html><body><p>${arabic.repeat(5)}</p></body></html>`, 'windows-1256');
    const d = decodeHtml(bytes);
    expect(d.declaredCharset).toBeNull();
    expect(d.detectedCharset).toBe('windows-1256');
    expect(d.html).toContain(arabic);
  });
  it('ignores an unknown charset label and never throws on invalid bytes', () => {
    const bytes = new Uint8Array([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xc3, 0x28, 0x80, 0x3c]);
    const d = decodeHtml(bytes, 'x-no-such-charset');
    expect(typeof d.html).toBe('string');
    expect(d.html.startsWith('<p>')).toBe(true);
  });
  it('decodes plain UTF-8 exactly', () => {
    const d = decodeHtml(Buffer.from(`<meta charset="utf-8"><p>${arabic}</p>`, 'utf8'));
    expect(d.charset).toBe('utf-8');
    expect(d.html).toContain(arabic);
  });
  it('prefers <meta> windows-1256 over a server-default ISO-8859-1 header', () => {
    const bytes = iconv.encode(`<meta charset="windows-1256"><p>${arabic}</p>`, 'windows-1256');
    const d = decodeHtml(bytes, 'ISO-8859-1');
    expect(d.charset).toBe('windows-1256');
    expect(d.html).toContain(arabic);
  });
  it('prefers <meta> when a UTF-8 header meets bytes that are not UTF-8', () => {
    const bytes = iconv.encode(`<meta http-equiv="content-type" content="text/html; charset=windows-1256"><p>${arabic}</p>`, 'windows-1256');
    expect(decodeHtml(bytes, 'utf-8').html).toContain(arabic);
  });
});
