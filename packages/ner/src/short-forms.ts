import { isEnglishDemonym } from './demonyms.ts';
import { tokenize, type Token } from './tokenize.ts';

/** An organisation mention as token indexes (inclusive) with the id it carries. */
export interface NamedOrg {
  readonly first: number;
  readonly last: number;
  readonly entityId: string;
}

export interface ShortFormHit {
  readonly token: number;
  readonly entityId: string;
}

/**
 * Last words by which news names an institution once its full name is given: "the Commission"
 * (European Commission), "the Fund" (IMF), "the Council", "the Court".
 */
const INSTITUTION_HEADS_EN = new Set(['commission', 'council', 'parliament', 'court', 'fund', 'agency', 'authority', 'tribunal', 'assembly', 'senate', 'congress', 'committee', 'ministry', 'bureau', 'board']);
/** First words that are not a short name on their own ("General Motors" is not "General"). */
const NOT_SHORT_FORMS_EN = new Set([
  'the', 'general', 'national', 'international', 'united', 'first', 'new', 'royal', 'central', 'federal', 'state', 'global',
  'world', 'american', 'european', 'african', 'asian', 'arab', 'islamic', 'north', 'south', 'east', 'west', 'great', 'bank',
  'saudi', 'china', 'chinese', 'japan', 'india', 'indian', 'british', 'french', 'german', 'russian', 'us', 'uk', 'eu', 'un',
  'standard', 'public', 'supreme', 'high', 'foreign', 'ministry', 'department', 'office', 'association', 'federation', 'union',
]);

/**
 * English organisations named later by a short form of the name the article gave first: its
 * first word ("Rio" after "Rio Tinto", "Karrawang" after "Karrawang Minerals"), its institution head
 * ("the Commission" after "European Commission"), the acronym or one-word short name written in brackets after it
 * ("Association of the German Automotive Industry (VDA)", then "VDA"), or its initials in capitals
 * ("the DA" after "the Democratic Alliance", also before it). A short form two
 * organisations of the article share is left alone, and so is any word already `taken` by a mention
 * or sitting inside a longer capitalised name.
 */
/** Capitalised words that open a sentence before a name and are no part of it ("An IBU spokesman", "His Alliance for …"). */
export const DETERMINERS_EN: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'this', 'that', 'our', 'my', 'your']);

/** Last words of an airline's name, which news shortens to its demonym ("Turkish", "Norwegian"). */
const AIRLINE_ENDS_EN = new Set(['airlines', 'airways', 'air', 'shuttle']);

/** Small words an initialism skips ("Association of the German Automotive Industry" → AGAI). */
const INITIALS_SKIP_EN = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', '&']);

/**
 * The lower-case initials of a name of two to six capitalised words (small words and a
 * possessive's s skipped: "National People's Power" → npp), or null.
 */
export function initialsOf(tokens: readonly Token[], first: number, last: number): string | null {
  let out = '';
  for (let k = first; k <= last; k++) {
    const t = tokens[k];
    if (!t || t.arabic) return null;
    if (INITIALS_SKIP_EN.has(t.key) && !t.cap) continue;
    if (t.text === 's' && k > first && tokens[k - 1]?.end === t.start - 1) continue;
    if (!/^\p{Lu}\p{Ll}/u.test(t.text)) return null;
    out += t.key.charAt(0);
  }
  // (A possessive's s skipped makes no two-letter initialism: "People's Movement" is not "PM".)
  if (out.length === 2 && tokens.slice(first, last + 1).some((t, i) => t.text === 's' && i > 0)) return null;
  return out.length >= 2 && out.length <= 6 ? out : null;
}

/** Words of a university's name, whose first word is mostly the place it stands in. */
const UNIVERSITY_WORDS_EN = new Set(['university', 'college', 'polytechnic']);

export function linkShortForms(text: string, tokens: readonly Token[], orgs: readonly NamedOrg[], taken: (token: number) => boolean): ShortFormHit[] {
  const owners = new Map<string, string | null>();
  const initialsOwners = new Map<string, string | null>();
  const firstUse = new Map<string, number>();
  const own = (key: string, id: string, from: number): void => {
    const prev = owners.get(key);
    owners.set(key, prev === undefined || prev === id ? id : null);
    firstUse.set(key, Math.min(firstUse.get(key) ?? from, from));
  };
  for (const o of orgs) {
    const head = tokens[o.first];
    const tail = tokens[o.last];
    if (!head || !tail || head.arabic || o.last <= o.first) continue;
    // (A demonym opening the name is no short form of it: "Mongolian Red Cross Society" … "Mongolian herders".)
    // (An airline keeps it: "Ethiopian Airlines" … "Ethiopian flies to 130 destinations".)
    const airline = AIRLINE_ENDS_EN.has(tail.key);
    // (Nor a place a university is named after: "Graz University of Technology" … "in Graz".)
    const university = tokens.slice(o.first + 1, o.last + 1).some((t) => t.cap && UNIVERSITY_WORDS_EN.has(t.key));
    if (head.cap && head.key.length >= 3 && !NOT_SHORT_FORMS_EN.has(head.key) && !university && (airline || !isEnglishDemonym(head)) && /^\p{Lu}\p{Ll}/u.test(head.text)) own(head.key, o.entityId, o.last + 1);
    if (tail.cap && INSTITUTION_HEADS_EN.has(tail.key)) own(tail.key, o.entityId, o.last + 1);
    const acronym = /^\s*\((\p{Lu}[\p{Lu}\d&-]{1,9})\)/u.exec(text.slice(tail.end));
    if (acronym?.[1]) own(acronym[1].toLowerCase(), o.entityId, o.last + 1);
    else {
      // A short name in mixed case, one word ("Commission on Elections (Comelec)", "Turkish
      // Statistical Institute (TurkStat)"), opening with the initial of one of the name's words and
      // no demonym: that leaves out most people, places and roles in brackets ("Sudanese Armed
      // Forces (Burhan)", "First Quantum Minerals (Kansanshi)", "Radio Free Europe (Russian)").
      const short = /^\s*\((\p{Lu}[\p{L}\d]{2,11})\)/u.exec(text.slice(tail.end))?.[1];
      const initial = short?.charAt(0).toLowerCase();
      const named = tokens.slice(o.first, o.last + 1).some((t) => t.cap && t.key.charAt(0) === initial);
      if (short && named && !isEnglishDemonym(tokenize(short)[0])) own(short.toLowerCase(), o.entityId, o.last + 1);
    }
    // Its initials, written in capitals later without being defined ("Democratic Alliance" … "DA").
    const initials = initialsOf(tokens, o.first, o.last);
    if (initials) initialsOwners.set(initials, initialsOwners.has(initials) && initialsOwners.get(initials) !== o.entityId ? null : o.entityId);
  }
  for (const [key, id] of initialsOwners) if (id && !owners.has(key)) own(key, id, 0);
  const hits: ShortFormHit[] = [];
  if (owners.size === 0) return hits;
  tokens.forEach((t, i) => {
    if (taken(i) || t.arabic || !t.cap) return;
    // An initialism is only read in capitals ("DA", not "Da").
    if (initialsOwners.has(t.key) && owners.get(t.key) === initialsOwners.get(t.key) && t.text !== t.text.toUpperCase()) return;
    const id = owners.get(t.key);
    if (!id || i < (firstUse.get(t.key) ?? Infinity)) return;
    // Part of a longer capitalised name ("Rio de Janeiro", "Commission President"): not the short form.
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const joined = (a: Token | undefined, b: Token | undefined): boolean =>
      a !== undefined && b !== undefined && a.cap && b.cap && !DETERMINERS_EN.has(a.key) && /^[ \u00a0-]$/u.test(text.slice(a.end, b.start));
    if (joined(before, t) || joined(t, after)) return;
    hits.push({ token: i, entityId: id });
  });
  return hits;
}
