import { keyOf, variantsOf, type Token } from './tokenize.ts';

/**
 * Words that end a competition's or prize's name: MISC in CoNLL and UNER terms, which Khabar does
 * not publish, yet the English model often calls them ORG ("Saudi Pro League", "Africa Cup").
 */
const COMPETITION_ENDS_EN = new Set(['cup', 'championship', 'championships', 'olympics', 'games', 'prize', 'award', 'awards', 'trophy', 'tournament', 'liga', 'bundesliga', 'ligue']);
/** "League" ends a competition after these ("Champions League"); "Arab League", "Awami League" are organisations. */
const LEAGUE_KINDS_EN = new Set(['champions', 'premier', 'pro', 'nations', 'europa', 'conference', 'super', 'football', 'rugby', 'basketball', 'cricket', 'hockey', 'baseball', 'major', 'minor']);
/** Kinship words, capitalised only where they open a sentence: never a one-word name (not "Son", a Korean family name). */
const KINSHIP_EN = new Set(['mother', 'father', 'mum', 'mom', 'dad', 'baby', 'daughter', 'wife', 'husband', 'brother', 'sister', 'grandmother', 'grandfather', 'grandma', 'grandpa', 'aunt', 'uncle', 'nephew', 'niece', 'parents', 'child', 'children']);
const COMPETITION_STARTS_EN = new Set(['la', 'serie', 'ligue', 'bundesliga']);
/**
 * Languages and peoples the model reads as a place, a person or a body by themselves ("laamb in
 * Wolof", "representing Inuit"), none of them a name in the gold (Zulu is left out: it is also a
 * surname), and God.
 */
const LANGUAGES_EN = new Set(['wolof', 'swahili', 'kiswahili', 'hausa', 'yoruba', 'igbo', 'amharic', 'tigrinya', 'oromo', 'urdu', 'hindi', 'bengali', 'bangla', 'pashto',
  'dari', 'farsi', 'tagalog', 'xhosa', 'lingala', 'bambara', 'tamazight', 'sinhala', 'nepali', 'punjabi', 'sindhi', 'mandarin', 'cantonese', 'god',
  // Peoples, none a name in the gold either ("organization representing Inuit", "a Sami hut").
  'inuit', 'sami', 'maori', 'yazidi', 'yazidis', 'tutsi', 'tutsis', 'hutu', 'hutus', 'rohingya', 'uyghur', 'uyghurs', 'uighur', 'uighurs', 'tuareg', 'fulani',
  'maasai', 'bedouin', 'bedouins', 'druze', 'hazara', 'hazaras', 'pashtun', 'pashtuns']);

/** Currency names the Arabic model mistakes for places and banks ("١٢ مليار درهم", "قيمة الريال"). */
const CURRENCIES_AR = new Set(['درهم', 'دراهم', 'دينار', 'دنانير', 'ريال', 'ريالات', 'ليره', 'ليرات', 'جنيه', 'جنيهات', 'دولار', 'دولارات', 'يورو', 'روبل', 'يوان', 'ين', 'تومان', 'شيكل', 'فرنك', 'روبيه'].map(keyOf));

const DAM = keyOf('سد');
/** «سد» behind proclitics that the stem's shortness keeps on it («لسد», «ولسد», «وسد»). */
const VERB_SADD = /^[وف]?ل?سد$/u;
/** What the verb «سد» fills or blocks ("سد العجز", "سد الفجوة", "سد الطريق"): never a dam's name. */
export const DAM_VERB_OBJECTS_AR = new Set(
  ['عجز', 'فجوه', 'فجوات', 'ثغره', 'ثغرات', 'حاجه', 'حاجات', 'احتياجات', 'نقص', 'فراغ', 'رمق', 'ذرائع', 'طريق', 'طرق', 'باب', 'ابواب', 'منافذ', 'منفذ', 'شاغر', 'شواغر', 'دين', 'ديون', 'عطش', 'جوع', 'هوه', 'خلل', 'ثمن', 'مسد', 'فراغات'].map(keyOf),
);

/** A model name that is a competition or prize, a language, a people or God (English), a currency word or «سد» with what it fills (Arabic): not published. */
export function isNotAName(tokens: readonly Token[], first: number, last: number): boolean {
  const a = tokens[first];
  const b = tokens[last];
  if (!a || !b) return false;
  if (a.arabic) {
    if (first === last) return variantsOf(a).some((v) => CURRENCIES_AR.has(v.key));
    // «سد الفراغ», «لسد العجز»: the verb and what it fills, not a dam.
    const next = tokens[first + 1];
    return next !== undefined && DAM_VERB_OBJECTS_AR.has(next.key) && (VERB_SADD.test(a.key) || variantsOf(a).some((v) => v.key === DAM && !v.article));
  }
  if (COMPETITION_ENDS_EN.has(b.key) || (last > first && COMPETITION_STARTS_EN.has(a.key))) return true;
  // "Mother and baby were taken on to the maternity ward": a kinship word opening a sentence.
  if (first === last && (KINSHIP_EN.has(a.key) || LANGUAGES_EN.has(a.key))) return true;
  return b.key === 'league' && last > first && LEAGUE_KINDS_EN.has(tokens[last - 1]?.key ?? '');
}
