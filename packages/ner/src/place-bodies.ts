import type { EntityInfo } from './build-entities.ts';
import { HOME_NATIONS_EN, isMatchReportAr, OPENERS_EN } from './city-clubs.ts';
import { unlinkedId } from './entity-id.ts';
import { keyOf } from './tokenize.ts';
import type { Mention } from './types.ts';

/*
 * Bodies named by a place: a place mention that a body's head word («جمعية سلا», «أمانة جدة», «شباب قسنطينة»)
 * or a sector ("Cricket Australia") makes part of a longer name grows into that body's mention.
 */

/** Heads that make a body of the place named after them («جمعية سلا», «غرفة قطر», «غرف دبي»). */
const PLACE_BODY_HEADS_AR: ReadonlySet<string> = new Set(['جمعية', 'غرفة', 'غرف'].map(keyOf));
/**
 * Heads that make a body of a city or emirate named after them, not of a country («محاكم دبي», not
 * «محاكم فرنسا»; «أمانة حفر الباطن», «أمانة عمّان»: a Saudi, Jordanian or Iraqi city's municipality,
 * inside the name in all seven places the gold has one).
 */
const CITY_BODY_HEADS_AR: ReadonlySet<string> = new Set(['محاكم', 'أمانة'].map(keyOf));
/**
 * In a match report, also the clubs' first words before a city («شباب قسنطينة», «مولودية وهران»,
 * «وفاق سطيف»); before a country they are words («نجم مصر محمد صلاح», «أمل الجزائر», «شباب تونس»)
 * unless the KB knows the whole name («شباب الأردن»).
 */
const CLUB_HEADS_AR: ReadonlySet<string> = new Set(['شباب', 'مولودية', 'وفاق', 'نجم', 'اتحاد', 'أمل', 'هلال', 'أولمبيك', 'شبيبة', 'رجاء', 'اتحادية'].map(keyOf));
/** A head with the proclitics it may carry («بجمعية», «ولغرفة»), as the word right before the place. */
const HEAD_BEFORE = /(?:^|[\s«(])((?:و|ف)?(?:ب|ل)?)(\p{L}+)\s+$/u;

/**
 * Arabic: a place named right after a body's head («جمعية سلا», «غرف دبي», «محاكم دبي»; in a match
 * report also a club's first word: «شباب قسنطينة») is that body's name, not the place: the mention
 * grows to take the head in (after its proclitics) and a definite nisba adjective after it
 * («شباب الريف الحسيمي»), typed ORG, with the KB's id for the whole name where it has one
 * (`bodyIdOf`, «~شباب قسنطينة»), else its own. Over the article sets' gold, «جمعية», «غرفة», «غرف»
 * and the clubs' heads before a name are always inside it. Pure: returns the mentions to reshape. `matchReport`: `isMatchReportAr(text)`, given by a caller that has it.
 */
export function placeNamedBodies(text: string, mentions: readonly Mention[], bodyIdOf: (name: string) => string | null, matchReport = isMatchReportAr(text)): Map<Mention, Mention> {
  const out = new Map<Mention, Mention>();
  const clubsToo = matchReport;
  for (const m of mentions) {
    if (m.type !== 'LOC') continue;
    const head = HEAD_BEFORE.exec(text.slice(Math.max(0, m.start - 16), m.start));
    if (!head) continue;
    const country = m.entityId !== null && /^loc:[A-Z]{3}$/u.test(m.entityId);
    // Before a country, only a name the KB knows («شباب الأردن», Shabab Al-Ordon).
    const known = (w: string): boolean => !country || bodyIdOf(`${w} ${text.slice(m.start, m.end)}`) !== null;
    const isHead = (w: string): boolean => {
      const key = keyOf(w);
      return PLACE_BODY_HEADS_AR.has(key) || ((CITY_BODY_HEADS_AR.has(key) || (clubsToo && CLUB_HEADS_AR.has(key))) && known(w));
    };
    // The head with what looks like its proclitics first («وفاق» is a head, not «و» + «فاق»).
    const word = [`${head[1] ?? ''}${head[2] ?? ''}`, head[2] ?? ''].find((w) => w !== '' && isHead(w));
    if (word === undefined) continue;
    const start = m.start - (head[0].length - head[0].trimEnd().length) - word.length;
    // Another mention already holds the head: it is that name's business.
    if (mentions.some((o) => o !== m && o.start < m.start && o.end > start)) continue;
    const adjective = /^\s+(ال\p{L}{2,}(?:ي|ية))(?=[^\p{L}]|$)/u.exec(text.slice(m.end, m.end + 24));
    const end = adjective ? m.end + adjective[0].length : m.end;
    if (adjective && mentions.some((o) => o.start >= m.end && o.start < end)) continue;
    const name = text.slice(start, end);
    out.set(m, { start, end, type: 'ORG', text: name, entityId: bodyIdOf(name) ?? unlinkedId('ORG', name) });
  }
  return out;
}

/** Heads of a medical or university facility named by its place («مجمع فلسطين الطبي», «مركز طرابلس الطبي»). */
const FACILITY_HEADS_AR: ReadonlySet<string> = new Set(['مجمع', 'مركز', 'مستشفى', 'مدينة'].map(keyOf));
/** What closes such a facility's name («الطبي», «الجامعي»). */
const FACILITY_AFTER_AR = /^\s+(?:الطبي|الطبية|الجامعي|الجامعية)(?=[^\p{L}]|$)/u;

/**
 * Arabic: a place between a facility's head and «الطبي»/«الجامعي» («في مجمع فلسطين الطبي», «إلى
 * مركز طرابلس الطبي») is the facility's name, a place of its own: the mention grows to take the
 * head (after its proclitics) and the adjective, unlinked. Over the article sets' gold such a
 * phrase is one place name 35 times in 40. Pure: returns the mentions to reshape.
 */
export function placeNamedFacilitiesAr(text: string, mentions: readonly Mention[]): Map<Mention, Mention> {
  const out = new Map<Mention, Mention>();
  for (const m of mentions) {
    if (m.type !== 'LOC') continue;
    const head = HEAD_BEFORE.exec(text.slice(Math.max(0, m.start - 16), m.start));
    const after = FACILITY_AFTER_AR.exec(text.slice(m.end, m.end + 16));
    if (!head || !after) continue;
    const word = [`${head[1] ?? ''}${head[2] ?? ''}`, head[2] ?? ''].find((w) => w !== '' && FACILITY_HEADS_AR.has(keyOf(w)));
    if (word === undefined) continue;
    const start = m.start - (head[0].length - head[0].trimEnd().length) - word.length;
    const end = m.end + after[0].length;
    if (mentions.some((o) => o !== m && o.start < end && o.end > start)) continue;
    const name = text.slice(start, end);
    out.set(m, { start, end, type: 'LOC', text: name, entityId: unlinkedId('LOC', name) });
  }
  return out;
}

/**
 * Arabic: «شبه» right before a place that opens with «جزيرة»/«الجزيرة» is part of its name («شبه
 * جزيرة نواذيبو», «شبه الجزيرة الكورية»), as the gold writes it 14 times in 16. The mention grows
 * to take it in, keeping its id where it had a KB or gazetteer one. Pure: returns the mentions to
 * reshape.
 */
export function peninsulasAr(text: string, mentions: readonly Mention[], linked: (id: string) => boolean): Map<Mention, Mention> {
  const out = new Map<Mention, Mention>();
  for (const m of mentions) {
    if (m.type !== 'LOC' || !/^(?:ال)?جزيرة\s/u.test(m.text)) continue;
    const before = /(?:^|[^\p{L}])شبه\s+$/u.exec(text.slice(Math.max(0, m.start - 8), m.start));
    if (!before) continue;
    const start = m.start - before[0].replace(/^[^\p{L}]/u, '').length;
    const name = text.slice(start, m.end);
    out.set(m, { ...m, start, text: name, entityId: m.entityId !== null && linked(m.entityId) ? m.entityId : unlinkedId('LOC', name) });
  }
  return out;
}

/** Sectors a country's national body is named by, before the country ("Cricket Australia", "Tourism Ireland", "Statistics Poland"). */
const SECTORS_BEFORE_EN = new Set([
  'Athletics', 'Basketball', 'Cricket', 'Cycling', 'Football', 'Golf', 'Hockey', 'Netball', 'Rowing', 'Rugby', 'Sailing', 'Swimming', 'Tennis', 'Volleyball',
  'Tourism', 'Statistics', 'Wine', 'Screen', 'Health', 'Enterprise', 'Invest', 'Sport', 'Heritage', 'Creative', 'Water', 'Transport', 'Biosecurity',
  'Parks', 'Forests', 'Environment', 'Infrastructure', 'Housing', 'Energy',
]);
/** Continents a body's branch is named after too ("Greenpeace Africa"). */
const CONTINENTS: ReadonlySet<string> = new Set(['loc:africa', 'loc:europe', 'loc:asia', 'loc:middle-east', 'loc:latin-america', 'loc:asia-pacific']);
/** Bodies of states whose name before a country is no branch of theirs ("the UN Libya envoy", "EU Turkey deal"). */
const SUPRANATIONAL_EN = new Set(['UN', 'U.N.', 'EU', 'E.U.', 'AU', 'NATO', 'OPEC', 'IMF', 'ASEAN', 'ECOWAS', 'GCC', 'G7', 'G20', 'BRICS', 'WHO', 'UNICEF', 'UNHCR', 'WFP', 'ICC', 'ICJ', 'SADC', 'IGAD', 'OSCE', 'OECD', 'Arab League', 'African Union', 'European Union', 'United Nations']);
/** Sports whose national board is the country's name and the sport's ("Oman Cricket", "Sri Lanka Cricket", "World Rugby"). */
const SPORTS_AFTER_EN = /^ (Cricket|Rugby|Netball|Hockey|Athletics)\b(?! (?:Board|Union|Federation|Association|League|Club|Council|Ground|Stadium|Cup|Championship|World|[Tt]eam|[Ss]ide|[Ss]quad|[Cc]aptain|[Cc]oach|[Mm]en|[Ww]omen|fans|players))/u;

/**
 * English: a country named right after a sector ("Cricket Australia", "Tourism Ireland", "Statistics
 * South Africa") or right before its sport's name ("Oman Cricket", "Zimbabwe Cricket") is the
 * national body so named, not the place: the mention grows to the whole name (swallowing what the
 * model made of the sector word alone, "Cricket" read as a person), typed ORG, with the KB's id for
 * it where it has one (`bodyIdOf`), else its own; a mention that is already the whole name keeps
 * its span and becomes the body. `isCountry` tells a country's name. Over the article sets' gold
 * such names are always the body. Also a body's national branch: a body (or a KB body's name the
 * tagger left unread) with a country or continent right after it ("WWF Romania", "WWF-Pakistan",
 * "Greenpeace Africa"), not after the bodies of states ("the UN Libya envoy") nor before a
 * possessive. Pure: returns the mentions to reshape, and null for those to drop.
 */
export function sectorBodiesEn(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>, isCountry: (name: string) => boolean, bodyIdOf: (name: string) => string | null): Map<Mention, Mention | null> {
  const out = new Map<Mention, Mention | null>();
  const country = (m: Mention): boolean => m.type === 'LOC' && m.entityId !== null && (/^loc:[A-Z]{3}$/u.test(m.entityId) || HOME_NATIONS_EN.has(m.text.toLowerCase()));
  const body = (start: number, end: number): Mention => {
    const name = text.slice(start, end);
    return { start, end, type: 'ORG', text: name, entityId: bodyIdOf(name) ?? unlinkedId('ORG', name) };
  };
  // "Greenpeace Netherlands", "WWF-Pakistan", "Sony Music Australia", "CNOOC Uganda": a body and
  // a country right after it is the body's national branch (the gold writes every such pair as
  // one name), except after the bodies of states and their agencies ("the UN Libya envoy").
  // A KB body the tagger left unread before the country counts too ("Greenpeace Netherlands").
  mentions.forEach((m, i) => {
    if (out.has(m) || !(country(m) || CONTINENTS.has(m.entityId ?? '')) || /^['’]s\b|^-/u.test(text.slice(m.end, m.end + 3))) return;
    const before = mentions[i - 1];
    // ("WWF-Pakistan" with a hyphen too.)
    if (before && before.end === m.start - 1 && (text.charAt(before.end) === ' ' || text.charAt(before.end) === '-')) {
      if (out.has(before) || before.type !== 'ORG' || SUPRANATIONAL_EN.has(before.text)) return;
      out.set(before, body(before.start, m.end));
      out.set(m, null);
      return;
    }
    const words = /(?:^|[^\p{L}\p{N}&.'’-])((?:[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]* ){1,3})$/u.exec(text.slice(Math.max(before?.end ?? 0, m.start - 60), m.start))?.[1];
    if (!words) return;
    const parts = words.trim().split(' ');
    for (let k = 0; k < parts.length; k++) {
      const name = parts.slice(k).join(' ');
      if (SUPRANATIONAL_EN.has(name) || bodyIdOf(name) === null) continue;
      out.set(m, body(m.start - name.length - 1, m.end));
      return;
    }
  });
  for (const m of mentions) {
    if (out.has(m)) continue;
    const whole = /^(\p{Lu}\p{Ll}+) (.+)$/u.exec(m.text);
    if (m.type !== 'ORG' && whole?.[1] !== undefined && SECTORS_BEFORE_EN.has(whole[1]) && (isCountry(whole[2] ?? '') || HOME_NATIONS_EN.has((whole[2] ?? '').toLowerCase()))) {
      out.set(m, body(m.start, m.end));
      continue;
    }
    if (!country(m)) continue;
    const sectorAt = /(?:^|[^\p{L}'’])(?:(\p{Lu}[\p{L}'’]*) )?(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, m.start - 40), m.start));
    // Not inside a longer capitalised name ("Children's Health Ireland", "Davis Cup Tennis Italy").
    const sector = sectorAt && (sectorAt[1] === undefined || OPENERS_EN.has(sectorAt[1].toLowerCase())) ? sectorAt[2] : undefined;
    const sport = SPORTS_AFTER_EN.exec(text.slice(m.end, m.end + 40))?.[0];
    const start = sector !== undefined && SECTORS_BEFORE_EN.has(sector) ? m.start - sector.length - 1 : m.start;
    const end = start === m.start && sport !== undefined ? m.end + sport.length : m.end;
    if (start === m.start && end === m.end) continue;
    const others = mentions.filter((o) => o !== m && o.start < end && o.end > start);
    // Only the sector word read as a name of its own (not a KB name) may be swallowed.
    if (others.some((o) => o.start < start || o.end > end || o.type === 'LOC' || o.entityId === null || info.get(o.entityId)?.linked !== false)) continue;
    out.set(m, body(start, end));
    for (const o of others) out.set(o, null);
  }
  return out;
}
