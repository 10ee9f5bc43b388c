import { nameReadingsOf, tokenize, variantsOf, type Token, type TokenVariant } from './tokenize.ts';
import type { KbEntry } from './types.ts';
import { CONFIRMED_ALIAS, splitCues } from './alias-syntax.ts';

type Case = 'upper' | 'cap' | 'any';

/** Acronyms ("WHO", "US") only match in capitals; capitalised names need a capital in the text. */
function caseOf(t: Token): Case {
  if (t.arabic || !t.cap) return 'any';
  return t.text.length >= 2 && t.text === t.text.toUpperCase() && /\p{Lu}/u.test(t.text) ? 'upper' : 'cap';
}

/**
 * Latin name particles inside a name, written capitalised or not ("Mishal Al-Ahmad Al-Jaber
 * Al-Sabah" is also "Mishal al-Ahmad al-Jaber al-Sabah", "Lula Da Silva" "Lula da Silva"): an
 * alias's inner particle matches either case.
 */
const INNER_PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'bin', 'bint', 'ibn', 'abu', 'bou', 'ben', 'da', 'de', 'do', 'dos', 'das', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'la', 'le', 'du']);

function caseFits(need: Case, t: Token | undefined): boolean {
  if (!t) return false;
  if (need === 'any') return true;
  if (need === 'cap') return t.cap;
  return t.text === t.text.toUpperCase();
}

interface Alias {
  readonly entry: number;
  /** Per token, the case the text must show: alias written in capitals, capitalised, or any. */
  readonly caps: readonly Case[];
  /**
   * Per token, whether the alias writes it with the Arabic article, so the text must have it too:
   * "الجزيرة" is a name, "جزيرة" is just "island" (write the bare form as its own alias when it
   * is a name too); "روسيا اليوم" (RT) is not "روسيا يوم" ("Russia on [Monday]").
   */
  readonly articles: readonly boolean[];
  /** A one-word Arabic alias of three letters or fewer written without hamza: «وام» (WAM) is not «وأم» ("and Umm"). */
  readonly bareShort: boolean;
  /**
   * The hamza-alef a one-word Arabic alias of three letters or fewer opens with, or '': «إفي» (EFE)
   * is not «آفي» (Mount Afi), which folding would merge; a text without hamza («افي») still fits.
   */
  readonly openingHamza: string;
}

/** Hamza on alef: kept apart from bare alef for the shortest aliases, which folding would merge. */
const HAMZA_ALEF = /[أإآ]/u;

export interface RawMatch {
  readonly entry: number;
  /** First and last token index (inclusive). */
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
}

export interface Matcher {
  readonly entries: readonly KbEntry[];
  match(tokens: readonly Token[], text: string): RawMatch[];
  /**
   * The entry a name the statistical model found (tokens first..last, of `type`) links to through
   * a model-confirmed alias (written with a leading `~` in the data: «~الجزيرة», «~مالي», "~Al
   * Ittihad"): forms too ambiguous to match on their own (an island, "financial", a union), right
   * where the model reads a name of the entry's type. Null when none.
   */
  confirm(tokens: readonly Token[], first: number, last: number, type: string): number | null;
  /** The entry whose alias is all of `name` (a name found some other way, proclitics already off), or null. */
  whole(name: string): number | null;
}

/** An entry confirming a form, and the words (keys) one of which the article must hold, if any. */
interface Confirmable {
  readonly entry: number;
  /** Cue words as `cueKey` writes them, or null: none. */
  readonly cues: ReadonlySet<string> | null;
  /** Whether the form's first word is Arabic with the article: the text's reading must agree («~صور» is not «الصور»). */
  readonly article: boolean;
}

/**
 * What a cue word needs the article to show: the key, with "|U" when written in capitals ("US" is
 * not "us"), "|C" when capitalised, "|A" when written with the Arabic article («الرياض» is not the
 * given name «رياض»).
 */
function cueKey(t: Token | TokenVariant, c: Case): string {
  if ('clitics' in t || t.arabic) return t.article ? `${t.key}|A` : t.key;
  return c === 'upper' ? `${t.key}|U` : c === 'cap' ? `${t.key}|C` : t.key;
}

/**
 * Text allowed between two tokens of one name: spaces (not line breaks), hyphens, apostrophes,
 * direction marks, the dot of "U.S.", an ampersand ("S&P", "Johnson & Johnson", "Larsen & Toubro";
 * measured in session 18, it also joins the rare "Tesco & Sainsbury's" of two companies).
 */
const JOIN = /^[ \t\u00a0\u200e\u200f\-\u2010\u2011'’&]{1,3}$|^\. ?$/u;

/** Between two items of a list: spaces and commas. */
const LIST_GAP = /^[\s،,]+$/u;

export function joinable(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  if (!JOIN.test(gap)) return false;
  return !gap.startsWith('.') || a.text.length === 1;
}

/**
 * An alias and its other spellings: Arabic news writes the names built on «عبد» both apart and
 * joined («عبد الله» and «عبدالله», «عبد العزيز» and «عبدالعزيز»), and a KB alias lists one; a
 * place's Arabic name also joined or split (`placeSpellingsOf`); "Saint …" also as "St …".
 */
export function spellingsOf(alias: string, type?: KbEntry['type']): readonly string[] {
  const joined = alias.replace(/(^|[\s])عبد\s+ال/gu, '$1عبدال');
  const apart = alias.replace(/(^|[\s])عبدال(?=\p{L}{2})/gu, '$1عبد ال');
  const forms = [alias, joined, apart];
  if (type === 'LOC') forms.push(...placeSpellingsOf(alias));
  // "Saint Petersburg" is written "St Petersburg" as often. ("St." is not matched: a full stop
  // stands between the words.)
  if (/^Saint[ -]\p{Lu}/u.test(alias)) forms.push(`St ${alias.slice(6)}`);
  if (type === 'ORG') forms.push(...corporateSpellingsOf(alias));
  return [...new Set(forms)];
}

/** A company's closing word in full and as wire copy abbreviates it ("Toyota Motor Corp"). */
const CORPORATE_SHORT: Readonly<Record<string, string>> = { Corporation: 'Corp', Company: 'Co', Incorporated: 'Inc', Limited: 'Ltd' };
const CORPORATE_LONG: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(CORPORATE_SHORT).map(([l, s]) => [s, l]));

/**
 * An English company name with its closing word the other way: "Saudi Basic Industries
 * Corporation" is "… Corp" in Reuters copy, "Taiwan Semiconductor Manufacturing Co" the KB's
 * "… Company". Only names of three words or more: "Ford Co" is no spelling of "Ford Company".
 */
export function corporateSpellingsOf(alias: string): string[] {
  const words = alias.split(' ');
  const last = words.at(-1) ?? '';
  if (words.length < 3 || !words.every((w) => /^[\p{Script=Latin}\d&.'’-]+$/u.test(w))) return [];
  const other = CORPORATE_SHORT[last] ?? CORPORATE_LONG[last];
  return other ? [[...words.slice(0, -1), other].join(' ')] : [];
}

/**
 * Legal-form words that close a company's name after the name the KB knows ("Samsung Electronics
 * Co Ltd", "Siemens AG", "Tata Sons Ltd"): the mention takes them, the link stays. Written as wire
 * copy writes them; the upper-case ones only so (no "Sa", "Ag").
 */
const LEGAL_TAILS = new Set(['Co', 'Corp', 'Inc', 'Ltd', 'Limited', 'plc', 'PLC', 'LLC', 'AG', 'SA', 'SE', 'NV', 'BV', 'GmbH', 'PJSC', 'JSC']);
/** The legal-form words wire copy may write with a full stop ("Co.", "Corp."). */
const ABBREVIATED_TAILS = new Set(['Co', 'Corp', 'Inc', 'Ltd']);

/** Words that open a place name Arabic news writes both apart and joined («بور سعيد», «بورسعيد»). */
const JOINED_OPENERS_AR = ['بورت', 'بور', 'نيو', 'أبو', 'ابو', 'كوالا', 'دار', 'هونغ'];
const ARABIC_WORD = /^[\u0621-\u064a]+$/u;

/**
 * A place's Arabic name of two words written as one («كوالا لمبور» → «كوالالمبور», «هونغ كونغ» →
 * «هونغكونغ», «دار السلام» → «دارالسلام»), and one written as one word split after an opener that
 * news also writes apart («بورتسودان» → «بورت سودان», «نيويورك» → «نيو يورك»). Only forms of six
 * letters or more whose first word has three letters or more are joined («إل ليمون» would give
 * «الليمون», "the lemon"), and a split leaves three letters or more after the opener, which is never
 * «أم» («أم آسيا» is "or Asia", not Amasya), so no short word of the language is made a place.
 */
export function placeSpellingsOf(alias: string): string[] {
  const words = alias.split(' ');
  if (!words.every((w) => ARABIC_WORD.test(w))) return [];
  // (A first word of two letters is an article or particle: «إل ليمون» joined is «الليمون», "the lemon".)
  if (words.length === 2 && (words[0] ?? '').length >= 3 && words.join('').length >= 6) return [words.join('')];
  if (words.length !== 1) return [];
  const [word = ''] = words;
  const opener = JOINED_OPENERS_AR.find((o) => word.startsWith(o) && word.length - o.length >= 3);
  return opener ? [`${opener} ${word.slice(opener.length)}`] : [];
}

/**
 * Compiles entries into a hash over joined token keys. Earlier entries win on equal keys, so the
 * curated KB (loaded first) overrides the gazetteer.
 */
export function compileMatcher(entries: readonly KbEntry[]): Matcher {
  const index = new Map<string, Alias[]>();
  /** Every leading run of alias tokens ("حلف", "حلف شمال", ...), so matching can stop early. */
  const prefixes = new Set<string>();
  const owner = new Map<string, string>();
  const confirmed = new Map<string, Confirmable[]>();
  entries.forEach((entry, i) => {
    for (const alias of entry.aliases) {
      if (alias.startsWith(CONFIRMED_ALIAS)) {
        const { form, cues } = splitCues(alias.slice(CONFIRMED_ALIAS.length));
        const key = tokenize(form).map((t) => t.key).join(' ');
        const list = confirmed.get(key) ?? [];
        // A cue that is one of the form's own words shows nothing: the form always brings it ("~Senate@… Senate").
        const formKeys = new Set(tokenize(form).map((t) => t.key));
        const cueKeys = cues === null ? null : new Set(tokenize(cues).filter((t) => !formKeys.has(t.key)).map((t) => cueKey(t, caseOf(t))));
        const same = list.findIndex((c) => c.entry === i);
        const prev = list[same];
        // The same form twice on one row: without cues it links anywhere; else the cues add up.
        const first = tokenize(form)[0];
        const article = first?.arabic === true && first.article;
        if (!prev) list.push({ entry: i, cues: cueKeys, article });
        else list[same] = { entry: i, cues: prev.cues === null || cueKeys === null ? null : new Set([...prev.cues, ...cueKeys]), article };
        confirmed.set(key, list);
        continue;
      }
      for (const form of spellingsOf(alias, entry.type)) add(entry, i, form);
    }
  });

  /** One spelling of a plain alias into the index. */
  function add(entry: KbEntry, i: number, alias: string): void {
    const toks = tokenize(alias);
    const key = toks.map((t) => t.key).join(' ');
    // A form the KB lets a place of its own take only where the model reads a place ("~Santiago",
    // the Chilean capital) is not a gazetteer match for another place of that name.
    const kbForms = entry.strong ? undefined : confirmed.get(key)?.filter((c) => entries[c.entry]?.type === entry.type);
    if (kbForms?.some((c) => c.cues === null)) return;
    // A form the KB gives a place only beside its cue words («~مليحة@الشارقة», Mleiha) makes the
    // gazetteer's place of that spelling (Mellieħa, Malta) one the model must confirm too: the cued
    // place where the article shows its cues, else this one.
    if (kbForms && kbForms.length > 0) {
      const list = confirmed.get(key) ?? [];
      const first = toks[0];
      if (!list.some((c) => c.entry === i)) list.push({ entry: i, cues: null, article: first?.arabic === true && first.article });
      return;
    }
    // Single letters ("X") are too ambiguous to match on their own.
    if (key.replace(/\s/g, '').length < 2) return;
    const caps = toks.map((t, j) => (j > 0 && j < toks.length - 1 && INNER_PARTICLES.has(t.key) ? 'any' : caseOf(t)));
    const articles = toks.map((t) => t.article);
    // Owned per key and article pattern: «ألباريس» (Albares, read as ال + باريس) must not take
    // «باريس» (Paris) from the gazetteer.
    const ownerKey = `${key}\u0000${articles.map((a) => (a ? 1 : 0)).join('')}`;
    const prev = owner.get(ownerKey);
    if (prev !== undefined && prev !== entry.id) return;
    owner.set(ownerKey, entry.id);
    const list = index.get(key) ?? [];
    // The same entry by both spellings of one alias: listed once.
    if (list.some((a) => a.entry === i && a.articles.join() === articles.join() && a.caps.join() === caps.join())) return;
    const bareShort = toks.length === 1 && toks[0]?.arabic === true && key.length <= 3 && !HAMZA_ALEF.test(toks[0].text);
    const opening = toks.length === 1 && toks[0]?.arabic === true && key.length <= 3 ? (/^[أإآ]/u.exec(toks[0].text)?.[0] ?? '') : '';
    list.push({ entry: i, caps, articles, bareShort, openingHamza: opening });
    index.set(key, list);
    const parts = key.split(' ');
    for (let k = 1; k <= parts.length; k++) prefixes.add(parts.slice(0, k).join(' '));
  }

  /** `article`: whether the first token's reading has the article (its clitics stripped). */
  function lookup(key: string, toks: readonly Token[], article: boolean, hamza = false, opening = ''): number | null {
    const list = index.get(key);
    if (!list) return null;
    const has = (j: number): boolean => (j === 0 ? article : toks[j]?.article === true);
    // An alias written as the text is (article for article) beats one that merely allows it:
    // «الجبيل» is Jubail even though «جبيل» (Byblos) would also fit behind an article. Ordinary
    // gazetteer places take only their own form: «الجدة» (the grandmother) is not «جدة» (Jeddah),
    // while KB names and countries keep matching behind an article («الناتو» for «ناتو»).
    let fallback: number | null = null;
    for (const alias of list) {
      if (hamza && alias.bareShort) continue;
      if (opening !== '' && alias.openingHamza !== '' && opening !== alias.openingHamza) continue;
      if (!alias.articles.every((needed, j) => !needed || has(j))) continue;
      if (!alias.caps.every((need, j) => caseFits(need, toks[j]))) continue;
      if (alias.articles.every((needed, j) => needed === has(j))) return alias.entry;
      // Not a name that reads as a nisba: «السورية» is "the Syrian", not «سورية» (Syria); nor a
      // person's one word, which the KB lists with the article where news writes it so: «المؤدي»
      // ("leading to", folded «المودي») is not «مودي» (Modi).
      // In a name of two words only the first may differ so: «حزب التقدم» ('the Progress Party',
      // Morocco's «حزب التقدم والاشتراكية») is not «حزب تقدم» (Iraq's Taqaddum). A longer name is
      // the same one with an article more or less inside («… لتنظيم الاستفتاء في الصحراء الغربية»).
      const innerDiffers = toks.length === 2 && alias.articles[1] !== has(1);
      if (entries[alias.entry]?.strong && !innerDiffers && !(article && toks.length === 1 && (key.endsWith('يه') || entries[alias.entry]?.type === 'PER'))) fallback ??= alias.entry;
    }
    return fallback;
  }

  /**
   * Weak entries (ordinary gazetteer places) are too short or too word-like to find behind ك or in
   * short stems, except in a list of places ("في عدن وتعز", "معان والطفيلة والكرك") and as a name of
   * two or more words, which its other words confirm ("برام الله"). Behind ك, a one-word strong
   * name needs five letters: «كلاوس» is Klaus far more often than "like Laos".
   */
  function allowed(entry: number, v: TokenVariant, afterPlace: boolean, words: number): boolean {
    if (v.clitics === '') return true;
    // «ف» before a name without the article: once in the article gold's 2,400 proclitics, while
    // names open with it («فاطمة» is no ف + Atmeh, «فراس عيسى» no ف + Ras Isa).
    if (v.clitics.includes('ف') && !v.article) return false;
    if (entries[entry]?.strong) return !v.clitics.includes('ك') || words > 1 || v.key.length >= 5;
    if (afterPlace && v.clitics === 'و' && entries[entry]?.type === 'LOC') return true;
    return !v.clitics.includes('ك') && (v.key.length >= 4 || words > 1);
  }

  /** The entries each article's own names matched (`match`), for `choose`. */
  const matchedIn = new WeakMap<readonly Token[], ReadonlySet<number>>();

  /** The longest alias match opening at token `i` (`out`: the matches placed before it). */
  function longestAt(tokens: readonly Token[], text: string, i: number, out: readonly RawMatch[]): RawMatch | null {
    const head = tokens[i];
    if (!head) return null;
    let best: RawMatch | null = null;
    const prev = out.at(-1);
    const prevTok = tokens[i - 1];
    const afterPlace = prev !== undefined && prev.last === i - 1 && entries[prev.entry]?.type === 'LOC' && prevTok !== undefined && LIST_GAP.test(text.slice(prevTok.end, head.start));
    for (const v of nameReadingsOf(head)) {
      // Extend while the joined keys are still a prefix of some alias, remembering the longest hit.
      let key = v.key;
      for (let len = 1; i + len <= tokens.length; len++) {
        if (!prefixes.has(key)) break;
        const window = tokens.slice(i, i + len);
        const written = head.arabic ? head.text.slice(v.skip) : '';
        const found = lookup(key, window, v.article, len === 1 && HAMZA_ALEF.test(written), len === 1 ? (/^[أإآ]/u.exec(written)?.[0] ?? '') : '');
        // ل + a rest opening with «ل» (`nameReadingsOf`: «للجنة …»): a KB name or one of several words only («للوديان» is "for the valleys").
        const entry = found !== null && allowed(found, v, afterPlace, len) && (v.fused !== true || len > 1 || entries[found]?.strong === true) ? found : null;
        const lastTok = window[len - 1];
        if (entry !== null && lastTok && (!best || len > best.last - best.first + 1)) {
          best = { entry, first: i, last: i + len - 1, start: head.start + v.skip, end: lastTok.end };
        }
        const next = tokens[i + len];
        if (!next || !lastTok || !joinable(text, lastTok, next)) break;
        key = `${key} ${next.key}`;
      }
    }
    return best;
  }

  /**
   * A company matched by its name takes the legal-form words written after it (`LEGAL_TAILS`, at
   * most two) and the full stop of an abbreviated one inside a sentence ("… Manufacturing Co.
   * said", "Co., the"), as English gold writes the name; a full stop before a capital or a line
   * end closes the sentence and stays out.
   */
  function withLegalTail(m: RawMatch, tokens: readonly Token[], text: string): RawMatch {
    if (entries[m.entry]?.type !== 'ORG' || tokens[m.last]?.arabic !== false) return m;
    let last = m.last;
    const dotted = (t: Token): boolean => ABBREVIATED_TAILS.has(t.text) && text[t.end] === '.';
    for (let k = 0; k < 2; k++) {
      const prev = tokens[last];
      const next = tokens[last + 1];
      if (!prev || !next || !LEGAL_TAILS.has(next.text)) break;
      const gap = text.slice(prev.end, next.start);
      if (gap !== ' ' && !(gap === '. ' && dotted(prev))) break;
      last++;
    }
    const lastTok = tokens[last];
    if (!lastTok) return m;
    const end = dotted(lastTok) && !/^\.(\s*$|\s+[\p{Lu}"“]|\s*\n)/u.test(text.slice(lastTok.end)) ? lastTok.end + 1 : lastTok.end;
    return last === m.last && end === m.end ? m : { ...m, last, end };
  }

  function match(tokens: readonly Token[], text: string): RawMatch[] {
    const out: RawMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      let best = longestAt(tokens, text, i, out);
      // A title alias of a person («الرئيس شي») that opens a longer name of the same person
      // («الرئيس شي جين بينغ»): the name is the mention, not the title and its first word.
      const person = best !== null && best.last > best.first && entries[best.entry]?.type === 'PER';
      for (let k = i + 1; person && best && k <= best.last; k++) {
        const inner = longestAt(tokens, text, k, out);
        if (inner && inner.entry === best.entry && inner.last > best.last) best = inner;
      }
      if (best) {
        best = withLegalTail(best, tokens, text);
        out.push(best);
        i = best.last + 1;
      } else {
        i++;
      }
    }
    matchedIn.set(tokens, new Set(out.map((m) => m.entry)));
    return out;
  }

  /**
   * The cue keys an article shows (`cueKey`), built once per article: Latin words with their case;
   * Arabic words as written and, unless the whole word is itself a name («وجدة», Oujda), behind
   * their proclitics («لجدة»).
   */
  const articleKeys = new WeakMap<readonly Token[], ReadonlySet<string>>();
  function keysOf(tokens: readonly Token[]): ReadonlySet<string> {
    let keys = articleKeys.get(tokens);
    if (!keys) {
      const set = new Set<string>();
      for (const t of tokens) {
        if (!t.arabic) {
          set.add(t.key);
          const c = caseOf(t);
          if (c !== 'any') set.add(cueKey(t, 'cap'));
          if (c === 'upper') set.add(cueKey(t, 'upper'));
          continue;
        }
        const whole = index.has(t.key);
        for (const v of variantsOf(t)) {
          if (whole && v.clitics !== '') continue;
          set.add(v.key);
          if (v.article) set.add(cueKey(v, 'any'));
        }
      }
      articleKeys.set(tokens, set);
      keys = set;
    }
    return keys;
  }

  /**
   * Among the entries confirming one form with the model's type: the one the article also names
   * by a name of its own that `match` found («حزب العمال الكردستاني» … «حزب العمال»: the PKK, whatever
   * the British cue words), if exactly one; else the one whose cue words the article holds, if
   * exactly one does, or if one holds more different cue words than any other (a Libyan article
   * that names an American company once: «ليبيا», «الليبية», «بنغازي» against «الأمريكية»); else the
   * one entry written without cues; else none.
   */
  function choose(list: readonly Confirmable[], tokens: readonly Token[], type: string): number | null {
    const typed = list.filter((c) => entries[c.entry]?.type === type);
    // The one entry the article also names in full («حزب العمال الكردستاني» … «حزب العمال»).
    const named = matchedIn.get(tokens);
    const written = named ? typed.filter((c) => named.has(c.entry)) : [];
    if (written.length === 1 && typed.length > 1) return written[0]?.entry ?? null;
    const cued = typed.filter((c) => c.cues !== null);
    if (cued.length > 0) {
      const keys = keysOf(tokens);
      const hits = cued
        .map((c) => ({ entry: c.entry, count: [...(c.cues ?? [])].filter((k) => keys.has(k)).length }))
        .filter((h) => h.count > 0)
        .sort((a, b) => b.count - a.count);
      const [best, next] = hits;
      if (best && (!next || best.count > next.count)) return best.entry;
      if (best) return null;
    }
    const plain = typed.filter((c) => c.cues === null);
    // The curated KB's place beats the gazetteer's row for the same form («~صور», Tyre).
    const curated = plain.length > 1 ? plain.filter((c) => entries[c.entry]?.strong === true) : plain;
    return curated.length === 1 ? (curated[0]?.entry ?? null) : null;
  }

  function confirm(tokens: readonly Token[], first: number, last: number, type: string): number | null {
    const head = tokens[first];
    if (!head || confirmed.size === 0) return null;
    let rest = '';
    for (let k = first + 1; k <= last; k++) rest += ` ${tokens[k]?.key ?? ''}`;
    for (const v of nameReadingsOf(head)) {
      // «للبنين» ("for the boys") reads with the article; «~بنين» (Benin) is written without it.
      const list = confirmed.get(v.key + rest)?.filter((c) => !head.arabic || c.article === v.article);
      const entry = list && list.length > 0 ? choose(list, tokens, type) : null;
      if (entry !== null) return entry;
    }
    return null;
  }

  function whole(name: string): number | null {
    const toks = tokenize(name);
    const [hit] = match(toks, name);
    return hit && hit.first === 0 && hit.last === toks.length - 1 && hit.start === 0 ? hit.entry : null;
  }

  return { entries, match, confirm, whole };
}
