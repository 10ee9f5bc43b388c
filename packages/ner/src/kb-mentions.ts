import type { Matcher } from './matcher.ts';
import { isNationality } from './named-bodies.ts';
import { isEnglishDemonym } from './demonyms.ts';
import type { Draft } from './tag-draft.ts';
import { keyOf, tokenize, variantsOf, type Token } from './tokenize.ts';
import type { KbEntry } from './types.ts';

/**
 * How a KB or gazetteer match becomes a mention: the words the alias holds that the article gold
 * leaves out of a name (titles, kind words, a club's nationality, a lower-case "the"), and the one
 * reading of a country's name that is an adjective. Pure functions of the draft's tokens.
 */

interface Span {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
}

/** The mention a KB match at `m` makes (the entry is `matcher.entries[entry]`). */
export function kbMentionSpan<M extends Span>(d: Draft, matcher: Matcher, entry: number, m: M): M {
  const e = matcher.entries[entry];
  if (!e) return m;
  if (e.type === 'PER') return withoutTitles(d.tokens, e, m);
  if (d.arabic && e.type === 'ORG') return withoutCompanyWord(d, matcher, entry, withoutNationality(d, matcher, entry, m));
  if (d.arabic && e.type === 'LOC') return withoutKindWord(d, matcher, entry, m, PLACE_KIND_WORDS_AR, 'LOC');
  return withoutLeadingThe(d.tokens, e, m);
}

/** Royal and honorific titles some KB aliases carry ("الأمير عبد العزيز بن سلمان", "King Charles"). */
const KB_TITLES = new Set(
  ['ملك', 'امير', 'شيخ', 'سلطان', 'رئيس', 'عاهل', 'ولي', 'عهد', 'بابا', 'king', 'queen', 'prince', 'princess', 'crown', 'sheikh', 'emir', 'sultan', 'pope',
    // Women's titles ("Sheikha Moza bint Nasser", «الشيخة موزا», «الأميرة ريما», «الملكة رانيا»).
    'شيخة', 'اميرة', 'ملكة', 'sheikha'].map(keyOf),
);
const MONARCH = keyOf('عاهل');
const GIVEN_NAME_TITLES = new Set(['سلطان', 'sultan', 'شيخة', 'sheikha', 'sheikh'].map(keyOf));

/**
 * A KB person match without the titles it opens with: a title is not part of a name («ولي العهد
 * الأمير الحسين …», «العاهل الأردني الملك عبد الله الثاني», the monarch's nisba included).
 */
function withoutTitles<M extends Span>(tokens: readonly Token[], entry: KbEntry, m: M): M {
  let first = m.first;
  // «سلطان» and «شيخة» are also given names: the person's own name may open with them («سلطان
  // الجابر», "Sultan Al Jaber", «شيخة حسينة», "Sheikh Hasina"). Only then are the entry's names tokenised.
  const head0 = tokens[m.first];
  const ownGiven = head0 !== undefined && GIVEN_NAME_TITLES.has(head0.key) && [entry.ar, entry.en].some((n) => tokenize(n)[0]?.key === head0.key);
  const afterMonarch = (): boolean => {
    const prev = tokens[first - 1];
    return prev !== undefined && variantsOf(prev).some((v) => v.key === MONARCH);
  };
  const title = (t: Token): boolean =>
    (variantsOf(t).some((v) => KB_TITLES.has(v.key)) && !(first === m.first && ownGiven)) || (t.article && isNationality(t) && afterMonarch());
  for (let t = tokens[first]; t && first < m.last && title(t); t = tokens[first]) first++;
  const head = tokens[first];
  return first === m.first || !head ? m : { ...m, first, start: head.start };
}

/**
 * A KB club matched by an alias that ends in a nationality («الزمالك المصري», «ميلان الإيطالي»): the
 * nationality only says where the club is from and stays out of the mention, which keeps the link.
 * Any other body keeps it: it is often part of the official name («المؤتمر الوطني الأفريقي», «بيت
 * التمويل الكويتي», «الجيش الإسرائيلي»).
 */
function withoutNationality<M extends Span>(d: Draft, matcher: Matcher, entry: number, m: M): M {
  const end = d.tokens[m.last];
  const before = d.tokens[m.last - 1];
  if (m.last <= m.first || !end || !before || !end.article || !isNationality(end)) return m;
  // «النادي الإفريقي» (Club Africain), «النادي الأهلي»: what would be left is no name.
  if (m.last - 1 === m.first && CLUB_NOUNS_AR.has(before.key)) return m;
  const e = matcher.entries[entry];
  return e && isClub(e) ? { ...m, last: m.last - 1, end: before.end } : m;
}

/** Words for a club or team, no name by themselves (keys: article off). */
const CLUB_NOUNS_AR: ReadonlySet<string> = new Set(['نادي', 'فريق', 'منتخب']);

/** A sports club: the KB lists it as «نادي …» or with FC, SC, CF or Club in an English name. */
export function isClub(entry: KbEntry): boolean {
  return entry.type === 'ORG' && entry.aliases.some((a) => a.startsWith('نادي ') || a.startsWith('~نادي ') || /\b(FC|SC|CF|AFC|Club)\b/u.test(a));
}

/**
 * A KB alias written with a lower-case "the" ("the Amazon", the rainforest, against "Amazon", the
 * company): the article tells the two apart but is not part of the mention.
 */
function withoutLeadingThe<M extends Span>(tokens: readonly Token[], entry: KbEntry, m: M): M {
  const head = tokens[m.first];
  const next = tokens[m.first + 1];
  if (m.last <= m.first || !head || !next || head.key !== 'the' || !entry.aliases.some((a) => a.startsWith('the '))) return m;
  // "the Brazilian Amazon": the demonym only says which part.
  const name = isEnglishDemonym(next) && m.last > m.first + 1 ? tokens[m.first + 2] : undefined;
  return name ? { ...m, first: m.first + 2, start: name.start } : { ...m, first: m.first + 1, start: next.start };
}

/**
 * Broken plurals of things, and «السوق», which a following adjective agrees with in the feminine
 * («التمور السعودية», «الطرق السعودية», «السوق السعودية»): not people, so «الوفود السعودية»'s
 * kind («زار الوفد السعودية» names the country) stays out.
 */
const FEMININE_AGREEING_AR: ReadonlySet<string> = new Set(
  ['سوق', 'أسواق', 'تمور', 'صحف', 'طرق', 'موانئ', 'مدن', 'بنوك', 'مصارف', 'أسهم', 'أندية', 'أراضي', 'حدود', 'أجواء', 'مياه', 'سفن', 'قوى', 'دول', 'مناطق', 'منتجات', 'شركات', 'سلع', 'بضائع', 'مصانع', 'مزارع', 'مشاريع', 'مدارس', 'مستشفيات'].map(keyOf),
);

const SYRIA = 'loc:SYR';
/** «سورية», Syria's other Arabic name, is also the indefinite feminine adjective 'Syrian'. */
const INDEFINITE_SYRIAN = 'سورية';

/** Countries whose Arabic name is also the feminine adjective: «السعودية» ("Saudi"). */
const ADJECTIVE_COUNTRIES = new Set(['loc:SAU']);

/**
 * «السعودية» right after a definite feminine noun or plural is the adjective, not the country:
 * «الصناعة السعودية», «القوات السعودية», «العاصمة السعودية» (a named body that ends in it is found
 * whole before this); so is «سورية» after an indefinite one («لجنة سورية»).
 */
export function isCountryAsAdjective(d: Draft, entry: KbEntry, first: number, last: number): boolean {
  const t = d.tokens[first];
  const prev = d.tokens[first - 1];
  // «سورية» without the article after an indefinite feminine noun or plural: 'Syrian' («لجنة سورية»,
  // «بعثة سورية», «جاليات سورية», «وقوات سورية»); the gold never tags one as the country.
  if (first === last && entry.id === SYRIA && t?.text === INDEFINITE_SYRIAN && prev?.arabic && !prev.text.startsWith('ال') && /(?:ة|ات)$/u.test(prev.text) && d.join(prev, t)) return true;
  // Written with its article and no proclitic («للسعودية», «والسعودية» name the country).
  if (first !== last || !ADJECTIVE_COUNTRIES.has(entry.id) || !t || !prev || !t.text.startsWith('ال')) return false;
  // A feminine noun or a plural in ـات, which the adjective agrees with («الوفد السعودية» is a list),
  // or a broken plural of things, which agrees as a feminine does («التمور السعودية», «الصحف السعودية»).
  const agrees = variantsOf(prev).some((v) => v.article && (v.key.endsWith('ه') || v.key.endsWith('ات') || FEMININE_AGREEING_AR.has(v.key)));
  return prev.arabic && agrees && d.join(prev, t);
}

/** «شركة» and «نادي» before a name: the kind of body, not its name. */
const BODY_KIND_WORDS_AR = new Set(['شركة', 'نادي'].map(keyOf));

/**
 * A KB organisation matched by an alias that opens with «شركة» or «نادي» whose rest is also the
 * entry's alias («شركة رينو», «نادي أرسنال»): the word says what kind of body it is and stays out of
 * the mention, as the article gold writes it. An official name that needs it keeps it («شركة بترول
 * أبوظبي الوطنية», whose rest is no alias).
 */
function withoutCompanyWord<M extends Span>(d: Draft, matcher: Matcher, entry: number, m: M): M {
  return withoutKindWord(d, matcher, entry, m, BODY_KIND_WORDS_AR, 'ORG');
}

/** «مدينة», «محافظة», «ولاية», «منطقة», «إقليم» before a place: its kind, which the gold leaves out («محافظة مطروح» → «مطروح»). */
const PLACE_KIND_WORDS_AR = new Set(['مدينة', 'محافظة', 'ولاية', 'منطقة', 'إقليم'].map(keyOf));

/** The match without its first word, a kind word of `kinds`, where the rest is also the entry's name. */
function withoutKindWord<M extends Span>(
  d: Draft,
  matcher: Matcher,
  entry: number,
  m: M,
  kinds: ReadonlySet<string>,
  type: 'ORG' | 'LOC',
): M {
  const head = d.tokens[m.first];
  const next = d.tokens[m.first + 1];
  if (m.last <= m.first || !head || !next || !variantsOf(head).some((v) => !v.article && kinds.has(v.key))) return m;
  // A `~` form counts: the kind word confirms it here («شركة رينو», «محافظة الغربية» → «الغربية»).
  const rest = matcher.whole(d.text.slice(next.start, m.end)) ?? matcher.confirm(d.tokens, m.first + 1, m.last, type);
  return rest === entry ? { ...m, first: m.first + 1, start: next.start } : m;
}
