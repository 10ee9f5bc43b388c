import { keyOf, variantsOf, type Token } from './tokenize.ts';

/** "بن"/"بنت" join a father's name to a person's ("سلمان بن حمد"); "ابن" is also the noun "son", so it does not. */
const PATRONYMS_AR = new Set(['بن', 'بنت'].map(keyOf));
/** Name parts that need the next word: "بن عبد العزيز". */
const NEEDS_NEXT_AR = new Set(['عبد', 'ابو'].map(keyOf));
/** The word آل ("the family of"): normalised, it reads "ال". */
const FAMILY_AR = 'ال';

/**
 * The last token of an Arabic person name once the lineage written after it is included: any
 * number of "بن X" links ("عبد العزيز بن سعود بن نايف", with "بن عبد العزيز" as one link), then a
 * family name "آل X" ("حمد بن عيسى آل خليفة", "تميم بن حمد آل ثاني"). Gulf news writes the full chain
 * and the whole of it is the name. Stops before a token `free` refuses (another mention's) and
 * wherever `joinable` says the words are not one phrase (punctuation between them).
 */
export function lineageEnd(
  tokens: readonly Token[],
  last: number,
  free: (k: number) => boolean,
  joinable: (a: Token, b: Token) => boolean,
): number {
  const word = (k: number): Token | undefined => {
    const prev = tokens[k - 1];
    const t = tokens[k];
    return t && prev && t.arabic && free(k) && joinable(prev, t) ? t : undefined;
  };
  let end = last;
  for (;;) {
    const link = word(end + 1);
    const name = word(end + 2);
    if (!link || !name) break;
    if (PATRONYMS_AR.has(link.key)) {
      if (NEEDS_NEXT_AR.has(name.key)) {
        if (!word(end + 3)) break;
        end += 3;
      } else {
        end += 2;
      }
      continue;
    }
    if (link.norm === FAMILY_AR) end += 2;
    break;
  }
  return end;
}

/**
 * Adjectives that follow a name's head, not family names: «مطار الأمير نايف … الدولي», «الوزير …
 * السابق». Written forms (callers key them).
 */
export const HEAD_ADJECTIVES_AR: readonly string[] = ['الدولي', 'الدولية', 'الوطني', 'الوطنية', 'العامة', 'الأول', 'الجديد', 'السابق',
  'السابقة', 'الحالي', 'المقبل', 'الماضي', 'الأعلى', 'المركزي', 'الرسمي', 'الرسمية', 'الاتحادي', 'الإقليمي', 'الشعبي', 'التنفيذي',
  'المستقل'];
/** Words that follow a given name without being its surname ("قال محمد إن", "التقى علي في"). */
const NOT_SURNAMES_AR = new Set(
  ['قال', 'قالت', 'ان', 'انه', 'انها', 'عن', 'في', 'من', 'على', 'الى', 'الذي', 'التي', 'هذا', 'هذه', 'خلال', 'يوم', 'اليوم',
    'امس', 'عام', 'بعد', 'قبل', 'مع', 'بين', 'اكد', 'اعلن', 'كما', 'او', 'ثم', 'لكن', 'حيث', 'اذ', 'عندما', 'حين', 'منذ', 'حتى',
    'وزير', 'رئيس', 'له', 'لها', 'الي', 'لدى', 'عبر', 'ضد', 'نحو', 'دون', 'غير', 'كل', 'بعض', 'هو', 'هي', 'ما', 'لا', 'لم', 'لن',
    'قد', 'كان', 'كانت', 'يكون', 'ليس', 'ايضا', 'مساء', 'صباح',
    // What follows a name in reported speech and in a sentence going on: "نقلت عن حمد قوله",
    // "بحسب عيسى السلطات", "سلامة الخالدي أمام البرلمان", "جلسة", "مقابل".
    'قوله', 'قولها', 'قولهم', 'تصريحه', 'تصريحها', 'بدوره', 'بدورها', 'نفسه', 'نفسها', 'امام', 'مقابل', 'جلسه', 'سلطات', 'فارق', 'لدي', 'عقب', 'اثر', 'وسط',
    'بسبب', 'رغم', 'لصالح', 'بشان', 'حول', 'تجاه', 'عقب', ...HEAD_ADJECTIVES_AR].map(keyOf),
);
/**
 * Reporting verbs that follow a name behind و or ف ("نيناد ستويكوفيتش فاعتبر أن", "سامي وأضاف"), beside
 * those NOT_SURNAMES_AR already holds (قال، أكد، أعلن); bare, some are surnames too («طالب»), so
 * only the clitic form counts.
 */
const REPORTING_VERBS_AR = new Set(['اعتبر', 'اوضح', 'اضاف', 'شدد', 'راى', 'لفت', 'اشار', 'افاد', 'ذكر', 'صرح', 'كشف', 'نفى', 'حذر', 'دعا', 'طالب', 'علق', 'تابع', 'اعرب'].map(keyOf));
const THAT_AR = new Set(['ان', 'انه', 'انها', 'قوله', 'قولها'].map(keyOf));
const CLAUSE_END = /^\s*[،,.:؛]/u;

/**
 * A surname after a given name the model tagged alone: "إدريس الوزاني" when "الوزاني" is named
 * again elsewhere in the article (`named`: the token is part of a person's name there; a word that
 * merely recurs, «ومنح هنري التقدم» beside «لويس ساها التقدم», is not), or "نزار بركة إن" /
 * "إبراهيم منيمنة، …" where the name ends a clause. `given` is the token of the given name; returns
 * the surname's token or `given`.
 */
export function surnameAfter(
  text: string,
  tokens: readonly Token[],
  given: number,
  free: (k: number) => boolean,
  joinable: (a: Token, b: Token) => boolean,
  named: (k: number) => boolean,
  /** Whether a clause ending after the word is enough (a model's name); else only «أن»/«إن» or a name elsewhere. */
  clauseEnd = true,
): number {
  const name = tokens[given];
  const w = tokens[given + 1];
  if (!name || !w || !w.arabic || !free(given + 1) || !joinable(name, w) || w.key.length < 3) return given;
  if (NOT_SURNAMES_AR.has(w.key) || NOT_SURNAMES_AR.has(w.norm) || NEEDS_NEXT_AR.has(w.key) || PATRONYMS_AR.has(w.key) || w.norm === FAMILY_AR) return given;
  // A reporting verb or particle behind و/ف ("فاعتبر", "وأكد") goes on with the sentence.
  if (variantsOf(w).some((v) => (v.clitics === 'و' || v.clitics === 'ف') && (NOT_SURNAMES_AR.has(v.key) || REPORTING_VERBS_AR.has(v.key)))) return given;
  const after = tokens[given + 2];
  if ((clauseEnd && CLAUSE_END.test(text.slice(w.end, after?.start ?? text.length))) || (after && THAT_AR.has(after.norm))) return given + 1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (k === given + 1 || !t || !t.arabic || tokens[k - 1]?.key === name.key) continue;
    if (variantsOf(t).some((v) => v.key === w.key) && named(k)) return given + 1;
  }
  return given;
}

/** First words of compound given names («عبد الرازق», «أبو بكر»). */
export const COMPOUND_HEADS_AR = new Set(['عبد', 'ابو'].map(keyOf));

/** Adverbs and objects in ـًا that follow a name in a sentence going on. */
export const ACCUSATIVES_AR = new Set(
  ['مجددا', 'أيضا', 'سابقا', 'حاليا', 'مؤخرا', 'لاحقا', 'رسميا', 'مبدئيا', 'شخصيا', 'تماما', 'جدا', 'كثيرا', 'قليلا', 'فورا', 'غدا',
    'يوميا', 'أسبوعيا', 'ليلا', 'ظهرا', 'صباحا', 'هدفا', 'هدفين', 'فوزا', 'تعادلا', 'اتصالا', 'بيانا', 'تصريحا', 'وفدا', 'قرارا', 'اجتماعا'].map(keyOf),
);
const DAYS_AR = new Set(['احد', 'اثنين', 'ثلاثاء', 'اربعاء', 'خميس', 'جمعه', 'سبت'].map(keyOf));

/**
 * Definite words ending in «ة» that news uses most and that no gold name of the article sets holds
 * (each at least 40 times in their texts, measured in session 25): a verb's object or the sentence
 * going on after a name («وعارض السناتور راؤول كاستيلو الاتفاقية»), never its family name, unlike
 * the feminine nisba of Gulf family names («الحارثية»).
 */
const COMMON_DEFINITE_WORDS_AR: ReadonlySet<string> = new Set(
  ['المئة', 'المباراة', 'المرحلة', 'المقبلة', 'الأخيرة', 'الوزارة', 'التابعة', 'الماضية', 'النتيجة', 'المحطة', 'الجلسة', 'الموازنة', 'السابقة',
    'الواقعة', 'الساعة', 'العملية', 'القضية', 'الرسمية', 'الصفقة', 'النهائية', 'القمة', 'السنة', 'الاتفاقية', 'الأزمة', 'الثلاثة', 'الحالية',
    'المحيطة', 'الرحلة', 'الدراسة', 'الباحثة', 'المتضررة', 'العملة', 'القادمة', 'الثقة', 'الخطوة', 'المائة', 'المؤدية', 'السيطرة', 'البعثة',
    'الجهة', 'النهاية', 'الفائدة', 'الحرارة', 'المعروفة', 'البعيدة', 'الأجهزة', 'الأولوية', 'المنصة'].map(keyOf),
);

/**
 * A word after a name that could be its family name: no proclitic before the article («للصحفيين»), not an
 * adverb in ـًا («مجددا»), not a plural with the article («المسؤولين»), not a day («الأحد»), not one of
 * news's commonest definite words (`COMMON_DEFINITE_WORDS_AR`).
 */
export function readsAsFamilyName(t: Token): boolean {
  if (!t.arabic || variantsOf(t).some((v) => v.clitics !== '' && v.article)) return false;
  if (t.article && COMMON_DEFINITE_WORDS_AR.has(t.key)) return false;
  if (/ا$/u.test(t.text.replace(/[\u064B-\u0652]/gu, '')) && !t.article) return false;
  if (t.article && (DAYS_AR.has(t.key) || (t.key.length >= 6 && /(ين|ون)$/u.test(t.key)))) return false;
  // «بخمسة», «بهدفين»: what a vote or a match is won by.
  if (!t.article && t.norm.startsWith('ب') && COUNTS_AFTER_B_AR.has(keyOf(t.norm.slice(1)))) return false;
  return true;
}

/** What a vote or a match is won by («بخمسة», «بثلاثية», «بهدفين», «بأغلبية»): never a name part. */
export const COUNTS_AFTER_B_AR: ReadonlySet<string> = new Set(
  ['ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة', 'ثنائية', 'ثلاثية', 'رباعية', 'خماسية', 'هدف', 'هدفين', 'أغلبية', 'فارق', 'نتيجة', 'نسبة', 'صوت', 'أصوات', 'مقعد', 'مقاعد', 'منصب', 'لقب'].map(keyOf),
);

/** Whether the word at `k` is a count or a person named elsewhere in the article behind «ب» («بخمسة», «ببينيت»): no name part. */
export function isCountOrNameBehindB(tokens: readonly Token[], k: number, nameTokens: ReadonlySet<string>, named: (k: number) => boolean): boolean {
  const t = tokens[k];
  if (t?.arabic !== true || t.article || !t.norm.startsWith('ب') || nameTokens.has(t.key)) return false;
  const rest = keyOf(t.norm.slice(1));
  return COUNTS_AFTER_B_AR.has(rest) || (rest.length >= 3 && tokens.some((o, j) => j !== k && o.arabic && o.key === rest && named(j)));
}
