import { isArabicTitle, isEnglishTitle } from './title-rules.ts';
import { activityAt, activityTail, complementTail, isJoinedBodyHead, isJoinedForcesNoun, isJoinedNoun, isNationality, joinedTaskAt, sharedObjectTaskAt, TASKS_AR } from './named-bodies.ts';
import { keyOf, variantsOf, type Token } from './tokenize.ts';

/** An organisation name found by a cue word; token indexes, inclusive. */
export interface OrgSpan {
  readonly first: number;
  readonly last: number;
  /** UTF-16 offset of the name (after Arabic proclitics: "ووزارة" → "وزارة"). */
  readonly start: number;
  /** The name's article fused with ل ("للخارجية المصرية"): its id is made from the form with ال. */
  readonly impliedArticle?: boolean;
  /** For a body named by its complement ("الهيئة العامة للطرق"): the complement's first token. */
  readonly complement?: number;
}

/**
 * Nouns that say "the next capitalised name is an organisation" ("state nuclear company
 * Energoatom", "rival carrier Emirates") or, in an apposition, that the name before was one
 * ("Safaricom, the country's largest company, said").
 */
const ORG_NOUNS_EN = new Set([
  'company', 'firm', 'group', 'conglomerate', 'operator', 'carrier', 'airline', 'bank', 'lender', 'insurer',
  'broadcaster', 'newspaper', 'agency', 'giant', 'maker', 'manufacturer', 'producer', 'retailer', 'supplier',
  'startup', 'utility', 'miner', 'militia', 'party', 'movement', 'organisation', 'organization', 'union',
  'federation', 'charity', 'network', 'outlet', 'daily', 'regulator', 'exchange', 'club', 'university', 'ministry',
  'subsidiary', 'watchdog', 'consortium', 'automaker', 'chipmaker', 'telecom', 'telco', 'platform', 'developer',
  'consultancy', 'brokerage', 'refiner', 'shipbuilder',
]);
/** Capitalised words that never start an organisation name after a cue ("company Monday said"). */
export const NOT_ORG_EN = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'the', 'a', 'an', 'and', 'of',
  'in', 'on', 'said', 'says', 'it', 'its', 'this', 'that', 'which', 'who', 'but', 'he', 'she', 'they', 'we', 'i',
]);

/**
 * Arabic heads of institution names that are generic on their own ("المنظمة" = "the organisation"):
 * a name needs the head plus what follows ("وزارة النفط العراقية"), so the head alone is never a name.
 */
const ORG_HEADS_AR = new Set(
  ['وزارة', 'هيئة', 'جامعة', 'محكمة', 'وكالة', 'مؤسسة', 'منظمة', 'شركة', 'مصرف', 'بنك', 'حركة', 'جماعة', 'حزب',
    'صحيفة', 'قناة', 'مجلس', 'اتحاد', 'رابطة', 'جمعية', 'لجنة', 'مديرية', 'سلطة', 'حكومة'].map(keyOf),
);
/**
 * Heads whose complements (definite nouns, then a nisba adjective) make a name: "وزارة النفط العراقية",
 * "مجلس السيادة الانتقالي", "جهاز الردع", "حكومة الوحدة الوطنية", "حزب الشعب الجمهوري", "تحالف
 * الفتح", "منظمة العفو الدولية", "مفوضية الاتحاد الأوروبي". Not جبهة ("جبهة القتال" is a battle front).
 */
const MINISTRY_HEADS_AR = new Set(['وزارة', 'هيئة', 'مديرية', 'محكمة', 'جامعة', 'مجلس', 'جهاز', 'حكومة', 'حزب', 'ائتلاف', 'تحالف', 'منظمة', 'مفوضية', 'حرس', 'قيادة'].map(keyOf));
const GOVERNMENT = keyOf('حكومة');
/** «كل حكومة», «أي وزارة»: any body, not one. «قيادة الجيش» is the army's leadership, not a command's name. */
const ANY_EVERY_AR = new Set(['كل', 'أي', 'أية', 'لكل', 'ولكل', 'بكل'].map(keyOf));
const COMMAND_HEAD = keyOf('قيادة');
const COMMAND_COMPLEMENTS_AR = new Set(['عمليات', 'شرطة', 'قوات', 'منطقة', 'أركان', 'حرس', 'درك', 'أمن'].map(keyOf));
/** Complements that make the head a common noun phrase ("حكومة البلاد", "مجلس الإدارة"). */
const NOT_COMPLEMENTS_AR = new Set(
  ['بلاد', 'دولة', 'مدينة', 'إدارة', 'منطقة', 'حرب', 'احتلال', 'سلام', 'أسبوع', 'شهر', 'عام', 'يوم', 'محمول', 'كمبيوتر',
    // "حكومة الإقليم" (the region's), "حكومة الجماعة" (the group's): a body named by what it belongs to.
    'إقليم', 'جماعة', 'ولاية', 'محافظة', 'قطاع', 'بلدية',
    // «حرس الشرف»: the honour guard.
    'شرف'].map(keyOf),
);
/** Heads of parties and movements named by what they stand for («الحركة من أجل نهضة الكاميرون»). */
const PURPOSE_HEADS_AR = new Set(['حزب', 'حركة', 'اتحاد', 'جبهة', 'تحالف', 'تجمع', 'ائتلاف', 'رابطة', 'جمعية', 'منظمة', 'تيار', 'كتلة', 'مبادرة', 'شبكة', 'حملة'].map(keyOf));
const FOR_AR = keyOf('أجل');
/** Verbal nouns of a stance whose object follows with ل («رفض الحزب للتغيير», «دعم الحركة للإصلاح»). */
const STANCES_AR = new Set(['رفض', 'دعم', 'تأييد', 'معارضة', 'دعوة', 'مطالبة', 'انحياز', 'قبول', 'تبني', 'مساندة'].map(keyOf));
/**
 * What parties stand for («من أجل الديمقراطية», «من أجل نهضة …», «من أجل المواطنين»); «الجمعية من أجل
 * الحصول على …» is a purpose, not a name.
 */
const IDEALS_AR = new Set(
  ['ديمقراطية', 'تقدم', 'جمهورية', 'تغيير', 'حرية', 'عدالة', 'استقلال', 'مواطنين', 'مواطنة', 'نهضة', 'سلام', 'وحدة', 'إصلاح', 'تنمية', 'كرامة',
    'مستقبل', 'شعب', 'وطن', 'اشتراكية', 'تضامن', 'إنقاذ', 'خلاص', 'تحرير', 'حقوق', 'بيئة', 'عمل', 'أمل', 'سيادة', 'مصالحة', 'نضال', 'ثقافة'].map(keyOf),
);

/**
 * The last token of «من أجل …» after a party's name: «من أجل» and what it stands for (a definite
 * noun, or a noun and its definite complement), then a nisba adjective and nouns joined with و
 * («من أجل الديمقراطية والتقدم», «من أجل نهضة الكاميرون»); `last` when the name has no such phrase.
 * The name before it (from `first`) is a party's head, definite when alone, and nisba adjectives
 * only: «حزب العمال من أجل العدالة» and «مجلس الوزراء من أجل الإصلاح» are a party and a purpose.
 */
export function purposeTail(first: number, last: number, tokens: readonly Token[], next: (j: number) => Token | undefined): number {
  const head = tokens[first];
  if (!head || !variantsOf(head).some((v) => PURPOSE_HEADS_AR.has(v.key) && (v.article || last > first) && !/[فك]/u.test(v.clitics))) return last;
  // («حزب الاتحاد من أجل الجمهورية»: a party's head after «حزب» counts as its head.)
  for (let k = first + 1; k <= last; k++) if (!isNisbaAdjective(tokens[k]) && !(k === first + 1 && PURPOSE_HEADS_AR.has(tokens[k]?.key ?? ''))) return last;
  const min = next(last + 1);
  const ajl = next(last + 2);
  const what = next(last + 3);
  if (min?.norm !== 'من' || ajl?.key !== FOR_AR || !what?.arabic || !IDEALS_AR.has(what.key)) return last;
  let end = last + 3;
  if (!what.norm.startsWith('ال')) {
    const complement = next(end + 1);
    if (!complement?.arabic || !complement.norm.startsWith('ال')) return last;
    end++;
  }
  return complementTail(end + 1, next, { adjectives: new Set<string>(), stops: new Set<string>(), nationalityEnds: false });
}

/**
 * «الحركة من أجل نهضة الكاميرون», «الاتحاد الوطني من أجل الديمقراطية والتقدم»: a party's head, alone
 * or with nisba adjectives, and what it stands for. Nothing without «من أجل» (see `purposeTail`).
 */
function purposeBodyAt(tokens: readonly Token[], i: number, next: (j: number) => Token | undefined): OrgSpan | null {
  const head = tokens[i];
  const reading = head && variantsOf(head).find((v) => PURPOSE_HEADS_AR.has(v.key) && !/[فك]/u.test(v.clitics));
  if (!head || !reading) return null;
  for (let j = i; j <= i + 2; j++) {
    if (j > i && next(j) === undefined) return null;
    const end = purposeTail(i, j, tokens, next);
    if (end > j) return { first: i, last: end, start: head.start + reading.skip };
  }
  return null;
}

/**
 * Definite adjectives that belong to a body's name when they follow it, alone or joined with و
 * («محكمة إقليم بنادر الابتدائية», «هيئة تنمية المؤسسات الصغيرة والمتوسطة», «… الطاقة الحرارية
 * الجوفية»): none of them a nationality, a time («السابق») or a word that as often describes what
 * the sentence goes on to («المستقلة», «الصحية»).
 */
const NAME_ADJECTIVES_AR = new Set(
  ['الابتدائية', 'الاستئنافية', 'الصغيرة', 'المتوسطة', 'الحرارية', 'الجوفية', 'الموحدة', 'الموحد', 'الاشتراكية', 'الاشتراكي', 'الدستورية',
    'الانتقالية', 'الانتقالي', 'المتجددة', 'النووية', 'الإشعاعية', 'الجنائية'].map(keyOf),
);

/** The last token of a model body name and the name adjectives after it (`NAME_ADJECTIVES_AR`); `end` when none follows. */
function nameAdjectiveTail(end: number, next: (j: number) => Token | undefined): number {
  let out = end;
  for (let t = next(out + 1); t?.arabic === true; t = next(out + 1)) {
    const reading = variantsOf(t).find((v) => v.article && (v.clitics === '' || (v.clitics === 'و' && out > end)) && NAME_ADJECTIVES_AR.has(v.key));
    if (!reading) break;
    out++;
  }
  return out;
}

/**
 * «هيئة الفجيرة (للبيئة)», «هيئة البحرين (للثقافة والآثار)»: a body of an indefinite head and its
 * name goes on through a fused «لل» activity complement, as a named body's does (`activityAt`,
 * `activityTail`). `last` when it does not.
 */
export function fieldComplementTail(first: number, last: number, tokens: readonly Token[], next: (j: number) => Token | undefined): number {
  const head = tokens[first];
  if (!head?.arabic || last <= first || !variantsOf(head).some((v) => !v.article && BODY_HEADS_AR.has(v.key))) return last;
  return activityAt(tokens, last + 1, next) === 'fused' ? activityTail(tokens, last + 1, next) : last;
}

/** «المختصة», «المتخصصة», «المعني»: the adjective that opens what a court or body is competent for. */
const COMPETENT_AR = new Set(['مختص', 'مختصة', 'متخصص', 'متخصصة', 'معني', 'معنية'].map(keyOf));
/**
 * Where an Arabic organisation name the model found from `first` to `last` ends: before a plural
 * object («هيئة النزاهة المتهمين»), on through tasks joined with و («… ومكافحة الفساد»), a
 * competence («… المختصة بقضايا النزاهة») or a party's ideal («… من أجل الديمقراطية»); before a
 * purpose («مجلس الوزراء من أجل الإصلاح») and a dangling «المختصة/المعنية».
 */
export function modelBodyEnd(first: number, last: number, tokens: readonly Token[], next: (j: number) => Token | undefined): number {
  let end = last > first + 1 && isPluralObjectAfter(tokens[last - 1], tokens[last]) ? last - 1 : last;
  for (let task = joinedTaskAt(end + 1, next); task > 0 && last > first; task = joinedTaskAt(end + 1, next)) end = task;
  if (last > first) end = nameAdjectiveTail(end, next);
  end = purposeTail(first, competenceTail(tokens[first], end, next, tokens[end]), tokens, next);
  end = prepositionalObjectTail(first, end, tokens, next);
  end = fieldComplementTail(first, end, tokens, next);
  const purpose = purposeClauseAt(first, end, tokens);
  if (purpose > first) end = purpose;
  if (end > first + 1 && isCompetentAdjective(tokens[end])) end--;
  return end;
}

/**
 * Verbal nouns a body's «ل» complement is made of that take their object through a preposition
 * («للتعامل مع الألغام», «للحفاظ على السلم الأهلي», «للقضاء على الفقر»), with that preposition.
 */
const PREPOSITION_MASDARS_AR: ReadonlyMap<string, string> = new Map([
  ...['تعامل', 'تعاون', 'تضامن', 'تواصل', 'تكيف'].map((w) => [keyOf(w), 'مع'] as const),
  ...['حفاظ', 'محافظة', 'قضاء', 'رقابة', 'إشراف', 'سيطرة', 'تأمين', 'تغلب', 'تدريب', 'حصول', 'تركيز', 'اعتماد'].map((w) => [keyOf(w), 'على'] as const),
  ...['دفاع', 'بحث', 'كشف', 'تعويض', 'تعبير'].map((w) => [keyOf(w), 'عن'] as const),
  ...['وقاية', 'حد', 'تخلص', 'تحقق'].map((w) => [keyOf(w), 'من'] as const),
  // «الوكالة الوطنية للتصرف (في النفايات)», Tunisia's name for managing.
  ...['تصرف'].map((w) => [keyOf(w), 'في'] as const),
]);

/**
 * «المركز اليمني التنفيذي للتعامل (مع الألغام)», «اللجنة العليا للحفاظ (على السلم الأهلي)»: a model
 * organisation that ends in a «ل» complement whose verbal noun takes its object through a
 * preposition goes on through the preposition, its definite object and the object's adjectives
 * or nouns joined with و. `last` when the name does not end so.
 */
export function prepositionalObjectTail(first: number, last: number, tokens: readonly Token[], next: (j: number) => Token | undefined): number {
  const complement = tokens[last];
  if (!complement?.arabic || last <= first) return last;
  const preposition = variantsOf(complement).map((v) => (v.clitics.endsWith('ل') && v.article ? PREPOSITION_MASDARS_AR.get(v.key) : undefined)).find((p) => p !== undefined);
  const word = next(last + 1);
  const object = next(last + 2);
  if (preposition === undefined || word?.key !== keyOf(preposition) || !object?.arabic || !object.article || !object.norm.startsWith('ال')) return last;
  return complementTail(last + 3, next, { adjectives: new Set<string>(), stops: new Set<string>(), nationalityEnds: true });
}

/** Whether a name starts with «من أجل» («من أجل القدس»: a purpose, no name). */
export function opensWithForSake(tokens: readonly Token[], first: number): boolean {
  return tokens[first]?.norm === 'من' && tokens[first + 1]?.key === FOR_AR;
}

/** Whether a token is «المختصة», «المعنية» … (which names nothing without what follows it). */
export function isCompetentAdjective(t: Token | undefined): boolean {
  return t?.arabic === true && t.article && COMPETENT_AR.has(t.key);
}

/**
 * Where a model organisation runs on into «من أجل» that does not name a party («مجلس الوزراء من أجل
 * الإصلاح»: a purpose), the index of the token before «من»; -1 when it does not.
 */
export function purposeClauseAt(first: number, last: number, tokens: readonly Token[]): number {
  for (let k = first + 1; k < last; k++) {
    if (tokens[k]?.norm !== 'من' || tokens[k + 1]?.key !== FOR_AR) continue;
    // Only after a name already whole with its complement («مجلس الوزراء», «حزب العمال»); a head and
    // its adjectives may go on («الحملة الوطنية من أجل حقوق الطلبة», «محامون زيمبابويون من أجل …»).
    let complement = false;
    // («حزب الاتحاد من أجل الجمهورية»: a party's head after «حزب» is still its head.)
    for (let j = first + 1; j < k; j++) complement ||= tokens[j]?.norm.startsWith('ال') === true && !isNisbaAdjective(tokens[j]) && !PURPOSE_HEADS_AR.has(tokens[j]?.key ?? '');
    return complement ? k - 1 : -1;
  }
  return -1;
}

/** Bodies named by their competence: courts, prosecutors, panels and offices; never a ministry («وزارة الداخلية المعنية بتطبيق القانون»). */
const COMPETENCE_HEADS_AR = new Set(['محكمة', 'محاكم', 'نيابة', 'دائرة', 'لجنة', 'مكتب', 'هيئة', 'وحدة', 'غرفة', 'قطب', 'مفوضية', 'فريق', 'مركز'].map(keyOf));
/** Constructs that open a competence («بقضايا النزاهة», «بجرائم الفساد», «بشؤون اللاجئين», «بمكافحة الإرهاب»). */
const COMPETENCE_CONSTRUCTS_AR = new Set(['قضايا', 'جرائم', 'شؤون', 'مكافحة', 'حقوق', 'منازعات', 'نزاعات'].map(keyOf));
/** What a body is competent for, written definite («بالجرائم الاقتصادية», «بالمخدرات والجريمة», «بالمفقودين»). */
const COMPETENCE_DOMAINS_AR = new Set(
  ['جرائم', 'جريمة', 'مخدرات', 'مفقودين', 'إرهاب', 'فساد', 'نزاهة', 'أحداث', 'أسرة', 'أطفال', 'لاجئين', 'مهاجرين', 'اتجار', 'تهريب', 'بيئة',
    'منازعات', 'نزاعات', 'طعون', 'انتخابات', 'جنايات', 'جنح', 'مخالفات', 'حقوق', 'قضايا', 'اختفاء', 'تعذيب', 'عنف'].map(keyOf),
);
/** Nouns in ـية that are no nisba adjective («القضية», «الهدية»), and verbal nouns of the form تفعلة («التسوية»). */
const NOT_NISBA_NOUNS_AR = new Set(['قضية', 'هدية', 'ضحية', 'رؤية', 'بنية', 'نية', 'أغلبية', 'أولوية', 'مسؤولية', 'شرعية', 'عملية', 'كمية', 'ميزانية', 'اتفاقية', 'أهمية', 'إمكانية', 'وصية', 'حرية', 'هوية', 'أمنية'].map(keyOf));
const isNisbaAdjective = (t: Token | undefined): boolean =>
  t?.arabic === true && t.norm.startsWith('ال') && NISBA_AR.test(t.key) && t.key.length >= 4 && !NOT_NISBA_NOUNS_AR.has(t.key) && !(t.key.length === 5 && t.key.startsWith('ت') && t.key.endsWith('يه'));

/**
 * «محكمة جنايات الرصافة المختصة بقضايا النزاهة», «النيابة المتخصصة بمكافحة الإرهاب»,
 * «الدائرة المختصة بالجرائم الاقتصادية», «اللجنة المعنية بالمخدرات والجريمة»: what a court, a
 * prosecutor or a panel is competent for is part of its name. Returns the index of the name's new
 * last token (`last` when nothing follows): «المختصة», then a construct such as «بقضايا» and its
 * definite complement, or a definite domain behind ب («بالجرائم»), then a nisba adjective and, after
 * a definite domain, domains joined with و. `head` is the name's first token.
 */
export function competenceTail(head: Token | undefined, last: number, next: (j: number) => Token | undefined, lastToken?: Token): number {
  if (!head || !variantsOf(head).some((v) => COMPETENCE_HEADS_AR.has(v.key))) return last;
  // The model may have taken «المختصة» in and stopped: go on from the word before it.
  if (lastToken?.arabic === true && lastToken.article && COMPETENT_AR.has(lastToken.key) && next(last + 1)?.norm.startsWith('ب') === true) {
    const end = competenceTail(head, last - 1, (j) => (j === last ? lastToken : next(j)));
    return end > last ? end : last;
  }
  const adj = next(last + 1);
  const what = next(last + 2);
  if (!adj?.arabic || !adj.article || !COMPETENT_AR.has(adj.key) || !what?.arabic || !what.norm.startsWith('ب') || what.norm.length < 4) return last;
  const domain = what.norm.startsWith('بال');
  const key = keyOf(what.norm.slice(1));
  let end = last + 2;
  if (domain) {
    if (!COMPETENCE_DOMAINS_AR.has(key)) return last;
  } else {
    const object = next(end + 1);
    if (!COMPETENCE_CONSTRUCTS_AR.has(key) || !object?.arabic || !object.article || !object.norm.startsWith('ال')) return last;
    end++;
  }
  if (isNisbaAdjective(next(end + 1))) end++;
  // «المعني بالمخدرات والجريمة»: domains joined with و.
  for (let k = 0; k < 2 && domain; k++) {
    const joined = next(end + 1);
    if (!joined?.norm.startsWith('وال') || !COMPETENCE_DOMAINS_AR.has(keyOf(joined.norm.slice(1)))) break;
    end++;
  }
  return end;
}

/**
 * «هيئة النزاهة المتهمين»: a definite masculine plural (not a nisba's ـيين) written apart after a
 * definite feminine complement cannot belong to the name (no adjective of that noun has that
 * form): it is the verb's object. «جماعة الإخوان المسلمين» keeps its plural (after a plural).
 */
export function isPluralObjectAfter(complement: Token | undefined, t: Token | undefined): boolean {
  return complement?.arabic === true && t?.arabic === true && complement.article && complement.key.endsWith('ه') && !PEOPLE_IN_A_AR.has(complement.key) && t.norm.startsWith('ال') && t.key.length >= 5 && /[^ي][يو]ن$/u.test(t.key);
}

/** Plurals of people that end like a feminine noun: their adjectives are plural («رابطة الأساتذة المتفرغين»). */
const PEOPLE_IN_A_AR = new Set(
  ['أساتذة', 'طلبة', 'قضاة', 'دعاة', 'ولاة', 'رعاة', 'سادة', 'قادة', 'حماة', 'ساسة', 'باعة', 'بحارة', 'صيادلة', 'كهنة', 'أئمة', 'غزاة', 'رماة', 'هواة', 'مشاة', 'كتبة', 'عملة', 'جباة', 'مهرة', 'بررة', 'حفظة', 'سعاة', 'قراصنة', 'فراعنة', 'أباطرة', 'جهابذة', 'تلامذة', 'أساقفة', 'بطاركة'].map(keyOf),
);

/**
 * «هيئة» + these is a panel, not a body: the defence team, the bench, the jury, the teaching staff,
 * the editorial board («هيئة الدفاع», «هيئة المحكمة», «هيئة المحلفين», «هيئة التدريس», «هيئة التحرير»);
 * with a nisba after it a body again («هيئة الدفاع المدني»).
 */
const PANEL = keyOf('هيئة');
/** Whether the name at `first` is a panel («هيئة الدفاع», «هيئة المحكمة»), not a body; a nisba after it makes a body again. */
export function isPanel(tokens: readonly Token[], first: number): boolean {
  const head = tokens[first];
  const word = tokens[first + 1];
  if (!head || !word || !word.article || !variantsOf(head).some((v) => !v.article && v.key === PANEL)) return false;
  return NOT_PANEL_COMPLEMENTS_AR.has(word.key) && !NISBA_AR.test(tokens[first + 2]?.key ?? '');
}
const NOT_PANEL_COMPLEMENTS_AR = new Set(['دفاع', 'محكمة', 'محلفين', 'تدريس', 'تحرير', 'مكتب', 'رئاسة'].map(keyOf));
const COURT = keyOf('محكمة');
/** Feminine ordinals and ranks that number or grade a court («محكمة الجنايات الأولى», «محكمة الجنايات الكبرى»). */
const COURT_ORDINALS_AR = new Set(['أولى', 'ثانية', 'ثالثة', 'رابعة', 'خامسة', 'سادسة', 'سابعة', 'ثامنة', 'تاسعة', 'عاشرة', 'كبرى', 'عليا'].map(keyOf));
const GENERAL = keyOf('عام');
const YEAR_GOES_ON_AR = new Set(['ماضي', 'مقبل', 'جاري', 'حالي', 'قادم', 'منصرم', 'سابق', 'دراسي', 'جديد', 'فائت', 'منقضي'].map(keyOf));
/** What a meeting is called for («الجمعية العامة لإصدار القرارات التالية»): a purpose, not a body's ل complement. */
const PURPOSES_AR = new Set(['إصدار', 'إقرار', 'مناقشة', 'اتخاذ', 'انتخاب', 'تعيين', 'موافقة', 'تصويت', 'اعتماد', 'النظر'].map(keyOf));
/**
 * Definite institutions that are a name with a nisba adjective after them: "الجيش الوطني الليبي",
 * "المخابرات العامة المصرية", "القيادة المركزية الأمريكية", "البرلمان الإيراني", "البحرية الأمريكية", "الدرك الملكي",
 * "الحزب الديمقراطي الكردستاني", "التيار الصدري", "البنك المركزي المصري", "الحرس الوطني التونسي".
 * Ministries named without وزارة need a feminine adjective ("الخارجية المصرية", not "وزير الخارجية المصري").
 */
const INSTITUTIONS_AR = new Set(['جيش', 'بحرية', 'قيادة', 'مخابرات', 'استخبارات', 'برلمان', 'شرطة', 'حزب', 'تيار', 'بنك', 'مصرف', 'حرس', 'درك'].map(keyOf));
const MINISTRIES_AR = new Set(['خارجية', 'داخلية', 'دفاع'].map(keyOf));
/** Masculine institutions: a feminine nisba after them describes another noun. */
const MASCULINE_INSTITUTIONS_AR = new Set(['جيش', 'بنك', 'مصرف', 'حزب', 'تيار', 'برلمان', 'حرس', 'درك'].map(keyOf));
/** Titles a ministry's name follows as the minister's («وزير الخارجية السودانية»). */
const MINISTER_WORDS_AR = new Set(['وزير', 'وزيرة', 'وكيل', 'وكيلة'].map(keyOf));
/** Adjectives allowed between such an institution and its nisba ("المخابرات العامة المصرية"). */
const INNER_ADJ_AR = new Set(['عامة', 'عام', 'عليا', 'أعلى'].map(keyOf));
/** Nisba-shaped words that say when, not which ("البرلمان الحالي"). */
export const NOT_NISBA_NAMES_AR: ReadonlySet<string> = new Set(['حالي', 'حاليه', 'ماضي', 'ثاني', 'ثانيه', 'تالي', 'اولي', 'سابقي', 'نظامي', 'رسمي', 'رسميه', 'جوي', 'جويه', 'بري', 'بريه', 'عسكري', 'عسكريه', 'كبري', 'اخري',
  // "التيار الكهربائي" is the electric current, "الحزب الحاكم" has no nisba anyway.
  'كهربائي', 'كهربايي'].map(keyOf));
const NISBA_AR = /(ي|يه)$/;
const HONORIFICS_AR = new Set(['ملك', 'سلطان', 'امير', 'شيخ', 'امام', 'رئيس', 'شهيد', 'مستشار', 'زعيم', 'وزير', 'رئيسة'].map(keyOf));

/**
 * Definite bodies named by an adjective and a complement with ل: "الهيئة العامة للطرق والنقل البري",
 * "المفوضية العليا المستقلة للانتخابات", "الاتحاد العام التونسي للشغل", "الجهاز المركزي للتعبئة
 * العامة والإحصاء", "المديرية العامة للأمن الوطني".
 */
const BODY_HEADS_AR = new Set(
  ['هيئة', 'مؤسسة', 'مفوضية', 'مجلس', 'اتحاد', 'جهاز', 'مركز', 'معهد', 'شركة', 'منظمة', 'لجنة', 'وكالة', 'مصلحة',
    'إدارة', 'صندوق', 'رابطة', 'جمعية', 'نقابة', 'سلطة', 'مديرية', 'بنك', 'مصرف', 'ديوان', 'مرصد', 'مكتب', 'أكاديمية'].map(keyOf),
);
/** The adjectives such a body takes before its complement (a nisba of a country also counts). */
const BODY_ADJ_AR = new Set(
  ['عامة', 'عام', 'وطنية', 'وطني', 'عليا', 'أعلى', 'مركزية', 'مركزي', 'مستقلة', 'مستقل', 'اتحادية', 'اتحادي', 'دولية',
    'دولي', 'عربية', 'عربي', 'ملكية', 'ملكي', 'إقليمية', 'إقليمي', 'أهلية', 'أهلي', 'قومية', 'قومي'].map(keyOf),
);
/** Adjectives without the nisba ending that continue such a name ("للقوات المسلحة", "والمناطق الحرة"). */
const BODY_TAIL_ADJ_AR = new Set(
  ['خاص', 'خاصة', 'حر', 'حرة', 'مسلح', 'مسلحة', 'عاملة', 'أحمر', 'أخضر', 'أبيض', 'جديد', 'جديدة', 'متحدة', 'متحد', 'مستدامة', 'متجددة', 'نظيفة', 'ثقيلة', 'صغيرة', 'متوسطة', 'كبرى',
    'شامل', 'شاملة', 'موحد', 'موحدة'].map(keyOf),
);
/** Every adjective that continues such a name after its complement. */
const BODY_ALL_ADJ_AR = new Set([...BODY_ADJ_AR, ...BODY_TAIL_ADJ_AR]);
/** Definite words that end such a name rather than continue it: days, times, relatives. */
const BODY_STOP_AR = new Set(
  ['أحد', 'اثنين', 'ثلاثاء', 'أربعاء', 'خميس', 'جمعة', 'سبت', 'يوم', 'ماضي', 'مقبل', 'حالي', 'تي', 'ذي', 'ذين', 'لتي', 'لذي', 'أسبوع', 'شهر', 'عام', 'سنة',
    // «انتخابات مجلس المستشارين المقبلة»: the feminine times agree with what the body's name is in.
    'مقبلة', 'ماضية', 'حالية', 'قادمة', 'قادم', 'منصرم', 'منصرمة', 'سابقة', 'مرتقبة', 'مرتقب',
    // «مركز الوكرة الصحي التابع لمؤسسة …»: what the body belongs to follows.
    'تابع', 'تابعة'].map(keyOf),
);

const COUNCIL = keyOf('مجلس');
const MINISTERS = keyOf('وزراء');

/** Definite words that never continue a body's name after its head: ranks and ordinals. */
const AFTER_BODY_AR = new Set(
  ['فريق', 'لواء', 'عميد', 'عقيد', 'مشير', 'اول', 'ثاني', 'ثالث', 'رابع', 'خامس', 'عاشر', 'عشرين', 'ثلاثين', 'اربعين', 'خمسين'].map(keyOf),
);
/**
 * What a chamber or council passes or rejects, after its complement («أقر مجلس الشيوخ المشروع»,
 * «رفض مجلس النواب القانون»); as the complement itself they may name a body («مجلس الحكومة»).
 */
const OBJECTS_AFTER_BODY_AR = new Set(
  ['مشروع', 'قانون', 'اتفاق', 'قرار', 'تعديل', 'تعديلات', 'مقترح', 'اقتراح', 'طلب', 'تقرير', 'بيان', 'نص', 'ملف', 'موازنة'].map(keyOf),
);

/**
 * Whether the name at `first` is a ministry written as a minister's portfolio: «وزير الخارجية
 * الأميركي», «وزيرة الخارجية الأميركية» (a title, not the ministry).
 */
export function isMinistersPortfolio(tokens: readonly Token[], first: number): boolean {
  const head = tokens[first];
  const prev = tokens[first - 1];
  return head !== undefined && prev !== undefined && head.article && MINISTRIES_AR.has(head.key) && variantsOf(prev).some((v) => MINISTER_WORDS_AR.has(v.key));
}

/** An Arabic word that is only an institution noun ("المنظمة", "للمنظمة"): never a name alone. */
export function isGenericOrgHead(token: Token): boolean {
  return token.arabic && variantsOf(token).some((v) => ORG_HEADS_AR.has(v.key));
}

/**
 * Precision-first organisation cues for names missing from the KB. English: an organisation
 * noun written in lower case followed by one to four capitalised words ("company Energoatom").
 * Arabic: a ministry-like head without clitics or article, one or two definite nouns and an
 * optional nisba adjective ("وزارة النفط العراقية", "هيئة الأوراق المالية").
 */
export function findCuedOrgs(
  tokens: readonly Token[],
  covered: ReadonlySet<number>,
  joinable: (a: Token, b: Token) => boolean,
): OrgSpan[] {
  const out: OrgSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || covered.has(i)) continue;
    const found = t.arabic ? (purposeBodyAt(tokens, i, next) ?? arabicAfterHead(i) ?? definiteBodySpan(tokens, i, next) ?? militaryUnitSpan(tokens, i, next) ?? arabicInstitution(i)) : englishAfterNoun(i);
    // «المركز اليمني التنفيذي للتعامل مع الألغام»: a complement that takes its object through a
    // preposition; «هيئة الفجيرة للبيئة»: a field after the name.
    const span = found && t.arabic ? { ...found, last: fieldComplementTail(found.first, prepositionalObjectTail(found.first, found.last, tokens, next), tokens, next) } : found;
    if (span) {
      out.push(span);
      i = span.last;
    }
  }
  return out;

  function next(j: number): Token | undefined {
    const a = tokens[j - 1];
    const b = tokens[j];
    return a && b && !covered.has(j) && joinable(a, b) ? b : undefined;
  }

  function englishAfterNoun(i: number): OrgSpan | null {
    const noun = tokens[i];
    if (!noun || noun.cap || !ORG_NOUNS_EN.has(noun.key)) return null;
    let j = i + 1;
    while (j - i <= 4) {
      const t = next(j);
      // "central bank Governor Fatih Karahan": a title after the noun opens a person's name.
      if (!t || t.arabic || !/^\p{Lu}/u.test(t.text) || NOT_ORG_EN.has(t.key) || isEnglishTitle(t)) break;
      j++;
    }
    const first = tokens[i + 1];
    return first && j > i + 1 ? { first: i + 1, last: j - 1, start: first.start } : null;
  }

  function arabicInstitution(i: number): OrgSpan | null {
    return institutionSpan(tokens, i, next, joinable);
  }

  function arabicAfterHead(i: number): OrgSpan | null {
    const head = tokens[i];
    const reading = head && variantsOf(head).find((v) => !v.article && MINISTRY_HEADS_AR.has(v.key));
    if (!head || !reading) return null;
    let j = i + 1;
    // «جهاز مكافحة الإرهاب», «هيئة تنظيم الاتصالات»: what the body does, then its definite object,
    // and nothing more but adjectives (the verb's object follows: «هيئة مكافحة الفساد المتهمين»).
    // Not a government's duty («من واجب أي حكومة حماية المدنيين»).
    const task = next(i + 1);
    const object = next(i + 2);
    const duty = reading.key === GOVERNMENT || ANY_EVERY_AR.has(tokens[i - 1]?.key ?? '');
    const tasked = !duty && task !== undefined && object !== undefined && task.arabic && !task.article && !task.norm.startsWith('ال') && TASKS_AR.has(task.key) && object.arabic && object.article && !NOT_COMPLEMENTS_AR.has(object.key);
    if (tasked) j = i + 3;
    // «قيادة» names a command only with these («قيادة العمليات المشتركة»); «قيادة السيارة» is driving.
    if (reading.key === COMMAND_HEAD && !(next(i + 1)?.article === true && COMMAND_COMPLEMENTS_AR.has(next(i + 1)?.key ?? ''))) return null;
    while (!tasked && j - i <= 3) {
      const t = next(j);
      // A definite noun, or one joined with و ("وزارة الاقتصاد والتجارة"). The first may look like
      // a nisba ("وزارة الخارجية القطرية": الخارجية is the ministry's name, القطرية its adjective).
      // «الري» keeps its article in the key (the stem is too short to strip), and is definite too.
      const definite = t?.arabic === true && (t.article || (t.norm.startsWith('ال') && t.norm.length >= 4) || (j > i + 1 && isJoinedNoun(t)));
      if (!t || !definite || (j > i + 1 && (NISBA_AR.test(t.key) || isJoinedBodyHead(t)))) break;
      // The sentence going on: a time ("مجلس الشورى الأسبوع المقبل"), a rank ("مجلس السيادة الفريق
      // البرهان"), an ordinal ("مجلس النواب الأربعين").
      if (BODY_STOP_AR.has(t.key) || AFTER_BODY_AR.has(t.key)) break;
      // After the complement: what the body passes, where a party stands («حزب الحرية المعارض»),
      // and forces or agencies joined with و («وزارة الداخلية والأجهزة الأمنية»).
      // A title opens the next person («رئيس جامعة الزقازيق الدكتور …»); a definite plural in ـات
      // written apart is the verb's object («قدمت وزارة الأوقاف المساعدات»).
      if (j > i + 1 && (OBJECTS_AFTER_BODY_AR.has(t.key) || STANCE_ADJ_AR.has(t.key) || isJoinedForcesNoun(t) || isArabicTitle(t) || (t.article && /[^ي]ات$/u.test(t.key)) || isPluralObjectAfter(tokens[j - 1], t))) break;
      if (j === i + 1 && (NOT_COMPLEMENTS_AR.has(t.key) || (reading.key === PANEL && NOT_PANEL_COMPLEMENTS_AR.has(t.key) && !NISBA_AR.test(next(j + 1)?.key ?? '')) || (NISBA_AR.test(t.key) && !MINISTRIES_AR.has(t.key) && !MINISTRY_HEADS_AR.has(reading.key)))) break;
      j++;
    }
    // "جامعة الملك فهد": a name follows the honorific; the model finds the whole of it.
    if (j === i + 1 || HONORIFICS_AR.has(tokens[j - 1]?.key ?? '')) return null;
    // «مجلس الوزراء» is the cabinet in general, and «رئيس مجلس الوزراء» a title: a name only with
    // the country's nisba after it, and never after a title word.
    const cabinet = j === i + 2 && reading.key === COUNCIL && tokens[i + 1]?.key === MINISTERS;
    if (cabinet && (isArabicTitle(tokens[i - 1]) || !(next(j)?.article === true && NISBA_AR.test(next(j)?.key ?? '')))) return null;
    // The adjective agrees with the head: "مجلس السيادة الانتقالي", "وزارة النفط العراقية", not
    // "(جلسة) مجلس الوزراء الأسبوعية".
    const adj = next(j);
    const feminine = reading.key.endsWith('ه');
    // A masculine one after a feminine head describes the complement ("وزارة الحكم المحلي", "وزارة
    // التعليم العالي"): only the adjectives such complements take, never "(تقرير) وزارة الصحة اليومي".
    // A nationality is part of the name whichever noun it agrees with («هيئة الهلال الأحمر السعودي»),
    // unless a title stands before the body: then it is the title's («المتحدث باسم وزارة الخارجية
    // الإيراني», «رئيس هيئة الأركان الإسرائيلي»).
    const before = tokens[i - 1];
    const titled = before !== undefined && (isArabicTitle(before) || variantsOf(before).some((v) => TITLE_OF_BODY_AR.has(v.key)));
    // «جهاز الرقابة المالية»: a feminine adjective after a masculine head and its one feminine
    // complement describes the complement, inside the name.
    const complementsAdj = !feminine && j === i + 2 && tokens[i + 1]?.key.endsWith('ه') === true && adj?.key.endsWith('يه') === true && !isNationality(adj);
    const agrees = adj !== undefined && (adj.key.endsWith('يه') === feminine || complementsAdj || (feminine && COMPLEMENT_ADJ_AR.has(adj.key)) || (isNationality(adj) && !titled));
    // «مديرية الأمن العام», «النائب العام»: «العام» is "general" unless the year goes on («العام المقبل»).
    const yearAfter = next(j + 1);
    const general = adj?.key === GENERAL && !YEAR_GOES_ON_AR.has(yearAfter?.key ?? '') && !/^\p{Nd}/u.test(yearAfter?.text ?? '');
    const adjTaken = adj !== undefined && adj.arabic && adj.article && ((NISBA_AR.test(adj.key) && adj.key.length >= 4) || general) && agrees && !(j > i + 1 && STANCE_ADJ_AR.has(adj.key));
    // «تولى العميد قيادة الأمن في المحافظة» is leading: a command's name has its adjective («قيادة الأمن الداخلي»).
    if (reading.key === COMMAND_HEAD && !adjTaken) return null;
    if (adjTaken) {
      j++;
      // «جهاز الأمن الوطني العراقي»: the country's nisba after the complement's adjective.
      const country = next(j);
      if (country && country.article && isNationality(country) && !isNationality(adj) && !titled) j++;
    }
    // «محكمة الجنايات الأولى»: a court's number is part of its name.
    const ordinal = next(j);
    if (reading.key === COURT && j > i + 1 && ordinal?.article === true && COURT_ORDINALS_AR.has(ordinal.key)) j++;
    // Then nouns joined with و and their adjectives: "وزارة الموارد البشرية والتنمية الاجتماعية",
    // "وزارة الكهرباء والماء والطاقة المتجددة"; not after a nationality, which ends the name.
    const end = tokens[j - 1];
    if (end && !isNationality(end) && (isJoinedNoun(next(j)) || isJoinedNoun(end) || joinedTaskAt(j, next) > 0)) {
      j = complementTail(j, next, { adjectives: BODY_ALL_ADJ_AR, stops: BODY_STOP_AR, nationalityEnds: true }) + 1;
    }
    j = purposeTail(i, competenceTail(head, j - 1, next, tokens[j - 1]), tokens, next) + 1;
    // «هيئة النزاهة المختصة (بملفات …)»: the adjective alone names nothing.
    if (j - 1 > i + 1 && isCompetentAdjective(tokens[j - 1])) j--;
    return { first: i, last: j - 1, start: head.start + reading.skip };
  }
}

/**
 * Where a party or movement stands, after its name: a description, not part of it («حزب
 * الكونفدرالية اليميني», «حزب الحرية المعارض»). Bare, the name may hold one («الحزب اليميني»).
 */
const STANCE_ADJ_AR = new Set(['يميني', 'يمينية', 'يساري', 'يسارية', 'متطرف', 'متطرفة', 'معارض', 'معارضة', 'حاكم', 'حاكمة', 'متشدد', 'متشددة'].map(keyOf));

/** "Belonging to", after a body or facility: what it belongs to follows, outside its name. */
const BELONGING_AR = new Set(['تابع', 'تابعة'].map(keyOf));
/** Whether a name's last token is «التابع»/«التابعة» («مركز الوكرة الصحي التابع لمؤسسة …»). */
export function endsWithBelonging(t: Token | undefined): boolean {
  return t !== undefined && t.arabic && t.article && BELONGING_AR.has(t.key);
}

/** Words that make the body after them part of a title («المتحدث باسم …», «مدير مكتب …», «الأمين العام لـ…»). */
const TITLE_OF_BODY_AR = new Set(['باسم', 'مدير', 'مديرة', 'مكتب', 'عام', 'امين', 'رئيس', 'رئيسة', 'نائب', 'وكيل', 'سفير', 'مندوب', 'ممثل'].map(keyOf));

/** Masculine nisba adjectives of a ministry's complement ("الحكم المحلي", "التعليم العالي", "الأمن الداخلي", "الدفاع المدني"). */
const COMPLEMENT_ADJ_AR = new Set(
  ['محلي', 'عالي', 'فني', 'داخلي', 'خارجي', 'اجتماعي', 'صحي', 'زراعي', 'صناعي', 'مالي', 'اقتصادي', 'وطني', 'رقمي', 'تقني', 'مهني', 'بحري', 'ريفي', 'بيئي', 'سياحي', 'ثقافي', 'اعلامي', 'نفطي', 'معدني', 'تجاري', 'اداري', 'قضائي', 'شرعي', 'دستوري', 'جنائي', 'مدني',
    'عام', 'كهربائي', 'نووي', 'مائي', 'جمركي', 'ضريبي', 'غذائي', 'سكاني',
    // «منظمة المؤتمر الإسلامي», «هيئة الحشد الشعبي», «هيئة التصنيع العسكري», «وزارة الأمن الوطني».
    'إسلامي', 'عربي', 'دولي', 'شعبي', 'قومي', 'ديمقراطي', 'عسكري', 'أمني', 'سياسي', 'علمي', 'طبي', 'إنساني', 'جوي', 'عقاري', 'خليجي',
    // «وزارة التغير المناخي والبيئة» (blind37).
    'مناخي'].map(keyOf),
);

/**
 * Every definite institution with its nisba adjectives in the text (`institutionSpan`), before any
 * other mention is known: the tagger lets such a name win over a shorter KB name inside it
 * ("الحزب الديمقراطي الكردستاني" is not "الحزب الديمقراطي", the US party).
 */
export function findArabicInstitutions(tokens: readonly Token[], joinable: (a: Token, b: Token) => boolean): OrgSpan[] {
  const next = (j: number): Token | undefined => {
    const a = tokens[j - 1];
    const b = tokens[j];
    return a && b && joinable(a, b) ? b : undefined;
  };
  const out: OrgSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const found = tokens[i]?.arabic ? (definiteBodySpan(tokens, i, next) ?? institutionSpan(tokens, i, next, joinable)) : null;
    // «المركز اليمني التنفيذي للتعامل مع الألغام»: a complement that takes its object through a preposition.
    const span = found ? { ...found, last: prepositionalObjectTail(found.first, found.last, tokens, next) } : null;
    if (span) {
      out.push(span);
      i = span.last;
    }
  }
  return out;
}

/**
 * A definite body (BODY_HEADS_AR), one to three definite adjectives (BODY_ADJ_AR or a nisba), a
 * complement with ل («للطرق», or «لمكافحة» before a definite noun), then definite words and «وال…»
 * ones (up to six): "الهيئة العامة لمكافحة الفساد", "المجلس الوطني للجهات والأقاليم". Never right
 * after another definite word (then it is a phrase inside a longer one).
 */
/** Military units named by their number: division, brigade, battalion, corps, and «المنطقة العسكرية». */
const UNITS_AR = new Set(['فرقة', 'لواء', 'كتيبة', 'فيلق'].map(keyOf));
const MILITARY_REGION = keyOf('منطقة');
const MILITARY = keyOf('عسكرية');
/** Ordinals, masculine and feminine (folded keys), first to twentieth. */
const ORDINALS_AR = new Set(
  ['أول', 'أولى', 'ثاني', 'ثانية', 'ثالث', 'ثالثة', 'رابع', 'رابعة', 'خامس', 'خامسة', 'سادس', 'سادسة', 'سابع', 'سابعة', 'ثامن', 'ثامنة', 'تاسع', 'تاسعة', 'عاشر', 'عاشرة',
    'حادي', 'حادية', 'عشر', 'عشرة', 'عشرين'].map(keyOf),
);
/** Words that show soldiers nearby (folded keys, article stripped). */
const MILITARY_CONTEXT_AR = new Set(['جيش', 'قوات', 'عسكريون', 'جنود', 'مشاة', 'مدرعة', 'معارك', 'مسلحين'].map(keyOf));
/** Words before «الفرقة» that make it a year of study («طلاب الفرقة الأولى»). */
const STUDENTS_AR = new Set(['طلاب', 'طالب', 'طالبات', 'طالبة', 'طلبة'].map(keyOf));
/** What a unit is, after its number: «الفرقة الخامسة مشاة», «اللواء الرابع مدرع». */
const UNIT_ARMS_AR = new Set(['مشاة', 'مدرع', 'مدرعة', 'مدرعه', 'آلي', 'آلية', 'مشاه'].map(keyOf));

/**
 * «الفرقة الثامنة», «اللواء الرابع مدرع», «المنطقة العسكرية الثالثة»: a definite unit word and its
 * ordinal (a one-word ordinal; «الحادي عشر» takes both words), then its arm if written.
 */
function militaryUnitSpan(tokens: readonly Token[], i: number, next: (j: number) => Token | undefined): OrgSpan | null {
  const head = tokens[i];
  if (!head || !head.arabic) return null;
  const reading = variantsOf(head).find((v) => v.article && (UNITS_AR.has(v.key) || v.key === MILITARY_REGION));
  if (!reading) return null;
  let j = i + 1;
  if (reading.key === MILITARY_REGION) {
    if (next(j)?.key !== MILITARY || next(j)?.article !== true) return null;
    j++;
  }
  const ordinal = next(j);
  if (!ordinal || !ordinal.article || !ORDINALS_AR.has(ordinal.key)) return null;
  // «الحادي عشر», «الثانية عشرة»: the tens word belongs to the number.
  const tens = next(j + 1);
  if (tens && !tens.article && ORDINALS_AR.has(tens.key)) j++;
  const arm = next(j + 1);
  if (arm && !arm.article && UNIT_ARMS_AR.has(arm.key)) j++;
  // «طلاب الفرقة الأولى» are first-year students, «الفرقة الأولى» a band: a unit only among soldiers.
  let military = arm !== undefined && UNIT_ARMS_AR.has(arm.key);
  if (variantsOf(tokens[i - 1] ?? head).some((v) => STUDENTS_AR.has(v.key))) return null;
  for (let k = Math.max(0, i - 8); k <= j + 8 && !military; k++) military = MILITARY_CONTEXT_AR.has(tokens[k]?.key ?? '');
  return military ? { first: i, last: j, start: head.start + reading.skip } : null;
}

function definiteBodySpan(tokens: readonly Token[], i: number, next: (j: number) => Token | undefined): OrgSpan | null {
  const head = tokens[i];
  const reading = head && variantsOf(head).find((v) => v.article && BODY_HEADS_AR.has(v.key));
  if (!head || !reading) return null;
  const prev = tokens[i - 1];
  if (prev && prev.arabic && prev.article && next(i) === head) return null;
  let j = i + 1;
  while (j - i <= 3) {
    const t = next(j);
    const adjective = t !== undefined && t.arabic && t.article && (BODY_ADJ_AR.has(t.key) || (NISBA_AR.test(t.key) && t.key.length >= 4 && !NOT_NISBA_NAMES_AR.has(t.key)));
    if (!adjective) break;
    j++;
  }
  if (j === i + 1) return null;
  const complement = next(j);
  if (!complement || !complement.arabic) return null;
  const fused = complement.norm.startsWith('لل') && complement.norm.length >= 5;
  // («لتسيير واستغلال الممتلكات»: two tasks sharing their object.)
  const shared = !fused && complement.norm.startsWith('ل') && !complement.article ? sharedObjectTaskAt(j + 1, next) : -1;
  const construct = !fused && complement.norm.startsWith('ل') && !complement.article && (next(j + 1)?.article === true || shared > 0);
  if (!fused && !construct) return null;
  // "المجلس التنفيذي للصندوق" (the Fund's board), "المجلس البلدي للمدينة": a complement that is
  // itself a body or a place noun says whose body it is, not its name.
  const object = variantsOf(complement).find((v) => v.clitics.startsWith('ل'))?.key ?? '';
  if (BODY_HEADS_AR.has(object) || ORG_HEADS_AR.has(object) || NOT_COMPLEMENTS_AR.has(object) || PURPOSES_AR.has(object)) return null;
  // Then adjectives (any nisba, "البري" and "الجوي" too, but not "الحالي") and definite nouns joined
  // with و; a bare definite noun is the sentence going on ("أعلنت المفوضية … للانتخابات النتائج").
  const last = complementTail(shared > 0 ? shared + 1 : j + (construct ? 2 : 1), next, { adjectives: BODY_ALL_ADJ_AR, stops: BODY_STOP_AR, nationalityEnds: false });
  return { first: i, last, start: head.start + reading.skip, complement: j };
}

/**
 * A definite institution and its nisba adjective(s) ("الجيش الوطني الليبي", "الخارجية المصرية",
 * "الدفاع المدني"); never right after another definite word, where it is itself an adjective
 * ("الملاحة البحرية الدولية").
 */
function institutionSpan(
  tokens: readonly Token[],
  i: number,
  next: (j: number) => Token | undefined,
  joinable: (a: Token, b: Token) => boolean,
): OrgSpan | null {
  const head = tokens[i];
  if (!head) return null;
  const reading = variantsOf(head).find((v) => v.article && (INSTITUTIONS_AR.has(v.key) || MINISTRIES_AR.has(v.key)));
  if (!reading) return null;
  const prev = tokens[i - 1];
  if (prev && prev.arabic && prev.article && joinable(prev, head)) return null;
  const ministry = MINISTRIES_AR.has(reading.key);
  // «وزير الخارجية السودانية», «وزيرة الخارجية الأميركية»: the minister's title, not the ministry.
  if (isMinistersPortfolio(tokens, i)) return null;
  const masculine = MASCULINE_INSTITUTIONS_AR.has(reading.key);
  const first = next(i + 1);
  // القيادة alone is "the leadership" ("القيادة الإسرائيلية"): only the central command is a name.
  if (reading.key === keyOf('قيادة') && first?.key !== keyOf('مركزية')) return null;
  // "الدفاع المدني" (civil defence) is the one masculine name of this kind.
  const impliedArticle = reading.clitics.endsWith('لل');
  const start = head.start + reading.skip;
  if (reading.key === keyOf('دفاع') && first?.key === keyOf('مدني') && first.article) return { first: i, last: i + 1, start, impliedArticle };
  let j = i + 1;
  let last = -1;
  while (j - i <= 3) {
    const t = next(j);
    if (!t || !t.arabic || !t.article) break;
    // An adjective must agree with its noun: «متطلبات البنك الرأسمالية» is the bank's capital requirements.
    if (masculine && t.key.endsWith('يه')) break;
    const nisba = NISBA_AR.test(t.key) && t.key.length >= 4 && !NOT_NISBA_NAMES_AR.has(t.key);
    if (nisba && (!ministry || t.key.endsWith('يه'))) last = j;
    else if (!INNER_ADJ_AR.has(t.key) || ministry) break;
    j++;
    if (ministry && last > 0) break;
  }
  if (last < 0) return null;
  // «الحزب الكاميروني للمصالحة الوطنية», «الحزب الديمقراطي الإندونيسي للنضال»: a party's ideal
  // after its adjectives is part of its name.
  const ideal = next(last + 1);
  // Not after a stance («رفض الحزب الشيوعي للتغيير»: the refusal's object).
  const stance = prev !== undefined && prev.arabic && variantsOf(prev).some((v) => STANCES_AR.has(v.key));
  if (PURPOSE_HEADS_AR.has(reading.key) && !stance && ideal?.arabic === true && ideal.norm.startsWith('لل') && IDEALS_AR.has(keyOf(ideal.norm.slice(2)))) {
    last = complementTail(last + 2, next, { adjectives: new Set<string>(), stops: new Set<string>(), nationalityEnds: false });
  }
  return { first: i, last, start, impliedArticle };
}

/**
 * An apposition after a name that says it is an organisation: ", the country's largest company"
 * (up to five words after the comma, ending at an organisation noun).
 */
export function hasOrgApposition(text: string, tokens: readonly Token[], last: number): boolean {
  const name = tokens[last];
  const det = tokens[last + 1];
  if (!name || !det || !/^\s*,\s*$/.test(text.slice(name.end, det.start))) return false;
  if (det.key !== 'the' && det.key !== 'a' && det.key !== 'an') return false;
  for (let j = last + 2; j <= last + 6; j++) {
    const t = tokens[j];
    const prev = tokens[j - 1];
    if (!t || !prev || !/^[\s'’]*$/.test(text.slice(prev.end, t.start))) return false;
    if (ORG_NOUNS_EN.has(t.key)) return true;
    // The apposition's head comes before any preposition: ", a maritime analyst at consultancy Drewry".
    if (APPOSITION_ENDS_EN.has(t.key)) return false;
  }
  return false;
}

const APPOSITION_ENDS_EN = new Set(['at', 'of', 'for', 'with', 'in', 'from', 'on', 'to', 'by']);

/**
 * «المنظمة الدولية للهجرة واليونيسف»: a name the lexicon holds whole (a body, a place, a country)
 * joined with و is the next name, not a task of the body before it. Cuts an institution's span
 * before it; null when nothing of the name is left but its head.
 */
export function beforeJoinedName<S extends OrgSpan>(span: S, tokens: readonly Token[], isOneWordName: (key: string) => boolean): S | null {
  for (let k = span.first + 1; k <= span.last; k++) {
    const t = tokens[k];
    if (!t?.arabic || !variantsOf(t).some((v) => v.clitics === 'و' && isOneWordName(v.key))) continue;
    return k - 1 > span.first ? { ...span, last: k - 1 } : null;
  }
  return span;
}
