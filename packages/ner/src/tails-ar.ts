import { isLinked, type EntityInfo } from './build-entities.ts';
import { unlinkedId } from './entity-id.ts';
import { MONTHS_AR } from './not-names-ar.ts';
import { keyOf } from './tokenize.ts';
import type { Mention } from './types.ts';

/*
 * Where an Arabic name ends: a place's mention that ran on into a participle saying where it leads
 * or lies («شارع نابلس المؤدي إلى الجامعة»), a Maghreb directorate named with its province
 * after «لـ» («مديرية الأمن الولائي لبسكرة», «مديرية التربية لولاية البليدة»), and facilities the
 * model cut short («ملعب 18 فبراير», «مدينة الملك فهد الطبية», «مطار توزر نفطة الدولي»).
 */

/**
 * Participles of place after a place's name ('leading to', 'lying', 'stretching', 'linking',
 * 'next to', 'overlooking', 'near'). The gold never ends a place with one.
 */
const PLACE_PARTICIPLES_AR: ReadonlySet<string> = new Set(
  ['المؤدي', 'المؤدية', 'الواقع', 'الواقعة', 'الممتد', 'الممتدة', 'الرابط', 'الواصل', 'الواصلة', 'المحاذي', 'المحاذية', 'المطل', 'المطلة', 'القريب', 'القريبة', 'المجاور', 'المجاورة', 'المتاخم', 'المتاخمة'].map(keyOf),
);

/**
 * Unlinked place mentions of two or more words whose last word is a participle of place
 * (`PLACE_PARTICIPLES_AR`): each maps to the mention without it. Pure.
 */
export function participleTailsAr(mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): Map<Mention, Mention> {
  const out = new Map<Mention, Mention>();
  for (const m of mentions) {
    if (m.type !== 'LOC' || isLinked(m, info)) continue;
    const last = /\s+([\p{L}\p{M}]+)$/u.exec(m.text);
    if (!last?.[1] || !last[1].startsWith('ال') || !PLACE_PARTICIPLES_AR.has(keyOf(last[1]))) continue;
    const name = m.text.slice(0, last.index);
    out.set(m, { ...m, end: m.start + name.length, text: name, entityId: unlinkedId('LOC', name) });
  }
  return out;
}

/** Directorates («مديرية», «المديرية», «مندوبية», «المندوبية»): local bodies named with their province. */
const DIRECTORATE_HEADS_AR: ReadonlySet<string> = new Set(['مديرية', 'مندوبية'].map(keyOf));
/** A body's or place's last word that is a nisba adjective («الوطنية», «الإقليمي», «المينائية»). */
const NISBA_LAST_AR = /^ال[\p{L}\p{M}]{2,}(?:ي|ية)$/u;
/** Up to two definite adjectives after the name, then «لـ» or «لولاية» before the province. */
const TO_PROVINCE_AR = /^((?:\s+ال[\p{L}\p{M}]+(?:ي|ية))*)\s+ل(ولاية\s+)?(?=[\p{L}])/u;

/**
 * «مديرية الأمن الولائي لبسكرة», «المديرية الجهوية للفلاحة لسوس ماسة», «مديرية التربية لولاية
 * البليدة»: a directorate's mention followed (after up to two definite adjectives) by «لـ» or
 * «لولاية» and a place is one name with the place inside; in the article sets' gold a directorate
 * is never split from a place after «لـ» (after «في» or «بـ» it is either way, so those are left).
 * Since session 32 the same holds for any body or place whose name opens with the article and
 * ends in a nisba adjective, but no compass one («المجلس الإقليمي لزاكورة», «الحظيرة الوطنية
 * للقالة»: the gold names 28 such whole and splits 5, «الضاحية الجنوبية لبيروت» among them).
 * The place is a LOC mention starting there or words `placeIdOf` knows as a place.
 * Each grown directorate maps to its new mention; the place mentions it takes in are in `inside`.
 * Pure.
 */
export function provinceTailsAr(
  text: string,
  mentions: readonly Mention[],
  info: ReadonlyMap<string, EntityInfo>,
  placeIdOf: (name: string) => string | null,
): { grown: Map<Mention, Mention>; inside: Set<Mention> } {
  const grown = new Map<Mention, Mention>();
  const inside = new Set<Mention>();
  for (const m of mentions) {
    if ((m.type !== 'ORG' && m.type !== 'LOC') || isLinked(m, info)) continue;
    const words = m.text.split(/\s+/u);
    const directorate = m.type === 'ORG' && DIRECTORATE_HEADS_AR.has(keyOf(words[0] ?? ''));
    if (!directorate && !(words.length >= 2 && words[0]?.startsWith('ال') === true && NISBA_LAST_AR.test(words[words.length - 1] ?? '') && !COMPASS_LAST_AR.test(m.text))) continue;
    const tail = TO_PROVINCE_AR.exec(text.slice(m.end, m.end + 60));
    if (!tail) continue;
    let at = m.end + tail[0].length;
    // The adjectives are no one else's mention.
    if (mentions.some((o) => o !== m && o.start >= m.end && o.start < at - 1)) continue;
    // «للقالة»: «ل» and the place's article, whose «ا» the preposition drops.
    const fused = !tail[2] && text[at] === 'ل' && /^ل[\p{L}\p{M}]{2}/u.test(text.slice(at, at + 3));
    if (fused) at += 1;
    let end = -1;
    const place = mentions.find((o) => o.start === at && o.type === 'LOC');
    if (place) {
      end = place.end;
      inside.add(place);
    } else {
      // «لولاية البليدة», «لسوس ماسة» with no mention of the place: its words, if the gazetteer knows them.
      const after = /^[\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+){0,2}/u.exec(text.slice(at, at + 40))?.[0].split(/\s+/u) ?? [];
      for (let n = after.length; n >= 1 && end < 0; n--) {
        const name = after.slice(0, n).join(' ');
        if (placeIdOf(fused ? `ال${name}` : name) !== null && !mentions.some((o) => o.start < at + name.length && o.end > at)) end = at + name.length;
      }
    }
    if (end < 0) continue;
    const name = text.slice(m.start, end);
    grown.set(m, { ...m, end, text: name, entityId: unlinkedId(m.type, name) });
  }
  return { grown, inside };
}

/** Heads of venues named by a date («ملعب 18 فبراير», «استاد 30 يونيو»). */
const VENUE_HEADS_AR: ReadonlySet<string> = new Set(['ملعب', 'استاد', 'ستاد', 'مجمع', 'ساحة', 'شارع', 'جسر'].map(keyOf));
/** What a city named after a royal is for («مدينة الملك فهد الطبية», «مدينة الأمير نايف بن عبدالعزيز الرياضية»). */
const ROYAL_CITY_AR = /^(?:ال)?مدينة\s+ال(?:ملك|ملكة|أمير|اميرة|أميرة|امير|شيخ|سلطان)\s/u;
const CITY_PURPOSE_AR = /^\s+ال(?:طبية|رياضية|اقتصادية|جامعية|صناعية|عسكرية|تعليمية)(?=[^\p{L}\p{M}]|$)/u;
/** An airport named by two places: the second and «الدولي» after the first («مطار توزر نفطة الدولي»). */
const AIRPORT_AR = /^(?:ال)?مطار\s/u;
const SECOND_PLACE_INTERNATIONAL_AR = /^\s+[\p{L}\p{M}]+\s+الدولي(?=[^\p{L}\p{M}]|$)/u;

/**
 * Facilities whose names the model cut short or typed as a body, each with its whole mention:
 * - a venue named by a day and month («ملعب 18 فبراير», «استاد 30 يونيو»: the model stops at the number);
 * - a city named after a royal, with what it is for («مدينة الملك فهد الطبية», «مدينة الملك عبدالله
 *   الرياضية»): a place (LOC), as the gold writes all ten it holds;
 * - an airport named by two places, then «الدولي» («مطار توزر نفطة الدولي»).
 * Unlinked mentions only. Pure.
 */
export function facilityNamesAr(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): Map<Mention, Mention> {
  const out = new Map<Mention, Mention>();
  const free = (m: Mention, end: number): boolean => !mentions.some((o) => o !== m && o.start < end && o.end > m.end);
  for (const m of mentions) {
    if (isLinked(m, info)) continue;
    let end = -1;
    const words = m.text.split(/\s+/u);
    if (m.type === 'LOC' && VENUE_HEADS_AR.has(keyOf(words[0] ?? '')) && /^[\d٠-٩]{1,2}$/u.test(words[words.length - 1] ?? '')) {
      const month = /^\s+([\p{L}\p{M}]+)/u.exec(text.slice(m.end, m.end + 16));
      if (month?.[1] && MONTHS_AR.has(keyOf(month[1]))) end = m.end + month[0].length;
    } else if ((m.type === 'ORG' || m.type === 'LOC') && ROYAL_CITY_AR.test(m.text)) {
      const purpose = CITY_PURPOSE_AR.exec(text.slice(m.end, m.end + 16));
      if (purpose) end = m.end + purpose[0].length;
      // Already whole but read as a body: retyped.
      else if (m.type === 'ORG' && CITY_PURPOSE_AR.test(` ${words[words.length - 1] ?? ''}`)) end = m.end;
    } else if (m.type === 'LOC' && AIRPORT_AR.test(m.text) && !/الدولي$/u.test(m.text)) {
      const second = SECOND_PLACE_INTERNATIONAL_AR.exec(text.slice(m.end, m.end + 32));
      if (second) end = m.end + second[0].length;
    }
    if (end < 0 || !free(m, end)) continue;
    const name = text.slice(m.start, end);
    out.set(m, { ...m, end, type: 'LOC', text: name, entityId: unlinkedId('LOC', name) });
  }
  return out;
}

/** A venue's head, a day and a month, whatever the model read there («احتضنها ملعب 18 فبراير»). */
const DATE_VENUE_AR = /(?<![\p{L}\p{M}])(?:[وف]?[بل]?)((?:ملعب|استاد|ستاد)\s+[\d٠-٩]{1,2}\s+([\p{L}\p{M}]+))/gu;

/**
 * Venues named by a day and month that no mention covers («ملعب 18 فبراير», «استاد 30 يونيو»): new
 * LOC mentions, unlinked. `mentions` are the article's so far. Pure.
 */
export function dateVenuesAr(text: string, mentions: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const x of text.matchAll(DATE_VENUE_AR)) {
    const name = x[1] ?? '';
    if (!MONTHS_AR.has(keyOf(x[2] ?? ''))) continue;
    const start = x.index + x[0].length - name.length;
    const end = start + name.length;
    if (mentions.some((o) => o.start < end && o.end > start)) continue;
    out.push({ start, end, type: 'LOC', text: name, entityId: unlinkedId('LOC', name) });
  }
  return out;
}

/**
 * Heads of places named after a person, as the gold types them (LOC): hospitals, cities, airports,
 * venues, ports, streets, bridges, halls, mosques (not «مجمع», a complex the gold types either way).
 */
const PERSON_PLACE_HEAD_AR = /(?:^|[^\p{L}\p{M}])(?:[وف]?[بل]?)((?:مستشفى|مدينة|مطار|ملعب|استاد|ستاد|ميناء|شارع|جسر|قاعة|مسجد|جامع)\s+(?:ال(?:ملك|ملكة|أمير|امير|أميرة|اميرة|شيخ|شيخة|سلطان|إمام|امام|شهيد|شهيدة)\s+)?)$/u;
/** What a place named after a person may end with: «الدولي» (an airport), «العسكري» (a military hospital) … */
const PERSON_PLACE_TAIL_AR = /^\s+ال(?:دولي|عسكري|جامعي|تخصصي|طبية|رياضية|اقتصادية|صناعية|بحري)(?=[^\p{L}\p{M}]|$)/u;

/**
 * A person's mention right after the head of a place named after them («مستشفى الأمير زيد بن
 * الحسين العسكري», «مدينة صباح الأحمد», «مطار الملك خالد الدولي»): the place, from its head (and the
 * royal or honorific title) to the name's end and a fitting adjective after it; LOC, unlinked.
 * The head stands without the article (a construct: «زار المستشفى الأمير …» is no name). Pure.
 */
export function personNamedPlacesAr(text: string, mentions: readonly Mention[]): Map<Mention, Mention> {
  const out = new Map<Mention, Mention>();
  for (const m of mentions) {
    if (m.type !== 'PER') continue;
    const head = PERSON_PLACE_HEAD_AR.exec(text.slice(Math.max(0, m.start - 40), m.start));
    if (!head?.[1]) continue;
    const start = m.start - head[1].length;
    const tail = PERSON_PLACE_TAIL_AR.exec(text.slice(m.end, m.end + 16));
    const end = m.end + (tail?.[0].length ?? 0);
    if (mentions.some((o) => o !== m && o.start < end && o.end > start)) continue;
    const name = text.slice(start, end);
    out.set(m, { ...m, start, end, type: 'LOC', text: name, entityId: unlinkedId('LOC', name) });
  }
  return out;
}

/**
 * Titles of learning and trades, never part of a place's or body's name (unlike «الشيخ» in «كفر
 * الشيخ» or «الملك» in «جامعة الملك سعود»).
 */
const PERSON_TITLES_AR: ReadonlySet<string> = new Set(
  ['الدكتور', 'الدكتورة', 'البروفيسور', 'البروفيسورة', 'البروفسور', 'المهندس', 'المهندسة', 'الأستاذ', 'الأستاذة', 'المحامي', 'المحامية', 'الباحث', 'الباحثة'].map(keyOf),
);

/**
 * A body's or place's mention that ran on into the title of the person named next («جامعة سلجوق
 * البروفيسور مصطفى أوزترك», «مستشفى الرحمة الدكتور …»): each maps to the mention without the title
 * word. Only unlinked mentions of three words or more whose last word is a definite title
 * (`PERSON_TITLES_AR`) and a person's mention follows right after. Pure.
 */
export function titleTailsAr(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): Map<Mention, Mention> {
  const out = new Map<Mention, Mention>();
  for (const m of mentions) {
    if ((m.type !== 'ORG' && m.type !== 'LOC') || isLinked(m, info)) continue;
    const last = /\s+(ال[\p{L}\p{M}]+)$/u.exec(m.text);
    if (!last?.[1] || last.index < 1 || !/\s/u.test(m.text.slice(0, last.index)) || !PERSON_TITLES_AR.has(keyOf(last[1]))) continue;
    const gap = /^\s+/u.exec(text.slice(m.end, m.end + 4))?.[0].length ?? -1;
    if (gap < 0 || !mentions.some((o) => o.type === 'PER' && o.start === m.end + gap)) continue;
    const name = m.text.slice(0, last.index);
    out.set(m, { ...m, end: m.start + name.length, text: name, entityId: unlinkedId(m.type, name) });
  }
  return out;
}

/**
 * Heads before a place that make one name with it, and the words that must (`needs`) or may
 * (`may`) follow for that: a bridge or a mountain always («جسر روصو», «جبل كينيا»: the gold names
 * 13 so and splits one), a station or a market only with an adjective of its own («محطة الدوحة
 * الغربية», «سوق طهران الكبير»; without one the gold keeps the place alone as often as not).
 */
const PLACE_HEADS_AR: ReadonlyMap<string, { readonly needs: RegExp | null; readonly may: RegExp | null }> = new Map([
  // A bridge between two places («جسر شندي–المتمة») or with its age («جسر دزفول القديم»).
  ['جسر', { needs: null, may: /^(?:\s*[-–]\s*[\p{L}\p{M}]+|\s+ال(?:قديم|جديد|معلق))(?=[^\p{L}\p{M}]|$)/u }],
  ['جبل', { needs: null, may: null }],
  // (Not «الرئيسية», «النووية», «الكهرومائية»: the gold keeps the place alone before them as often.)
  ['محطة', { needs: /^\s+ال(?:جنوبية|شمالية|شرقية|غربية|مركزية)(?=[^\p{L}\p{M}]|$)/u, may: null }],
  ['سوق', { needs: /^\s+ال(?:كبير|مركزي)(?=[^\p{L}\p{M}]|$)/u, may: null }],
]);
/** Places that are features of their own, which a head before them does not take in («جسر مضيق ميسينا»). */
const FEATURE_PLACES_AR = /^(?:مضيق|نهر|خليج|قناة|بحيرة|وادي|سهل|جزيرة)\s/u;
const HEAD_BEFORE_AR = /(?:^|[^\p{L}\p{M}])[وف]?[بل]?(جسر|جبل|محطة|سوق)\s+$/u;

/**
 * A place's mention right after a head of `PLACE_HEADS_AR` (and before the adjective the head
 * needs) is one place with them: «جسر روصو», «جبل كينيا» (no longer Kenya), «محطة الدوحة الغربية».
 * `placeIdOf` gives the KB or gazetteer id of the whole name, or null (then unlinked). Pure.
 */
export function headedPlacesAr(text: string, mentions: readonly Mention[], placeIdOf: (name: string) => string | null): Map<Mention, Mention> {
  const out = new Map<Mention, Mention>();
  for (const m of mentions) {
    if (m.type !== 'LOC') continue;
    const head = HEAD_BEFORE_AR.exec(text.slice(Math.max(0, m.start - 12), m.start));
    if (!head?.[1]) continue;
    const rule = PLACE_HEADS_AR.get(head[1]);
    if (rule === undefined || FEATURE_PLACES_AR.test(m.text)) continue;
    const after = text.slice(m.end, m.end + 20);
    const tail = rule.needs === null ? (rule.may?.exec(after) ?? null) : rule.needs.exec(after);
    if (rule.needs !== null && !tail) continue;
    const start = m.start - head[0].length + head[0].indexOf(head[1]);
    const end = m.end + (tail?.[0].length ?? 0);
    if (mentions.some((o) => o !== m && o.start < end && o.end > start)) continue;
    const name = text.slice(start, end);
    out.set(m, { ...m, start, end, type: 'LOC', text: name, entityId: placeIdOf(name) ?? unlinkedId('LOC', name) });
  }
  return out;
}

/** A compass adjective after a place: masculine («البقاع الغربي») or feminine («أستراليا الغربية»). */
const COMPASS_AFTER_AR = /^\s+ال(?:(غربي|شرقي|شمالي|جنوبي)|غربية|شرقية|شمالية|جنوبية)(?=[^\p{L}\p{M}]|$)/u;
const COMPASS_LAST_AR = /\sال(?:غربي|شرقي|شمالي|جنوبي|غربية|شرقية|شمالية|جنوبية)$/u;
/**
 * Nouns whose compass adjective it is when they stand right before the place: «ريف حمص الغربي»
 * (Homs's western countryside), «مدخل جونيه الجنوبي», «ساحل بنغلاديش الجنوبي», «مدينة إنكارناسيون
 * الجنوبية» (the southern city); a station's («محطة بكين الجنوبية», `headedPlacesAr`).
 */
const COMPASS_OWNERS_AR = /(?:^|[^\p{L}\p{M}])[وف]?[بل]?(?:ريف|مدخل|ساحل|مدينة|بلدة|محافظة|ضواحي|أطراف|بادية|قطاع|جزء|شطر|الجزء|الشطر|محطة|سوق|ميناء|مطار|جسر)\s+$/u;

/**
 * A place's mention followed by a compass adjective that is part of its name: «البقاع الغربي»,
 * «الأغوار الشمالية», «أستراليا الغربية» (the gold names 16 so and splits 14, all but three of
 * these after «ريف» or another noun the adjective describes, `COMPASS_OWNERS_AR`). A masculine
 * adjective only after a place written with the article (after a bare city's name it is the
 * countryside's: «(ريف) حلب الشرقي»). `placeIdOf` gives the whole name's id, or null. Pure.
 */
export function compassPlacesAr(text: string, mentions: readonly Mention[], placeIdOf: (name: string) => string | null): Map<Mention, Mention> {
  const out = new Map<Mention, Mention>();
  for (const m of mentions) {
    if (m.type !== 'LOC' || COMPASS_LAST_AR.test(m.text)) continue;
    const adjective = COMPASS_AFTER_AR.exec(text.slice(m.end, m.end + 16));
    if (!adjective) continue;
    if (adjective[1] !== undefined && !m.text.startsWith('ال')) continue;
    if (COMPASS_OWNERS_AR.test(text.slice(Math.max(0, m.start - 14), m.start))) continue;
    const end = m.end + adjective[0].length;
    if (mentions.some((o) => o !== m && o.start < end && o.end > m.start)) continue;
    const name = text.slice(m.start, end);
    out.set(m, { ...m, end, text: name, entityId: placeIdOf(name) ?? unlinkedId('LOC', name) });
  }
  return out;
}

/** «بن جديد», «بن عبد الله»: the rest of a person's lineage after a body's or place's name. */
const LINEAGE_AFTER_AR = /^(?:\s+(?:بن|ابن)\s+(?:عبد\s+)?[\p{L}\p{M}]+)+/u;
/** «العامة» after a body: the gold ends 71 bodies with it and leaves it out after 5. */
const PUBLIC_AFTER_AR = /^\s+العامة(?=[^\p{L}\p{M}]|$)/u;

/**
 * Where an Arabic body or place ran short of its name: a body or place named after a person whose
 * lineage the model cut («جامعة الشاذلي بن جديد»: the gold holds 81 bodies and places with «بن» and
 * never ends one before it), and a body before «العامة» («هيئة تنظيم الخدمات العامة»). Returns
 * the grown mentions and the mentions inside what they took in (to go). Pure.
 */
export function lineageTailsAr(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): { grown: Map<Mention, Mention>; inside: Set<Mention> } {
  const grown = new Map<Mention, Mention>();
  const inside = new Set<Mention>();
  for (const m of mentions) {
    if ((m.type !== 'ORG' && m.type !== 'LOC') || isLinked(m, info) || !/\s/u.test(m.text)) continue;
    const after = text.slice(m.end, m.end + 60);
    const tail = LINEAGE_AFTER_AR.exec(after)?.[0] ?? (m.type === 'ORG' ? PUBLIC_AFTER_AR.exec(after)?.[0] : undefined);
    if (!tail) continue;
    const end = m.end + tail.length;
    const covered = mentions.filter((o) => o !== m && o.start < end && m.end <= o.start);
    // A linked name inside the tail is someone else's («… ابن سينا» may be the KB's).
    if (covered.some((o) => o.end > end || isLinked(o, info))) continue;
    const name = text.slice(m.start, end);
    grown.set(m, { ...m, end, text: name, entityId: unlinkedId(m.type, name) });
    for (const o of covered) inside.add(o);
  }
  return { grown, inside };
}

/** «الحائط والسليمي»: two definite words, the second after «و». */
const TWO_PLACES_AR = /^(ال[\p{L}\p{M}]{2,})\s+و(ال[\p{L}\p{M}]{2,})$/u;

/**
 * Two places joined by «و» that the model read as one («في مزارع الحائط والسليمي»): an unlinked
 * place of two definite words, the second after «و», is two places (over the article sets' gold,
 * 449 such pairs stand as two places and one town is named so, «الكامل والوافي»). `placeIdOf`
 * gives each part's KB or gazetteer id, or null (then unlinked). Pure: returns each split mention
 * with its parts.
 */
export function coordinatedPlacesAr(mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>, placeIdOf: (name: string) => string | null): Map<Mention, Mention[]> {
  const out = new Map<Mention, Mention[]>();
  for (const m of mentions) {
    if (m.type !== 'LOC' || isLinked(m, info)) continue;
    const two = TWO_PLACES_AR.exec(m.text);
    if (!two?.[1] || !two[2]) continue;
    const first = two[1];
    const second = two[2];
    const at = m.start + m.text.length - second.length;
    out.set(m, [
      { start: m.start, end: m.start + first.length, type: 'LOC', text: first, entityId: placeIdOf(first) ?? unlinkedId('LOC', first) },
      { start: at, end: m.end, type: 'LOC', text: second, entityId: placeIdOf(second) ?? unlinkedId('LOC', second) },
    ]);
  }
  return out;
}
