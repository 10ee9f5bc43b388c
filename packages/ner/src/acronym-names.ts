import type { EntityInfo } from './build-entities.ts';
import { unlinkedId } from './entity-id.ts';
import { DETERMINERS_EN, initialsOf } from './short-forms.ts';
import { tokenize, type Token } from './tokenize.ts';
import type { Mention } from './types.ts';

/**
 * An English name the article defines by the acronym it writes in brackets right after it:
 * "Korea Hydro & Nuclear Power (KHNP)", "Zimbabwe Cricket (ZC)", "Empresa Nacional de
 * Hidrocarbonetos (ENH)". Token indices into the text's tokens.
 */
export interface AcronymDefinition {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  /** The acronym's token (inside the brackets). */
  readonly acronym: number;
}

/** Small words an acronym skips ("Federation of Enterprises in Belgium" → FEB). */
const SKIPPED = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'de', 'du', 'des', 'la', 'le', 'les', 'del', 'della', 'y', 'e', 'et', 'und', 'der', 'für', 'to']);

/**
 * Last words of capitalised phrases whose acronym names no organisation: measures, laws, plans,
 * technologies, events ("Consumer Price Index (CPI)", "Free Trade Agreement (FTA)", "Artificial
 * Intelligence (AI)", "Africa Cup of Nations (AFCON)").
 */
const NOT_BODY_ENDS = new Set([
  'index', 'product', 'products', 'rate', 'rates', 'act', 'law', 'bill', 'agreement', 'treaty', 'accord', 'deal', 'programme', 'program', 'plan',
  'scheme', 'system', 'systems', 'tax', 'standard', 'standards', 'protocol', 'report', 'survey', 'indicator', 'ratio', 'intelligence',
  'disease', 'syndrome', 'virus', 'vehicle', 'vehicles', 'technology', 'method', 'test', 'award', 'prize', 'cup', 'games', 'championship',
  'championships', 'tournament', 'festival', 'summit', 'nations', 'day', 'week', 'year', 'strategy', 'framework', 'initiative', 'mechanism',
  'code', 'visa', 'certificate', 'licence', 'license', 'permit', 'number', 'card', 'project', 'policy', 'regulation', 'directive', 'status',
  'zone', 'zones', 'park', 'airport', 'port', 'field', 'basin', 'river', 'dam', 'reserve', 'stadium', 'terminal', 'station', 'canal',
  'corridor', 'island', 'islands', 'region', 'province', 'district', 'territory', 'territories', 'republic', 'emirates', 'states', 'kingdom',
  // Titles and ranks ("Chief Minister (CM)", "Director General (DG)"), things and measures
  // ("Improvised Explosive Device (IED)", "Earnings Per Share (EPS)", "West Texas Intermediate
  // (WTI)"), meetings, leagues and wars.
  'minister', 'ministers', 'officer', 'officers', 'general', 'president', 'secretary', 'justice', 'governor', 'commander', 'chief', 'inspector',
  'director', 'intermediate', 'device', 'devices', 'carrier', 'carriers', 'equipment', 'share', 'meeting', 'violence', 'war', 'gas', 'oil',
  'league', 'deficit', 'surplus', 'income', 'fuel', 'weapon', 'weapons', 'missile', 'missiles',
]);

/** Words of a place's or a facility's name, anywhere in the phrase. */
const PLACE_WORDS = new Set([
  'park', 'airport', 'port', 'terminal', 'harbour', 'harbor', 'zone', 'field', 'basin', 'dam', 'stadium', 'station', 'canal', 'bridge', 'highway',
  'mine', 'refinery', 'reserve', 'sea', 'area', 'areas', 'pipeline', 'railway', 'region', 'gulf', 'bay', 'strait', 'ocean', 'lake', 'valley', 'desert',
]);

/** Last words of a body's name: the model's person or place reading over such a phrase does not count against it. */
const BODY_HEADS_EN: ReadonlySet<string> = new Set([
  'observatory', 'institute', 'agency', 'company', 'corporation', 'authority', 'commission', 'council', 'association', 'federation', 'union',
  'organization', 'organisation', 'party', 'movement', 'front', 'bank', 'fund', 'group', 'ministry', 'office', 'board', 'bureau', 'service',
  'services', 'centre', 'center', 'university', 'court', 'committee', 'foundation', 'society', 'network', 'alliance', 'forces', 'army', 'police',
]);

/**
 * Capitalised phrases whose initials spell the acronym in brackets after them, one capital per
 * word, or all of a word written in capitals ("SKA Observatory (SKAO)"; small words, "&", a
 * possessive's s and hyphenated lower-case particles skipped: "Majlis Wahdat-e-Muslimeen (MWM)",
 * "National People's Power (NPP)"), two to eight words, ending in a word that names a body rather than a measure, a law, an
 * event or a place. The phrase starts at the word that gives the acronym's first letter, so a
 * sentence's opening word is never taken in ("His Alliance for …").
 */
export function findAcronymDefinitions(text: string, tokens: readonly Token[]): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  tokens.forEach((t, i) => {
    if (t.arabic || i === 0 || !/^\p{Lu}{2,8}$/u.test(t.text)) return;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (!prev || !/^\s*\(\s*$/u.test(text.slice(prev.end, t.start)) || !/^\s*\)/u.test(text.slice(t.end, next?.start ?? text.length))) return;
    // Every word gives a letter; failing that, up to two inner words may give none ("National
    // Aquatic Resources Research and Development Agency (NARA)").
    const first = spelledFrom(text, tokens, i, 0) ?? spelledFrom(text, tokens, i, 2);
    if (first === null) return;
    const firstToken = tokens[first];
    // A place's or a facility's name ("Brasil Terminal Portuário (BTP)", "Indonesia Morowali
    // Industrial Park (IMIP)") is left to the places' rules.
    if (!firstToken || NOT_BODY_ENDS.has(prev.key) || tokens.slice(first, i).some((w) => PLACE_WORDS.has(w.key))) return;
    out.push({ first, last: i - 1, start: firstToken.start, end: prev.end, acronym: i });
  });
  return out;
}

/**
 * The first token of the capitalised words before the acronym at `i` (its opening bracket right
 * before it) whose initials spell it, reading back from the bracket, with up to `skips` words
 * after the first and before the last that give no letter; null when they do not spell it.
 */
function spelledFrom(text: string, tokens: readonly Token[], i: number, skips: number): number | null {
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (!t || !prev) return null;
  let letters = t.text;
  let first = -1;
  let words = 0;
  let skipped = 0;
  for (let k = i - 1; k >= 0 && letters.length > 0; k--) {
    const w = tokens[k];
    const after = tokens[k + 1];
    if (!w || !after || w.arabic) return null;
    const gap = text.slice(w.end, k === i - 1 ? prev.end : after.start);
    if (!/^[\s&'’-]*$/u.test(gap)) return null;
    if (!w.cap || /^\d/u.test(w.text)) {
      const hyphenated = text.slice(w.end, w.end + 1) === '-' && text.slice(w.start - 1, w.start) === '-';
      // "National People's Power (NPP)": the possessive's s.
      const possessive = w.text === 's' && /['’]$/u.test(text.slice(w.start - 1, w.start));
      if (words > 0 && (SKIPPED.has(w.key) || hyphenated || possessive)) continue;
      return null;
    }
    // A word in capitals gives all its letters ("SKA Observatory (SKAO)").
    const given = /^\p{Lu}{2,}$/u.test(w.text) && letters.endsWith(w.text) ? w.text.length : 1;
    if (given === 1 && w.key.charAt(0).toUpperCase() !== letters.charAt(letters.length - 1)) {
      // (Not the last word, and never the one the first letter needs.)
      if (words === 0 || skipped >= skips || letters.length === 1) return null;
      skipped++;
      continue;
    }
    letters = letters.slice(0, -given);
    first = k;
    words++;
  }
  return letters.length > 0 || words < 2 ? null : first;
}

/** A span the tagger found, as token indexes (inclusive), with its type where it has one. */
interface FoundSpan {
  readonly first: number;
  readonly last: number;
  readonly type?: string;
}

/**
 * The definitions the tagger reads as organisations, given the model's names (`found`), the
 * longer capitalised names other rules found (`longer`) and whether the KB links the phrase only
 * where the model confirms it (`confirmedByKb`, left to that step): the model read a name over the
 * phrase or reads the acronym as an organisation; it did not read the whole phrase as one person
 * or place ("Andres Manuel Lopez Obrador (AMLO)", "Azad Jammu and Kashmir (AJK)") unless the
 * phrase ends in a body's word; and no longer name holds it with a capitalised qualifier in front
 * ("U.S. International Development Finance Corporation (DFC)"), while one joined by "of"
 * ("Monetary Policy Committee of the Central Bank of the Republic of Turkey (CBRT)") is another body.
 */
export function definedBodies(
  definitions: readonly AcronymDefinition[],
  tokens: readonly Token[],
  found: readonly FoundSpan[],
  longer: readonly FoundSpan[],
  confirmedByKb: (a: AcronymDefinition) => boolean,
): AcronymDefinition[] {
  return definitions.filter((a) => {
    if (confirmedByKb(a)) return false;
    const readAsOne = found.some((s) => (s.type === 'PER' || s.type === 'LOC') && s.first <= a.first && s.last >= a.last);
    if (readAsOne && !BODY_HEADS_EN.has(tokens[a.last]?.key ?? '')) return false;
    if (!found.some((s) => (s.first <= a.last && s.last >= a.first) || (s.type === 'ORG' && s.first <= a.acronym && s.last >= a.acronym))) return false;
    const before = tokens[a.first - 1];
    const qualified = before?.cap === true && !DETERMINERS_EN.has(before.key) && [...found, ...longer].some((s) => s.first < a.first && s.last >= a.last);
    return !qualified;
  });
}

/**
 * A defined name the KB does not hold takes the KB id its acronym links to ("Central Bank of the
 * Republic of Turkey (CBRT)", the KB knowing "CBRT"): every mention carrying the name's unlinked id
 * is relinked. Only where the name and the acronym were both read as organisations, and the name
 * holds every word of one of the entry's Latin names ("International Cricket Council (ICC)" is not
 * the KB's International Criminal Court).
 */
export function acronymLinks(
  mentions: readonly Mention[],
  definitions: readonly AcronymDefinition[],
  tokens: readonly Token[],
  isLinked: (id: string) => boolean,
  kbNamesOf: (id: string) => readonly string[],
): Map<Mention, string> {
  const out = new Map<Mention, string>();
  for (const a of definitions) {
    const acronym = tokens[a.acronym];
    const name = mentions.find((m) => m.start === a.start && m.end === a.end && m.type === 'ORG');
    const short = acronym ? mentions.find((m) => m.start === acronym.start && m.end === acronym.end && m.type === 'ORG') : undefined;
    if (!name?.entityId || !short?.entityId || isLinked(name.entityId) || !isLinked(short.entityId)) continue;
    const words = new Set(tokens.slice(a.first, a.last + 1).map((t) => t.key));
    const named = kbNamesOf(short.entityId).some((n) => {
      // (A canonical name's bracketed qualifier, "Commission on Elections (Philippines)", is no word of the name.)
      const own = tokenize(n.replace(/\s*\([^)]*\)/gu, '')).filter((t) => !t.arabic && !SKIPPED.has(t.key));
      return own.length >= 2 && own.every((t) => words.has(t.key));
    });
    if (!named) continue;
    const from = name.entityId;
    for (const m of mentions) if (m.entityId === from) out.set(m, short.entityId);
  }
  return out;
}

/**
 * An acronym the model read as an organisation of its own ("the NPP") that spells the initials of
 * one organisation the article names in full ("National People's Power") takes that
 * organisation's id, linked or not, when no other organisation of the article has those initials.
 * Only an acronym the KB does not know and no rule joined to a name. Pure: returns the mentions to
 * re-id.
 */
export function initialismLinks(mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): Map<Mention, string> {
  const owners = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.type !== 'ORG' || m.entityId === null) continue;
    const toks = tokenize(m.text);
    const initials = toks.length >= 2 ? initialsOf(toks, 0, toks.length - 1) : null;
    if (!initials) continue;
    const set = owners.get(initials) ?? new Set<string>();
    set.add(m.entityId);
    owners.set(initials, set);
  }
  const out = new Map<Mention, string>();
  for (const m of mentions) {
    if (m.type !== 'ORG' || m.entityId === null || !/^\p{Lu}{2,6}$/u.test(m.text)) continue;
    if (info.get(m.entityId)?.linked !== false || m.entityId !== unlinkedId('ORG', m.text)) continue;
    const set = owners.get(m.text.toLowerCase());
    const [owner] = set ?? [];
    if (set?.size === 1 && owner !== undefined) out.set(m, owner);
  }
  return out;
}

/** What follows a name to give the short name news will use for it: "(Namcor)", ", known as Namcor", "known by its French acronym CENI". */
const ALIAS_AFTER = [
  /^\s*\((\p{Lu}[\p{L}\d&-]{1,11})\)/u,
  /^\s*,?\s*(?:(?:also|better|commonly|locally|widely)\s+)?known\s+(?:as|by\s+(?:its|the)\s+(?:\p{L}+\s+)?(?:acronym|initials|abbreviation))\s+(\p{Lu}[\p{L}\d&-]{1,11})(?![\p{L}\p{N}])/u,
];

/**
 * English: a short name the article gives an organisation where it names it in full ("the
 * National Petroleum Corporation of Namibia, known as Namcor", "The Independent National Electoral
 * Commission, known by its French acronym CENI", "… (NARA)") is that organisation wherever the
 * tagger found it as a name of its own the KB does not know, whatever its letters. A short name
 * two organisations share is left alone. Pure: returns the mentions to re-id, with the type of the
 * organisation they join.
 */
export function aliasDefinitionLinks(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): Map<Mention, { entityId: string; type: Mention['type'] }> {
  const owners = new Map<string, Set<string>>();
  const types = new Map<string, Mention['type']>();
  // Short names that do not open with one of the name's initials are taken only where the model
  // reads them as an organisation ("Water Services Regulation Authority (Ofwat)", not "First
  // Quantum Minerals (Kansanshi)").
  const orgOnly = new Set<string>();
  const anyType = new Set<string>();
  const personWords = new Set(mentions.filter((m) => m.type === 'PER' && /\s/u.test(m.text.trim())).flatMap((m) => m.text.toLowerCase().split(/[\s-]+/u)));
  for (const m of mentions) {
    if (m.type !== 'ORG' || m.entityId === null || !/\s/u.test(m.text.trim())) continue;
    const after = text.slice(m.end, m.end + 80);
    for (const re of ALIAS_AFTER) {
      const alias = re.exec(after)?.[1];
      if (!alias || alias === m.text) continue;
      // Not a person's name in brackets ("Sudanese Armed Forces (Burhan)" where the article names
      // "Abdel Fattah al-Burhan").
      if (personWords.has(alias.toLowerCase())) continue;
      const initials = new Set(tokenize(m.text).filter((t) => t.cap).map((t) => t.key.charAt(0)));
      // A word in capitals or opening with one of the name's initials is its short name whatever
      // the model reads it as; any other is taken only where the model reads an organisation
      // ("First Quantum Minerals (Kansanshi)", "Hayat Tahrir al-Sham known as Jolani").
      const spelled = /^\p{Lu}{2,}$/u.test(alias) || initials.has(alias.charAt(0).toLowerCase());
      (spelled ? anyType : orgOnly).add(alias);
      const set = owners.get(alias) ?? new Set<string>();
      set.add(m.entityId);
      owners.set(alias, set);
      types.set(m.entityId, m.type);
    }
  }
  const out = new Map<Mention, { entityId: string; type: Mention['type'] }>();
  for (const m of mentions) {
    const set = owners.get(m.text);
    const [owner] = set ?? [];
    if (set?.size !== 1 || owner === undefined || m.entityId === null || m.entityId === owner) continue;
    if (!anyType.has(m.text) && m.type !== 'ORG') continue;
    if (info.get(m.entityId)?.linked !== false || m.entityId !== unlinkedId(m.type, m.text)) continue;
    out.set(m, { entityId: owner, type: types.get(owner) ?? 'ORG' });
  }
  return out;
}
