import { MONTH_NUMBERS } from '@khabar/text';
import { isLinked, type EntityInfo } from './build-entities.ts';
import { isCommonWordPlace, isDiameter, QATAR } from './homographs.ts';
import { isNationalityWord } from './named-bodies.ts';
import { keyOf, tokenize } from './tokenize.ts';
import type { Mention } from './types.ts';

/**
 * Indefinite adjectives that describe a body's kind, not name it: «تحولت إلى جامعة حكومية» ('a
 * state university'), «مدرسة ابتدائية», «شركة خاصة». Over the article sets' gold no two-word name is
 * a head without the article followed by one of them («أمير كبير» is a person: «كبير» is left out).
 */
const KIND_ADJECTIVES_AR: ReadonlySet<string> = new Set(
  ['حكومية', 'حكومي', 'خاصة', 'خاص', 'أهلية', 'أهلي', 'رسمية', 'رسمي', 'محلية', 'محلي', 'دولية', 'دولي', 'أجنبية', 'أجنبي', 'وطنية', 'وطني', 'إقليمية', 'إقليمي',
    'جديدة', 'جديد', 'عامة', 'عام', 'ابتدائية', 'ثانوية', 'إعدادية', 'متوسطة', 'عسكرية', 'عسكري', 'مدنية', 'مدني', 'تعليمية', 'تعليمي', 'صحية', 'صحي',
    'ميدانية', 'ميداني', 'مستقلة', 'مستقل', 'ناشئة', 'بيطرية', 'بيطري', 'تخصصية', 'تخصصي'].map(keyOf),
);
/** A head without the article and an indefinite kind adjective (`KIND_ADJECTIVES_AR`): «جامعة حكومية». */
function isKindDescription(m: Mention, info: ReadonlyMap<string, EntityInfo>): boolean {
  if ((m.type !== 'ORG' && m.type !== 'LOC') || isLinked(m, info)) return false;
  const words = m.text.trim().split(/\s+/u);
  // (The adjective may stand in the accusative: «مستشفى بيطريا متخصصا», 'a veterinary hospital'.)
  const adjective = keyOf(words[1] ?? '');
  return words.length === 2 && !words.some((w) => w.startsWith('ال')) && (KIND_ADJECTIVES_AR.has(adjective) || (/ا$/u.test(adjective) && KIND_ADJECTIVES_AR.has(adjective.slice(0, -1))));
}
/**
 * Adjectives the gazetteer holds as a place, after the nouns they describe: «التساقطات المطرية»
 * ('rainfall', not Al Matariyah), «العمال المهرة» ('skilled workers', not Al Mahrah). Keyed by the
 * adjective, with the nouns (their keys) it describes.
 */
const ADJECTIVE_PLACES_AR: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    المطرية: ['تساقطات', 'أمطار', 'كميات', 'هطولات', 'مياه', 'موسم', 'مواسم', 'منخفضات', 'حالة', 'سيول', 'زخات', 'عواصف', 'كتل', 'سحب', 'جبهة', 'موجة'],
    المهرة: ['عمال', 'عاملين', 'حرفيين', 'صناع', 'أيدي', 'يد', 'فنيين', 'بحارة', 'صيادين', 'مهنيين', 'عمالة', 'كوادر', 'موظفين'],
  }).map(([adjective, nouns]) => [keyOf(adjective), new Set(nouns.map(keyOf))]),
);
/** `ADJECTIVE_PLACES_AR`: the mention is the adjective, right after a noun it describes. */
function isAdjectivePlace(text: string, m: Mention): boolean {
  const nouns = m.type === 'LOC' && m.text.startsWith('ال') ? ADJECTIVE_PLACES_AR.get(keyOf(m.text)) : undefined;
  if (!nouns) return false;
  const before = /(?:^|[^\p{L}\p{M}])[وفبل]?([\p{L}\p{M}]+)\s+$/u.exec(text.slice(Math.max(0, m.start - 20), m.start))?.[1];
  return before !== undefined && nouns.has(keyOf(before));
}
/**
 * A plural of places and a compass adjective describe, not name: «والقرى الشرقية» ('the eastern
 * villages'), «المناطق الجنوبية». The gold holds no such name (its «الضفة الغربية», «المنطقة
 * الشرقية», «الأغوار الشمالية» are singulars or names of their own).
 */
const PLURAL_DIRECTION_AR = /^ال(?:قرى|مناطق|مدن|بلدات|أحياء|ضواحي|أرياف|دول|بلدان|مخيمات|محافظات|مديريات|أقاليم|جهات)\s+ال(?:شرقية|غربية|شمالية|جنوبية|وسطى)$/u;
/** Units of measure named after people, which the KB holds as bodies or people («تسلا», «نيوتن»). */
const UNITS_AR: ReadonlySet<string> = new Set(['تسلا', 'نيوتن', 'واط', 'فولت', 'هرتز', 'كلفن', 'جول', 'أمبير', 'باسكال', 'أوم'].map(keyOf));
/** Tanween (ً ٌ ٍ), the indefinite endings. */
const TANWEEN = /[\u064B-\u064D]/u;
/**
 * Arabic descriptions the model reads as a body that are no name by themselves unless the KB
 * gives them an id (the gold never tags them): «البنك المركزي», «المصرف المركزي» (a country's
 * central bank, unnamed), «هيئة المحكمة» (the bench).
 */
const GENERIC_BODIES_AR: ReadonlySet<string> = new Set(['البنك المركزي', 'المصرف المركزي', 'هيئة المحكمة'].map(keyOf));
/**
 * Common words a gazetteer row is written as, never the place in news: «مأوى» ('shelter'); and
 * adjectives the model reads as the place a place noun names («في بلدة قريبة من …», 'a nearby town').
 */
const COMMON_WORDS_AR: ReadonlySet<string> = new Set(['مأوى', 'المأوى', 'قريبة', 'مجاورة', 'نائية', 'صغيرة', 'ساحلية', 'حدودية'].map(keyOf));
/**
 * Whole words that read as a proclitic and a gazetteer place but are ordinary words: «وزاريا»
 * ('ministerial', accusative, written without its tanween: «مجلسا وزاريا»), not و + Zaria; «بابها»
 * ('its door': «على بابها»), not ب + Abha written without its hamza.
 */
const COMMON_WHOLE_WORDS_AR: ReadonlySet<string> = new Set(['وزاريا', 'بابها', 'وبابها'].map(keyOf));
/**
 * Words as written (without diacritics) that fold into a gazetteer place but are ordinary words:
 * «زواره» ('its visitors', a museum's), not «زوارة» (Zuwara) with its ta marbuta.
 */
const COMMON_SPELLINGS_AR: ReadonlySet<string> = new Set(['زواره', 'وزواره', 'لزواره']);
const DIACRITICS_AR = /[\u064B-\u0652\u0640]/gu;
const LETTERS_BEFORE = /[\p{L}\p{M}]+$/u;
/**
 * Past-tense verbs whose root opens with «و» («وقع» 'signed', «وصل» 'arrived', «وافق» 'agreed'):
 * the model, after a list of places, reads their «و» as 'and' and the rest as one more place
 * («الرياض وجدة وقعتا اتفاقا» → «قعتا»). Every person and number of the past tense
 * (`PAST_ENDINGS`) of the common roots, plain (and doubled: «وقّع», the same letters) and of the
 * third form («واجه», «واصل»). Only a mention that starts after the «و» and that no KB or
 * gazetteer entry links is dropped: «وعدن» is also و + Aden, «وصفا» و + Safa.
 */
const WAW_ROOTS = ['وقع', 'وصل', 'وجد', 'وضع', 'وعد', 'وزع', 'وجه', 'وصف', 'وفر', 'وقف', 'وثق', 'وسع', 'وكل', 'ورث', 'ودع'];
const WAW_THIRD_FORMS = ['وافق', 'واصل', 'واجه', 'واكب', 'وازن', 'واظب'];
const PAST_ENDINGS = ['', 'ت', 'ا', 'تا', 'وا', 'ن', 'نا', 'تم', 'تما'];
const WAW_VERBS_AR: ReadonlySet<string> = new Set([...WAW_ROOTS, ...WAW_THIRD_FORMS].flatMap((stem) => PAST_ENDINGS.map((end) => keyOf(stem + end))));

/**
 * Month names in Arabic script (`MONTH_NUMBERS`: the Syriac ones of the Levant and Iraq, the Latin
 * ones of Egypt and the Gulf, the Maghreb's), which Arabic news writes side by side: «فبراير
 * (شباط)», «نيسان/أبريل». «نيسان» is also Nissan, «شباط» and «أيلول» read as bodies to the model.
 */
export const MONTHS_AR: ReadonlySet<string> = new Set(
  Object.keys(MONTH_NUMBERS)
    .filter((m) => /^[\u0600-\u06ff ]+$/u.test(m))
    .map((m) => m.split(' ').map(keyOf).join(' ')),
);
/** The words' key, the first without a proclitic «و», «ف», «ب» or «ل» too («وأبريل (نيسان)»). */
const monthKey = (words: string): string => words.trim().split(/\s+/u).map(keyOf).join(' ');
const isMonth = (words: string): boolean => MONTHS_AR.has(monthKey(words)) || MONTHS_AR.has(monthKey(words.trim().replace(/^[وفبل]/u, '')));
/** A month's name written beside another's: «فبراير (شباط)», «(نيسان) أبريل», «نيسان/أبريل». */
function isPairedMonth(text: string, m: Mention): boolean {
  if (!MONTHS_AR.has(monthKey(m.text))) return false;
  const before = /([\p{L} ]+?)\s*[(/]\s*$/u.exec(text.slice(Math.max(0, m.start - 20), m.start))?.[1] ?? '';
  const after = /^\s*[)/]\s*([\p{L} ]+)/u.exec(text.slice(m.end, m.end + 20))?.[1] ?? '';
  const endsWithMonth = (s: string): boolean => {
    const words = s.trim().split(/\s+/u);
    return isMonth(words.slice(-1).join(' ')) || isMonth(words.slice(-2).join(' '));
  };
  const opensWithMonth = (s: string): boolean => {
    const words = s.trim().split(/\s+/u);
    return isMonth(words.slice(0, 1).join(' ')) || isMonth(words.slice(0, 2).join(' '));
  };
  return endsWithMonth(before) || opensWithMonth(after);
}

/**
 * «لولاية رابعة», «بولاية ثانية»: «ولاية» is a term of office there and the ordinal after it no place
 * («رابعة» is also Rabaa, «ثانية» a second).
 */
const TERM_ORDINALS_AR: ReadonlySet<string> = new Set(['ثانية', 'ثالثة', 'رابعة', 'خامسة', 'سادسة', 'سابعة', 'جديدة', 'أولى'].map(keyOf));
const TERM_BEFORE_AR = /(?:^|[\s(«"])[وف]?[بل]?ولاية\s+$/u;
function isTermOrdinal(text: string, m: Mention): boolean {
  return m.type === 'LOC' && TERM_ORDINALS_AR.has(keyOf(m.text)) && TERM_BEFORE_AR.test(text.slice(Math.max(0, m.start - 12), m.start));
}

/** The letters of the mention's word before its start (a proclitic the mention left out). */
const lettersBefore = (text: string, m: Mention): string => LETTERS_BEFORE.exec(text.slice(Math.max(0, m.start - 4), m.start))?.[0] ?? '';

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
 * noun or adjective: «سورياً» 'Syrian', «ميتاً» 'dead', not Meta, «بيتاً»), or words that all carry
 * it; «قطر» as a diameter (`isDiameter`); the common words a gazetteer row is written as
 * (`isCommonWordPlace`: «العقبة الكبرى», «القوة القاهرة», «عن جده»; «مأوى»; «وزاريا» read as و + a
 * place; a past-tense verb of a root opening with «و», `WAW_VERBS_AR`); an unnamed «البنك المركزي»
 * the KB gave no id; a country's adjective («الجيبوتي»); a month's name beside another month's
 * («فبراير (شباط)», `isPairedMonth`); a term's ordinal («لولاية رابعة», `isTermOrdinal`); a bird
 * after «طيور» and the mangrove «القرم» after the words for trees; a unit after a number («1.5
 * تسلا»); a counted noun after a number
 * («46 بيتا»); a nationality adjective no entry links («جامعات إندونيسية»); a head and a kind
 * adjective («جامعة حكومية», «مستشفى بيطريا», `isKindDescription`); an adjective the gazetteer holds as a place after
 * a noun it describes («التساقطات المطرية», `isAdjectivePlace`); a plural of places and a compass
 * adjective («القرى الشرقية»). `mentions` sorted by
 * start; `info` tells the linked ids; `namesOf` a KB entry's Arabic names. Pure: returns the
 * mentions to drop.
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
      (oneWord && COMMON_WHOLE_WORDS_AR.has(keyOf(lettersBefore(text, m) + m.text))) ||
      (oneWord && COMMON_SPELLINGS_AR.has((lettersBefore(text, m) + m.text).replace(DIACRITICS_AR, ''))) ||
      (oneWord && lettersBefore(text, m) === 'و' && WAW_VERBS_AR.has(keyOf(`و${m.text}`)) && !isLinked(m, info)) ||
      isCountryAdjective(m, namesOf) ||
      isKindDescription(m, info) ||
      isAdjectivePlace(text, m) ||
      (m.type === 'LOC' && !isLinked(m, info) && PLURAL_DIRECTION_AR.test(m.text)) ||
      isPairedMonth(text, m) ||
      isTermOrdinal(text, m) ||
      // «طيور الفلامنغو» (flamingos, not the club), «غابات القرم» (mangroves, not Crimea): a bird
      // after the word for birds, the mangrove after the words for trees («غابات جيروند» stays).
      (oneWord && /(?:^|\s)[وفبل]?(?:طيور|طائر)\s+$/u.test(text.slice(Math.max(0, m.start - 10), m.start))) ||
      (m.text === 'القرم' && /(?:^|\s)[وفبل]?(?:غابات|أشجار|شجر|نبات|نباتات)\s+$/u.test(text.slice(Math.max(0, m.start - 10), m.start))) ||
      // «بقوة 1.5 تسلا»: a unit named after a person, after a number, is no name (Tesla, Newton).
      (oneWord && UNITS_AR.has(keyOf(m.text)) && /[\p{Nd}]\s+$/u.test(text.slice(Math.max(0, m.start - 6), m.start))) ||
      // «بعد ترميم 46 بيتا»: a counted noun after a number is no place.
      (oneWord && m.type === 'LOC' && /[\p{Nd}]\s+$/u.test(text.slice(Math.max(0, m.start - 6), m.start)) && !/^loc:[A-Z]{3}$/u.test(m.entityId ?? '')) ||
      // «في جامعات إندونيسية»: a nationality adjective no entry links is no place.
      (oneWord && m.type === 'LOC' && !isLinked(m, info) && tokenize(m.text).every(isNationalityWord))
    ) {
      out.add(m);
    }
  });
  return out;
}
