import { PARTICLES_EN } from './title-rules.ts';
import { keyOf, variantsOf, type Token } from './tokenize.ts';

export interface PersonSpan {
  readonly first: number;
  readonly last: number;
  readonly entityId: string;
}

export interface SurnameHit {
  readonly token: number;
  readonly skip: number;
  readonly entityId: string;
  /** Whether the word is the person's surname or (English) given name. */
  readonly part: 'surname' | 'given';
}

/** Tokens before the last one that make it a patronym or dynasty, not a surname ("بن سلمان", "آل ثاني"). */
const PATRONYM = new Set(['بن', 'ابن', 'بنت', 'ال', 'bin', 'ibn', 'bint']);
const NOT_SURNAMES = new Set(['ثاني', 'ثالث', 'سادس', 'اول', 'جونيور', 'jr', 'ii', 'iii', 'iv', 'vi', 'xiv']);
/** A generation after a surname ("Jr", «الابن»): the surname is the word before it. */
const GENERATIONS = new Set(['jr', 'sr', 'junior', 'جونيور', 'الابن', 'الاب', 'ii', 'iii'].map(keyOf));
/** Particles inside names, no surname by themselves ("de", "van", «دي», «أبو», «عبد»). */
const NAME_PARTICLES = new Set([...PARTICLES_EN, ...['del', 'della', 'di', 'dos', 'das', 'den', 'abdel', 'abdul', 'دي', 'دا', 'فان', 'فون', 'أبو', 'ابو', 'عبد', 'أم', 'ام', 'ولد', 'آيت'].map(keyOf)]);
/** Words that read as a proclitic and a surname but are a preposition phrase («لصالح», "in favour of"; «بفضل», "thanks to"). */
const PHRASES_AR = new Set(['لصالح', 'بفضل', 'لحساب', 'بحسب', 'لحسن', 'بحسن', 'لعل'].map(keyOf));

/**
 * Chinese and Korean family names, which open the name («شي جين بينغ», «لي جاي ميونغ») and name
 * the person alone after it («وقال شي»). Many are also Arabic words («لي» "to me", «بارك»
 * "blessed"), so alone they link only where the model read a one-word person.
 */
const FAMILY_FIRST_AR = new Set(
  ['شي', 'لي', 'وانغ', 'وانج', 'تشانغ', 'تشانج', 'جانغ', 'ليو', 'تشن', 'تشين', 'يانغ', 'هوانغ', 'تشاو', 'تشو', 'شو', 'هو', 'غاو', 'قاو', 'لين', 'سون', 'قوه', 'غوه', 'دينغ', 'فنغ', 'تساي', 'كيم', 'بارك', 'مون', 'يون', 'تشوي', 'هان', 'وو', 'لو'].map(keyOf),
);
const LI = keyOf('لي');
/** Verbs of saying before «لي» ("told me"), with or without و/ف. */
const SPEECH_VERBS_AR = new Set(['قال', 'وقال', 'فقال', 'قالت', 'وقالت', 'أكد', 'وأكد', 'أوضح', 'وأوضح', 'أضاف', 'وأضاف', 'صرح', 'وصرح', 'كشف', 'وكشف', 'ذكر', 'وذكر'].map(keyOf));
const THAT_AR = new Set(['إن', 'أن', 'ان', 'إنه', 'أنه', 'انه'].map(keyOf));
/** Two-letter family names the English given-name rule's length floor would miss ("Li" for Li Qiang); not "He" (a sentence opener). */
const FAMILY_FIRST_EN = new Set(['li', 'hu', 'wu', 'lu', 'xu', 'ma']);

/**
 * A surname alone ("بيسكوف", "Musk") refers to the person named in full elsewhere in the same
 * article; so does an English given name alone. A surname two people of the article share is,
 * where the model reads a person, the KB's one of them, else the one named first; a given name
 * they share is left alone.
 */
export function linkSurnames(
  tokens: readonly Token[],
  people: readonly PersonSpan[],
  covered: ReadonlySet<number>,
  /** Tokens the model read as a one-word person (an Arabic family name alone links only there). */
  modelPersons: ReadonlySet<number> = new Set(),
  /** Whether a person's id is a KB entry's. */
  isLinked: (id: string) => boolean = () => false,
): SurnameHit[] {
  const owners = new Map<string, string | null>();
  /** Whether each surname is written with the article: «جمعة» the person is not «الجمعة», Friday. */
  const withArticle = new Map<string, boolean>();
  /** Surnames written with a final ي: «على» (the preposition, with ى) is not «علي». */
  const endsInYa = new Set<string>();
  /** The person each surname was first given to in full, and everyone it was given to. */
  const firstNamed = new Map<string, { at: number; entityId: string }>();
  const namesakes = new Map<string, Set<string>>();
  for (const p of people) {
    if (p.last <= p.first) continue;
    const last = tokens[p.last];
    const before = tokens[p.last - 1];
    if (!last || !before || PATRONYM.has(before.key) || NOT_SURNAMES.has(last.key) || last.key.length < 3) continue;
    // A lower-case part after a hyphen ends a given name ("Chen Li-wei", "Lai Ching-te"), not a surname.
    if (!last.arabic && !last.cap) continue;
    const prev = owners.get(last.key);
    owners.set(last.key, prev === undefined || prev === p.entityId ? p.entityId : null);
    const seen = firstNamed.get(last.key);
    if (!seen || p.first < seen.at) firstNamed.set(last.key, { at: p.first, entityId: p.entityId });
    const sharers = namesakes.get(last.key) ?? new Set<string>();
    namesakes.set(last.key, sharers.add(p.entityId));
    if (last.arabic) withArticle.set(last.key, last.article);
    if (last.arabic && /ي[\u064B-\u0652]*$/u.test(last.text)) endsInYa.add(last.key);
  }
  // English given names alone ("Carlos" for Carlos Alcaraz, as sports and feature copy writes),
  // when one person of the article has it and it is nobody's surname. Not Arabic: given names
  // there are too often other words («علي» is also «على» once folded).
  const given = new Map<string, string | null>();
  for (const p of people) {
    const first = tokens[p.first];
    if (p.last <= p.first || !first || first.arabic || !(/^\p{Lu}\p{Ll}{2,}$/u.test(first.text) || (FAMILY_FIRST_EN.has(first.key) && /^\p{Lu}\p{Ll}$/u.test(first.text))) || PATRONYM.has(first.key)) continue;
    const prev = given.get(first.key);
    given.set(first.key, prev === undefined || prev === p.entityId ? p.entityId : null);
  }
  const family = new Map<string, string | null>();
  for (const p of people) {
    const first = tokens[p.first];
    if (p.last <= p.first || !first?.arabic || first.article || !FAMILY_FIRST_AR.has(first.key)) continue;
    const prev = family.get(first.key);
    family.set(first.key, prev === undefined || prev === p.entityId ? p.entityId : null);
  }
  // The word before a last one that is a generation ("Ferdinand Marcos Jr", «ماركوس الابن») is the
  // surname; the next-to-last of three or more words may be a first surname ("Eusebio Mireles
  // Rangel", «خافيير مارتينيث أوليفا»), named alone only where the model reads a one-word person.
  const firstSurnames = new Map<string, string | null>();
  for (const p of people) {
    const last = tokens[p.last];
    const before = tokens[p.last - 1];
    if (!last || !before || p.last - 1 <= p.first || before.key.length < 3 || PATRONYM.has(before.key) || NAME_PARTICLES.has(before.key) || NOT_SURNAMES.has(before.key)) continue;
    if (!before.arabic && !/^\p{Lu}\p{Ll}/u.test(before.text)) continue;
    const into = GENERATIONS.has(last.key) ? owners : firstSurnames;
    const prev = into.get(before.key);
    into.set(before.key, prev === undefined || prev === p.entityId ? p.entityId : null);
  }
  // A surname two people of the article share, where the model reads a person: the one the KB
  // knows, if only one is («حسين الشرع» … «أحمد الشرع» … «الشرع»), else the one named first ("Riad
  // Salameh" … "his brother Raja Salameh" … "Salameh"): news gives a later namesake his given name.
  const shared = new Map<string, string>();
  for (const [key, id] of owners) {
    if (id !== null) continue;
    const known = [...(namesakes.get(key) ?? [])].filter(isLinked);
    const pick = known.length === 1 ? known[0] : firstNamed.get(key)?.entityId;
    if (pick !== undefined) shared.set(key, pick);
  }
  const surnames = new Set(owners.keys());
  for (const [key, id] of given) if (!owners.has(key)) owners.set(key, id);
  const hits: SurnameHit[] = [];
  if (owners.size === 0 && family.size === 0) return hits;
  tokens.forEach((t, i) => {
    if (covered.has(i) || (!t.arabic && !t.cap) || PHRASES_AR.has(t.key)) return;

    for (const v of variantsOf(t)) {
      const kin = family.get(v.key);
      // Written bare: «وبارك المدرب الفوز» is "and (he) blessed", not Park; and «قال لي مسؤول» is
      // "an official told me": «لي» after a speech verb is Li only before «إن» («وقال لي إن …»).
      const toldMe = v.key === LI && SPEECH_VERBS_AR.has(tokens[i - 1]?.key ?? '') && !THAT_AR.has(tokens[i + 1]?.key ?? '');
      if (kin && !owners.has(v.key) && modelPersons.has(i) && v.article === false && v.clitics === '' && !toldMe) {
        hits.push({ token: i, skip: v.skip, entityId: kin, part: 'surname' });
        return;
      }
      const second = firstSurnames.get(v.key);
      if (second && !owners.has(v.key) && modelPersons.has(i) && v.clitics === '' && !toldMe) {
        hits.push({ token: i, skip: v.skip, entityId: second, part: 'surname' });
        return;
      }
      const id = owners.get(v.key) ?? (modelPersons.has(i) && v.clitics === '' ? shared.get(v.key) : undefined);
      const article = withArticle.get(v.key);
      if (endsInYa.has(v.key) && /ى[\u064B-\u0652]*$/u.test(t.text)) continue;
      if (id && (article === undefined || article === v.article)) {
        hits.push({ token: i, skip: v.skip, entityId: id, part: surnames.has(v.key) ? 'surname' : 'given' });
        return;
      }
    }
  });
  return hits;
}
