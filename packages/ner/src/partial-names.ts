import type { EntityInfo } from './build-entities.ts';
import { isGenericOrgHead } from './org-rules.ts';
import { initialsOf } from './short-forms.ts';
import { keyOf, tokenize, variantsOf, type Token } from './tokenize.ts';
import type { Mention } from './types.ts';
import { unlinkedId } from './entity-id.ts';

/**
 * A person or organisation the KB does not know is named in full once and by part of its name
 * elsewhere in the article: «دي ميستورا» after «ستافان دي ميستورا», "Le Pen" after "Marine Le Pen",
 * «وزارة الموارد البشرية» after «وزارة الموارد البشرية والتنمية الاجتماعية», "Energy Ministry" after
 * "Ministry of Energy", «بولينا» after «مجمع بولينا القابضة». Such a part, found as a name of its
 * own, takes the full name's id when exactly one entity of the article has a longer name it fits:
 * for a person, the last words (a surname of two words or more), or in Latin script the first word
 * alone ("Kim" after "Kim Jae-won", "Carlos" after "Carlos Alcaraz"); for an organisation, all its
 * words, in any order when two or more, the name's first word (after a generic head such as «مجمع»,
 * "Bank") when one; for a person named by lineage («جوعان بن حمد آل ثاني», "Tamim bin Hamad"), also
 * the given name alone after a royal title («الشيخ جوعان», as Gulf news names its sheikhs and princes). Linked mentions
 * keep their KB ids. Pure: returns the mentions to re-id.
 */
export function partialNameLinks(mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>, text = ''): Map<Mention, string> {
  const keysOf = new Map<Mention, string[]>();
  const tokensOf = new Map<Mention, Token[]>();
  for (const m of mentions) {
    const toks = tokenize(m.text);
    tokensOf.set(m, toks);
    keysOf.set(m, toks.map((t) => t.key).filter((k) => k !== ''));
  }
  // The initials of the article's organisations of several words ("Kosovo Liberation Army" → kla).
  const spelled = new Set<string>();
  for (const m of mentions) {
    const toks = tokensOf.get(m) ?? [];
    const initials = m.type === 'ORG' && toks.length >= 2 ? initialsOf(toks, 0, toks.length - 1) : null;
    if (initials) spelled.add(initials);
  }
  const out = new Map<Mention, string>();
  for (const m of mentions) {
    if ((m.type !== 'PER' && m.type !== 'ORG') || m.entityId === null || info.get(m.entityId)?.linked !== false) continue;
    const part = keysOf.get(m) ?? [];
    if (part.length === 0) continue;
    const owners = new Set<string>();
    const byLastWord = new Set<string>();
    // A one-word person no other rule gave a fuller name's id.
    const ownOneWord = part.length === 1 && m.entityId === unlinkedId('PER', m.text);
    // An acronym opening a longer name is the body that name is named after when the article
    // names that body too ("KLA" after "Kosovo Liberation Army" is not the "KLA War Veterans
    // Organisation"); else it is the company's own short name ("MBK" for "MBK Partners").
    const acronym = /^\p{Lu}{2,}$/u.test(m.text.trim()) && spelled.has(m.text.trim().toLowerCase());
    for (const full of mentions) {
      if (full.type !== m.type || full.entityId === null || full.entityId === m.entityId) continue;
      const whole = keysOf.get(full) ?? [];
      if (whole.length <= part.length) continue;
      const fits =
        m.type === 'PER'
          ? (part.length >= 2 && endsWith(whole, part)) || lineageInside(part, whole) || (givenNameOfLineage(part, whole) && afterRoyalTitle(text, m.start)) || (ownOneWord && (leadsLatinName(part, whole) || (leadsArabicName(part, whole) && writtenBare(text, m.start)))) || opensLatinName(part, whole)
          : !acronym && orgFits(part, whole, tokensOf.get(full) ?? []);
      if (fits) owners.add(full.entityId);
      else if (m.type === 'ORG' && !acronym && part.length === 1 && !afterClubWord(text, m.start) && lastWordFits(part, tokensOf.get(full) ?? [])) byLastWord.add(full.entityId);
    }
    // A name's last word counts only where no name opens with the word ("House" after "House of
    // Representatives" and "White House" is the House).
    if (owners.size === 0) for (const id of byLastWord) owners.add(id);
    const [owner] = owners;
    if (owners.size === 1 && owner !== undefined) out.set(m, owner);
  }
  return out;
}

/**
 * A Latin-script one-word name that opens a person's name of two or more words: the family name
 * of an East Asian name written first ("Kim" after "Kim Jae-won", "Lee" after "Lee Jae-myung"),
 * or the given name sport and some countries' news use ("Carlos" after "Carlos Alcaraz", "Prabowo"
 * after "Prabowo Subianto").
 */
function leadsLatinName(part: readonly string[], whole: readonly string[]): boolean {
  const [word] = part;
  return word !== undefined && whole.length >= 2 && whole[0] === word && /^[a-z]/u.test(word);
}

/** Words that open an Arabic name without being a given name on their own («عبد», «أبو»). */
const NOT_GIVEN_NAMES_AR: ReadonlySet<string> = new Set(['عبد', 'ابو', 'أبو', 'ام', 'أم', 'بن', 'ابن', 'بنت', 'ال', 'آل', 'ولد', 'سيدي', 'مولاي', 'محمد'].map(keyOf));

/**
 * An Arabic one-word person that is the given name opening one person's name of the article
 * («زياد» after «زياد الرحباني», «أصيل» after «أصيل أبو بكر سالم»), as arts, sport and local copy
 * name people. Only a one-word person the model or a rule already read (the caller's condition):
 * the word alone is not made a name here. A name by lineage («ثامر بن حمد آل ثاني») is left to the
 * royal-title rule: «المواطن ثامر» is someone else.
 */
function leadsArabicName(part: readonly string[], whole: readonly string[]): boolean {
  const [word] = part;
  return word !== undefined && whole.length >= 2 && whole[0] === word && word.length >= 3 && /^\p{Script=Arabic}/u.test(word) && !NOT_GIVEN_NAMES_AR.has(word) && !LINEAGE_WORDS.has(whole[1] ?? '');
}

/** Whether the mention at `at` is written without a proclitic («وبارك المدرب الفوز» is "and (he) blessed"). */
function writtenBare(text: string, at: number): boolean {
  return at === 0 || !/\p{Script=Arabic}/u.test(text[at - 1] ?? '');
}

/** A Latin-script name of two words or more that opens a longer one: "Abang Johari" after "Abang Johari Openg", "Maryam Nawaz" after "Maryam Nawaz Sharif". */
function opensLatinName(part: readonly string[], whole: readonly string[]): boolean {
  return part.length >= 2 && /^[a-z]/u.test(part[0] ?? '') && part.every((k, i) => whole[i] === k);
}

function endsWith(whole: readonly string[], part: readonly string[]): boolean {
  const off = whole.length - part.length;
  return part.every((k, i) => whole[off + i] === k);
}

function orgFits(part: readonly string[], whole: readonly string[], wholeTokens: readonly Token[]): boolean {
  if (part.length >= 2) return part.every((k) => whole.includes(k));
  // One word: the full name's first word after any generic heads ("مجمع بولينا القابضة").
  let first = wholeTokens[0];
  for (let i = 1; i < wholeTokens.length && first !== undefined && isHead(first); i++) first = wholeTokens[i];
  const [word] = part;
  return first !== undefined && word !== undefined && word.length >= 3 && first.key === word;
}

/**
 * A one-word part that is an organisation name's last word: a club's or brand's own name after its
 * town or sponsor ("Kiel" after "THW Kiel", "Kotoko" after "Asante Kotoko", «كنانة» after «شركة
 * سكر كنانة»); a capitalised Latin word or an Arabic word without the article, not a generic tail
 * ("Group", "Bank").
 */
function lastWordFits(part: readonly string[], wholeTokens: readonly Token[]): boolean {
  const [word] = part;
  const last = wholeTokens.at(-1);
  return (
    word !== undefined &&
    last !== undefined &&
    wholeTokens.length >= 2 &&
    word.length >= 3 &&
    last.key === word &&
    (last.arabic ? !last.article && !isHead(last) : last.cap && !GENERIC_TAILS_EN.has(word))
  );
}

/** «نادي هانوي», "Hanoi club": a club named by the word itself, not "Cong An Hanoi", which ends with it. */
function afterClubWord(text: string, at: number): boolean {
  return /(?:^|[\s(«"])[وفبل]?(?:ال|لل)?(?:نادي|فريق)\s+$/u.test(text.slice(Math.max(0, at - 12), at));
}

/** Last words of an organisation's name that are not its own name ("Masan Group" is not "Group"). */
const GENERIC_TAILS_EN: ReadonlySet<string> = new Set([
  'group', 'inc', 'corp', 'corporation', 'company', 'co', 'ltd', 'limited', 'plc', 'holdings', 'holding', 'bank', 'ministry',
  'party', 'university', 'council', 'authority', 'agency', 'association', 'union', 'federation', 'club', 'fc', 'sc', 'ag',
  'sa', 'institute', 'commission', 'committee', 'court', 'service', 'services', 'airways', 'airlines', 'industries', 'energy',
  'international', 'foundation', 'office', 'department', 'board', 'network', 'television', 'radio', 'news', 'times', 'post',
  'house', 'hall', 'centre', 'center', 'trust', 'fund', 'movement', 'front', 'alliance', 'coalition', 'league', 'forces', 'army',
]);

/** Arabic words that open a company's or group's name before the name word itself: «مجمع بولينا». */
const COMPANY_HEADS_AR: ReadonlySet<string> = new Set(['مجمع', 'مجموعة', 'مصنع', 'مصانع', 'شركات', 'مجموعه'].map(keyOf));

function isHead(t: Token): boolean {
  return isGenericOrgHead(t) || (t.arabic && variantsOf(t).some((v) => COMPANY_HEADS_AR.has(v.key)));
}

/** Titles before a prince's or sheikh's given name («الشيخ جوعان», "Sheikh Tamim"). */
const ROYAL_TITLE_BEFORE = /(?:^|[\s(«"])(?:[وف]?(?:ال|لل)?(?:شيخ|شيخة|أمير|أميرة|امير|اميرة|سلطان|ملك)|Sheikh|Sheikha|Prince|Princess|Emir|Sultan|King)\s+$/u;

/** Whether a royal title stands right before offset `at` (the mention leaves it out). */
function afterRoyalTitle(text: string, at: number): boolean {
  return ROYAL_TITLE_BEFORE.test(text.slice(Math.max(0, at - 16), at));
}

const LINEAGE_WORDS: ReadonlySet<string> = new Set(['بن', 'ابن', 'بنت', 'bin', 'bint', 'ibn'].map(keyOf));

/**
 * «ابن بيه» after «عبد الله بن بيه», «ابن النعمان» after «أحمد بن النعمان الكعبي»: a person named by
 * «بن/ابن» and a father's or family name that follows «بن» inside the full name («بن» and «ابن» alike).
 */
function lineageInside(part: readonly string[], whole: readonly string[]): boolean {
  const [son, name] = part;
  if (part.length !== 2 || son === undefined || name === undefined || !LINEAGE_WORDS.has(son)) return false;
  return whole.some((k, i) => i >= 1 && LINEAGE_WORDS.has(k) && whole[i + 1] === name);
}

/** A one-word part that is the given name of a name written with «بن»/"bin" after it. */
function givenNameOfLineage(part: readonly string[], whole: readonly string[]): boolean {
  return part.length === 1 && whole[0] === part[0] && whole.length >= 3 && LINEAGE_WORDS.has(whole[1] ?? '');
}

/** «النادي X» / «نادي X»: the club's name after the word for club. */
const CLUB_NAME_AR = /^(?:ال)?نادي\s+(\S.*)$/u;

/**
 * A name the article links somewhere (the KB's "Democratic Progressive Party", by its cue words)
 * whose unlinked id other mentions carry (its bracketed acronym "DPP", given that id before the
 * name was linked) takes them along: the id made from a linked mention's own text is that
 * mention's entity in this article, and so is a club's name without «النادي». Pure: returns the
 * mentions to re-id.
 */
export function sameNameLinks(mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): Map<Mention, string> {
  const linkedBy = new Map<string, string | null>();
  for (const m of mentions) {
    // (Not a one-word person: «الملك سلمان» linked does not make «سلمان» the captain the king.)
    if (m.entityId === null || info.get(m.entityId)?.linked !== true || (m.type === 'PER' && !/\s/u.test(m.text.trim()))) continue;
    // A club named with «النادي»/«نادي» («النادي الإفريقي») is also its name without it («الإفريقي»).
    const club = m.type === 'ORG' ? CLUB_NAME_AR.exec(m.text)?.[1] : undefined;
    for (const own of club ? [unlinkedId(m.type, m.text), unlinkedId(m.type, club)] : [unlinkedId(m.type, m.text)]) {
      const prev = linkedBy.get(own);
      linkedBy.set(own, prev === undefined || prev === m.entityId ? m.entityId : null);
    }
  }
  const out = new Map<Mention, string>();
  for (const m of mentions) {
    const to = m.entityId === null ? undefined : linkedBy.get(m.entityId);
    if (to && info.get(m.entityId ?? '')?.linked !== true && info.get(to)?.type === m.type) out.set(m, to);
  }
  return out;
}

/**
 * English words after a park's or a crater's own name that news drops once the place is named
 * ("Kuno National Park" … "Kuno"). Not dams, islands, fields, markets, hospitals or stadiums: their
 * own name alone is mostly the town they are named after ("Merowe", "Kariakoo", "Mbombela").
 */
const PLACE_TAILS_EN = /^(?:national park|wildlife sanctuary|game reserve|nature reserve|national reserve|sanctuary|crater|glacier)$/iu;
/** First words of a natural feature's own name, which a park named after it keeps ("Mount Elgon", "Lake Nakuru"). */
const FEATURE_OPENERS_EN = new Set(['mount', 'mt', 'lake', 'cape', 'river', 'volcano', 'isla', 'island', 'gulf', 'bay', 'sierra', 'cerro', 'monte', 'lago']);
/** Last words of a natural feature's own name, kept the same way ("Table Mountain National Park" … "Table Mountain"). */
const FEATURE_ENDS_EN = new Set(['mountain', 'mountains', 'hill', 'hills', 'falls', 'forest', 'lake', 'river', 'valley', 'gorge', 'plateau', 'desert']);
/** Arabic words before a park's or a camp's own name that news drops («مخيم الزعتري» … «الزعتري»), and after it («الوطنية»). */
const PLACE_HEADS_AR = new Set(['حديقة', 'محمية', 'مخيم', 'فوهة'].map(keyOf));
const PLACE_TAILS_AR = new Set(['الوطنية', 'الوطني', 'الطبيعية', 'الطبيعي', 'الدولي'].map(keyOf));

/**
 * A place the article names in full once and later by its own name without the generic words
 * around it: "Kaziranga" after "Kaziranga National Park", "Shackleton" after "Shackleton crater",
 * «الزعتري» after «مخيم الزعتري». Such a name, found unlinked as a place, or as a one-word person
 * the article names nowhere else (the model's reading of "Kuno"), takes the full name's id (and
 * type) when exactly one place of the article gives it. Pure: returns the mentions to re-id.
 */
export function placeShortFormLinks(mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>, text = ''): Map<Mention, string> {
  const owners = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.type !== 'LOC' || m.entityId === null) continue;
    for (const short of ownNames(m.text)) {
      const set = owners.get(short) ?? new Set<string>();
      set.add(m.entityId);
      owners.set(short, set);
    }
  }
  const out = new Map<Mention, string>();
  if (owners.size === 0) return out;
  for (const m of mentions) {
    if ((m.type !== 'LOC' && m.type !== 'PER') || m.entityId === null || info.get(m.entityId)?.linked !== false) continue;
    if (m.entityId !== unlinkedId(m.type, m.text) || (m.type === 'PER' && (/\s/u.test(m.text.trim()) || describedPerson(text, m)))) continue;
    const set = owners.get(keysOf(m.text));
    const [owner] = set ?? [];
    if (set?.size === 1 && owner !== undefined && owner !== m.entityId) out.set(m, owner);
  }
  return out;
}

/** A person the article describes: an apposition after it ("Kruger, the Boer president") or a role before it ("the nurse Fatima"). */
function describedPerson(text: string, m: Mention): boolean {
  return /^\s*,\s*(?:the|a|an|who|whose|as|aged|\d)/iu.test(text.slice(m.end, m.end + 12)) || /\b(?:Mr|Mrs|Ms|Dr|President|nurse|hunter|farmer|ranger|minister|said|says)\.?\s+$/u.test(text.slice(Math.max(0, m.start - 20), m.start)) || /^\s*[،,]\s*(?:الذي|التي|رئيس|وزير)/u.test(text.slice(m.end, m.end + 12));
}

function keysOf(text: string): string {
  return tokenize(text).map((t) => t.key).join(' ');
}

/** A place name's own name without its generic words, as token keys ("kaziranga"), or none. */
function ownNames(text: string): string[] {
  const toks = tokenize(text);
  if (toks.length < 2) return [];
  if (toks[0]?.arabic) {
    let first = 0;
    let last = toks.length - 1;
    if (PLACE_HEADS_AR.has(toks[0].key)) first = 1;
    if (PLACE_TAILS_AR.has(toks[last]?.key ?? '') && last > first) last--;
    return first === 0 && last === toks.length - 1 ? [] : [toks.slice(first, last + 1).map((t) => t.key).join(' ')];
  }
  // The longest generic ending first ("Wildlife Sanctuary" before "Sanctuary").
  for (let cut = Math.min(3, toks.length - 1); cut >= 1; cut--) {
    const tail = toks.slice(toks.length - cut);
    const from = tail[0]?.start ?? 0;
    // ("Mount Elgon National Park" … "Mount Elgon" is the mountain.)
    const own = toks.slice(0, toks.length - cut);
    if (PLACE_TAILS_EN.test(text.slice(from).trim())) return FEATURE_OPENERS_EN.has(own[0]?.key ?? '') || FEATURE_ENDS_EN.has(own.at(-1)?.key ?? '') ? [] : [own.map((t) => t.key).join(' ')];
  }
  return [];
}
