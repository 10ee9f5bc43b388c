import type { EntityInfo } from './build-entities.ts';
import { isGenericOrgHead } from './org-rules.ts';
import { keyOf, tokenize, variantsOf, type Token } from './tokenize.ts';
import type { Mention } from './types.ts';
import { unlinkedId } from './entity-id.ts';

/**
 * A person or organisation the KB does not know is named in full once and by part of its name
 * elsewhere in the article: «دي ميستورا» after «ستافان دي ميستورا», "Le Pen" after "Marine Le Pen",
 * «وزارة الموارد البشرية» after «وزارة الموارد البشرية والتنمية الاجتماعية», "Energy Ministry" after
 * "Ministry of Energy", «بولينا» after «مجمع بولينا القابضة». Such a part, found as a name of its
 * own, takes the full name's id when exactly one entity of the article has a longer name it fits:
 * for a person, the last words (a surname of two words or more); for an organisation, all its
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
  const out = new Map<Mention, string>();
  for (const m of mentions) {
    if ((m.type !== 'PER' && m.type !== 'ORG') || m.entityId === null || info.get(m.entityId)?.linked !== false) continue;
    const part = keysOf.get(m) ?? [];
    if (part.length === 0) continue;
    const owners = new Set<string>();
    for (const full of mentions) {
      if (full.type !== m.type || full.entityId === null || full.entityId === m.entityId) continue;
      const whole = keysOf.get(full) ?? [];
      if (whole.length <= part.length) continue;
      const fits = m.type === 'PER' ? (part.length >= 2 && endsWith(whole, part)) || lineageInside(part, whole) || (givenNameOfLineage(part, whole) && afterRoyalTitle(text, m.start)) : orgFits(part, whole, tokensOf.get(full) ?? []);
      if (fits) owners.add(full.entityId);
    }
    const [owner] = owners;
    if (owners.size === 1 && owner !== undefined) out.set(m, owner);
  }
  return out;
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
