import { HEAD_ADJECTIVES_AR } from './name-chains.ts';
import { inTitleCaseLine } from './title-case.ts';
import { keyOf, variantsOf, type Token } from './tokenize.ts';

/** A person name found after a title ("Minister Ahmed Hassan", "الوزير أحمد حسن"); not in the KB. */
export interface RuleSpan {
  readonly first: number;
  readonly last: number;
}

const TITLES_EN = new Set([
  'president', 'minister', 'premier', 'chancellor', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson',
  'senator', 'governor', 'general', 'gen', 'king', 'queen', 'prince', 'princess', 'sheikh', 'sheik', 'emir',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'ambassador', 'mayor', 'envoy', 'commander', 'pope', 'ayatollah', 'ceo', 'chairman',
  'chairwoman', 'lawmaker', 'representative', 'rep', 'sen', 'judge', 'colonel', 'col', 'lieutenant', 'admiral',
  'marshal', 'captain', 'sergeant', 'brigadier', 'commodore', 'superintendent', 'inspector', 'constable', 'detective',
  // Role nouns news writes straight before a name: "opposition leader Raila Odinga", "foreign policy
  // chief Kaja Kallas", "his deputy Massimo Aparo", "chief executive Tim Cook".
  'leader', 'chief', 'deputy', 'director', 'commissioner', 'executive', 'founder', 'speaker', 'analyst',
  'economist', 'coach', 'cardinal', 'bishop', 'rabbi', 'imam', 'activist', 'journalist', 'correspondent',
  // Occupations wire copy puts before an ordinary person's name: "nurse Esperance Mugisha", "trader Aminata Diallo".
  'nurse', 'doctor', 'teacher', 'farmer', 'trader', 'shopkeeper', 'vendor', 'fisherman', 'driver', 'mechanic',
  'lawyer', 'engineer', 'researcher', 'scientist', 'professor', 'historian', 'resident', 'student', 'midwife',
  'operator', 'owner', 'trainer', 'guide', 'ranger', 'pilot',
  // British judges: "Mr Justice Alistair Pennington", "Justice Amina Odhiambo"; courts' other officers.
  'justice', 'magistrate', 'prosecutor', 'registrar', 'coroner',
  // Customs ranks ("Comptroller Muhammad Lawal Gwarzo") and South Africa's provincial ministers ("transport MEC Siboniso Duma").
  'comptroller', 'mec',
  // Members of parliament: "independent MP Monique Ryan", "MEP Anna Cavazzini".
  'mp', 'mep',
  // "Chief Financial Officer Roger Dassen".
  'officer',
  // Sport and the arts: "Hooker Malcolm Marx", "winger Will Jordan", "manager Pep Guardiola",
  // "rapper Stormzy", "billionaire Gautam Adani".
  'striker', 'midfielder', 'defender', 'goalkeeper', 'keeper', 'winger', 'hooker', 'flanker', 'fullback', 'scrumhalf', 'quarterback',
  'pitcher', 'batter', 'bowler', 'batsman', 'skipper', 'manager', 'playmaker', 'sprinter', 'cyclist', 'jockey',
  // Fighters by weight: "Heavyweight Mamadou Lamine Seck".
  'heavyweight', 'cruiserweight', 'middleweight', 'welterweight', 'lightweight', 'featherweight', 'bantamweight', 'flyweight', 'wrestler', 'boxer',
  'singer', 'rapper', 'actor', 'actress', 'filmmaker', 'novelist', 'author', 'poet', 'artist', 'designer', 'architect',
  'photographer', 'entrepreneur', 'investor', 'billionaire', 'tycoon',
  // Monarchs and sumo ranks: "Emperor Naruhito", "Yokozuna Onosato", "ozeki Kotozakura".
  'emperor', 'empress', 'yokozuna', 'ozeki', 'sekiwake', 'komusubi',
  // Honorifics of South Asian, Malaysian and West African English-language news: "Engr Md Shafiqul
  // Islam", "Haji Mehboob Ali Shoro", "Alhaji Aliko Dangote", "Datuk Seri Darwis Abdul Razak",
  // "Tun Mahathir", "Menteri Besar …" (a Malaysian state's chief minister).
  'engr', 'haji', 'hajji', 'alhaji', 'datuk', 'dato', 'datin', 'tun', 'menteri',
]);
/** A Malay honorific's second word ("Datuk Seri", "Dato' Sri", "Tan Sri"): a title only after the first. */
const HONORIFIC_SECONDS_EN: Readonly<Record<string, ReadonlySet<string>>> = { seri: new Set(['datuk', 'dato']), sri: new Set(['datuk', 'dato', 'tan']), besar: new Set(['menteri']) };
/** An English "person" made of titles only ("Datuk Seri" between "Menteri Besar" and "Dr Ahmad …"): no name. */
export function isTitlesOnly(tokens: readonly Token[], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (!isTitleAt(tokens, k)) return false;
  return true;
}

/** A title word, or the second word of a two-word honorific (`HONORIFIC_SECONDS_EN`), at token `k`. */
function isTitleAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (isEnglishTitle(t)) return true;
  const firsts = t && !t.arabic ? HONORIFIC_SECONDS_EN[t.key] : undefined;
  const before = tokens[k - 1];
  return firsts !== undefined && before !== undefined && !before.arabic && firsts.has(before.key);
}
/** Titles a person keeps before a single name ("Pope Leo", "Emperor Meiji", "Yokozuna Onosato"): never part of it. */
const TITLES_BEFORE_ONE_NAME_EN = new Set(['pope', 'emperor', 'empress', 'king', 'queen', 'prince', 'princess', 'emir', 'president', 'ayatollah', 'cardinal', 'yokozuna', 'ozeki', 'sekiwake', 'komusubi']);
/**
 * An English person name the model read with a role before it ("Financial Officer Roger Dassen"):
 * the name after the last title word, when two words or more are left, or one name after a
 * monarch's or a rank's title ("Pope Leo", "Emperor Pedro II"); else the name as read.
 */
export function withoutLeadingRole<M extends { readonly first: number; readonly last: number; readonly start: number }>(tokens: readonly Token[], m: M): M {
  let cut = -1;
  for (let k = m.first; k <= m.last - 2; k++) if (isTitleAt(tokens, k)) cut = k;
  // "Pope Leo", "Emperor Pedro II": a monarch's or a rank's title before one name (and a numeral).
  const numeral = /^[IVX]+$/u.test(tokens[m.last]?.text ?? '') ? 1 : 0;
  const one = tokens[m.last - numeral - 1];
  if (cut < 0 && m.last - numeral - 1 === m.first && one && !one.arabic && TITLES_BEFORE_ONE_NAME_EN.has(one.key) && /^\p{Lu}\p{Ll}/u.test(tokens[m.last - numeral]?.text ?? '')) cut = m.first;
  const head = tokens[cut + 1];
  return cut >= 0 && head ? { ...m, first: cut + 1, start: head.start } : m;
}

/** Titles written abbreviated with a full stop ("Dr.", "Gen."). */
const ABBREVIATED_EN = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'sen', 'rep', 'gov', 'lt', 'sgt', 'capt']);
/** Titles that only ever stand before a person's name, the surname alone included. */
const HONORIFICS_EN = new Set(['mr', 'mrs', 'ms', 'dr', 'prof']);
/** Honorifics that brands also carry ("Dr Pepper", "Dr. Martens"): a lone surname after them needs more evidence. */
const BRAND_HONORIFICS_EN = new Set(['dr', 'prof']);
export const isBrandHonorific = (t: Token | undefined): boolean => t !== undefined && !t.arabic && BRAND_HONORIFICS_EN.has(t.key);
/** An English title or role word ("Governor", "minister", "coach"). */
export function isEnglishTitle(token: Token | undefined): boolean {
  return token !== undefined && !token.arabic && TITLES_EN.has(token.key);
}

/** Particles inside Latin-script person names ("bin", "al", "de", "van"): part of a name, never a name alone. */
export const PARTICLES_EN: ReadonlySet<string> = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'de', 'da', 'van', 'von', 'der', 'la', 'le', 'abu']);
const NOT_NAMES_EN = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'the', 'of', 'and',
  'on', 'in', 'said', 'says', 'told', 'for', 'to', 'a', 'an', 'elect', 'former', 'general', 'office', 'house',
  'minister', 'president', 'secretary', 'foreign', 'prime', 'defence', 'defense', 'deputy',
  'ministry', 'department', 'court', 'league', 'party', 'marshal',
]);

/** Days, months, function words and office words that are never part of an English person's name. */
export function isNotPersonWord(token: Token): boolean {
  return !token.arabic && NOT_NAMES_EN.has(token.key);
}

const TITLES_AR = new Set(
  ['رئيس', 'رئيسه', 'وزير', 'وزيره', 'متحدث', 'متحدثه', 'ناطق', 'ناطقه', 'سفير', 'سفيره', 'ملك', 'ملكه', 'امير', 'اميره',
    'شيخ', 'جنرال', 'لواء', 'عميد', 'عقيد', 'نائب', 'نائبه', 'سيناتور', 'مستشار', 'مستشاره', 'زعيم', 'قائد', 'مبعوث',
    'مبعوثه', 'حاكم', 'عاهل', 'امين', 'سلطان', 'مرشد', 'محافظ', 'رئيسا'].map(keyOf),
);
/**
 * Occupations news writes before a name, titles only with the article («الفنان طلعت زكريا», «الحارس
 * محمد الشناوي», «الدكتور …»); bare, most are ordinary nouns («فنان مصري»).
 */
const OCCUPATIONS_AR = new Set(
  ['فنان', 'فنانة', 'مطرب', 'مطربة', 'ممثل', 'ممثلة', 'مخرج', 'مخرجة', 'كاتب', 'كاتبة', 'شاعر', 'شاعرة', 'روائي', 'روائية',
    'لاعب', 'لاعبة', 'مدرب', 'حارس', 'مهاجم', 'مدافع', 'نجم', 'نجمة', 'كابتن', 'حكم', 'إعلامي', 'إعلامية', 'صحفي', 'صحفية',
    'مذيع', 'مذيعة', 'باحث', 'باحثة', 'مفكر', 'فيلسوف', 'دكتور', 'دكتورة', 'مهندس', 'مهندسة', 'أستاذ', 'أستاذة', 'بروفيسور',
    'محامي', 'محامية', 'داعية', 'حاج', 'حاجة', 'مطران', 'بابا'].map(keyOf),
);
/** «العام», «العامة»: what makes «الأمين» the secretary-general's title. */
const GENERAL_AR = new Set(['العام', 'العامة'].map(keyOf));
const AMIN_AR = keyOf('أمين');
/** Title words that are also given names without the article ("أمين الناصر", "سلطان الحربي"). */
const GIVEN_NAME_TITLES_AR = new Set(['امين', 'سلطان', 'امير', 'اميره', 'ملك', 'ملكه', 'حاكم', 'شيخ', 'عميد'].map(keyOf));

/**
 * An Arabic title word that cannot be a given name there, behind proclitics too ("الرئيس",
 * "وللوزير"); "أمين" or "سلطان" only with the article ("الأمين العام", "السلطان").
 */
export function isArabicTitle(token: Token | undefined): boolean {
  return token !== undefined && token.arabic && variantsOf(token).some((v) => (TITLES_AR.has(v.key) && (v.article || !GIVEN_NAME_TITLES_AR.has(v.key))) || (v.article && OCCUPATIONS_AR.has(v.key)));
}

/** Words that may sit between a title and the name: "وزير الخارجية الروسي", "الرئيس الأمريكي المنتخب". */
const MODIFIERS_AR = new Set(
  ['باسم', 'المنتخب', 'السابق', 'الأسبق', 'الحالي', 'العام', 'العهد', 'ولي', 'الوزراء', 'الحكومة', 'الدولة', 'خارجية',
    'الخارجية', 'الدفاع', 'الداخلية', 'المالية', 'مجلس', 'الأركان', 'هيئة', 'المكلف', 'الجديد', 'الجديدة', 'الانتقالي',
    'المؤقت', 'الأول', 'الأعلى', 'البرلمان', 'النواب', 'الشيوخ', 'رئيس', 'وزارة', 'الأمن', 'القومي',
    'الوزارة', 'الجيش', 'الشرطة', 'الحركة', 'الحزب', 'المكتب'].map(keyOf),
);
const NOT_NAMES_AR = new Set(
  ['قال', 'قالت', 'أن', 'إن', 'عن', 'في', 'من', 'على', 'إلى', 'الذي', 'التي', 'هذا', 'هذه', 'خلال', 'يوم', 'اليوم',
    'أمس', 'عام', 'بعد', 'قبل', 'مع', 'بين', 'أكد', 'أعلن', 'كما', 'وقال', 'وأكد', 'رئيس', 'وزير', 'الرئيس'].map(keyOf),
);
const NISBA = /(ي|يه)$/;
/** Nisba adjectives that follow a name without being its family name ("مطار الأمير نايف الدولي"). */
const NOT_FAMILY_AR = new Set([...HEAD_ADJECTIVES_AR, 'الثاني', 'الثانية'].map(keyOf));
/** Name parts that need a following part: "عبد", "بن", "أبو", "آل", particles such as "دو". */
const NEVER_LAST_AR = new Set(['عبد', 'بن', 'ابن', 'بنت', 'أبو', 'أم', 'آل', 'دو', 'دي', 'فان', 'فون'].map(keyOf));
const PATRONYMS_AR = new Set(['بن', 'ابن', 'بنت'].map(keyOf));

/**
 * Precision-first rule layer for names missing from the KB. English: a title, then two to four
 * capitalised words. Arabic: a title, optional modifiers (nisba adjectives, known words, entity
 * mentions such as "باسم الكرملين"), then two to four tokens all found in the person-name list.
 */
export function findTitledNames(
  text: string,
  tokens: readonly Token[],
  covered: ReadonlySet<number>,
  nameTokens: ReadonlySet<string>,
  joinable: (a: Token, b: Token) => boolean,
): RuleSpan[] {
  const out: RuleSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t) break;
    const span = t.arabic ? arabicAfterTitle(i) : englishAfterTitle(i);
    if (span) {
      out.push(span);
      i = span.last + 1;
    } else {
      i++;
    }
  }
  return out;

  function englishAfterTitle(i: number): RuleSpan | null {
    const title = tokens[i];
    // "Police Officer Shot Dead in Nairobi": in a title-case headline any word after a title is capitalised.
    if (!title || !TITLES_EN.has(title.key) || (title.cap && inTitleCaseLine(text, title.start))) return null;
    // "Datuk Seri Darwis …", "chief executive Datuk Seri Darwis …": the titles and a two-word
    // honorific's second word before the name are no part of it.
    let from = i + 1;
    while (from - i <= 3 && isTitleAt(tokens, from) && joinable(tokens[from - 1] as Token, tokens[from] as Token)) from++;
    let j = from;
    let names = 0;
    let lastName = -1;
    while (j < tokens.length && j - from <= 4) {
      const t = tokens[j];
      const prev = tokens[j - 1];
      // "Dr. White", "Gen. Haftar": the full stop of an abbreviated title does not end the name.
      const afterStop = j === from && from === i + 1 && ABBREVIATED_EN.has(title.key) && prev !== undefined && t !== undefined && /^\. ?$/u.test(text.slice(prev.end, t.start));
      if (!t || !prev || t.arabic || covered.has(j) || !(afterStop || joinable(prev, t))) break;
      if (t.cap && !NOT_NAMES_EN.has(t.key) && !TITLES_EN.has(t.key) && /^\p{Lu}\p{Ll}/u.test(t.text)) {
        names++;
        lastName = j;
      } else if (!(names > 0 && PARTICLES_EN.has(t.key))) {
        break;
      }
      j++;
    }
    // "Dr. White", "Mr Sarwar": an honorific is followed by a surname alone as often as by a full name.
    // Not a firm named after one ("Dr. Reddy's Laboratories").
    const end = tokens[lastName]?.end ?? 0;
    const honorific = names === 1 && title.cap && HONORIFICS_EN.has(title.key) && !/^['’]s\s+\p{Lu}/u.test(text.slice(end, end + 4));
    return names >= 2 || honorific ? { first: from, last: lastName } : null;
  }

  /** A title word written without the article and followed by بن is a given name ("سلطان بن سالم"). */
  function givenNameTitle(j: number): boolean {
    const t = tokens[j];
    return t !== undefined && t.arabic && !t.article && TITLES_AR.has(t.key) && PATRONYMS_AR.has(tokens[j + 1]?.key ?? '');
  }

  /**
   * «محمد الأمين ولد حمدي»: «الأمين» right after a bare given name is the second part of a compound
   * name (Maghreb, Sahel, Sudan), unless «العام» follows («… الأمين العام»). (Not «الملك» or
   * «الأمير», which follow a bare name as a title as often: «استقبل أردوغان الملك فيليب».)
   */
  function compoundNamePart(j: number): boolean {
    const t = tokens[j];
    const before = tokens[j - 1];
    if (!t?.arabic || !t.article || t.key !== AMIN_AR || !before?.arabic || before.article || !nameTokens.has(before.key) || !joinable(before, t)) return false;
    return !GENERAL_AR.has(tokens[j + 1]?.key ?? '');
  }

  function arabicAfterTitle(i: number): RuleSpan | null {
    const title = tokens[i];
    if (!title || !variantsOf(title).some((v) => TITLES_AR.has(v.key) || (v.article && OCCUPATIONS_AR.has(v.key))) || givenNameTitle(i) || compoundNamePart(i)) return null;
    let j = i + 1;
    let skipped = 0;
    while (j < tokens.length && skipped < 4) {
      const t = tokens[j];
      if (!t || !t.arabic) return null;
      const modifier = covered.has(j) || MODIFIERS_AR.has(t.key) || (NISBA.test(t.key) && t.text.startsWith('ال') && t.key.length >= 4);
      if (!modifier) break;
      j++;
      skipped++;
    }
    const first = j;
    while (j < tokens.length && j - first < 4) {
      const t = tokens[j];
      const prev = tokens[j - 1];
      if (!t || !prev || !t.arabic || covered.has(j) || !joinable(prev, t)) break;
      if ((!nameTokens.has(t.key) && !givenNameTitle(j)) || NOT_NAMES_AR.has(t.key)) break;
      j++;
    }
    let last = j - 1;
    while (last >= first && NEVER_LAST_AR.has(tokens[last]?.key ?? '')) last--;
    // A Gulf-style name "X بن Y" often ends in a family nisba the name list lacks ("… الحبسي").
    const family = tokens[last + 1];
    const before = tokens[last];
    let patronym = false;
    for (let k = first; k < last; k++) patronym ||= PATRONYMS_AR.has(tokens[k]?.key ?? '');
    if (patronym && family && before && family.arabic && family.article && NISBA.test(family.key) && !NOT_FAMILY_AR.has(family.key) && family.key.length >= 4 && !covered.has(last + 1) && joinable(before, family)) last++;
    return last - first + 1 >= 2 ? { first, last } : null;
  }
}
