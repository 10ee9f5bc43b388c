import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng as rng } from '../../../test/support/rng.ts';
import { normalizeArabic } from '../src/index.ts';

/**
 * normalizeArabic takes a one-scan path for plain Arabic/ASCII words. This is the full pipeline it
 * must agree with everywhere (written out here on purpose: NFKC, diacritics and tatweel, digits,
 * letter folds, invisible marks, lower case).
 */
const FOLDS: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ئ': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ک': 'ك' };
function reference(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u08D3-\u08FF\u0640]/g, '')
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) >= 0x06f0 ? d.charCodeAt(0) - 0x06f0 : d.charCodeAt(0) - 0x0660))
    .replace(/[أإآٱٲٳىیئةؤک]/g, (c) => FOLDS[c] ?? c)
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u061C]/g, '')
    .toLowerCase();
}

describe('normalizeArabic fast path', () => {
  it('agrees with the full NFKC pipeline on every Arabic-block and ASCII character, alone and after a letter', () => {
    const chars: string[] = [];
    for (let c = 0x20; c < 0x7f; c++) chars.push(String.fromCharCode(c));
    for (let c = 0x0600; c <= 0x06ff; c++) chars.push(String.fromCharCode(c));
    for (const c of [0x00e9, 0x00c9, 0x0130, 0xfe8d, 0xfefb, 0xfb50, 0x200c, 0x200f, 0xfeff, 0x08f0, 0x0751, 0xff21]) chars.push(String.fromCharCode(c));
    for (const ch of chars) {
      expect(normalizeArabic(ch), `U+${ch.charCodeAt(0).toString(16)}`).toBe(reference(ch));
      for (const before of ['ا', 'و', 'ي', 'ه', 'a']) expect(normalizeArabic(before + ch), `${before} U+${ch.charCodeAt(0).toString(16)}`).toBe(reference(before + ch));
    }
  });

  it('agrees on 50,000 random mixes of those characters', () => {
    const next = rng(20261129);
    const pool = [
      ...Array.from({ length: 0x4a - 0x21 + 1 }, (_, k) => String.fromCharCode(0x0621 + k)),
      ...'ًٌٍَُِّْٰٕٓٔـ٠١٢٣٤٥٦٧٨٩۰۱۲abcXYZ09 -ٱکیﻻ\u200f',
    ];
    for (let n = 0; n < 50_000; n++) {
      let s = '';
      const len = 1 + Math.floor(next() * 8);
      for (let k = 0; k < len; k++) s += pool[Math.floor(next() * pool.length)] ?? '';
      expect(normalizeArabic(s), JSON.stringify(s)).toBe(reference(s));
    }
  });

  it('agrees on every word of the fixture pages and the seed article', () => {
    const seeds = new URL('../../../../shared/seeds/', import.meta.url);
    const texts: string[] = [];
    try {
      for (const f of readdirSync(seeds)) texts.push(readFileSync(new URL(f, seeds), 'utf8'));
    } catch {
      // shared/ sits beside the repo in CI too; the page fixtures below are in the repo.
    }
    const pages = new URL('../../fixture-site/', import.meta.url);
    for (const f of readdirSync(pages, { recursive: true }).map(String).filter((f) => f.endsWith('.html') && !f.includes('node_modules'))) texts.push(readFileSync(new URL(f, pages), 'utf8'));
    const words = new Set(texts.join(' ').split(/[\s<>"'=/]+/u));
    expect(words.size).toBeGreaterThan(5000);
    for (const w of words) expect(normalizeArabic(w), w).toBe(reference(w));
  });
});
