import { keyOf, variantsOf, type Token } from './tokenize.ts';

/**
 * «عمان» without its vowels is both Oman (عُمان) and Amman (عَمّان), the Jordanian capital. The
 * gazetteer gives the word to the country; these rules move a mention to the city when the
 * article says so. Pure: the tagger passes the tokens and what it found.
 */
export const OMAN = 'loc:OMN';
export const AMMAN = 'loc:Q472788';
export const JORDAN = 'loc:JOR';
export const QATAR = 'loc:QAT';
const OMAN_KEY = keyOf('عمان');
const SHADDA = '\u0651';
const SULTANATE = keyOf('سلطنة');
/** «العاصمة الأردنية عمان», «عمان الأردنية». */
const JORDANIAN = new Set(['أردنية', 'أردني'].map(keyOf));
/** Oman's adjective («العماني», «العمانية», «العمانيين»); Amman's is written with shadda, rarely. */
const OMANI = /(^|[^\u0621-\u064A])(?:[وفبل]|لل)?(?:ال)?عمان(?:ي|يه|ية|يون|يين)(?![\u0621-\u064A])/u;
/** Jordan or its adjective («الأردن», «الأردنية», «للأردنيين»). */
const JORDAN_WORD = /(^|[^\u0621-\u064A])(?:[وفبل]|لل)?(?:ال)?[أا]ردن(?:ي|يه|ية|يون|يين)?(?![\u0621-\u064A])/u;

/** «العاصمة». */
const CAPITAL = keyOf('العاصمة');
/** A dateline of Jordan's news agency, Petra: «معان (بترا) –». */
const PETRA_DATELINE = /^[^\n(]{0,40}\((?:بترا|وكالة الأنباء الأردنية)\)/u;

/** A mention already found, as the rules need it: its tokens and its id. */
export interface FoundPlace {
  readonly first: number;
  readonly last: number;
  readonly entityId: string | null;
}

/** Whether the token reads «عمان» once its proclitics are off. */
export function isOmanWord(token: Token | undefined): boolean {
  return token !== undefined && token.arabic && variantsOf(token).some((v) => v.key === OMAN_KEY);
}

/** A country mention (an ISO id) right before or after `m`, joined to it by «و» or a comma: a list of countries. */
function inCountryList(m: FoundPlace, found: readonly FoundPlace[], tokens: readonly Token[], text: string): boolean {
  const isCountry = (f: FoundPlace): boolean => f !== m && /^loc:[A-Z]{3}$/u.test(f.entityId ?? '') && f.entityId !== OMAN;
  const before = found.find((f) => isCountry(f) && f.last === m.first - 1);
  const after = found.find((f) => isCountry(f) && f.first === m.last + 1);
  const listGap = (a: Token | undefined, b: Token | undefined): boolean => a !== undefined && b !== undefined && /^[\s،,]*$/u.test(text.slice(a.end, b.start));
  const me = tokens[m.first];
  // «الأردن وعمان»: the و is on our token; «عمان والأردن»: on the next one.
  if (before && listGap(tokens[before.last], me) && me !== undefined && /^و/u.test(me.text)) return true;
  const next = after ? tokens[after.first] : undefined;
  return after !== undefined && listGap(tokens[m.last], next) && next !== undefined && /^و/u.test(next.text);
}

/**
 * Which of Oman and Amman the mention `m` of «عمان» names. Amman when it is written with shadda
 * («عمّان»), follows or precedes «الأردنية», follows «العاصمة», or when the article names Jordan
 * (or says «الأردني», or is datelined by Jordan's agency, «(بترا)»)
 * and nothing Omani (no «سلطنة», no «العماني», no Muscat) and the word does not stand in a list of
 * countries.
 */
export function omanOrAmman(m: FoundPlace, found: readonly FoundPlace[], tokens: readonly Token[], text: string): typeof OMAN | typeof AMMAN {
  const me = tokens[m.first];
  if (!me) return OMAN;
  if (me.text.includes(SHADDA)) return AMMAN;
  const prev = tokens[m.first - 1];
  if (prev && variantsOf(prev).some((v) => v.key === SULTANATE)) return OMAN;
  const next = tokens[m.last + 1];
  if ((prev && JORDANIAN.has(prev.key)) || (next && JORDANIAN.has(next.key))) return AMMAN;
  // «العاصمة عمان»: Oman is no capital.
  if (prev && prev.article && prev.key === CAPITAL) return AMMAN;
  if (inCountryList(m, found, tokens, text)) return OMAN;
  const jordan = found.some((f) => f.entityId === JORDAN) || JORDAN_WORD.test(text) || PETRA_DATELINE.test(text);
  const omani = OMANI.test(text) || tokens.some((t) => t.key === SULTANATE) || found.some((f) => f.entityId === 'loc:Q544762');
  return jordan && !omani ? AMMAN : OMAN;
}

/**
 * «وجدة» is Oujda, the Moroccan city, and «و» + «جدة», "and Jeddah". The KB gives the word to
 * Oujda; it stays Oujda after «مدينة» or where the article names Morocco or a Moroccan (and no
 * Saudi), else it is "and Jeddah".
 */
export const OUJDA = 'loc:oujda';
export const JEDDAH = 'loc:Q374365';
const CITY_WORDS = new Set(['مدينة', 'ولاية', 'جهة', 'عمالة', 'إقليم'].map(keyOf));
const MOROCCO_WORD = /(^|[^\u0621-\u064A])(?:[وفبل]|لل)?(?:ال)?مغرب(?:ي|يه|ية|يون|يين)?(?![\u0621-\u064A])/u;
const SAUDI_WORD = /(^|[^\u0621-\u064A])(?:[وفبل]|لل)?(?:ال)?سعودي(?:ه|ة|ون|ين)?(?![\u0621-\u064A])/u;

export function oujdaOrJeddah(tokens: readonly Token[], at: number, text: string): typeof OUJDA | typeof JEDDAH {
  const prev = tokens[at - 1];
  if (prev && variantsOf(prev).some((v) => CITY_WORDS.has(v.key))) return OUJDA;
  return MOROCCO_WORD.test(text) && !SAUDI_WORD.test(text) ? OUJDA : JEDDAH;
}

/**
 * «الجزائر» and «تونس» name both a country and its capital; the gazetteer gives the word to the
 * country. The dateline of an Arabic article written from the capital («الجزائر (واج) - …», «تونس –
 * …») is the capital; the same word in the body is mostly the state («وقعت الجزائر وإيطاليا …») and
 * stays the country's, and so does a headline's «الجزائر:».
 */
export const CAPITAL_HOMOGRAPHS: ReadonlyMap<string, { readonly country: string; readonly capital: string }> = new Map([
  ['الجزائر', { country: 'loc:DZA', capital: 'loc:Q141026' }],
  ['تونس', { country: 'loc:TUN', capital: 'loc:Q328109' }],
]);
/** The dateline: the text's first word, then a dash, or an agency in brackets. */
const DATELINE = /^\s*(\S+)\s*(?:[-–—]|\([^)\n]{1,40}\)\s*[-–—:])/u;

/** The capital's id when the text's dateline is `word`, else null. */
export function datelineCapital(text: string, word: string): string | null {
  const dateline = DATELINE.exec(text)?.[1];
  return dateline === word ? (CAPITAL_HOMOGRAPHS.get(word)?.capital ?? null) : null;
}

/** Words that make «قطر» a diameter: before it («يبلغ قطر …», «نصف قطر»), a measured thing after it («قطر المرآة»), a length after it («بقطر 40 كيلومتراً»). */
const DIAMETER_BEFORE = /(?:^|[^\p{L}\p{M}])(?:و?يبلغ|و?بلغ|و?يصل|نصف|متوسط)\s+$/u;
const DIAMETER_OF = /^\s+(?:ال)?(?:مرآة|مرآه|مراة|عدسة|عدسه|أنبوب|انبوب|الأنابيب|أنابيب|ثقب|حفرة|حفره|فوهة|فوهه|بئر|دائرة|دائره|قرص|كرة|كره|عجلة|عجله|جذع|ساق|كوكب|نجم|قمر|ماسورة|فتحة|فتحه)(?![\p{L}\p{M}])/u;
const LENGTH_AFTER = /^\s+(?:يبلغ\s+)?[\d٠-٩][\d٠-٩.,٫]*\s*(?:كيلومترات|كيلومترا|كيلومتراً|كيلومتر|كلم|كم|مترا|متراً|أمتار|امتار|متر|سنتيمترات|سنتيمترا|سنتيمتر|سم|ملم|مليمترات|مليمتر|ميلا|ميلاً|أميال|ميل|بوصة|بوصات|إنش)(?![\p{L}\p{M}])/u;

/**
 * «قطر» is Qatar, and also a diameter: «يبلغ قطر المرآة أربعة أمتار», «طوق صحي بقطر 40 كيلومتراً».
 * Whether the mention of Qatar (`m` in `text`) is the diameter, by the words around it.
 */
export function isDiameter(text: string, m: { readonly start: number; readonly end: number }): boolean {
  const before = text.slice(Math.max(0, m.start - 12), m.start);
  const after = text.slice(m.end, m.end + 40);
  return DIAMETER_BEFORE.test(before) || DIAMETER_OF.test(after) || LENGTH_AFTER.test(after);
}

/**
 * Common words the gazetteer reads as a place: «العقبة الكبرى» ('the biggest obstacle', not Aqaba),
 * «القوة القاهرة» (force majeure, not Cairo), «عن جده», «والده وجده» ('from his grandfather', 'his
 * father and grandfather'; Jeddah is written «جدة»). Whether the mention (`m` in `text`, read as the place `id`) is that word;
 * `listedWithPlace`: a place stands next to it in a list.
 */
export function isCommonWordPlace(text: string, m: { readonly start: number; readonly end: number; readonly text: string }, id: string | null, listedWithPlace = false): boolean {
  const after = text.slice(m.end, m.end + 16);
  const before = text.slice(Math.max(0, m.start - 8), m.start);
  // (Not «العقبة أمام», «العقبة الأولى»: the city stands before both.)
  if (id === AQABA) return /^\s+ال(?:كبرى|أكبر|اكبر|رئيسية|أساسية|اساسية|وحيدة|أبرز)(?![\p{L}\p{M}])/u.test(after);
  // (Force majeure is «القوة القاهرة»; «قوة القاهرة» is Cairo's power.)
  if (id === CAIRO_REGION) return /(?:^|[^\p{L}\p{M}])[وف]?القوة\s+$/u.test(before);
  // «ورث محله عن جده», «سمع … من جده الذي …», «وجده منهوباً» (a verb: 'found it'); not a «جده» listed
  // with a place («من الرياض وجده») or going on to another («من جده إلى …»).
  if (id === JEDDAH) {
    // (Nor a distance: «تبعد مكة عن جده نحو 80 كيلومتراً».)
    if (!m.text.endsWith('ه') || listedWithPlace || /^\s+(?:إلى|الى|و|نحو|حوالي|قرابة|بنحو|مسافة|[\d٠-٩])/u.test(after)) return false;
    // («والده وجده», 'his father and grandfather'.)
    const kin = /(?:^|[^\p{L}\p{M}])(?:والده|أبوه|ابوه|أبيه|ابيه|أباه|اباه|جدته|عمه|خاله)\s+و$/u.test(text.slice(Math.max(0, m.start - 10), m.start));
    return /(?:^|[^\p{L}\p{M}])(?:عن|من)\s+$/u.test(before) || kin || (text[m.start - 1] === 'و' && /^\s+\S+[\u064B-\u064D]/u.test(after));
  }
  return false;
}
export const AQABA = 'loc:Q260796';
export const CAIRO_REGION = 'loc:Q30805';
