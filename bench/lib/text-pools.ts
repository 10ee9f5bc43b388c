import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFixturePages } from '@khabar/fixture-site';

/** Real news sentences per language, taken from the gold fixture pages and the seed article. */
export interface TextPools {
  readonly ar: readonly string[];
  readonly en: readonly string[];
  readonly arTitles: readonly string[];
  readonly enTitles: readonly string[];
}

const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_595366c40d4cedef.txt');

function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?؟])\s+/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 25);
}

function readSeed(): string[] {
  try {
    return readFileSync(SEED, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length >= 40 && !l.startsWith('•') && !/^(كلمات دلالية|المصدر|إقرأ|اقرأ)/u.test(l) && /[\u0600-\u06ff]/u.test(l));
  } catch {
    return [];
  }
}

export function loadTextPools(): TextPools {
  const ar = new Set<string>();
  const en = new Set<string>();
  const arTitles: string[] = [];
  const enTitles: string[] = [];
  for (const page of loadFixturePages()) {
    const target = page.expected.lang === 'ar' ? ar : en;
    for (const p of page.expected.paragraphs) for (const s of sentences(p)) target.add(s);
    (page.expected.lang === 'ar' ? arTitles : enTitles).push(page.expected.title);
  }
  for (const line of readSeed()) for (const s of sentences(line)) ar.add(s);
  return { ar: [...ar], en: [...en], arTitles, enTitles };
}
