import type { EntityInfo } from './build-entities.ts';
import { isCommonWordPlace, isDiameter, QATAR } from './homographs.ts';
import { keyOf } from './tokenize.ts';
import type { Mention } from './types.ts';

/** Tanween (ً ٌ ٍ), the indefinite endings. */
const TANWEEN = /[\u064B-\u064D]/u;
/**
 * Arabic descriptions the model reads as a body that are no name by themselves unless the KB
 * gives them an id (the gold never tags them): «البنك المركزي», «المصرف المركزي» (a country's
 * central bank, unnamed), «هيئة المحكمة» (the bench).
 */
const GENERIC_BODIES_AR: ReadonlySet<string> = new Set(['البنك المركزي', 'المصرف المركزي', 'هيئة المحكمة'].map(keyOf));
/** Common words a gazetteer row is written as, never the place in news: «مأوى» ('shelter'). */
const COMMON_WORDS_AR: ReadonlySet<string> = new Set(['مأوى', 'المأوى'].map(keyOf));
/**
 * Whole words that read as a proclitic and a gazetteer place but are ordinary words: «وزاريا»
 * ('ministerial', accusative, written without its tanween: «مجلسا وزاريا»), not و + Zaria.
 */
const COMMON_WHOLE_WORDS_AR: ReadonlySet<string> = new Set(['وزاريا'].map(keyOf));
const LETTERS_BEFORE = /[\p{L}\p{M}]+$/u;

/**
 * «الجيبوتي», «التشيلي»: the article before a country whose names have none («جيبوتي», «تشيلي») and
 * that ends in «ي» makes the adjective ('Djiboutian'), not the country. `namesOf` gives a KB or
 * gazetteer entry's Arabic names.
 */
function isCountryAdjective(m: Mention, namesOf: (id: string) => readonly string[]): boolean {
  if (m.type !== 'LOC' || m.entityId === null || !/^loc:[A-Z]{3}$/u.test(m.entityId) || !m.text.startsWith('ال') || !m.text.endsWith('ي')) return false;
  const names = namesOf(m.entityId);
  const bare = keyOf(m.text.slice(2));
  return names.some((n) => keyOf(n) === bare) && !names.some((n) => n.startsWith('ال'));
}

/**
 * Arabic mentions that are ordinary words, not names: a word with tanween by itself (an indefinite
 * noun or adjective: «سورياً» 'Syrian', «ميتاً» 'dead', not Meta, «بيتاً»), or words that all carry it; «قطر» as a diameter
 * (`isDiameter`); the common words a gazetteer row is written as (`isCommonWordPlace`: «العقبة
 * الكبرى», «القوة القاهرة», «عن جده»; «مأوى»; «وزاريا» read as و + a place); an unnamed «البنك
 * المركزي» the KB gave no id; a country's adjective («الجيبوتي»). `mentions` sorted by start; `info` tells the linked ids;
 * `namesOf` a KB entry's Arabic names. Pure: returns the mentions to drop.
 */
export function notNamesAr(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>, namesOf: (id: string) => readonly string[]): Set<Mention> {
  // A place with another beside it in a list («من الرياض وجده»).
  const listed = (i: number): boolean => {
    const m = mentions[i];
    if (!m) return false;
    return [mentions[i - 1], mentions[i + 1]].some((o) => o !== undefined && o.type === 'LOC' && /^[\s،,و]{1,4}$/u.test(o.start > m.end ? text.slice(m.end, o.start) : text.slice(o.end, m.start)));
  };
  const out = new Set<Mention>();
  mentions.forEach((m, i) => {
    const oneWord = !/\s/u.test(m.text);
    if (
      // (Every word with it: «بيتاً دائماً», 'a permanent house'.)
      m.text.trim().split(/\s+/u).every((w) => TANWEEN.test(w)) ||
      (m.entityId === QATAR && isDiameter(text, m)) ||
      isCommonWordPlace(text, m, m.entityId, listed(i)) ||
      (m.entityId !== null && info.get(m.entityId)?.linked !== true && GENERIC_BODIES_AR.has(keyOf(m.text))) ||
      COMMON_WORDS_AR.has(keyOf(m.text)) ||
      (oneWord && COMMON_WHOLE_WORDS_AR.has(keyOf((LETTERS_BEFORE.exec(text.slice(Math.max(0, m.start - 4), m.start))?.[0] ?? '') + m.text))) ||
      isCountryAdjective(m, namesOf)
    ) {
      out.add(m);
    }
  });
  return out;
}
