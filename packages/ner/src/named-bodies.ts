import { lineageEnd } from './name-chains.ts';
import { keyOf, variantsOf, type Token } from './tokenize.ts';

/**
 * Arabic organisation names the KB cannot list: companies, think tanks, funds and agencies named by
 * a word and what they do ("أسياد للموانئ", "مركز الأهرام للدراسات السياسية والاستراتيجية",
 * "صندوق قطر للتنمية"), and universities, exchanges, banks and courts named by their city
 * ("جامعة الكويت", "بورصة مسقط", "محكمة استئناف دبي"). Pure functions over tokens.
 */

/** A name found by one of these shapes; token indexes, inclusive. */
export interface BodySpan {
  readonly first: number;
  readonly last: number;
  /** UTF-16 offset of the name (after proclitics: "ولمركز" → "مركز"). */
  readonly start: number;
  /** The first token of what the body is called, after a head that is part of the name ("الأهرام" in "مركز الأهرام …"). */
  readonly nameFirst: number;
  /** The token of the complement with ل ("للدراسات"). */
  readonly complement: number;
}

/**
 * Heads that are part of the name they open: "مركز البادية للدراسات البيئية", "معهد الحمامات
 * للسياسات العمومية", "مؤسسة ضفاف للسياسات الرقمية", "صندوق أبوظبي للتنمية", "وكالة السودان للأنباء".
 */
const NAMING_HEADS_AR = new Set(['مركز', 'معهد', 'مؤسسة', 'صندوق', 'جامعة', 'وكالة', 'مرصد', 'منتدى', 'أكاديمية', 'سوق', 'جمعية'].map(keyOf));
/**
 * Nouns that say a company's name follows without being part of it: "شركة الرواد للحلول المائية",
 * "مجموعة جيانغسو هوادا للطاقة الجديدة".
 */
const CUE_HEADS_AR = new Set(['شركة', 'شركتا', 'مجموعة'].map(keyOf));
/**
 * What such a body does, as the noun after ل ("للموانئ", "للأوراق المالية", "لتداول الأوراق"):
 * trades, industries, research and the fields public bodies keep («للبيئة», «للثقافة والآثار»). A
 * plain purpose ("للحوار", "للمجموعة") is not among them.
 */
const ACTIVITIES_AR: ReadonlySet<string> = new Set(
  ['موانئ', 'مواني', 'شحن', 'نقل', 'تطوير', 'استكشاف', 'إنتاج', 'أوراق', 'أبحاث', 'بحوث', 'دراسات', 'سياسات', 'استشارات',
    'مقاولات', 'قطارات', 'حلول', 'خدمات', 'تنمية', 'نسيج', 'عمليات', 'طاقة', 'اتصالات', 'ذكاء', 'تصنيف', 'استثمار',
    'استثمارات', 'تأمين', 'تمويل', 'عقارات', 'صناعات', 'صناعة', 'تجارة', 'إسمنت', 'أسمنت', 'حديد', 'صلب', 'بتروكيماويات',
    'بترول', 'نفط', 'غاز', 'كهرباء', 'مياه', 'تعدين', 'أغذية', 'ألبان', 'أدوية', 'طيران', 'سياحة', 'فنادق', 'لوجستيات',
    'إعلام', 'إنشاءات', 'هندسة', 'تكنولوجيا', 'تقنية', 'تقنيات', 'برمجيات', 'صرافة', 'وساطة', 'تأجير', 'إسكان', 'زراعة',
    'أسمدة', 'كيماويات', 'توزيع', 'تسويق', 'أنباء', 'إحصاء', 'علوم', 'تداول', 'مراكز', 'تكرير', 'حفر', 'ملاحة', 'بيانات',
    'إلكترونيات', 'سيارات', 'تعليم', 'تدريب', 'نشر', 'صحافة', 'فكر', 'إعمار', 'معادن', 'بناء',
    // Fields (session 29, from blind36's and blind37's misses: «هيئة الفجيرة للبيئة», «جمعية الإمارات
    // للطبيعة», «هيئة البحرين للثقافة والآثار», «معهد البحرين للؤلؤ والأحجار الكريمة»). Not «للآثار»,
    // «للفنون»: «مركز مليحة للآثار», «مركز لينكولن للفنون الأدائية» are places in the gold.
    'بيئة', 'طبيعة', 'ثقافة', 'تراث', 'لؤلؤ'].map(keyOf),
);
/**
 * Words that, first after a head, describe it instead of naming it: "شركة ناشئة للتقنية", "مجموعة
 * كبرى للطاقة" (indefinite nisba adjectives, "شركة هندية للأدوية", are refused by their ending).
 */
const NOT_NAME_WORDS_AR = new Set(
  ['جديدة', 'جديد', 'كبرى', 'كبيرة', 'صغيرة', 'ناشئة', 'خاصة', 'عامة', 'تابعة', 'مملوكة', 'متخصصة', 'رائدة', 'عملاقة',
    'مشتركة', 'مدرجة', 'أخرى', 'واحدة', 'ثالثة', 'ثانية', 'أولى', 'حكومية', 'وطنية', 'دولية', 'عالمية', 'متخصص', 'مستقل',
    'مستقلة', 'مشترك', 'تابع', 'كبير', 'صغير', 'أول', 'ثان'].map(keyOf),
);
/**
 * Nationality adjectives: after a name word they say where the body is from ("كوسكو الصينية للشحن"
 * is COSCO), and after the complement too ("… للطاقة الجديدة الصينية"); neither is part of the name.
 * Masculine forms; the feminine is read by its ending.
 */
const NATIONALITIES_AR = new Set(
  ['صيني', 'عماني', 'فرنسي', 'أمريكي', 'أميركي', 'بريطاني', 'ألماني', 'روسي', 'تركي', 'إيراني', 'هندي', 'ياباني', 'كوري',
    'إماراتي', 'سعودي', 'قطري', 'كويتي', 'بحريني', 'مصري', 'أردني', 'لبناني', 'سوري', 'عراقي', 'يمني', 'ليبي', 'تونسي',
    'جزائري', 'مغربي', 'موريتاني', 'سوداني', 'فلسطيني', 'إسرائيلي', 'إيطالي', 'إسباني', 'هولندي', 'نرويجي', 'سويدي',
    'دنماركي', 'سويسري', 'نمساوي', 'بلجيكي', 'كندي', 'أسترالي', 'برازيلي', 'باكستاني', 'إندونيسي', 'ماليزي', 'سنغافوري',
    'نيجيري', 'إثيوبي', 'كيني', 'أوروبي', 'أفريقي', 'إفريقي', 'آسيوي', 'خليجي', 'يوناني', 'قبرصي', 'أوكراني', 'بولندي',
    'برتغالي', 'أرجنتيني', 'مكسيكي', 'تشيلي', 'كولومبي', 'فنزويلي', 'إنجليزي', 'إنكليزي', 'اسكتلندي', 'إيرلندي', 'أيرلندي', 'فنلندي',
    'تشيكي', 'روماني', 'بلغاري', 'صربي', 'كرواتي', 'أذربيجاني', 'أرميني', 'جورجي', 'أفغاني', 'بنغلاديشي', 'فيتنامي', 'تايلندي',
    'فلبيني', 'سنغالي', 'غاني', 'إيفواري', 'كاميروني', 'تشادي', 'نيجري', 'صومالي', 'جيبوتي', 'إريتري', 'أوغندي', 'تنزاني',
    'هنغاري', 'مجري', 'سلوفاكي', 'سلوفيني', 'بوسني', 'ألباني', 'مقدوني', 'ليتواني', 'لاتفي', 'إستوني', 'بيلاروسي', 'مولدوفي',
    'كازاخستاني', 'أوزبكي', 'قرغيزي', 'طاجيكي', 'منغولي', 'نيبالي', 'سريلانكي', 'كمبودي', 'لاوسي', 'تايواني', 'نيوزيلندي',
    'بيروفي', 'إكوادوري', 'بوليفي', 'كوبي', 'زامبي', 'زيمبابوي', 'موزمبيقي', 'أنغولي', 'كونغولي', 'رواندي', 'ناميبي', 'آيسلندي',
    'مالطي', 'ملاوي'].map(keyOf),
);
/** A definite Arabic nationality adjective ("الصينية", "العماني"). */
export function isNationality(t: Token): boolean {
  return t.arabic && t.article && NATIONALITIES_AR.has(t.key.endsWith('يه') ? t.key.slice(0, -1) : t.key);
}
/**
 * A nationality word in any form, behind proclitics, with or without the article: «أميركيون»,
 * «وبريطانيون», «الكندية», «إيراني». Never a name by itself.
 */
export function isNationalityWord(t: Token): boolean {
  if (!t.arabic) return false;
  return variantsOf(t).some((v) => {
    const stem = /(يين|يون|يان)$/.test(v.key) ? v.key.slice(0, -2) : v.key.endsWith('يه') ? v.key.slice(0, -1) : v.key;
    return NATIONALITIES_AR.has(stem);
  });
}
/**
 * First words after شركة/مجموعة that agree with it as adjectives: an indefinite feminine word
 * ("شركة مصدرة للنفط", "شركة رائدة للتقنية"); a name there is rarely so written.
 */
const isCueAdjective = (t: Token): boolean => !t.article && t.key.endsWith('ه') && t.key.length >= 4;
/** Words that never stand inside such a name: prepositions, pronouns, particles. */
const BREAKS_AR = new Set(
  ['في', 'من', 'على', 'علي', 'إلى', 'الي', 'عن', 'مع', 'أن', 'إن', 'ان', 'التي', 'الذي', 'هذه', 'هذا', 'تلك', 'ذلك', 'قد', 'لم', 'لن', 'ما', 'بين', 'عبر', 'منذ', 'حتى', 'بعد', 'قبل', 'أو', 'او', 'ثم', 'كما', 'إذ'].map(keyOf),
);
/** Adjectives without the nisba ending that continue a name after its complement ("للمقاولات العامة"). */
const TAIL_ADJ_AR = new Set(
  ['عامة', 'عام', 'خاص', 'خاصة', 'حر', 'حرة', 'جديد', 'جديدة', 'متجددة', 'نظيفة', 'مالية', 'مالي', 'كبرى', 'متحدة', 'متقدمة', 'حديثة', 'ذكية', 'قابضة', 'متكاملة',
    // «التنمية البشرية المستدامة», «الأحجار الكريمة», «لثقافة الرسوم المتحركة».
    'مستدامة', 'كريمة', 'متحركة'].map(keyOf),
);
/** Definite words after the complement that are the sentence going on, not the name: days, times. */
const TAIL_STOP_AR = new Set(
  ['أحد', 'اثنين', 'ثلاثاء', 'أربعاء', 'خميس', 'جمعة', 'سبت', 'يوم', 'ماضي', 'مقبل', 'حالي', 'أسبوع', 'شهر', 'عام', 'سنة', 'تي', 'ذي'].map(keyOf),
);
const NISBA_AR = /(ي|يه)$/;
/** A definite plural nationality ("الجزائريين", "التونسيون"). */
function isPluralNationality(t: Token): boolean {
  const stem = /(يين|يون)$/.exec(t.key) ? t.key.slice(0, -2) : '';
  return t.arabic && t.article && stem !== '' && NATIONALITIES_AR.has(stem);
}
const OPEN_QUOTES = /[«"“]\s*$/;
const CLOSE_QUOTES = /^\s*[»"”]/;
const MAX_NAME_WORDS = 3;

/**
 * Every Arabic body named by one of three shapes, tried in this order at each token: a quoted name
 * after a cue noun ("جمعية «صرخة المودعين»"); a society and its definite name ("جمعية الأصالة
 * الإسلامية"); a word and what it does: an opening head that belongs to the name
 * (NAMING_HEADS_AR), a cue noun before it (CUE_HEADS_AR), or an opening quote, then one to three
 * name words, then a complement with ل naming an activity (ACTIVITIES_AR: "للموانئ", or "لتداول"
 * before a definite noun), then its adjectives and و-joined nouns. A quoted name must end at the
 * closing quote. Found before any other mention, so a KB place inside it ("صندوق قطر للتنمية") is
 * part of it. `isOneWordName` says which words the lexicon holds as one-word names (a place such as
 * «أبوظبي» ends like a nisba adjective).
 */
export function findNamedBodies(
  text: string,
  tokens: readonly Token[],
  joinable: (a: Token, b: Token) => boolean,
  isOneWordName: (key: string) => boolean = () => false,
): BodySpan[] {
  const out: BodySpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const span = bodyAt(text, tokens, i, joinable, isOneWordName);
    if (span) {
      out.push(span);
      i = span.last;
    }
  }
  return out;
}

function bodyAt(text: string, tokens: readonly Token[], i: number, joinable: (a: Token, b: Token) => boolean, isOneWordName: (key: string) => boolean): BodySpan | null {
  const head = tokens[i];
  if (!head || !head.arabic) return null;
  // Most words open no body: only a head noun or a word right after an opening quote can.
  if (!quoteBefore(text, head.start) && !variantsOf(head).some((v) => !v.article && ALL_HEADS_AR.has(v.key))) return null;
  const next = (j: number): Token | undefined => {
    const a = tokens[j - 1];
    const b = tokens[j];
    return a && b && joinable(a, b) ? b : undefined;
  };
  return quotedAfterCue(text, tokens, i, next) ?? societyAt(tokens, i, next) ?? royalBodyAt(tokens, i, next, joinable) ?? activityBodyAt(text, tokens, i, next, isOneWordName);
}

/** Whether an opening quote stands right before `at` (spaces allowed between). */
function quoteBefore(text: string, at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 3; k--) {
    const c = text.charCodeAt(k);
    if (c === 0xab || c === 0x22 || c === 0x201c) return true;
    if (c !== 0x20) return false;
  }
  return false;
}

/** Heads of bodies named after a ruler: "جامعة الملك سعود", "مؤسسة الملك خالد", "مدينة الملك عبدالعزيز للعلوم والتقنية". */
const ROYAL_BODY_HEADS_AR = new Set(['جامعة', 'مؤسسة', 'مركز', 'معهد', 'أكاديمية', 'كلية', 'صندوق', 'مدينة'].map(keyOf));
const RULERS_AR = new Set(['ملك', 'أمير', 'أميرة', 'شيخ', 'سلطان', 'إمام'].map(keyOf));
/** Name parts that need the word after them ("عبد العزيز", "أبو بكر"). */
const NEEDS_NEXT_AR = new Set(['عبد', 'أبو', 'ابو'].map(keyOf));

/**
 * A university, foundation, centre or fund named after a ruler: the head (part of the name), a
 * royal title with the article, the ruler's name with its lineage ("بن عبد العزيز", "آل سعود"),
 * then what it does if said ("للعلوم والتقنية") with its adjectives.
 */
function royalBodyAt(tokens: readonly Token[], i: number, next: (j: number) => Token | undefined, joinable: (a: Token, b: Token) => boolean): BodySpan | null {
  const head = tokens[i];
  const reading = head && variantsOf(head).find((v) => !v.article && ROYAL_BODY_HEADS_AR.has(v.key));
  const title = next(i + 1);
  const name = next(i + 2);
  if (!head || !reading || !title || !name || !title.article || !RULERS_AR.has(title.key) || !name.arabic || name.article || BREAKS_AR.has(name.key)) return null;
  let last = i + 2;
  if (NEEDS_NEXT_AR.has(name.key)) {
    if (!next(i + 3)) return null;
    last = i + 3;
  }
  last = lineageEnd(tokens, last, () => true, joinable);
  const complement = last + 1;
  if (activityAt(tokens, complement, next)) last = activityTail(tokens, complement, next);
  return { first: i, last, start: head.start + reading.skip, nameFirst: i + 1, complement };
}

/**
 * Nouns after which a quoted phrase is the body's name: "جمعية «صرخة المودعين»", "حركة «أمل»",
 * "قناة «الحدث»". The quote is the name; the noun is not part of it.
 */
const QUOTE_CUES_AR = new Set(
  ['جمعية', 'شركة', 'حركة', 'مجموعة', 'منظمة', 'حزب', 'ائتلاف', 'تحالف', 'مؤسسة', 'تيار', 'جماعة', 'مركز', 'قناة', 'صحيفة', 'مجلة', 'وكالة', 'رابطة', 'نقابة', 'اتحاد', 'جبهة', 'كتلة', 'قائمة'].map(keyOf),
);
const MAX_QUOTED_WORDS = 4;

/** A quoted phrase of one to four words right after a cue noun (QUOTE_CUES_AR). */
function quotedAfterCue(text: string, tokens: readonly Token[], i: number, next: (j: number) => Token | undefined): BodySpan | null {
  const first = tokens[i];
  const cue = tokens[i - 1];
  if (!first || !cue || !cue.arabic || !OPEN_QUOTES.test(text.slice(cue.end, first.start))) return null;
  if (!variantsOf(cue).some((v) => !v.article && QUOTE_CUES_AR.has(v.key))) return null;
  let j = i;
  while (j - i < MAX_QUOTED_WORDS) {
    const t = tokens[j];
    if (!t || BREAKS_AR.has(t.key)) return null;
    if (CLOSE_QUOTES.test(text.slice(t.end, t.end + 2))) return { first: i, last: j, start: first.start, nameFirst: i, complement: j + 1 };
    if (!next(j + 1)) return null;
    j++;
  }
  return null;
}

/** Adjectives without the nisba ending that continue a society's name ("جمعية الهلال الأحمر"). */
const SOCIETY_ADJ_AR = new Set(['أحمر', 'أخضر', 'أبيض', 'كبرى'].map(keyOf));
const SOCIETY = keyOf('جمعية');

/**
 * A society (جمعية, no article) named by a definite noun and up to two definite adjectives, a
 * nationality among them: "جمعية الوفاق الوطني الإسلامية", "جمعية الأصالة الإسلامية", "جمعية
 * الهلال الأحمر الفلسطيني". The head is part of the name.
 */
function societyAt(tokens: readonly Token[], i: number, next: (j: number) => Token | undefined): BodySpan | null {
  const head = tokens[i];
  const reading = head && variantsOf(head).find((v) => !v.article && v.key === SOCIETY);
  const noun = next(i + 1);
  if (!head || !reading || !noun || !noun.arabic || !noun.article || NISBA_AR.test(noun.key) || TAIL_STOP_AR.has(noun.key) || BREAKS_AR.has(noun.key)) return null;
  // "جمعية X للتنمية": the activity rule reads the whole of it.
  if (activityAt(tokens, i + 2, next)) return null;
  let j = i + 2;
  for (let n = 0; n < 2; n++) {
    const t = next(j);
    const adjective = t !== undefined && t.arabic && t.article && (SOCIETY_ADJ_AR.has(t.key) || (NISBA_AR.test(t.key) && t.key.length >= 4 && !TAIL_STOP_AR.has(t.key)));
    if (!adjective) break;
    j++;
  }
  return { first: i, last: j - 1, start: head.start + reading.skip, nameFirst: i + 1, complement: j };
}
/** The activity shape of `findNamedBodies` at token i. */
function activityBodyAt(text: string, tokens: readonly Token[], i: number, next: (j: number) => Token | undefined, isOneWordName: (key: string) => boolean): BodySpan | null {
  const head = tokens[i];
  if (!head) return null;
  const reading = variantsOf(head).find((v) => !v.article && (NAMING_HEADS_AR.has(v.key) || CUE_HEADS_AR.has(v.key)));
  const quoted = !reading && OPEN_QUOTES.test(text.slice(Math.max(0, head.start - 3), head.start));
  if (!reading && !quoted) return null;
  const naming = reading !== undefined && NAMING_HEADS_AR.has(reading.key);
  const nameFirst = reading ? i + 1 : i;
  const firstWord = reading ? next(nameFirst) : head;
  if (!firstWord || !firstWord.arabic || !isNameStart(firstWord, isOneWordName) || (reading && !naming && isCueAdjective(firstWord))) return null;
  const maxWords = quoted ? 2 : MAX_NAME_WORDS;
  // The name words, up to the complement.
  let j = nameFirst + 1;
  while (j - nameFirst <= maxWords) {
    const t = next(j);
    if (!t || !t.arabic) return null;
    if (activityAt(tokens, j, next)) break;
    if (BREAKS_AR.has(t.key) || isNationality(t) || variantsOf(t).some((v) => v.clitics !== '' && BREAKS_AR.has(v.key))) return null;
    j++;
  }
  if (j - nameFirst > maxWords) return null;
  const complement = j;
  const last = activityTail(tokens, complement, next);
  const lastTok = tokens[last];
  if (!lastTok) return null;
  if (quoted && !CLOSE_QUOTES.test(text.slice(lastTok.end, lastTok.end + 3))) return null;
  const start = naming && reading ? head.start + reading.skip : (tokens[nameFirst]?.start ?? head.start);
  return { first: naming ? i : nameFirst, last, start, nameFirst, complement };
}

/**
 * The last token of an activity complement at `complement` ("للموانئ", or "لتداول الأوراق") with
 * its adjectives and و-joined nouns, but not a nationality ("… للطاقة الجديدة الصينية").
 */
export function activityTail(tokens: readonly Token[], complement: number, next: (j: number) => Token | undefined): number {
  const from = complement + (activityAt(tokens, complement, next) === 'construct' ? 2 : 1);
  return complementTail(from, next, { adjectives: TAIL_ADJ_AR, stops: TAIL_STOP_AR, nationalityEnds: true });
}

/**
 * Where the words after a body's ل complement end, starting at token `from`: definite adjectives
 * (one of `adjectives`, or any nisba that is not a stop word: "البري", "الاصطناعي") and definite
 * nouns joined with و ("والإنتاج"), up to six; a bare definite noun, a stop word ("الأحد") and, if
 * asked, a nationality ("الصينية") are the sentence going on. Returns the last token of the name.
 * Shared by the named bodies here and the definite bodies of `org-rules.ts`.
 */
/** Heads that open a body's name: after و they start another one. */
const BODY_HEADS_AR = new Set(['شركة', 'صندوق', 'بنك', 'مصرف', 'هيئة', 'وزارة', 'جامعة', 'مجلس', 'منظمة', 'اتحاد', 'جمعية', 'مؤسسة', 'مركز', 'وكالة', 'سلطة', 'لجنة', 'مجموعة',
  // «حزب العمال والحزب الأخضر»: a party after و is the next name.
  'حزب', 'حركة', 'جبهة', 'تحالف', 'ائتلاف', 'تيار'].map(keyOf));
/**
 * Plural nouns of forces and agencies: after و they are the sentence going on («وزارة الموارد
 * المائية والأجهزة الأمنية»), never a body's own activity (unlike «والبلديات» in «وزارة الداخلية
 * والبلديات», or «والمؤسسات» in «الاتحاد العام للجمعيات والمؤسسات الأهلية»).
 */
const FORCES_PLURALS_AR = new Set(['أجهزة', 'قوات', 'سلطات', 'جهات', 'فصائل', 'حكومات', 'دول', 'بلدان'].map(keyOf));

/** Whether a token is «و» + one of those plurals with the article («والأجهزة», «والقوات»). */
export function isJoinedForcesNoun(t: Token): boolean {
  return isJoinedNoun(t) && variantsOf(t).some((v) => v.clitics === 'و' && v.article && FORCES_PLURALS_AR.has(v.key));
}

/**
 * Verbal nouns that name what a body does, before its object («جهاز مكافحة الإرهاب», «هيئة تنظيم
 * الاتصالات», «جهاز حماية المستهلك», «وزارة شؤون المرأة»); not «إدارة» («مجلس إدارة الشركة»).
 * Joined with و after a body's complement they go on naming it («هيئة الرقابة ومكافحة الفساد»,
 * «وزارة التجارة وتنمية الصادرات»).
 */
export const TASKS_AR: ReadonlySet<string> = new Set(
  ['مكافحة', 'حماية', 'تنظيم', 'تنمية', 'تطوير', 'رعاية', 'شؤون', 'حقوق', 'تشجيع', 'ترويج', 'مراقبة', 'رقابة', 'دعم', 'أمن', 'تحقيق', 'تعزيز', 'تحديث', 'مقاومة', 'محاربة', 'تمويل'].map(keyOf),
);

/**
 * Tasks that go on naming a body after و; not «وحماية», «وتعزيز», «ودعم», «وأمن», which as often
 * start a parallel phrase («جهود وزارة الداخلية وحماية المواطنين», «جهاز المخابرات وأمن الدولة»).
 */
const JOINED_TASKS_AR: ReadonlySet<string> = new Set(
  ['مكافحة', 'تنمية', 'حقوق', 'رقابة', 'شؤون', 'تنظيم', 'تطوير', 'محاربة', 'تمويل',
    // The Maghreb's administrative names («الديوان الوطني لتسيير واستغلال …», «وكالة حماية وتهيئة …»).
    'استغلال', 'تسيير', 'تهيئة', 'ترقية', 'تثمين', 'تأهيل', 'استصلاح', 'تعمير',
    // Fields joined the same way («وزارة الثروة الزراعية والسمكية وموارد المياه», «… للاتصالات وتقنية المعلومات»).
    'موارد', 'تقنية', 'تكنولوجيا'].map(keyOf),
);

/** «الغش», «الري», «الحج»: a definite word whose stem is two letters, which `Token.article` leaves out. */
function isDefinite(t: Token | undefined): boolean {
  return t?.arabic === true && t.norm.startsWith('ال') && t.norm.length >= 4;
}

/** «ومكافحة الفساد»: a task joined with و (written without the article) and its definite object; the index of the object, or -1. */
export function joinedTaskAt(j: number, next: (j: number) => Token | undefined): number {
  const t = next(j);
  const object = next(j + 1);
  if (!t?.arabic || t.article || !t.norm.startsWith('و') || !JOINED_TASKS_AR.has(keyOf(t.norm.slice(1)))) return -1;
  return isDefinite(object) ? j + 1 : -1;
}

/**
 * «لتسيير (واستغلال) الممتلكات», «لتنمية (وحماية) البيئة»: a second task joined with و to a «ل»
 * complement's verbal noun, the two sharing the definite object after it; the index of the
 * object, or -1.
 */
export function sharedObjectTaskAt(j: number, next: (j: number) => Token | undefined): number {
  const t = next(j);
  if (!t?.arabic || t.article || !t.norm.startsWith('و')) return -1;
  const task = keyOf(t.norm.slice(1));
  return (TASKS_AR.has(task) || JOINED_TASKS_AR.has(task)) && isDefinite(next(j + 1)) ? j + 1 : -1;
}

/**
 * Whether a word's key heads a body's name («كلية», «وزارة», «هيئة»): a «ب» or «ل» before it is a
 * preposition, not part of the name («بكلية العلوم بتطوان»).
 */
export function isBodyHeadKey(key: string): boolean {
  return BODY_HEADS_AR.has(key) || SECOND_BODY_HEADS_AR.has(key) || COLLEGE_HEADS_AR.has(key);
}
const COLLEGE_HEADS_AR = new Set(['كلية', 'أكاديمية', 'معهد', 'مدرسة', 'مكتبة', 'نقابة', 'غرفة', 'بلدية', 'محكمة'].map(keyOf));

/** «والحزب», «ووزارة»: a body's head joined with و opens the next name. */
export function isJoinedBodyHead(t: Token): boolean {
  return variantsOf(t).some((v) => v.clitics === 'و' && BODY_HEADS_AR.has(v.key));
}

/**
 * Heads that after و open another body when a nisba adjective follows them («… للتنمية والإصلاح
 * (والإدارة الوطنية) للأغذية»); without one they are the first body's activity («للتخطيط والإدارة»).
 */
const SECOND_BODY_HEADS_AR = new Set(['إدارة', 'مفوضية', 'مديرية', 'ديوان', 'مكتب', 'جهاز', 'معهد', 'رابطة', 'نقابة', 'مرصد', 'أكاديمية', 'مصلحة', 'هيئة', 'وكالة'].map(keyOf));

function opensSecondBody(t: Token, after: Token | undefined): boolean {
  return (
    variantsOf(t).some((v) => v.clitics === 'و' && v.article && SECOND_BODY_HEADS_AR.has(v.key)) &&
    after?.arabic === true &&
    after.article &&
    NISBA_AR.test(after.key) &&
    after.key.length >= 4
  );
}

export function complementTail(
  from: number,
  next: (j: number) => Token | undefined,
  words: { readonly adjectives: ReadonlySet<string>; readonly stops: ReadonlySet<string>; readonly nationalityEnds: boolean },
): number {
  let j = from;
  for (let n = 0; n < 6; n++) {
    const t = next(j);
    if (!t || !t.arabic) break;
    // A plural nationality agrees with the people of the complement ("للعمال الجزائريين"), never with the body.
    const adjective = t.article && (words.adjectives.has(t.key) || isPluralNationality(t) || (NISBA_AR.test(t.key) && t.key.length >= 3 && !words.stops.has(t.key)));
    // «… والشركة السعودية للكهرباء»: a body's head after و opens the next name.
    const joined = isJoinedNoun(t) && !isJoinedForcesNoun(t) && !variantsOf(t).some((v) => v.clitics === 'و' && (words.stops.has(v.key) || BODY_HEADS_AR.has(v.key))) && !opensSecondBody(t, next(j + 1));
    const task = !adjective && !joined ? joinedTaskAt(j, next) : -1;
    if (task > 0) {
      j = task + 1;
      continue;
    }
    if ((!adjective && !joined) || (words.nationalityEnds && isNationality(t))) break;
    j++;
  }
  return j - 1;
}

/**
 * A definite noun joined with و ("والتنمية", "والري"): not a relative pronoun ("والتي") nor a
 * time word ("والآن", "واليوم").
 */
export function isJoinedNoun(t: Token | undefined): boolean {
  return t !== undefined && t.arabic && t.norm.startsWith('وال') && t.norm.length >= 5 && !NOT_JOINED_AR.has(t.norm);
}
const NOT_JOINED_AR: ReadonlySet<string> = new Set(
  ['والتي', 'والذي', 'والذين', 'واللذين', 'واللتين', 'واللتان', 'واللذان', 'واللاتي', 'واللواتي', 'والان', 'واليوم', 'والامس', 'والله'],
);

/**
 * A first name word: not a describing adjective, not an indefinite nisba ("شركة هندية") unless it
 * is a one-word name of the lexicon ("صندوق أبوظبي للتنمية", "دبي"), not a particle.
 */
function isNameStart(t: Token, isOneWordName: (key: string) => boolean): boolean {
  if (NOT_NAME_WORDS_AR.has(t.key) || BREAKS_AR.has(t.key)) return false;
  if (!t.article && NISBA_AR.test(t.key) && t.key.length >= 4 && !isOneWordName(t.key)) return false;
  // A complement right away is a purpose ("شركة للتطوير"), not a name.
  return !variantsOf(t).some((v) => v.clitics.endsWith('ل') && ACTIVITIES_AR.has(v.key));
}

/** Whether token j is an activity complement: "للموانئ" (fused) or "لتداول" before a definite noun (construct). */
export function activityAt(tokens: readonly Token[], j: number, next: (j: number) => Token | undefined): 'fused' | 'construct' | null {
  const t = next(j);
  if (!t || !t.arabic) return null;
  for (const v of variantsOf(t)) {
    if (!ACTIVITIES_AR.has(v.key)) continue;
    if (v.clitics === 'لل') return 'fused';
    if (v.clitics === 'ل' && !v.article && next(j + 1)?.article === true && tokens[j + 1]?.arabic === true) return 'construct';
  }
  return null;
}

/**
 * Heads that a city or country completes into an institution's name: "جامعة الكويت", "بورصة مسقط",
 * "بنك مسقط", "مصرف لبنان", "محكمة دبي الابتدائية"; courts also with their kind before the city
 * ("محكمة استئناف دبي"), commands only with theirs («قيادة عمليات كركوك»). Not بلدية: a
 * municipality is its town in the gold convention.
 */
const PLACE_HEADS_AR = new Set(['جامعة', 'بورصة', 'بنك', 'مصرف', 'محكمة', 'قيادة'].map(keyOf));
const COURT_KINDS_AR = new Set(['استئناف', 'جنايات', 'جنح', 'تمييز', 'نقض'].map(keyOf));
/** A command is named by its kind and its place only («قيادة عمليات كركوك», «قيادة شرطة البصرة»). */
const COMMAND = keyOf('قيادة');
const COMMAND_KINDS_AR = new Set(['عمليات', 'شرطة', 'قوات', 'حرس', 'أمن'].map(keyOf));
/** Which words may stand between a head and its place, by head. */
const KINDS_BY_HEAD_AR: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [keyOf('محكمة'), COURT_KINDS_AR],
  [COMMAND, COMMAND_KINDS_AR],
]);
const ANY_KIND_AR = new Set([...COURT_KINDS_AR, ...COMMAND_KINDS_AR]);
/** Words after the place that say which: "الابتدائية", "المركزي", "الكبرى", "الوطني" (and a university's number). */
const AFTER_PLACE_AR = new Set(['كبرى', 'أهلي', 'أهلية', 'تجاري', 'تجارية', 'مركزي', 'عليا', 'دولي', 'وطني', 'عربية', 'عربي', 'إسلامي', 'إسلامية', 'متحد'].map(keyOf));

/**
 * The institution a place name completes, when one of PLACE_HEADS_AR (no article, proclitics
 * allowed) stands right before it, with a court's kind between: the span from the head to the place
 * and the words after it that say which. `free` says whether a token is still untaken.
 */
export function placeInstitution(
  text: string,
  tokens: readonly Token[],
  place: { readonly first: number; readonly last: number },
  joinable: (a: Token, b: Token) => boolean,
  free: (k: number) => boolean,
): { readonly first: number; readonly last: number; readonly start: number } | null {
  // Whether tokens k and k + 1 are written as one name (no punctuation between).
  const linked = (k: number): boolean => {
    const a = tokens[k];
    const b = tokens[k + 1];
    return a !== undefined && b !== undefined && joinable(a, b);
  };
  let h = place.first - 1;
  const kind = tokens[h];
  if (kind && kind.arabic && !kind.article && free(h) && linked(h) && ANY_KIND_AR.has(kind.key)) h--;
  const head = tokens[h];
  if (!head || !head.arabic || !free(h) || !linked(h)) return null;
  const reading = variantsOf(head).find((v) => !v.article && PLACE_HEADS_AR.has(v.key));
  if (!reading) return null;
  const kinds = KINDS_BY_HEAD_AR.get(reading.key);
  // A kind only where its head takes one («محكمة استئناف دبي»); a command always has one.
  if (h < place.first - 1 ? !kinds?.has(kind?.key ?? '') : reading.key === COMMAND) return null;
  let last = place.last;
  for (let n = 0; n < 2; n++) {
    const t = tokens[last + 1];
    if (!t || !free(last + 1) || !linked(last)) break;
    // A university's number ("جامعة الجزائر 3"), not a figure ("بورصة مسقط 0.6 في المئة").
    const numbered = reading.key === keyOf('جامعة') && /^\d$/.test(t.text) && !/^[.,٫%]/.test(text.slice(t.end, t.end + 1));
    const says = t.arabic ? t.article && (AFTER_PLACE_AR.has(t.key) || (t.key.endsWith('يه') && t.key.length >= 5)) : numbered;
    if (!says) break;
    last++;
  }
  return { first: h, last, start: head.start + reading.skip };
}

/** Every head noun a body's shape may open with (for the quick test in `bodyAt`). */
const ALL_HEADS_AR = new Set([...NAMING_HEADS_AR, ...CUE_HEADS_AR, ...ROYAL_BODY_HEADS_AR, SOCIETY]);
