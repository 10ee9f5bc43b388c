import { describe, expect, it } from 'vitest';
import { parseContentType, parseRetryAfter } from '../src/index.ts';

describe('parseContentType', () => {
  it.each([
    ['text/html; charset=windows-1256', 'text/html', 'windows-1256'],
    ['Text/HTML;Charset="UTF-8"', 'text/html', 'utf-8'],
    ['text/html; boundary=x; charset = cp1256 ', 'text/html', 'cp1256'],
    ['application/xhtml+xml', 'application/xhtml+xml', null],
    ['text/html; charset=', 'text/html', null],
    ['garbage', '', null],
  ])('%j', (header, mediaType, charset) => {
    expect(parseContentType(header)).toEqual({ mediaType, charset });
  });

  it('treats a missing header as no type', () => {
    expect(parseContentType(undefined)).toEqual({ mediaType: '', charset: null });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it.each([undefined, '', '-5', '1.5', 'soon', '12abc'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
