import { isLinked, type EntityInfo } from './build-entities.ts';
import { unlinkedId } from './entity-id.ts';
import type { EntityType, Mention } from './types.ts';

/*
 * English place names the model cut at a possessive or a hyphen: "Hell's Gate National Park",
 * "Kiyomizu-dera", "Kinkaku-ji", "Baringo-Silali", "Main Line-1"; airlines named by a place ("Air
 * Tanzania").
 */

/** Japanese suffixes of temples, shrines, castles and gardens, written in lower case after a hyphen. */
const JAPANESE_SITE_SUFFIXES = new Set(['dera', 'ji', 'jinja', 'gu', 'taisha']);
/** A hyphen and what follows it: a lower-case suffix, a capitalised word, or a number. */
const HYPHEN_TAIL = /^-(?:(\p{Ll}+)|(\p{Lu}\p{Ll}+)|(\d{1,3}))(?![\p{L}\p{N}-])/u;
/** Whether every time the text writes `word` it is followed by "'s" ("Hell's Gate"; not a town also named alone). */
function onlyPossessive(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))].every((x) => /^['’]s\s/u.test(text.slice(x.index + word.length, x.index + word.length + 3)));
}
/**
 * The head of a Spanish or Portuguese place name and "de" (…) right before a place: "Salar de",
 * "San Pedro de", "Puerto de", "Ilha do".
 */
const ROMANCE_PLACE_BEFORE =
  /(?:^|[^\p{L}\p{M}])((?:Salar|San|Santa|Santo|Sierra|Cerro|Puerto|Villa|Rio|Río|Isla|Lago|Laguna|Valle|Ciudad|Playa|Bahía|Cabo|Monte|Ponta|Porto|São|Ilha|Serra)(?: \p{Lu}\p{L}+){0,2}) (?:de|del|de la|de los|de las|do|da|dos|das) $/u;
/** "Air " right before a place, not after another capitalised word ("Open Air Museum"). */
const AIRLINE_BEFORE = /(?:^|[^\p{L}\p{M}'’-])(?<!\p{Lu}\p{L}*\s)Air\s$/u;
/**
 * A possessive and a feature word that end a place's name ("Saint Martin's Island", "Hawke's
 * Bay"), not followed by another capitalised word ("Kenya's Lake Naivasha" is Kenya's lake).
 */
const POSSESSIVE_FEATURE = /^['’](?:s (?:Island|Islands|Bay|Cove|Harbour|Harbor|Beach|Creek|Reef)|S (?:ISLAND|ISLANDS|BAY))(?![\p{L}\p{N}])(?! \p{Lu})/u;
/** An apostrophe's possessive between two parts of one name ("Hell's Gate"). */
const POSSESSIVE = /^['’]s\s$/u;

/**
 * English mentions to reshape, each with its new form; `inside` lists mentions a grown one takes in.
 * - An unlinked one-word place followed by "'s" and an unlinked place or body ("Hell" + "Gate
 *   National Park") is one place, "Hell's Gate National Park": a place the KB does not know, in the
 *   possessive before a capitalised name, is that name's first word (a known place, "Kenya's Rift
 *   Valley", stays apart), where the text never writes the first word without "'s" ("Tarapoto's
 *   Guillermo del Castillo Paredes" is a town's airport: Tarapoto is named alone too).
 * - A place followed by a possessive and a feature word ("Saint Martin's Island") is another place,
 *   unlinked (`POSSESSIVE_FEATURE`).
 * - A Spanish or Portuguese place's head and "de" before a place ("Salar de Atacama", "San Pedro de
 *   Atacama") make one place, unlinked, taking in a place mention of the words before "de".
 * - "Air" right before a place ("Air Tanzania") makes an airline of it (ORG, unlinked: the KB
 *   links the airlines it holds as whole names).
 * - A name (not a person's: "Won Tae-in") followed by a hyphen and a Japanese site suffix
 *   ("Kiyomizu-dera") is a place with it; so is a one-word mention that ends in one ("Kinkaku-ji",
 *   read as a person).
 * - A place followed by a hyphen and a capitalised word no mention holds ("Baringo-Silali") is one
 *   place with it, unlinked; an unlinked place or body followed by a hyphen and a number ("Main
 *   Line-1") takes the number in.
 * Pure.
 */
export function englishCompounds(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): { grown: Map<Mention, Mention>; inside: Set<Mention> } {
  const grown = new Map<Mention, Mention>();
  const inside = new Set<Mention>();
  const reshape = (m: Mention, start: number, end: number, type: EntityType): void => {
    const name = text.slice(start, end);
    grown.set(m, { ...m, start, end, type, text: name, entityId: unlinkedId(type, name) });
  };
  mentions.forEach((m, i) => {
    if (grown.has(m) || inside.has(m)) return;
    const next = mentions[i + 1];
    if (
      m.type === 'LOC' &&
      !isLinked(m, info) &&
      !/\s/u.test(m.text) &&
      next !== undefined &&
      (next.type === 'LOC' || next.type === 'ORG') &&
      !isLinked(next, info) &&
      POSSESSIVE.test(text.slice(m.end, next.start)) &&
      onlyPossessive(text, m.text)
    ) {
      reshape(m, m.start, next.end, 'LOC');
      inside.add(next);
      return;
    }
    // "Saint Martin's Island", "Hawke's Bay": a place's possessive and a feature word name another place.
    const feature = m.type === 'LOC' ? POSSESSIVE_FEATURE.exec(text.slice(m.end, m.end + 16)) : null;
    if (feature && !mentions.some((o) => o !== m && o.start < m.end + feature[0].length && o.end > m.end)) {
      reshape(m, m.start, m.end + feature[0].length, 'LOC');
      return;
    }
    // "Salar de Atacama", "San Pedro de Atacama": a Spanish or Portuguese place named after another.
    const romance = m.type === 'LOC' ? ROMANCE_PLACE_BEFORE.exec(text.slice(Math.max(0, m.start - 48), m.start)) : null;
    if (romance?.[1]) {
      const start = m.start - romance[0].length + (romance[0].length - romance[0].trimStart().length);
      const before = mentions.filter((o) => o !== m && o.end > start && o.start < m.start);
      // Only a place mention may hold the words before "de" ("San Pedro"), and only whole.
      if (before.every((o) => o.type === 'LOC' && o.start >= start)) {
        reshape(m, start, m.end, 'LOC');
        for (const o of before) inside.add(o);
        return;
      }
    }
    // "Air Tanzania", "Air Zimbabwe": an airline named by its country or city.
    const air = m.type === 'LOC' ? AIRLINE_BEFORE.exec(text.slice(Math.max(0, m.start - 24), m.start)) : null;
    if (air && !mentions.some((o) => o !== m && o.end > m.start - 4 && o.start < m.start)) {
      reshape(m, m.start - 4, m.end, 'ORG');
      return;
    }
    const whole = /-(\p{Ll}+)$/u.exec(m.text);
    if (whole?.[1] && JAPANESE_SITE_SUFFIXES.has(whole[1]) && m.type !== 'LOC' && !/\s/u.test(m.text) && !isLinked(m, info)) {
      reshape(m, m.start, m.end, 'LOC');
      return;
    }
    const tail = HYPHEN_TAIL.exec(text.slice(m.end, m.end + 24));
    if (!tail || !/\p{L}$/u.test(m.text)) return;
    const end = m.end + tail[0].length;
    if (mentions.some((o) => o !== m && o.start < end && o.end > m.end)) return;
    if (tail[1] !== undefined) {
      if (JAPANESE_SITE_SUFFIXES.has(tail[1]) && m.type !== 'PER' && !isLinked(m, info)) reshape(m, m.start, end, 'LOC');
    } else if (tail[2] !== undefined) {
      if (m.type === 'LOC') reshape(m, m.start, end, 'LOC');
    } else if ((m.type === 'LOC' || m.type === 'ORG') && !isLinked(m, info)) {
      reshape(m, m.start, end, m.type);
    }
  });
  return { grown, inside };
}

/** What joins the items of a list: ", ", " and ", ", and ". */
const LIST_JOINT_EN = /^(?:,\s+|,?\s+and\s+)$/u;

/**
 * English: an unlinked person read inside a list of three or more names whose other items are all
 * places ("towns such as Mildura, Robinvale and Swan Hill") is a place too, and so is every other
 * mention of that name read as a person. `mentions` sorted by start. Pure: returns the mentions to
 * retype, with their new ids.
 */
export function listedPlacesEn(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): Map<Mention, { type: EntityType; entityId: string }> {
  const out = new Map<Mention, { type: EntityType; entityId: string }>();
  let i = 0;
  while (i < mentions.length) {
    // The list starting at i: mentions joined by list joints.
    let j = i;
    while (j + 1 < mentions.length && LIST_JOINT_EN.test(text.slice(mentions[j]?.end ?? 0, mentions[j + 1]?.start ?? 0))) j++;
    const list = mentions.slice(i, j + 1);
    const people = list.filter((m) => m.type === 'PER');
    if (list.length >= 3 && people.length === 1 && list.every((m) => m.type === 'PER' || m.type === 'LOC')) {
      const person = people[0];
      if (person && !isLinked(person, info)) {
        const to = { type: 'LOC' as const, entityId: unlinkedId('LOC', person.text) };
        for (const m of mentions) if (m.type === 'PER' && m.text === person.text) out.set(m, to);
      }
    }
    i = j + 1;
  }
  return out;
}
