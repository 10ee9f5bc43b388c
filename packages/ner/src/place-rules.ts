import { lineageEnd } from './name-chains.ts';
import { isNationality } from './named-bodies.ts';
import { NOT_NISBA_NAMES_AR } from './org-rules.ts';
import { DAM_VERB_OBJECTS_AR } from './not-names.ts';
import { keyOf, variantsOf, type Token } from './tokenize.ts';

/** A place name made of a descriptor and a name ("معبر رفح", "مطار معيتيقة"); token indexes, inclusive. */
export interface PlaceSpan {
  readonly first: number;
  readonly last: number;
  /** LOC, or ORG for an institution named after a person («جامعة عبد المالك السعدي»). */
  readonly type: 'LOC' | 'ORG';
  /** UTF-16 offset of the name (after Arabic proclitics: "بمعبر رفح" → "معبر رفح"). */
  readonly start: number;
}

/**
 * Arabic descriptors that are part of a place's name when a name follows them without the
 * article on the descriptor: crossing, airport, field, island, camp, strait, gulf, corridor, cape,
 * river, lake, plateau, mountains, valley, islands ("نهر القاش", "بحيرة ناصر", "هضبة الأهرام", "جبال
 * الحجر", "وادي حوران", "جزر فرسان").
 * Not مدينة/حي/منطقة: news names a town or district by the place itself.
 */
const DESCRIPTORS_AR = new Set(['معبر', 'مطار', 'حقل', 'جزيرة', 'جزر', 'مخيم', 'مضيق', 'خليج', 'محور', 'رأس', 'نهر', 'بحيرة', 'هضبة', 'جبال', 'وادي', 'حوض', 'محمية'].map(keyOf));
/** «جزر» is also "ebb" («مد وجزر») and "carrots": islands only before a place found earlier or a definite word. */
const ISLANDS = keyOf('جزر');
/**
 * Military bases, named by a place found earlier and not a country («قاعدة حميميم», «قاعدة
 * الظفرة الجوية»); «قاعدة بيانات», «قاعدة شعبية», «قاعدة ترامب» are no places.
 */
const BASE = keyOf('قاعدة');
/** What a base is, after its place: «قاعدة حماة الجوية», «قاعدة طرطوس البحرية». */
const BASE_KINDS_AR = new Set(['جوية', 'بحرية', 'عسكرية'].map(keyOf));
/**
 * Facilities whose name is a place or a person found earlier ("ملعب محمد الخامس", "مستشفى سوهاج
 * الجامعي", "قصر المرادية", "ميناء صحار", "مرفأ بيروت", "مصفاة الزور"), never a plain word ("ملعب
 * كرة القدم", "مستشفى ميداني"); a nisba adjective after the name belongs to it (الجامعي، التعليمي،
 * الدولي، "ميناء الداخلة الأطلسي"); plants and factories too («معمل الزهراني», a power plant). Ports were left to their town until this was measured: the
 * article sets name 16 of their 23 ports whole, as their annotation brief says of named facilities.
 */
const NAMED_FACILITIES_AR = new Set(
  ['ملعب', 'استاد', 'ستاد', 'مستشفى', 'قصر', 'ميناء', 'مرفأ', 'مصفاة', 'معمل', 'مصنع', 'شارع', 'مسجد', 'جامع', 'كاتدرائية', 'قلعة', 'متحف', 'ضريح', 'هرم', 'برج', 'حلبة'].map(keyOf),
);
/**
 * Institutions named after a person found earlier («جامعة عبد المالك السعدي», «مؤسسة محمد بن راشد»),
 * and brigades and battalions («لواء طارق بن زياد»; with the article «اللواء» is the rank):
 * organisations; «مركز» only with a royal title or what it does («مركز الأمير سعود الفيصل لأبحاث
 * الحياة الفطرية»; «في مركز ميسي» is his position). Not «جائزة» (prizes are no entities) nor «مدرسة»
 * («مدرسة فرويد», a school of thought).
 */
const NAMED_AFTER_PEOPLE_ORG_AR = new Set(['جامعة', 'مؤسسة', 'أكاديمية', 'كلية', 'معهد', 'لواء', 'كتيبة', 'مركز'].map(keyOf));
/**
 * Squares named by a place or a person found earlier («ميدان رمسيس», «ساحة رياض الصلح»), never a
 * country («ساحة إيران», an arena). One named by a plain word («ميدان التحرير») is the KB's, or
 * the model's (`opensWithPlaceHead`): «ساحة المدرسة», «ميدان البحث» are no names.
 */
const SQUARES_AR = new Set(['ميدان', 'ساحة'].map(keyOf));
/**
 * Heads that make a model's organisation or person name a place: squares, plants, ports, airports, stadiums, mosques,
 * castles, hospital buildings. Not museums and palaces, which also speak as institutions («قال
 * قصر الإليزيه»), nor churches («كنيسة المشرق الآشورية»).
 */
const NOT_PLACE_HEADS_AR = new Set(['متحف', 'قصر'].map(keyOf));
const PLACE_HEADS_AR = new Set(
  [...NAMED_FACILITIES_AR, ...SQUARES_AR, ...['مطار', 'معبر', 'مخيم', 'جسر', 'سد', 'حقل'].map(keyOf)].filter((k) => !NOT_PLACE_HEADS_AR.has(k)),
);

/** Whether a word's key is such a head («مطار»): a proclitic before it is no part of the name («بمطار الملك عبدالعزيز»). */
export function isPlaceHeadKey(key: string): boolean {
  return PLACE_HEADS_AR.has(key);
}

/** Whether an Arabic name opens with a place head without the article ("ميدان التحرير", "مطار القاهرة"). */
export function opensWithPlaceHead(t: Token | undefined): boolean {
  return t !== undefined && t.arabic && variantsOf(t).some((v) => !v.article && PLACE_HEADS_AR.has(v.key));
}
/**
 * The heads that make a model's person a place: plants, factories, refineries, stadiums, hospitals,
 * airports, ports («معمل الزهراني»). Not «جامع», «برج» or «قلعة», which are given names too
 * («الشيخ جامع عبد الرحمن»).
 */
const PERSON_PLACE_HEADS_AR = new Set(['معمل', 'مصنع', 'مصفاة', 'ملعب', 'استاد', 'ستاد', 'مستشفى', 'مطار', 'ميناء', 'مرفأ'].map(keyOf));
export function opensWithFacilityHead(t: Token | undefined): boolean {
  return t !== undefined && t.arabic && variantsOf(t).some((v) => !v.article && PERSON_PLACE_HEADS_AR.has(v.key));
}
/**
 * Descriptors that also open common phrases ("رأس المال", "محور المقاومة", "محور تطوير", «حوض
 * السباحة»): only followed by a place or a model name ("خليج العقبة", "محور فيلادلفيا", «حوض سرت»).
 */
const ONLY_BEFORE_PLACES_AR = new Set(['رأس', 'خليج', 'محور', 'حوض'].map(keyOf));
/** Name parts that need the next word ("أبو شوك", "بني سهيلا", "كرم أبو سالم", "حاسي الرمل", "سيدي بوزيد"). */
const PARTICLES_AR = new Set(['أبو', 'ابو', 'أم', 'بني', 'بن', 'عين', 'بئر', 'تل', 'كفر', 'دير', 'خان', 'جبل', 'وادي', 'حاسي', 'سيدي', 'أولاد'].map(keyOf));
/** Whether a key is such a name particle («أم», «أبو», «بني» …). */
export const isNameParticle = (key: string): boolean => PARTICLES_AR.has(key);
/**
 * Facilities named after a ruler ("جسر الملك فهد", "سد الملك طلال", "مطار الملك خالد", "ميناء
 * خليفة بن سلمان"): these descriptors take a royal title and a name, or a person found earlier.
 * Dams and bridges never with a plain word ("سد العجز", closing the deficit; "جسر الهوة"); a port
 * also takes its town (NAMED_FACILITIES_AR).
 */
const NAMED_AFTER_RULERS_AR = new Set(['سد', 'جسر', 'ميناء', 'مطار', 'حقل', 'مضيق', 'جزيرة', 'شارع', 'طريق', 'محمية'].map(keyOf));
const ONLY_AFTER_RULERS_AR = new Set(['سد', 'جسر'].map(keyOf));
/** A road only by a ruler's name ("طريق الملك عبدالله"), never after «عن» ("عن طريق", "by way of"). */
const ROAD = keyOf('طريق');
const BY_WAY_OF = keyOf('عن');
const DAM = keyOf('سد');
/** An airport keeps the nisba after its name ("مطار الخرطوم الدولي", "مطار معيتيقة الدولي"). */
const AIRPORT = keyOf('مطار');
const RESERVE = keyOf('محمية');
const CENTRE = keyOf('مركز');
const INTERNATIONAL = keyOf('دولي');
const RULER_TITLES_AR = new Set(['ملك', 'امير', 'شيخ', 'سلطان', 'امام'].map(keyOf));
/**
 * Common complements of the descriptors ("حقل النفط", "مخيم اللاجئين", "مطار العاصمة"): not names.
 * Adjectives ending in the nisba ("معبر حدودي", "مطار الدولي") are refused by their ending.
 */
const NOT_PLACE_NAMES_AR = new Set(
  ['نفط', 'غاز', 'لاجئين', 'نازحين', 'عاصمة', 'مدينة', 'بلدة', 'قرية', 'منطقة', 'ولاية', 'محافظة', 'بلاد', 'دولة',
    'كبير', 'كبيرة', 'صغير', 'صغيرة', 'جديد', 'جديدة', 'قديم', 'قديمة', 'آخر', 'أخرى', 'واحد', 'واحدة', 'رئيسي',
    'ألغام', 'مقاومة', 'شر', 'وسط', 'حدود', 'قمح', 'ذرة', 'تدريب', 'إيواء', 'صيف',
    'عبور', 'ركاب', 'بضائع', 'إنتاج', 'تجارب', 'يوم', 'عام', 'شهر', 'الذي', 'التي', 'هذا', 'هذه', 'ذلك', 'تلك',
    // «وادٍ عميق», «جزر عدة»: adjectives and quantities after a descriptor.
    'عميق', 'سحيق', 'ضيق', 'واسع', 'جاف', 'خصيب', 'منخفض', 'عدة', 'بين', 'كثيرة', 'صغيرة', 'نائية'].map(keyOf),
);
const NISBA_AR = /(ي|يه|يين|يون|يات)$/;
/** Adjectives that end a facility's name like a nisba: «ملعب الحسن الثاني الكبير», «المسجد الكبير». */
const SIZE_ADJ_AR = new Set(['كبير', 'جديد', 'عام'].map(keyOf));
/** «العام» after a facility is "general" («مستشفى حمد العام»), unless the year goes on («… العام الماضي»). */
const YEAR = keyOf('عام');
const YEAR_ADJ_AR = new Set(['ماضي', 'مقبل', 'جاري', 'حالي', 'قادم', 'منصرم', 'سابق', 'دراسي', 'هجري', 'ميلادي', 'فائت', 'منقضي'].map(keyOf));
/** Nouns of people that end like a nisba but never describe a place ("مرفأ بيروت القاضي طارق البيطار"). */
const NISBA_LIKE_PEOPLE_AR: ReadonlySet<string> = new Set(['قاضي', 'محامي', 'مدعي', 'والي', 'جاني', 'راعي', 'ساعي', 'داعي', 'حامي', 'رامي'].map(keyOf));
/** Compass words name a place only with the article ("حقل الشمال" = North Field, not "حقل شمال البلاد"). */
const COMPASS_AR = new Set(['شمال', 'جنوب', 'شرق', 'غرب'].map(keyOf));

/** A mention found earlier, as token indexes (inclusive). */
export interface TokenMention {
  readonly first: number;
  readonly last: number;
  readonly type: string;
  readonly entityId?: string | null;
}

/**
 * Arabic names that include their descriptor: places (one LOC mention, "معبر رفح", not a descriptor
 * then the town): the descriptor without the article (proclitics allowed), then either a mention
 * found earlier that starts on the next word (a place, or a model name such as "أبو شوك"), or one
 * word that is not a common complement nor a nisba adjective, extended over name particles ("كرم
 * أبو سالم", "بني سهيلا"). "رأس", "خليج" and "محور" only take a name found earlier ("خليج العقبة").
 * Facilities and squares take a place or person found earlier; and institutions named after a
 * person found earlier are organisations (`type` ORG: «جامعة عبد المالك السعدي»).
 * `locked` are tokens of KB/title/organisation mentions the rule must not cut into.
 */
export function findDescribedPlaces(
  tokens: readonly Token[],
  mentions: readonly TokenMention[],
  locked: ReadonlySet<number>,
  joinable: (a: Token, b: Token) => boolean,
): PlaceSpan[] {
  const startsAt = new Map<number, TokenMention>();
  const inside = new Set<number>();
  for (const m of mentions) {
    startsAt.set(m.first, m);
    for (let k = m.first; k <= m.last; k++) inside.add(k);
  }
  const out: PlaceSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const d = tokens[i];
    if (!d || !d.arabic || inside.has(i)) continue;
    const reading = variantsOf(d).find(
      (v) =>
        !v.article &&
        (DESCRIPTORS_AR.has(v.key) || v.key === BASE || ONLY_AFTER_RULERS_AR.has(v.key) || NAMED_FACILITIES_AR.has(v.key) || SQUARES_AR.has(v.key) || NAMED_AFTER_PEOPLE_ORG_AR.has(v.key) || v.key === ROAD),
    );
    const nextTok = tokens[i + 1];
    if (!reading || !nextTok || !joinable(d, nextTok)) continue;
    const after = startsAt.get(i + 1);
    const rulers = NAMED_AFTER_RULERS_AR.has(reading.key) && !(reading.key === ROAD && tokens[i - 1]?.key === BY_WAY_OF);
    let last = -1;
    if (NAMED_AFTER_PEOPLE_ORG_AR.has(reading.key)) {
      // (A royal title may stand before the person: «مركز الأمير سعود الفيصل لأبحاث الحياة الفطرية».)
      const titled = nextTok.article && RULER_TITLES_AR.has(nextTok.key) && tokens[i + 2] !== undefined && joinable(nextTok, tokens[i + 2] as Token) ? startsAt.get(i + 2) : undefined;
      const person = after?.type === 'PER' ? after : titled?.type === 'PER' ? titled : undefined;
      if (!person || !joinable(d, nextTok)) continue;
      last = withNisba(person.last);
      const named = last;
      // What it does: a word behind «لل» ("مؤسسة محمد بن راشد آل مكتوم للمعرفة"), or behind «ل»
      // with a definite object («مركز الأمير سعود الفيصل لأبحاث الحياة الفطرية»).
      const what = tokens[last + 1];
      const end = tokens[last];
      const purpose = what && end && what.arabic && what.norm.startsWith('ل') && what.norm.length >= 5 && !locked.has(last + 1) && !inside.has(last + 1) && joinable(end, what) ? what : undefined;
      if (purpose?.norm.startsWith('لل')) last = withNisba(last + 1);
      else if (purpose) {
        const object = tokens[last + 2];
        if (object?.arabic === true && object.article && !locked.has(last + 2) && !inside.has(last + 2) && joinable(purpose, object)) last = withNisba(last + 2);
      }
      // «مركز» is also a player's position («يلعب في مركز ميسي»): a centre only with a title or what it does.
      if (reading.key === CENTRE && !titled && last === named) continue;
      out.push({ first: i, last, start: d.start + reading.skip, type: 'ORG' });
      i = last;
      continue;
    }
    if (reading.key === ROAD && !(rulers && nextTok.article && RULER_TITLES_AR.has(nextTok.key))) continue;
    if (rulers && nextTok.article && RULER_TITLES_AR.has(nextTok.key) && !locked.has(i + 1)) {
      const name = tokens[i + 2];
      // The ruler the KB knows («مطار الأمير نايف بن عبد العزيز») is part of the facility's name.
      const ruler = startsAt.get(i + 2);
      if (!name || !name.arabic || !joinable(nextTok, name)) continue;
      if (ruler?.type === 'PER') last = withNisba(lineageEnd(tokens, ruler.last, (k) => !locked.has(k), joinable));
      else if (locked.has(i + 2)) continue;
      else last = withNisba(lineageEnd(tokens, i + 2, (k) => !locked.has(k), joinable));
    } else if (reading.key === DAM && damName(i + 1, after)) {
      // "سد النهضة", "سد الروصيرص", "سد الموصل": a dam by its name or its place; "سد العجز" and
      // "سد فجوة" (filling a deficit, a gap) are the verb.
      last = after ? after.last : i + 1;
    } else if (reading.key === BASE) {
      // «قاعدة الظفرة الجوية»: a definite name the rules do not know, said to be a base by its kind.
      const named = tokens[i + 1];
      const kindAfterName = tokens[i + 2];
      if (!after && named?.article === true && kindAfterName?.article === true && BASE_KINDS_AR.has(kindAfterName.key) && !locked.has(i + 1) && !locked.has(i + 2) && !inside.has(i + 2) && joinable(named, kindAfterName)) {
        last = i + 2;
      } else {
        if (after?.type !== 'LOC' || /^loc:[A-Z]{3}$/u.test(after.entityId ?? '')) continue;
        const kind = tokens[after.last + 1];
        const kindJoined = kind !== undefined && !locked.has(after.last + 1) && !inside.has(after.last + 1) && joinable(tokens[after.last] as Token, kind);
        // «قاعدة بيروت الانتخابية», «قاعدة غزة الشعبية»: a base of voters or supporters.
        if (kindJoined && kind.article && NISBA_AR.test(kind.key) && !BASE_KINDS_AR.has(kind.key)) continue;
        last = kindJoined && kind.article && BASE_KINDS_AR.has(kind.key) ? after.last + 1 : after.last;
      }
    } else if (ONLY_AFTER_RULERS_AR.has(reading.key)) {
      if (after?.type !== 'PER') continue;
      last = after.last;
    } else if (NAMED_FACILITIES_AR.has(reading.key)) {
      if (after?.type !== 'PER' && after?.type !== 'LOC') continue;
      last = withNisba(after.last);
    } else if (SQUARES_AR.has(reading.key)) {
      // «ساحة إيران» is an arena for Iran («لن يكون ساحة إيران»), not a square.
      if (!after || (after.type !== 'PER' && after.type !== 'LOC') || /^loc:[A-Z]{3}$/u.test(after.entityId ?? '')) continue;
      last = after.last;
    } else if (after) {
      const place = after.type === 'LOC';
      if (after.type === 'ORG' || (ONLY_BEFORE_PLACES_AR.has(reading.key) && !place)) continue;
      last = reading.key === AIRPORT ? withNisba(after.last) : after.last;
    } else if (reading.key === ISLANDS) {
      const t = tokens[i + 1];
      if (!t || !t.arabic || !t.article || locked.has(i + 1) || !plausible(t)) continue;
      last = i + 1;
    } else if (!ONLY_BEFORE_PLACES_AR.has(reading.key)) {
      last = nameAfter(i + 1);
      if (last >= 0 && reading.key === AIRPORT) last = Math.max(withNisba(last), internationalAfter(i + 1));
      // A reserve named by its kind and its place goes on through the place («محمية غابات عجلون»).
      const place = last >= 0 && reading.key === RESERVE ? startsAt.get(last + 1) : undefined;
      if (place?.type === 'LOC' && joinable(tokens[last] as Token, tokens[last + 1] as Token)) last = place.last;
    }
    if (last < 0) continue;
    out.push({ first: i, last, start: d.start + reading.skip, type: 'LOC' });
    i = last;
  }
  return out;

  /** The name words from `j` on, or -1: one word, extended over particles and the word after each. */
  function nameAfter(j: number): number {
    const t = tokens[j];
    if (!t || !t.arabic || locked.has(j) || inside.has(j) || !plausible(t)) return -1;
    const ok = (k: number): boolean => {
      const a = tokens[k - 1];
      const b = tokens[k];
      return a !== undefined && b !== undefined && b.arabic && !locked.has(k) && joinable(a, b);
    };
    let last = j;
    while (last - j < 3) {
      const cur = tokens[last];
      if (cur && PARTICLES_AR.has(cur.key)) {
        if (!ok(last + 1)) return -1;
        last += 1;
        continue;
      }
      if (ok(last + 1) && ok(last + 2) && PARTICLES_AR.has(tokens[last + 1]?.key ?? '')) {
        last += 1;
        continue;
      }
      break;
    }
    return PARTICLES_AR.has(tokens[last]?.key ?? '') ? -1 : last;
  }

  /**
   * The facility's name ending at `last` and the nisba adjective after it that belongs to it
   * ("الدولي", "الجامعي", "الأطلسي"), but not a nationality ("مصفاة الدقم العمانية" is Duqm's refinery).
   */
  function withNisba(last: number): number {
    const adj = tokens[last + 1];
    const end = tokens[last];
    const nisba = adj !== undefined && NISBA_AR.test(adj.key) && adj.key.length >= 4 && !isNationality(adj) && !NISBA_LIKE_PEOPLE_AR.has(adj.key) && !NOT_NISBA_NAMES_AR.has(adj.key);
    const after = tokens[last + 2];
    const yearGoesOn = adj?.key === YEAR && after !== undefined && (YEAR_ADJ_AR.has(after.key) || /^\p{Nd}+$/u.test(after.text));
    const takes = adj && end && adj.arabic && adj.article && (nisba || (SIZE_ADJ_AR.has(adj.key) && !yearGoesOn));
    return takes && !locked.has(last + 1) && !inside.has(last + 1) && joinable(end, adj) ? last + 1 : last;
  }

  /**
   * An airport named by two or three words before «الدولي» («مطار ديوري هاماني الدولي», «مطار
   * نغوراه راي الدولي»): the index of «الدولي», else -1.
   */
  function internationalAfter(j: number): number {
    for (let k = j + 1; k <= j + 2; k++) {
      const word = tokens[k];
      const prev = tokens[k - 1];
      if (!word || !prev || !word.arabic || word.article || locked.has(k) || inside.has(k) || !joinable(prev, word)) return -1;
      const adj = tokens[k + 1];
      if (adj && adj.arabic && adj.article && adj.key === INTERNATIONAL && !locked.has(k + 1) && !inside.has(k + 1) && joinable(word, adj)) return k + 1;
    }
    return -1;
  }

  /** Whether a dam's name starts at `j`: a place or person found there, or a definite word that is not what «سد» fills or blocks. */
  function damName(j: number, after: TokenMention | undefined): boolean {
    if (after) return after.type === 'LOC' || after.type === 'PER';
    const t = tokens[j];
    return t !== undefined && t.arabic && t.article && !locked.has(j) && !inside.has(j) && t.key.length >= 3 && !DAM_VERB_OBJECTS_AR.has(t.key) && !NISBA_AR.test(t.key);
  }

  function plausible(t: Token): boolean {
    if (PARTICLES_AR.has(t.key)) return true;
    // A preposition glued on ("مخيم للاجئين") is not a name, nor the next item of a list ("حقل والبدع").
    if (COMPASS_AR.has(t.key) && !t.article) return false;
    if (variantsOf(t).some((v) => v.clitics.startsWith('و') && v.article)) return false;
    return t.key.length >= 3 && !NOT_PLACE_NAMES_AR.has(t.key) && !NISBA_AR.test(t.key) && !t.norm.startsWith('لل');
  }
}

/** English words that, written capitalised, make a model name a place: "North Field", "Ras Laffan". */
const PLACE_LAST_EN = new Set(['field', 'airport', 'crossing', 'strait', 'peninsula', 'camp', 'stadium', 'arena', 'circuit', 'dam', 'reservoir', 'canal', 'refinery', 'observatory', 'telescope',
  // Regions and landforms ("Bekaa Valley", "Kafue Gorge", "Lobito Corridor").
  // Not state, county or district: "Michigan State", "Derby County", "Unified School District" are teams and bodies.
  'province', 'territory', 'governorate', 'prefecture', 'oblast', 'valley', 'gorge', 'river', 'island', 'islands', 'desert', 'corridor',
  // Streets and squares ("Kartavya Path", "Tahrir Square"); not "Park" (a Korean surname) nor "Bridge" (a surname too).
  'path', 'gate', 'square', 'road', 'street', 'avenue', 'boulevard', 'highway',
  // More landforms and places of worship ("Hai Van Pass", "Golan Heights", "St George's Cathedral", "Snell Parade").
  'pass', 'bay', 'cove', 'lagoon', 'glacier', 'plateau', 'heights', 'hills', 'mountains', 'parade', 'esplanade', 'cathedral', 'mosque',
  // Gulf roads and waterfronts ("King Fahd Causeway", "Jeddah Corniche", "Sheikh Mohammed bin Zayed Expressway").
  'causeway', 'corniche', 'expressway', 'motorway', 'freeway',
  // Plants and bases named after a person ("Julius Nyerere Hydropower Station", "Mihail Kogălniceanu Air Base").
  'station', 'base']);
/** Facilities named after a person or a place: the word after the name belongs to it ("Benjamin Mkapa Stadium"). */
const FACILITY_WORDS_EN = new Set(['stadium', 'arena', 'circuit', 'dam', 'reservoir', 'airport', 'refinery', 'observatory',
  // "Julius Nyerere Hydropower Station", "Mihail Kogălniceanu Air Base", "Nelson Mandela Bay".
  'station', 'base', 'bay', 'barrage', 'terminal',
  // "Khalifa Bin Salman Port", "King Fahd Causeway".
  'port', 'causeway']);
/** Whether an English token is a facility word ("Stadium", "Airport"). */
export const isFacilityWordEn = (t: Token | undefined): boolean => t !== undefined && !t.arabic && FACILITY_WORDS_EN.has(t.key);
const PLACE_FIRST_EN = new Set(['ras', 'cape', 'mount', 'lake', 'wadi', 'jebel', 'jabal', 'khor', 'palais']);

/** A capitalised English name whose last or first word says it is a place ("Ghawar Field", "Ras Tanura"). */
export function isEnglishPlaceName(tokens: readonly Token[], first: number, last: number): boolean {
  const a = tokens[first];
  const b = tokens[last];
  if (!a || !b || a.arabic || last <= first || !a.cap || !b.cap) return false;
  return PLACE_LAST_EN.has(b.key) || PLACE_FIRST_EN.has(a.key);
}

/**
 * Spanish and Portuguese words that open a place's name ("Las Bambas", "Sierra Gorda", "Playa
 * Ancha", "Santa Justa"): a name of two words or more the model read as a person's is a place.
 * Not "Rio" (Rio Ferdinand), "Dos" (dos Santos) or "San" (San Martín the general); an organisation
 * keeps them ("Los Angeles Lakers", "Las Palmas").
 */
const PLACE_FIRST_ES = new Set(['las', 'los', 'sierra', 'cerro', 'laguna', 'playa', 'puerto', 'bahía', 'bahia', 'punta', 'ciudad', 'nueva', 'nuevo', 'santa', 'río', 'ría', 'vila', 'arroyo', 'valle', 'campo', 'lomas', 'barra',
  // Arabic place words as English copy writes them ("Suq al-Shuyukh", "Bab al-Zawiya", "Karmat Bani Said", "Tal Afar", "Bir Zeit").
  'suq', 'souq', 'souk', 'bab', 'bir', 'jisr', 'kafr', 'kfar', 'qasr', 'nahr', 'marsa', 'karmat', 'hayy', 'qalaat', 'qalat',
  // "Plaza Huincul", and English openers: "Port Moresby", "Mount Hagen", "Lake Kivu", "Cape Coast", "Fort Portal".
  // (Not "San": "San Martín" is as often the general.)
  'plaza', 'port', 'mount', 'lake', 'cape', 'fort', 'isla']);
/** Of those, the words a person's name may open ("Santa Claus"): a name part after them keeps a person. */
const PERSON_TOO_ES = new Set(['santa', 'vila', 'campo']);
/** Last words that make a person-like name a place ("Isa Town", "Marsden Point"); not for organisations ("Luton Town" is a club). */
const PLACE_LAST_PERSON_EN = new Set(['town', 'point', 'bay', 'beach', 'springs', 'falls', 'heights']);

/**
 * A person's name of two words or more, as the model read it, that opens with such a word, unless
 * its last word is a person's name part (`isNamePart`: "Villa Ortiz", "Santa Claus", "Costa Silva"
 * are people; not "Villa" or "Costa", which are surnames themselves).
 */
export function opensWithSpanishPlaceWord(tokens: readonly Token[], first: number, last: number, isNamePart: (key: string) => boolean = () => false): boolean {
  const a = tokens[first];
  const b = tokens[last];
  if (a === undefined || b === undefined || a.arabic || last <= first || !a.cap || !b.cap) return false;
  const head = a.text.toLowerCase();
  return (PLACE_FIRST_ES.has(head) && !(PERSON_TOO_ES.has(head) && isNamePart(b.key))) || PLACE_LAST_PERSON_EN.has(b.key);
}

/**
 * Arabic place names that open a common phrase with the next word: «مسقط رأسه» ("his birthplace"),
 * not Muscat. Keyed by the place's folded key, the words that make the phrase.
 */
const PLACE_IDIOMS_AR: ReadonlyMap<string, ReadonlySet<string>> = new Map([[keyOf('مسقط'), new Set(['راس', 'راسه', 'راسها', 'راسهم', 'الراس'].map(keyOf))]]);

/** Whether a one-word Arabic place match at `first` is the start of such a phrase. */
export function isPlaceIdiom(tokens: readonly Token[], first: number, last: number): boolean {
  const a = tokens[first];
  const next = tokens[last + 1];
  if (!a?.arabic || first !== last || !next) return false;
  const words = variantsOf(a).map((v) => PLACE_IDIOMS_AR.get(v.key)).find((w) => w !== undefined);
  return words !== undefined && variantsOf(next).some((v) => words.has(v.key));
}

/** Words before a name that make it a natural feature's ("Lake Victoria", "Mount Kenya"). */
const FEATURE_BEFORE_EN = new Set(['lake', 'mount', 'mt', 'cape']);
/** Words after a name that make it a natural feature's ("Zambezi River", "Mekong Delta", "Victoria Falls"). */
const FEATURE_AFTER_EN = new Set(['river', 'valley', 'delta', 'desert', 'basin', 'mountains', 'falls', 'island', 'islands', 'bay',
  'peninsula', 'plateau', 'range', 'canyon', 'glacier', 'highlands', 'hills', 'lagoon', 'shoal', 'reef', 'atoll', 'lake',
  // "Gliwice Canal", "North Sea Canal".
  'canal',
  // "Moro Gulf", "Basilan Strait", "East Sulu Sea".
  'gulf', 'strait', 'straits', 'sea',
  // "Kingston Harbour", "Dubai Creek".
  'harbour', 'harbor', 'creek',
  // "Dunedin Hospital": the gold writes a hospital named by its town whole, 65 times in 65.
  'hospital']);
/** A capitalised English feature word that ends a place's name ("Gulf", "Strait", "River"). */
export function isFeatureAfterEn(token: Token | undefined): boolean {
  return token !== undefined && !token.arabic && /^\p{Lu}/u.test(token.text) && FEATURE_AFTER_EN.has(token.key);
}

/** Words that make "<word> of <place>" the place's own name ("Kingdom of Saudi Arabia", "City of London"). */
const STATE_OF_EN = new Set(['kingdom', 'republic', 'state', 'city', 'province', 'county', 'sultanate', 'emirate', 'principality',
  'duchy', 'commonwealth', 'federation', 'governorate', 'municipality', 'island', 'islands', 'gulf', 'bay', 'sea', 'port', 'strait', 'straits', 'lake', 'isle']);

/**
 * "Kingdom of", "City of" … written before an English place mention (capitalised, joined by "of"):
 * the first token of that longer name of the same place, else -1.
 */
export function stateOfBefore(text: string, tokens: readonly Token[], first: number, free: (k: number) => boolean): number {
  return free(first - 1) && free(first - 2) && ofPhrase(text, tokens, first - 2, STATE_OF_EN) ? first - 2 : -1;
}

/** Whether tokens k, k+1, k+2 read "<Word> of <Name>": a capitalised word of `words`, "of", single spaces. */
function ofPhrase(text: string, tokens: readonly Token[], k: number, words: ReadonlySet<string>): boolean {
  const word = tokens[k];
  const of = tokens[k + 1];
  const head = tokens[k + 2];
  if (!word || !of || !head || word.arabic || head.arabic || !words.has(word.key) || !/^\p{Lu}/u.test(word.text) || of.key !== 'of') return false;
  return text.slice(word.end, of.start) === ' ' && text.slice(of.end, head.start) === ' ';
}

/** Natural features named "<word> of <place>" ("Bay of Bengal", "Gulf of Guinea", "Sea of Japan"). */
const FEATURE_OF_EN = new Set(['bay', 'gulf', 'sea', 'strait', 'straits', 'lake', 'isle']);

/**
 * A capitalised feature word at `k` followed by " of " and a capitalised word: the place `k`
 * opens ("Bay of Bengal"), so the word alone is no place. Returns k + 2 (the name's next word), else -1.
 */
export function stateOfAfter(text: string, tokens: readonly Token[], k: number): number {
  return ofPhrase(text, tokens, k, FEATURE_OF_EN) && /^\p{Lu}/u.test(tokens[k + 2]?.text ?? '') ? k + 2 : -1;
}

/**
 * An English place name with the feature word written before or after it, taken into it: the place
 * "Victoria" (a city) in "Lake Victoria" is the lake; "Delta" (a town) after "Mekong" is the delta.
 * `free(k)`: whether token k belongs to no other mention. Returns the widened span, or null.
 */
export function withFeatureWord(
  tokens: readonly Token[],
  first: number,
  last: number,
  join: (a: Token, b: Token) => boolean,
  free: (k: number) => boolean,
  opensAt: (t: Token) => boolean,
  country = false,
): { first: number; last: number } | null {
  const head = tokens[first];
  const end = tokens[last];
  if (!head || !end || head.arabic) return null;
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  const capital = (t: Token | undefined): t is Token => t !== undefined && !t.arabic && /^\p{Lu}/u.test(t.text);
  if (capital(before) && FEATURE_BEFORE_EN.has(before.key) && free(first - 1) && join(before, head)) return { first: first - 1, last };
  if (capital(after) && FEATURE_AFTER_EN.has(after.key) && free(last + 1) && join(end, after)) return { first, last: last + 1 };
  // "Comoé National Park", "Selous Game Reserve".
  const after2 = tokens[last + 2];
  if (capital(after) && capital(after2) && PARK_QUALIFIERS_EN.has(after.key) && PARK_WORDS_EN.has(after2.key) && free(last + 1) && free(last + 2) && join(end, after) && join(after, after2)) return { first, last: last + 2 };
  // "Tamale Teaching Hospital", "Ridge Regional Hospital": a hospital named after its town is a place of its own.
  if (capital(after) && capital(after2) && HOSPITAL_QUALIFIERS_EN.has(after.key) && after2.key === 'hospital' && free(last + 1) && free(last + 2) && join(end, after) && join(after, after2)) return { first, last: last + 2 };
  // "Makueni County Referral Hospital", "Regional Referral Hospital": two qualifiers.
  const after3 = tokens[last + 3];
  if (capital(after) && capital(after2) && capital(after3) && HOSPITAL_QUALIFIERS_EN.has(after.key) && HOSPITAL_QUALIFIERS_EN.has(after2.key) && after3.key === 'hospital' && free(last + 1) && free(last + 2) && free(last + 3) && join(end, after) && join(after, after2) && join(after2, after3)) return { first, last: last + 3 };
  // The feature word alone was read as a place ("Delta", "Bay", a Somali region): the capitalised
  // name before it is its own, unless a word that opens the sentence ("In Delta, …", "Like Delta, …").
  if (first === last && FEATURE_AFTER_EN.has(head.key) && capital(before) && free(first - 1) && join(before, head) && !FEATURE_BEFORE_EN.has(before.key) && !(opensAt(before) && OPENING_WORDS_EN.has(before.key))) return { first: first - 1, last };
  // "Central Aceh", "North Sumatra": a capitalised direction before a region or city (not a country:
  // "Northern Nigeria" is a part of it) names another region.
  if (!country && first === last && capital(before) && DIRECTIONS_EN.has(before.key) && free(first - 1) && join(before, head) && before.end + 1 === head.start) return { first: first - 1, last };
  return null;
}
/** "National Park", "Game Reserve", "Nature Reserve", "Marine Park" after a place's name. */
const PARK_QUALIFIERS_EN = new Set(['national', 'game', 'nature', 'marine', 'forest', 'wildlife']);
const PARK_WORDS_EN = new Set(['park', 'reserve', 'sanctuary']);
/** A hospital's kind between its town and "Hospital" (the gold writes such a hospital as one place 27 times in 28). */
const HOSPITAL_QUALIFIERS_EN = new Set(['teaching', 'general', 'regional', 'district', 'referral', 'university', 'provincial', 'specialist', 'memorial', 'central', 'county']);
/** Words that open a sentence before a place ("In Delta, …"): not a name's first word. */
const OPENING_WORDS_EN = new Set(['in', 'like', 'at', 'for', 'from', 'near', 'to', 'on', 'by', 'with', 'unlike', 'as', 'the', 'across', 'around', 'outside', 'inside']);
/** Directions that open a region's name before a region or city. */
const DIRECTIONS_EN = new Set(['central', 'north', 'south', 'east', 'west', 'upper', 'lower', 'greater', 'northern', 'southern', 'eastern', 'western',
  'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west']);

/**
 * Street words written before the name in Spanish, Portuguese, French, Italian and Malay (and
 * English in North Africa): "Calle 72", "Avenida Caracas", "Rua Augusta", "Jalan Sudirman",
 * "Avenue Habib Bourguiba". "District" only before a number ("District 1").
 */
const STREET_BEFORE_EN = new Set(['calle', 'carrera', 'avenida', 'rua', 'rue', 'jalan', 'piazza', 'avenue', 'boulevard', 'district',
  // Romanian and Slavic ("Bulevardul Timisoara", "Piata Unirii", "Ulitsa Tverskaya").
  'bulevardul', 'strada', 'piata', 'calea', 'soseaua', 'ulitsa', 'ulica']);
const ONLY_NUMBER_AFTER_EN = new Set(['district']);
/**
 * Street words written after the name ("Ahmadu Bello Way", "Nathan Road", "Kwame Nkrumah Circle").
 * Not "Lane" nor "Drive": a surname ("Nathan Lane") and a product ("Google Drive") as often.
 */
const STREET_AFTER_EN = new Set(['way', 'road', 'street', 'avenue', 'boulevard', 'expressway', 'highway', 'motorway', 'freeway', 'circle', 'roundabout', 'flyover',
  // Crossings named after a ruler or a place ("King Hussein Bridge", "King Fahd Causeway").
  'bridge', 'causeway']);
/** Ruler titles that open a street or bridge named after the ruler ("King Hussein Bridge", "Sheikh Zayed Road"). */
const RULER_TITLES_EN = new Set(['king', 'queen', 'sheikh', 'sultan', 'emir', 'prince', 'princess', 'shah']);
/** Lower-case words inside a Romance street name ("Avenida Primero de Mayo", "Rua da Prata"). */
const STREET_CONNECTORS = new Set(['de', 'del', 'da', 'do', 'dos', 'das', 'di', 'della', 'la', 'el', 'du', 'des']);
/**
 * Capitalised words that open a sentence or a clause, and days and months, never a street's name
 * ("On Nathan Road", "On Friday Road works closed …", "Since Monday Street vendors …").
 */
const NOT_STREET_WORDS_EN = new Set(['the', 'a', 'an', 'on', 'in', 'at', 'and', 'of', 'to', 'from', 'by', 'along', 'near', 'off', 'via', 'into', 'onto',
  'when', 'since', 'after', 'before', 'while', 'as', 'if', 'but', 'so', 'then', 'until', 'during', 'for', 'with', 'this', 'that', 'last', 'next',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/**
 * English streets and districts by their street word (token spans, inclusive): the word and a
 * number or up to four capitalised words after it ("Calle 72", "Avenida Caracas", with a connector
 * inside: "Avenida Primero de Mayo"), or up to three
 * capitalised words before it ("Ahmadu Bello Way"). Each token of the span is joined to the next.
 */
export function findEnglishStreets(
  tokens: readonly Token[],
  join: (a: Token, b: Token) => boolean,
  isTitle: (t: Token) => boolean = () => false,
): Array<{ first: number; last: number }> {
  const out: Array<{ first: number; last: number }> = [];
  // A title ("Actress", "President") ends the name before it: "Former President Donald Trump Way".
  const nameWord = (t: Token | undefined): t is Token =>
    t !== undefined && !t.arabic && /^\p{Lu}/u.test(t.text) && !NOT_STREET_WORDS_EN.has(t.key) && !STREET_AFTER_EN.has(t.key) && !STREET_BEFORE_EN.has(t.key) && !isTitle(t);
  const numberWord = (t: Token | undefined): boolean => t !== undefined && /^\d{1,3}[A-Z]?$/u.test(t.text);
  let k = 0;
  while (k < tokens.length) {
    const t = tokens[k] as Token;
    const next = tokens[k + 1];
    if (!t.arabic && /^\p{Lu}/u.test(t.text) && STREET_BEFORE_EN.has(t.key) && next && join(t, next)) {
      if (numberWord(next)) {
        out.push({ first: k, last: k + 1 });
        k += 2;
        continue;
      }
      // "Avenida de Mayo", "Calle de Alcalá": a connector right after the street word.
      const opening = STREET_CONNECTORS.has(next.text) && nameWord(tokens[k + 2]) && join(next, tokens[k + 2] as Token);
      if (!ONLY_NUMBER_AFTER_EN.has(t.key) && (nameWord(next) || opening)) {
        let last = opening ? k + 2 : k + 1;
        for (let words = 1; words < 4; words++) {
          const after = tokens[last + 1];
          // "Avenida Primero de Mayo", "Rua da Prata": a connector inside the name, not at its end.
          const connector = after !== undefined && STREET_CONNECTORS.has(after.text) && nameWord(tokens[last + 2]) && join(after, tokens[last + 2] as Token);
          if (!after || !join(tokens[last] as Token, after) || (!nameWord(after) && !connector)) break;
          last += connector ? 2 : 1;
        }
        out.push({ first: k, last });
        k = last + 1;
        continue;
      }
    }
    if (!t.arabic && /^\p{Lu}/u.test(t.text) && STREET_AFTER_EN.has(t.key) && nameWord(tokens[k - 1]) && join(tokens[k - 1] as Token, t)) {
      let first = k - 1;
      while (first > k - 3 && nameWord(tokens[first - 1]) && join(tokens[first - 1] as Token, tokens[first] as Token)) first--;
      const ruler = tokens[first - 1];
      if (ruler && /^\p{Lu}/u.test(ruler.text) && RULER_TITLES_EN.has(ruler.key) && join(ruler, tokens[first] as Token)) first--;
      if (!out.some((s) => s.last >= first)) out.push({ first, last: k });
    }
    k++;
  }
  return out;
}

const FACILITY_QUALIFIERS_EN = new Set(['international', 'national', 'memorial', 'hydropower', 'hydroelectric', 'power', 'air', 'naval', 'space', 'railway', 'bus']);

/**
 * An English name followed, joined, by a capitalised facility word ("Benjamin Mkapa" + "Stadium"),
 * maybe after a qualifier ("Rafic Hariri" + "International Airport"): the index of that word, to
 * extend the name to it as a place; else -1.
 */
export function facilityWordAfter(tokens: readonly Token[], last: number, join: (a: Token, b: Token) => boolean): number {
  const end = tokens[last];
  const next = tokens[last + 1];
  if (!end || !next || end.arabic || !next.cap || !join(end, next)) return -1;
  // "Rafic Hariri International Airport", "Moi International Sports Centre": a qualifier first.
  const word = FACILITY_QUALIFIERS_EN.has(next.key) ? tokens[last + 2] : next;
  if (!word || !word.cap || !FACILITY_WORDS_EN.has(word.key) || (word !== next && !join(next, word))) return -1;
  return word === next ? last + 1 : last + 2;
}

/** Nouns that head an apposition saying the name before it is a place (", a flooded valley of …"). */
const PLACE_NOUNS_EN: ReadonlySet<string> = new Set([
  'lake', 'town', 'village', 'city', 'river', 'valley', 'island', 'district', 'province', 'region', 'mountain', 'volcano', 'glacier',
  'desert', 'wetland', 'suburb', 'neighbourhood', 'neighborhood', 'township', 'county', 'municipality', 'oasis', 'plateau', 'crater',
  'bay', 'peninsula', 'delta', 'lagoon', 'forest', 'hamlet', 'settlement', 'archipelago', 'atoll', 'peak', 'hill', 'strait', 'gulf',
]);
/** Words that end an apposition's noun phrase before its head: ", a herder from a village" is about a herder. */
const PHRASE_BREAKS_EN: ReadonlySet<string> = new Set(['from', 'of', 'in', 'at', 'on', 'near', 'for', 'with', 'by', 'to', 'a', 'an', 'the', 'who', 'whose', 'and', 'or', 'as']);
/** Words after the head noun that close its phrase (a place noun before "councillor" is a modifier). */
const AFTER_HEAD_EN: ReadonlySet<string> = new Set([
  'of', 'in', 'on', 'near', 'at', 'with', 'where', 'that', 'which', 'whose', 'about', 'high', 'just', 'some', 'and', 'or', 'north', 'south',
  'east', 'west', 'from', 'by', 'to', 'along', 'beside', 'outside', 'inside', 'between', 'under', 'above', 'below', 'home', 'once', 'now',
  'known', 'famous', 'set', 'built', 'fed', 'surrounded', 'dotted',
]);

/**
 * An apposition after a name that says it is a place: ", a town of about 200,000 people", ", a
 * freshwater lake of about 700 square kilometres", ", a flooded valley of rice fields" (its head,
 * after up to three modifiers, a place noun that ends the phrase). "X, a teacher in the town" and
 * "X, a herder from a village near Akka" are about people: a preposition or article before the
 * place noun ends the search.
 */
export function hasPlaceApposition(text: string, tokens: readonly Token[], last: number): boolean {
  const name = tokens[last];
  const det = tokens[last + 1];
  if (!name || !det || det.arabic || !/^\s*,\s*$/u.test(text.slice(name.end, det.start))) return false;
  if (det.key !== 'the' && det.key !== 'a' && det.key !== 'an') return false;
  for (let j = last + 2; j <= last + 5; j++) {
    const t = tokens[j];
    const prev = tokens[j - 1];
    if (!t || !prev || t.cap || !/^\s*$/u.test(text.slice(prev.end, t.start)) || PHRASE_BREAKS_EN.has(t.key)) return false;
    if (PLACE_NOUNS_EN.has(t.key)) {
      const after = tokens[j + 1];
      const gap = after ? text.slice(t.end, after.start) : '';
      return !after || /[,.;:)]/u.test(gap) || AFTER_HEAD_EN.has(after.key);
    }
  }
  return false;
}

/**
 * Words for the people or the villages of a place: what follows is that place («لأهالي أبو منقار»,
 * «سكان بيت ياشوط», «قرى الصعيد», «قريتي بولاق وجناح»), and the duals of the place nouns («مقاطعتي كرو
 * وكنكوصة», «محافظتي لحج وأبين», «قضاءي الزبير والقرنة»: two places). In the article sets' gold every
 * name after them is a place (about 110 after the first words, about 190 after the duals), never a
 * person or a body. Not «إقليمي», also 'regional'.
 */
const DWELLERS_AR: ReadonlySet<string> = new Set(
  ['أهالي', 'سكان', 'قرى', 'قريتي', 'بلدتي', 'مدينتي', 'مقاطعتي', 'ولايتي', 'محافظتي', 'منطقتي', 'جزيرتي', 'مخيمي', 'قضاءي', 'ناحيتي', 'مديريتي', 'بلديتي', 'حيي'].map(keyOf),
);

/** An Arabic name right after a dwellers' word (`DWELLERS_AR`), behind its proclitics too («لأهالي»). */
export function afterDwellersAr(text: string, tokens: readonly Token[], first: number): boolean {
  if (first < 1) return false;
  const before = tokens[first - 1];
  const head = tokens[first];
  if (!before?.arabic || !head || !/^\s+$/u.test(text.slice(before.end, head.start))) return false;
  // (Not with the article: «وزير الصحة والسكان خالد عبد الغفار», the minister of population.)
  return variantsOf(before).some((v) => !v.article && DWELLERS_AR.has(v.key));
}

/**
 * «(مقاطعتي) كرو وكنكوصة»: a name the model ran over two places joined with «و» after a dwellers'
 * word or a dual (`afterDwellersAr`) is the two places; the token index where the second starts
 * (after its «و»), or -1. Only a one-word first place: «أم الجمال وصبحا» stays for the model.
 */
export function joinedPlaceAt(tokens: readonly Token[], first: number, last: number): number {
  const second = tokens[first + 1];
  if (last !== first + 1 || !second?.arabic || !second.norm.startsWith('و') || second.norm.length < 4) return -1;
  return variantsOf(second).some((v) => v.clitics === 'و' && v.key.length >= 2) ? first + 1 : -1;
}

