import { isOnlyDemonym, withoutDemonym } from './demonyms.ts';
import { inTitleCaseLine } from './title-case.ts';
import { unlinkedId } from './entity-id.ts';
import { afterLocative, afterPlaceNounCue, firstInPlaceList, isAcronym, isEnglishPersonName, lastInPlaceList, opensSentence, withLeftOutNameWords, withNameParts } from './english-names.ts';
import { linkSurnames } from './link-surnames.ts';
import type { Matcher } from './matcher.ts';
import type { Lexicon } from './model/lexicon.ts';
import { outsideCovered, type ModelSpan } from './model-mentions.ts';
import { ACCUSATIVES_AR, COMPOUND_HEADS_AR, isCountOrNameBehindB, lineageEnd, readsAsFamilyName, surnameAfter } from './name-chains.ts';
import { AMMAN, CAPITAL_HOMOGRAPHS, JEDDAH, OMAN, OUJDA, datelineCapital, isOmanWord, omanOrAmman, oujdaOrJeddah } from './homographs.ts';
import { isNationality, isNationalityWord, placeInstitution, type BodySpan } from './named-bodies.ts';
import { isClub, isCountryAsAdjective, kbMentionSpan } from './kb-mentions.ts';
import { isNotAName } from './not-names.ts';
import { isEnglishCompanyName } from './english-orgs.ts';
import { endsWithBelonging, modelBodyEnd, opensWithForSake, findCuedOrgs, hasOrgApposition, isGenericOrgHead, isMinistersPortfolio, isPanel } from './org-rules.ts';
import { afterDwellersAr, facilityWordAfter, joinedPlaceAt, findDescribedPlaces, findEnglishStreets, hasPlaceApposition, isEnglishPlaceName, isPlaceIdiom, opensWithSpanishPlaceWord, opensWithFacilityHead, opensWithPlaceHead, isFeatureAfterEn, stateOfAfter, stateOfBefore, withFeatureWord } from './place-rules.ts';
import { addNamedFacility, addOtherPerson, familyNameAfterLineage, longerNamesake, modelNamesake, opensOtherName, otherGivenName, sonBefore } from './namesakes.ts';
import { linkShortForms } from './short-forms.ts';
import type { Draft } from './tag-draft.ts';
import { findTitledNames, isArabicTitle, isBrandHonorific, isEnglishTitle, isNotPersonWord, isTitlesOnly, withoutLeadingRole } from './title-rules.ts';
import { keyOf, variantsOf, type Token } from './tokenize.ts';
import type { KbEntry, Mention } from './types.ts';

/**
 * The steps of `tag`, in the order it runs them: each reads the article's Draft and adds to it.
 * Earlier steps win: a token a mention took is not offered to the next step.
 */

/** What the tagger loaded once: the matcher over KB and places, the lexicon the model was trained with, name parts. */
export interface TaggerData {
  readonly matcher: Matcher;
  readonly entries: readonly KbEntry[];
  readonly lexicon: Lexicon;
  readonly nameTokens: ReadonlySet<string>;
}

interface TokenSpan {
  readonly first: number;
  readonly last: number;
}

/**
 * Capitalised adjectives that make a body of their own of the name after them ("National Security
 * Council", "Supreme Court"), unlike an owner before a KB body's name ("U.N. Security Council").
 */
const BODY_ADJECTIVES_EN: ReadonlySet<string> = new Set(['national', 'supreme', 'federal', 'central', 'high', 'higher', 'joint', 'general', 'transitional',
  'revolutionary', 'provisional', 'presidential', 'military', 'royal', 'popular', 'regional', 'interim', 'sovereign', 'provincial', 'municipal', 'state']);

/** Whether tokens [first, last] lie inside one of `spans` that is longer. */
function withinLonger(spans: readonly TokenSpan[], first: number, last: number): boolean {
  return spans.some((s) => s.first <= first && last <= s.last && s.last - s.first > last - first);
}

/**
 * Step 1: KB and gazetteer names. Skipped where a longer name holds them: a place inside a model
 * organisation name with two or more other words ("Kenya Revenue Authority"), any KB name inside
 * an English name shaped like an organisation, a KB organisation inside an Arabic institution
 * name; and a town opening a titled person's name ("Governor Fatih Karahan"). An Arabic person
 * takes the lineage written after the KB name ("سلمان بن عبد العزيز" + "آل سعود"), and never
 * the title an alias opens with.
 */
export function addKbNames(
  d: Draft,
  data: TaggerData,
  around: { readonly shaped: readonly TokenSpan[]; readonly institutions: ReadonlyArray<TokenSpan & { readonly complement?: number }>; readonly bodies: readonly BodySpan[]; readonly modelOrgs: readonly TokenSpan[]; readonly modelPeople?: readonly TokenSpan[] },
): void {
  const { tokens, arabic } = d;
  const matches = data.matcher.match(tokens, d.text);
  // A model organisation that holds a KB organisation or person loses to it later, so it holds
  // no KB place back («الاتحاد الأوروبي من أجل دعم أوكرانيا»: Ukraine stays).
  // (Arabic only: in English the KB company is usually the start of a longer name, "ArcelorMittal Nippon Steel India".)
  const kbNames = arabic ? matches.filter((m) => data.entries[m.entry]?.type !== 'LOC') : [];
  const insideOrg = (first: number, last: number): boolean =>
    around.modelOrgs.some((s) => s.first <= first && last <= s.last && s.last - s.first - (last - first) >= 2 && !kbNames.some((k) => k.first <= s.last && s.first <= k.last));
  // KB matches never overlap, so a token this step covers beyond its match was taken by a name
  // grown past it ("Nelson Mandela" + "Bay": the place holds the gazetteer's "Bay").
  const coveredBefore = new Set(d.covered);
  matches.forEach((raw, n) => {
    for (let k = raw.first; k <= raw.last; k++) if (d.covered.has(k) && !coveredBefore.has(k)) return;
    const entry = data.entries[raw.entry];
    // A KB organisation that ends an English name of that shape after capitalised modifiers only
    // is its head ("U.N. Security Council"): the KB name wins. Not after "of" ("Court of Justice of
    // the European Union" stays whole).
    // A body's own adjective before it makes another body ("National Security Council" is no
    // organ of the UN; "Federal Reserve Board" …): the shaped name stands.
    const headOf = (sp: TokenSpan): boolean => sp.last === raw.last && sp.first < raw.first && tokens.slice(sp.first, raw.first).every((t) => t.cap && !BODY_ADJECTIVES_EN.has(t.key));
    const shapedAround = withinLonger(around.shaped, raw.first, raw.last) && !(entry?.type === 'ORG' && around.shaped.some(headOf));
    // An Arabic institution name swallows a KB organisation inside it ("الحزب الديمقراطي
    // الكردستاني"), but not one that is all of it before a ل complement: "البنك الدولي لدعم …" is
    // the World Bank and a purpose.
    const inInstitution = entry?.type === 'ORG' && withinLonger(around.institutions, raw.first, raw.last) && !around.institutions.some((sp) => sp.first === raw.first && sp.complement === raw.last + 1);
    // A body named by a word and what it does holds any KB name inside it ("صندوق قطر للتنمية"),
    // except an organisation that is all of that word or more ("وكالة فيتش للتصنيف الائتماني").
    const inBody = withinLonger(around.bodies, raw.first, raw.last) && !(entry?.type === 'ORG' && around.bodies.some((sp) => (sp.first === raw.first || sp.nameFirst === raw.first) && raw.last + 1 >= sp.complement));
    if (!entry || (entry.type === 'LOC' && (insideOrg(raw.first, raw.last) || (arabic && isPlaceIdiom(tokens, raw.first, raw.last)))) || shapedAround || inInstitution || inBody) return;
    if (arabic && entry.type === 'ORG' && isMinistersPortfolio(tokens, raw.first)) return;
    // "Juan Bosch", «تيمو فيرنر»: a one-word company name inside a person the model reads is his name.
    if (entry.type === 'ORG' && raw.first === raw.last && (around.modelPeople ?? []).some((p) => p.first <= raw.first && raw.last <= p.last && p.last > p.first)) return;
    if (arabic && isCountryAsAdjective(d, entry, raw.first, raw.last)) return;
    // "جامعة الكويت", "محكمة استئناف دبي": the place completes an institution's name.
    // The head may have been read as a town on its own («بورصة», Bursa): the institution takes it back.
    const institution = arabic && entry.type === 'LOC' ? placeInstitution(d.text, tokens, raw, d.join, (k) => !d.covered.has(k) || d.weakPlaces.has(k)) : null;
    if (institution) {
      for (let k = institution.first; k < raw.first; k++) d.dropWeakPlace(k);
      const end = tokens[institution.last]?.end ?? raw.end;
      const id = unlinkedId('ORG', d.text.slice(institution.start, end));
      d.add({ first: institution.first, last: institution.last, start: institution.start, end, type: 'ORG', entityId: id });
      d.orgSpans.push({ first: institution.first, last: institution.last, entityId: id });
      return;
    }
    const lastTok = tokens[raw.last];
    const after = tokens[raw.last + 1];
    if (!entry.strong && entry.type === 'LOC' && !arabic && isEnglishTitle(tokens[raw.first - 1]) && lastTok && after?.cap === true && d.join(lastTok, after)) return;
    // «راشد بن محمد بن راشد آل مكتوم»: a KB person named as someone's father is part of the son's name.
    const son = arabic && entry.type === 'PER' ? sonBefore(d, raw.first, data.nameTokens) : raw.first;
    if (son < raw.first) return addOtherPerson(d, son, raw);
    // «عبد الله بن عبد العزيز الربيعة»: a KB person's «X بن Y» followed by a family name the KB's
    // forms lack is someone else of that lineage.
    const family = arabic && entry.type === 'PER' ? familyNameAfterLineage(d, entry, raw.first, raw.last, data.nameTokens) : -1;
    const familyTok = d.tokens[family];
    if (familyTok) return addOtherPerson(d, raw.first, { last: family, end: familyTok.end });
    // "Esper Kallas" is not Kaja Kallas: a KB person's bare surname after another given name is
    // someone else of that name.
    // «محمود عبد العاطي» is not Badr Abdelatty: a compound surname («عبد …», «أبو …») counts as one word.
    // Only where the model reads the two as one person («واستقبل الرئيس عباس عبد العاطي» is two people).
    const compound = arabic && raw.last === raw.first + 1 && COMPOUND_HEADS_AR.has(tokens[raw.first]?.key ?? '') && (around.modelPeople ?? []).some((p) => p.first === raw.first - 1 && p.last >= raw.last);
    const oneUnit = raw.first === raw.last || compound;
    const namesake = entry.type === 'PER' && oneUnit ? otherGivenName(d, entry, raw.first, data.nameTokens) : -1;
    if (namesake >= 0) return addOtherPerson(d, namesake, raw);
    // «عمر سليمان مزي»: a KB person's full name and one more family name is someone else.
    const longerPerson = entry.type === 'PER' ? longerNamesake(d, entry, raw.first, raw.last, around.modelPeople ?? []) : -1;
    const longerEnd = d.tokens[longerPerson];
    if (longerEnd) return addOtherPerson(d, raw.first, { last: longerPerson, end: longerEnd.end });
    // «ساليفو مودي»: the model reads a person whose last word is the KB surname and whose given
    // name is none of the person's own words; someone else of that name.
    const modelPerson = entry.type === 'PER' && raw.first === raw.last ? modelNamesake(d, entry, raw.last, around.modelPeople ?? []) : -1;
    if (modelPerson >= 0) return addOtherPerson(d, modelPerson, raw);
    // "Assad Sarwar": an English bare surname that opens a longer capitalised name is someone else's
    // given name; the model names that person.
    if (entry.type === 'PER' && raw.first === raw.last && !arabic && opensOtherName(d, entry, raw.last)) return;
    // "Rafic Hariri International Airport", "Allianz Arena", "Emirates Stadium", "Entebbe
    // International Airport": a facility named after a KB person, company or town is a place.
    if (addNamedFacility(d, raw.first, raw.last)) return;
    const nextMatch = matches[n + 1]?.first ?? tokens.length;
    const last = arabic && entry.type === 'PER' ? lineageEnd(tokens, raw.last, (k) => k < nextMatch, d.join) : raw.last;
    const extended = last === raw.last ? raw : { ...raw, last, end: tokens[last]?.end ?? raw.end };
    const m = kbMentionSpan(d, data.matcher, raw.entry, extended);
    const mention = d.add({ first: m.first, last: m.last, start: m.start, end: m.end, type: entry.type, entityId: entry.id }, { soft: entry.type === 'LOC', entry });
    // "Governor Wilson Lima": an English one-word KB town right after a capitalised word may be a
    // surname; a person the model reads over both takes it back (countries never).
    const surnameLike = !arabic && entry.type === 'LOC' && m.first === m.last && !/^loc:[A-Z]{3}$/u.test(entry.id) && isCapitalisedWordBefore(d, m.first);
    if (entry.type === 'LOC' && (!entry.strong || surnameLike) && m.first === m.last) d.weakPlaces.set(m.first, mention);
    if (entry.type === 'PER') d.people.push({ first: m.first, last: m.last, entityId: entry.id });
    if (entry.type === 'ORG') d.orgSpans.push({ first: m.first, last: m.last, entityId: entry.id });
  });
}

/** Whether a free capitalised word that opens no sentence stands right before token `k` ("Wilson Lima"). */
function isCapitalisedWordBefore(d: Draft, k: number): boolean {
  const t = d.tokens[k];
  const before = d.tokens[k - 1];
  return t !== undefined && before !== undefined && !d.covered.has(k - 1) && /^\p{Lu}\p{Ll}+$/u.test(before.text) && d.join(before, t) && !isEnglishTitle(before) && !isNotPersonWord(before) && !opensSentence(d.text, before.start) && !inTitleCaseLine(d.text, t.start);
}

/**
 * Step 2: English organisation names shown by their shape (`findEnglishOrgNames`) where still free;
 * one whose whole name is a KB form the model would have to confirm ("Supreme Court" beside
 * "Ghana" or "Accra") links to it, as a model name would.
 */
export function addShapedOrgs(d: Draft, data: TaggerData, shaped: ReadonlyArray<TokenSpan & { readonly start: number; readonly end: number }>): void {
  for (const span of shaped) if (d.isFree(span.first, span.last)) addShapedBody(d, data, span.first, span.last, span.start, span.end);
}

/**
 * Step 2b (Arabic): bodies named by their shape (`findNamedBodies`) where still free; one whose
 * whole name is a KB alias the model would have to confirm («قناة "الجزيرة"») links to it.
 */
export function addNamedBodies(d: Draft, data: TaggerData, bodies: readonly BodySpan[]): void {
  for (const span of bodies) {
    const last = d.tokens[span.last];
    if (last && d.isFree(span.first, span.last)) addShapedBody(d, data, span.first, span.last, span.start, last.end);
  }
}

/** A body found by its shape: the KB entry its model-confirmed forms give it, else its own surface as id. */
function addShapedBody(d: Draft, data: TaggerData, first: number, last: number, start: number, end: number): void {
  const entry = data.entries[data.matcher.confirm(d.tokens, first, last, 'ORG') ?? -1];
  const id = entry ? entry.id : unlinkedId('ORG', d.text.slice(start, end));
  d.add({ first, last, start, end, type: 'ORG', entityId: id }, entry ? { entry } : {});
  d.orgSpans.push({ first, last, entityId: id });
}

/**
 * Step 3: people named after a title. Arabic names take their lineage; English ones a hyphenated
 * last part and initials ("Lai Ching-te", "C.C. Wei"). Soft: "مطار الأمير نايف بن عبد العزيز",
 * the airport named after the person, absorbs the name.
 */
export function addTitledNames(d: Draft, nameTokens: ReadonlySet<string>, found: readonly ModelSpan[], matcher: Pick<Matcher, 'confirm' | 'entries'>): void {
  const { text, tokens } = d;
  const free = (k: number): boolean => !d.covered.has(k);
  const named = (k: number): boolean => found.some((m) => m.type === 'PER' && m.first <= k && k <= m.last);
  const aloneLater = (k: number): boolean => found.some((m) => m.type === 'PER' && m.first === m.last && m.first > k && m.start === tokens[m.first]?.start && tokens[m.first]?.key === tokens[k]?.key);
  for (const titled of findTitledNames(d.text, tokens, d.covered, nameTokens, d.join)) {
    // "Dr. Rohatgi" (one word after Dr or Prof) only where the model reads a person there or the
    // article names that word again: "Dr Pepper", "Dr. Martens" are brands. "Mr Green" always.
    if (!d.arabic && titled.first === titled.last && isBrandHonorific(tokens[titled.first - 1]) && ((!named(titled.first) && !tokens.some((t, k) => k !== titled.first && t.key === tokens[titled.first]?.key)) || isBrandWordAt(tokens, titled.last + 1))) continue;
    // "Sheikh Isa bin Salman Highway", "King Fahd Causeway": a road or facility named after a
    // royal, not the royal (the model and the place rules read it).
    if (!d.arabic && isEnglishPlaceName(tokens, titled.first, titled.last)) continue;
    // "fund manager Westbridge Capital": a company after a role word, where its last word is no
    // family name ("driver Will Power", "leader David Steel" are people).
    if (!d.arabic && isEnglishCompanyName(tokens, titled.first, titled.last) && !nameTokens.has(tokens[titled.last]?.key ?? '')) continue;
    // «وزير الداخلية حسام الدين الجبابلي»: the names the list knows, then a family name that ends the
    // clause or is a name elsewhere in the article (`surnameAfter`).
    const lineage = d.arabic ? lineageEnd(tokens, titled.last, free, d.join) : titled.last;
    // The model's person starting there and going a word or two further («الحكم عبد الرحيم اللوزاني»,
    // where the list knows «عبد الرحيم» only) ends the name.
    // (Or a word the model reads alone as a person later in the article: «… فرناندو غراندي
    // مارلاسكا» then «وأوضح مارلاسكا».)
    const nameWord = (k: number): boolean => {
      const t = tokens[k];
      return t !== undefined && (nameTokens.has(t.key) || (!isNationality(t) && readsAsFamilyName(t) && !isCountOrNameBehindB(tokens, k, nameTokens, named)) || aloneLater(k));
    };
    const longer = d.arabic
      ? found.find((m) => m.type === 'PER' && m.first === titled.first && m.last > lineage && m.last - lineage <= 2 && nameWord(lineage + 1) && nameWord(m.last))
      : undefined;
    const span = d.arabic
      ? { ...titled, last: longer && d.isFree(lineage + 1, longer.last) ? longer.last : lineage === titled.last ? familyNameAfter(d, titled.last, named, nameTokens, false) : lineage }
      : withNameParts(text, tokens, { ...titled, type: 'PER', start: tokens[titled.first]?.start ?? 0 }, d.covered);
    const first = tokens[span.first];
    const last = tokens[span.last];
    if (!first || !last) continue;
    // A title confirms a person as the model does: a KB person's `~` form («~حسن عبد الله@المركزي …»,
    // a common name that is the governor's only beside his bank's words) links here too.
    const entry = matcher.entries[matcher.confirm(tokens, span.first, span.last, 'PER') ?? -1];
    const id = entry ? entry.id : unlinkedId('PER', text.slice(first.start, last.end));
    d.add({ first: span.first, last: span.last, start: first.start, end: last.end, type: 'PER', entityId: id }, { soft: true, ...(entry ? { entry } : {}) });
    d.people.push({ first: span.first, last: span.last, entityId: id });
  }
}

/** Step 4: organisations named after a cue word; "giant North Field": the cue was right about a name, not its type. */
export function addCuedOrgs(d: Draft, data: TaggerData, modelOrgs: ReadonlyArray<ModelSpan> = []): void {
  const { text, tokens } = d;
  for (const cued of findCuedOrgs(tokens, d.covered, d.join)) {
    // «الاتحاد الديمقراطي للمجريين في رومانيا»: where the model reads the same name on through «في»
    // and a place (whose KB match it held back), its longer name stands.
    const longer = d.arabic ? modelOrgs.find((m) => m.first === cued.first && m.last > cued.last + 1 && m.last <= cued.last + 3 && tokens[cued.last + 1]?.norm === 'في' && d.isFree(cued.last + 1, m.last) && data.lexicon.flagsOf(tokens[cued.last + 2]?.key ?? '')?.some((f) => f.startsWith('LOC')) === true) : undefined;
    const span = longer ? { ...cued, last: longer.last } : cued;
    const last = tokens[span.last];
    if (!last) continue;
    const surface = text.slice(span.start, last.end);
    const type = isEnglishPlaceName(tokens, span.first, span.last) ? 'LOC' : 'ORG';
    // A generic body name the KB gives one country's body by the article's cue words («~مجلس
    // النواب@العراق …»), or confirms another way, links to it.
    const entry = data.entries[data.matcher.confirm(tokens, span.first, span.last, type) ?? -1];
    const id = entry ? entry.id : unlinkedId(type, span.impliedArticle === true ? `ال${surface}` : surface);
    d.add({ first: span.first, last: span.last, start: span.start, end: last.end, type, entityId: id }, entry ? { entry } : {});
    if (type === 'ORG') d.orgSpans.push({ first: span.first, last: span.last, entityId: id });
  }
}

/**
 * Step 5 (English): short forms of organisations named earlier ("Rio" after "Rio Tinto"), before
 * the model's names, which often call them people. The model's own organisation names count as
 * named earlier.
 */
export function addShortForms(d: Draft, modelOrgs: ReadonlyArray<ModelSpan>): void {
  const { text, tokens } = d;
  const free = modelOrgs.filter((o) => d.isFree(o.first, o.last));
  const inModelOrg = (k: number): boolean => free.some((o) => o.first <= k && k <= o.last);
  const named = [...d.orgSpans, ...free.map((o) => ({ first: o.first, last: o.last, entityId: unlinkedId('ORG', text.slice(o.start, tokens[o.last]?.end ?? o.start)) }))];
  for (const hit of linkShortForms(text, tokens, named, (k) => d.covered.has(k) || inModelOrg(k))) {
    const t = tokens[hit.token];
    if (!t) continue;
    d.add({ first: hit.token, last: hit.token, start: t.start, end: t.end, type: 'ORG', entityId: hit.entityId }, { info: false });
  }
}

/** The model's names once checked against the rules' mentions, with the id each will carry. */
export interface ModelNames {
  readonly spans: readonly ModelSpan[];
  readonly ids: readonly string[];
}

/** An apposition that describes a person: ", his sister", ", her lawyer", ", their coach". */
const PERSON_APPOSITION_EN = /^\s*,\s*(his|her|their|my|our)\b/u;
/** Arabic words that make what follows an administrative area, not an organisation's name («محافظة حضرموت»). */
const AREA_HEADS_AR = new Set(['محافظة', 'ولاية', 'منطقة', 'إقليم', 'مدينة', 'بلدة', 'قرية', 'مقاطعة', 'قضاء', 'ناحية', 'بلدية'].map(keyOf));

/**
 * A model name that leaves the weak places inside it alone: an Arabic organisation opened by an
 * area word («محافظة حضرموت» is the governorate), or an Arabic person whose first word is the place
 * and whose other words are a name on their own («بابل حيدر الموسوي»).
 */
function keepsPlace(d: Draft, m: ModelSpan): boolean {
  if (!d.arabic) return false;
  const head = d.tokens[m.first];
  if (m.type === 'ORG') return head !== undefined && AREA_HEADS_AR.has(head.key);
  return m.type === 'PER' && d.weakPlaces.has(m.first) && m.last - m.first >= 2;
}

/**
 * Step 6: the model's names the KB and the rules did not take (KB mentions win on overlap; a
 * person the KB or a title rule found is never split from the rest of a model name). Dropped: a
 * bare institution noun ("للمنظمة"), competitions and currency words. Retyped: an apposition or a
 * company word makes an organisation ("X, the company"; "Pilbara Minerals"), a place word a
 * place. People: Arabic names lose a title the model took in and gain their lineage or surname;
 * English ones their hyphenated parts and initials. Ids: a model-confirmed KB alias links
 * («الجزيرة» the channel), else the normalised surface. Multi-word names take their tokens now
 * and join the people/organisations later steps link to; single words wait for surname linking.
 */
export function resolveModelNames(d: Draft, data: TaggerData, found: readonly ModelSpan[], matchReport = false): ModelNames {
  const { text, tokens, arabic } = d;
  /** A token the model or an earlier step read as part of a person's name. */
  const named = (k: number): boolean => found.some((m) => m.type === 'PER' && m.first <= k && k <= m.last) || d.people.some((p) => p.first <= k && k <= p.last);
  const cuedPlaces = new Set<string>();
  const isClubOfArticle = (k: number): boolean => {
    const entry = matchReport ? data.entries[data.matcher.confirm(tokens, k, k, 'ORG') ?? -1] : undefined;
    return entry !== undefined && isClub(entry);
  };
  const spans = found
    .map((m) => {
      // «من أجل القدس»: a purpose, no name; it takes no place back.
      if (arabic && opensWithForSake(tokens, m.first)) return null;
      // «الريان», «الوكرة»: a one-word gazetteer town the model reads as an organisation is the town's club.
      if (m.type === 'ORG' && m.first === m.last && d.weakPlaces.has(m.first)) d.dropWeakPlace(m.first);
      // "Yoshihiko Noda", «نيكول سابا»: a town's name inside a person's name the model found is the
      // person's; «ايك اثينا», «دينامو كييف»: a city's inside a club's.
      if ((m.type === 'PER' || m.type === 'ORG') && m.last > m.first && !keepsPlace(d, m)) {
        let weakOnly = true;
        for (let k = m.first; k <= m.last; k++) weakOnly &&= !d.covered.has(k) || d.weakPlaces.has(k);
        if (weakOnly) for (let k = m.first; k <= m.last; k++) d.dropWeakPlace(k);
      }
      return outsideCovered(m, d.covered, (k) => d.people.some((p) => p.first <= k && k <= p.last), tokens, data.lexicon);
    })
    .filter((m): m is ModelSpan => {
      if (!m) return false;
      const head = tokens[m.first];
      // «أميركيون وبريطانيون»: a nationality is no place or person by itself (as an organisation it
      // may be an agency or a club: «العمانية», «المصري»).
      // "the Englishman", "The Northern Irishman": a person of a nation, not a name.
      if (!arabic && isOnlyDemonym(tokens, m.first, m.last)) return false;
      // «من أجل السلام»: «أجل» ("sake") opens no name.
      if (arabic && opensWithForSake(tokens, m.first - 1)) return false;
      // «وأم وطفلاها»: a name part that needs the next word («أم», «أبو», «بن», «عبد») names nothing alone.
      if (arabic && m.first === m.last && head && (NOT_ALONE_AR.has(keyOf(text.slice(m.start, head.end))) || variantsOf(head).some((v) => NOT_ALONE_AR.has(v.key)))) return false;
      // "Dr Pepper sales", "Dr. Martens shares": a brand after an honorific, told by the business word after it.
      if (!arabic && m.type === 'PER' && m.first === m.last && isBrandHonorific(tokens[m.first - 1]) && isBrandWordAt(tokens, m.last + 1)) return false;
      // «هيئة الدفاع», «هيئة المحكمة»: a panel of people, not a body.
      // «(هيئة) المحكمة للمداولة»: nor the panel's complement the model read without the head.
      if (arabic && m.type === 'ORG' && (isPanel(tokens, m.first) || (m.first > 0 && isPanel(tokens, m.first - 1) && d.join(tokens[m.first - 1] as Token, tokens[m.first] as Token)))) return false;
      return !(m.first === m.last && head && (isGenericOrgHead(head) || (m.type !== 'ORG' && isNationalityWord(head) && (head.article || /(يين|يون)$/u.test(head.key))))) && !isNotAName(tokens, m.first, m.last);
    })
    // «جامعة هارفارد» read as a person: a name that opens with an institution noun is an organisation.
    .map((m) => (arabic && m.type === 'PER' && m.last > m.first && isGenericOrgHead(tokens[m.first] as Token) ? { ...m, type: 'ORG' as const } : m))
    // «مركز الوكرة الصحي التابع (لمؤسسة …)»: "belonging to" ends no name.
    .map((m) => (arabic && m.last > m.first && endsWithBelonging(tokens[m.last]) ? { ...m, last: m.last - 1 } : m))
    // «هيئة النزاهة المتهمين», «هيئة الرقابة ومكافحة الفساد», «محكمة تحقيق الكرخ المختصة بقضايا
    // النزاهة», «مجلس الوزراء من أجل الإصلاح»: where an Arabic body name ends (`modelBodyEnd`).
    .map((m) => {
      if (!arabic || m.type !== 'ORG') return m;
      const last = modelBodyEnd(m.first, m.last, tokens, (j) => {
        const a = tokens[j - 1];
        const b = tokens[j];
        return a && b && !d.covered.has(j) && d.join(a, b) ? b : undefined;
      });
      return last === m.last ? m : { ...m, last };
    })
    .map((m) => {
      // "Benjamin Mkapa Stadium": the facility word the model left out is part of the place.
      const facility = arabic || d.covered.has(m.last + 1) ? -1 : facilityWordAfter(tokens, m.last, d.join);
      return facility < 0 ? m : { ...m, last: facility, type: 'LOC' as const };
    })
    .map((m) => (m.type !== 'ORG' && (hasOrgApposition(text, tokens, m.last) || isEnglishCompanyName(tokens, m.first, m.last) || (m.type === 'PER' && !arabic && isAcronym(tokens, m))) ? { ...m, type: 'ORG' as const } : m))
    .map((m) => {
      if (m.type === 'LOC' || !(isEnglishPlaceName(tokens, m.first, m.last) || (m.type === 'PER' && !arabic && (afterLocative(text, tokens, m, data) || lastInPlaceList(d, m) || firstInPlaceList(d, m) || opensWithSpanishPlaceWord(tokens, m.first, m.last, (key) => data.nameTokens.has(key)))))) return m;
      if (m.first === m.last && afterPlaceNounCue(text, tokens, m)) cuedPlaces.add(tokens[m.first]?.key ?? '');
      return { ...m, type: 'LOC' as const };
    })
    // One word "the town of" shows to be a place ("the town of Palma") is that place elsewhere in the
    // article too ("north to Palma"), unless an apposition says it is a person ("Florence, his sister").
    .map((m) => (m.type === 'PER' && m.first === m.last && cuedPlaces.has(tokens[m.first]?.key ?? '') && !PERSON_APPOSITION_EN.test(text.slice(tokens[m.last]?.end ?? 0)) ? { ...m, type: 'LOC' as const } : m))
    // (Not a place the model found in a list of places: "in Dong Thap, An Giang and Can Tho".)
    .map((m) => (m.type !== 'PER' && isEnglishPersonName(tokens, m.first, m.last, data) && !(m.type === 'LOC' && (firstInPlaceList(d, m) || lastInPlaceList(d, m))) ? { ...m, type: 'PER' as const } : m))
    // «لأهالي أبو منقار»: a "person" after the word for a place's people or villages is the place.
    // «(مقاطعتي) كرو وكنكوصة» read as one person: two places.
    .flatMap((m) => {
      if (!arabic || m.type !== 'PER' || !afterDwellersAr(text, tokens, m.first)) return [m];
      const second = joinedPlaceAt(tokens, m.first, m.last);
      const joined = tokens[second];
      if (!joined) return [{ ...m, type: 'LOC' as const }];
      return [
        { ...m, last: second - 1, type: 'LOC' as const },
        { first: second, last: m.last, start: joined.start + (variantsOf(joined).find((v) => v.clitics === 'و')?.skip ?? 1), type: 'LOC' as const },
      ];
    })
    .map((m) => (m.type !== 'PER' ? m : arabic ? withArabicNameParts(d, data.nameTokens, m, named) : withoutDemonym(tokens, withoutLeadingRole(tokens, withLeftOutNameWords(text, tokens, withNameParts(text, tokens, m, d.covered), d.covered, data.lexicon)))))
    .filter((m): m is ModelSpan => m !== null && (arabic || m.type !== 'PER' || !isTitlesOnly(tokens, m.first, m.last)))
    // "Sabah Mineral Management", "Majeed Brigade", "Crocker Range", "Lao National Museum": a
    // "person" of two words or more whose last word is a body's or a place's is that.
    .map((m) => (m.type !== 'PER' || arabic || m.last <= m.first ? m : { ...m, type: headTypeEn(tokens[m.last]) ?? m.type }))
    // "Van Long, a flooded valley of rice fields": an apposition that says what the name is outweighs
    // how the name looks.
    .map((m) => (m.type === 'PER' && !arabic && hasPlaceApposition(text, tokens, m.last) ? { ...m, type: 'LOC' as const } : m))
    // "beat city rivals Aris", "Aris coach …": in a match report, a one-word "person" that the KB
    // has as a club for this article's cue words (PAOK, Thessaloniki) is the club.
    .map((m) => (m.type === 'PER' && !arabic && m.first === m.last && isClubOfArticle(m.first) ? { ...m, type: 'ORG' as const } : m));
  const ids = spans.map((m) => {
    // A model-confirmed KB form, or a place the matcher could not see behind its proclitic («بحلب»).
    const surface = text.slice(m.start, tokens[m.last]?.end ?? m.start);
    const behindClitic = m.start !== tokens[m.first]?.start && m.type === 'LOC' ? data.entries[data.matcher.whole(surface) ?? -1] : undefined;
    const confirmed = data.entries[data.matcher.confirm(tokens, m.first, m.last, m.type) ?? -1] ?? (behindClitic?.type === 'LOC' ? behindClitic : undefined) ?? (arabic && m.type === 'LOC' ? foreignSpelling(data, surface) : undefined);
    if (confirmed) d.link(confirmed);
    const id = confirmed ? confirmed.id : unlinkedId(m.type, surface);
    if (m.last > m.first) {
      d.cover(m.first, m.last);
      if (m.type === 'PER') d.people.push({ first: m.first, last: m.last, entityId: id });
      if (m.type === 'ORG') d.orgSpans.push({ first: m.first, last: m.last, entityId: id });
    }
    return id;
  });
  return { spans, ids };
}


/** Words after a brand named like a doctor ("Dr Pepper sales", "Dr. Martens shares"). */
const BRAND_WORDS_EN = new Set(['sales', 'products', 'brand', 'bottles', 'cans', 'boots', 'drinks', 'revenue', 'profits']);
/** "Dr. Martens shares fell": shares or stock that move on the market (not "Dr Fauci shares his regrets"). */
const MARKET_VERBS_EN = new Set(['rose', 'fell', 'jumped', 'slid', 'dropped', 'gained', 'closed', 'climbed', 'slumped', 'surged', 'tumbled', 'were', 'are', 'have', 'had']);
/** Whether the word after a one-word name at `k` says the name is a brand. */
function isBrandWordAt(tokens: readonly Token[], k: number): boolean {
  const word = tokens[k]?.key ?? '';
  // "Dr. Reddy's Laboratories", "Dr. Oetker's Pharmaceuticals": a company named in the possessive.
  if (word === 's' && tokens[k + 1]?.cap === true && COMPANY_AFTER_POSSESSIVE_EN.has(tokens[k + 1]?.key ?? '')) return true;
  return BRAND_WORDS_EN.has(word) || ((word === 'shares' || word === 'stock') && MARKET_VERBS_EN.has(tokens[k + 1]?.key ?? ''));
}
/** Company words, capitalised, after a possessive name ("Reddy's Laboratories"; not "Dr. Haidar's clinic"). */
const COMPANY_AFTER_POSSESSIVE_EN = new Set(['laboratories', 'labs', 'pharmaceuticals', 'pharma', 'foods', 'industries', 'brands', 'restaurants']);

/** Lineage words that need the given name before them. */
const SON_OR_DAUGHTER_AR = new Set(['بن', 'بنت'].map(keyOf));

/** Prepositions the key folds into a given name («على» → «علي»): the text tells them apart. */
const PREPOSITIONS_WITH_YA = new Set(['على', 'إلى', 'الى', 'وعلى', 'وإلى']);

/** «سيد», «سيدي» as written, without the article or a proclitic (`withArabicNameParts`). */
const SAYYID_AR: ReadonlySet<string> = new Set(['سيد', 'سيدي']);

/** The lineage after an Arabic model name, or the surname after a given name it tagged alone. */
function withArabicNameParts(d: Draft, nameTokens: ReadonlySet<string>, span: ModelSpan, named: (k: number) => boolean): ModelSpan | null {
  const { tokens } = d;
  // "الوزير خالد الفالح" tagged whole: a title the model took into the name is not part of it.
  let m = span;
  // «على تشيلسي»: the preposition written with ى (the name is «علي») is not part of it.
  while (m.first < m.last && PREPOSITIONS_WITH_YA.has(tokens[m.first]?.text ?? '')) {
    const head = tokens[m.first + 1];
    m = { ...m, first: m.first + 1, start: head ? head.start : m.start };
  }
  if (PREPOSITIONS_WITH_YA.has(tokens[m.first]?.text ?? '')) return null;
  while (m.first < m.last && (isArabicTitle(tokens[m.first]) || isRelationBeforeName(tokens[m.first]))) {
    const head = tokens[m.first + 1];
    m = { ...m, first: m.first + 1, start: head ? head.start : m.start };
  }
  if (isArabicTitle(tokens[m.first])) return null;
  // «كابرال ليبي بخمسة», «منصور عباس ببينيت»: a count or a name behind «ب» the model ran on into.
  if (m.last > m.first && isCountOrNameBehindB(tokens, m.last, nameTokens, named)) m = { ...m, last: m.last - 1 };
  // «سامي حداد مجددا», «زوما هدفا»: an adverb or object in ـًا the model ran on into.
  const end = tokens[m.last];
  if (m.last > m.first && end && !end.article && ACCUSATIVES_AR.has(end.key)) m = { ...m, last: m.last - 1 };
  // «عبد الرحمن يوسف المسؤولين»: a definite plural the model ran on into is the verb's object, unless
  // it is a name part («زين العابدين»).
  else if (m.last > m.first + 1 && end && !readsAsFamilyName(end) && end.article && !nameTokens.has(end.key)) m = { ...m, last: m.last - 1 };
  const free = (k: number): boolean => !d.covered.has(k);
  // «لولوة بنت راشد الخاطر»: the given name before a lineage the model started at «بنت»/«بن».
  const before = tokens[m.first - 1];
  const head = tokens[m.first];
  if (head && before && SON_OR_DAUGHTER_AR.has(head.key) && free(m.first - 1) && d.join(before, head) && before.arabic && !before.article && !isArabicTitle(before) && (nameTokens.has(before.key) || /ة$/u.test(before.text))) {
    m = { ...m, first: m.first - 1, start: before.start };
  }
  // «يدعى سيد أحمد ولد الطالب بويه», «سيد درويش»: a bare «سيد» or «سيدي» straight before the name
  // the model read is its first part (a given name in Egypt, a compound's first word in the
  // Maghreb and the Sahel); «السيد» with the article is "Mr".
  const lead = tokens[m.first - 1];
  if (lead && lead.arabic && SAYYID_AR.has(lead.text) && free(m.first - 1) && head && d.join(lead, head)) {
    m = { ...m, first: m.first - 1, start: lead.start };
  }
  const last = lineageEnd(tokens, m.last, free, d.join);
  if (last !== m.last) return { ...m, last };
  const given = tokens[m.last];
  // Two name units at most, a compound («عبد الرازق», «أبو بكر») counting as one.
  let units = 0;
  for (let k = m.first; k <= m.last; k++) if (!COMPOUND_HEADS_AR.has(tokens[k - 1]?.key ?? '') || k === m.first) units++;
  const short = units <= 2;
  // A known given name, or a compound one ending in الدين ("حسام الدين").
  const isGiven = given !== undefined && (nameTokens.has(given.key) || (given.norm === 'الدين' && m.last > m.first));
  return short && isGiven ? { ...m, last: familyNameAfter(d, m.last, named, nameTokens) } : m;
}

/** Name parts that never stand alone: a model name of that one word is none. */
const NOT_ALONE_AR: ReadonlySet<string> = new Set(['عبد', 'بن', 'ابن', 'بنت', 'أبو', 'أم', 'آل'].map(keyOf));

/**
 * Nouns the model takes into a person's name that say whose they are, written in construct before
 * it: «محامي العمري» (al-Omari's lawyer), «زوجة الشرقاوي», «جثمان أيوب», «شقيق الضحية»; and «مار»
 * before a saint's or a patriarch's name («مار بشارة بطرس الراعي», «مار شربل»), which the name
 * leaves out. Without the article only («المحامي» is a title, handled as one).
 */
const RELATIONS_BEFORE_NAME_AR: ReadonlySet<string> = new Set(
  ['محامي', 'محامية', 'زوجة', 'زوج', 'شقيق', 'شقيقة', 'والد', 'والدة', 'نجل', 'نجلة', 'أرملة', 'جثمان', 'جثة', 'رفات', 'عائلة', 'أسرة',
    'أقارب', 'أنصار', 'مؤيدو', 'مؤيدي', 'موكل', 'موكلة', 'مار'].map(keyOf),
);

function isRelationBeforeName(t: Token | undefined): boolean {
  return t !== undefined && t.arabic && !t.article && variantsOf(t).some((v) => !v.article && RELATIONS_BEFORE_NAME_AR.has(v.key));
}

/**
 * `surnameAfter` the name's last token, when that word is a known name part or reads as a family
 * name (`readsAsFamilyName`) and is no nationality adjective («سامي حداد اللبناني»).
 */
function familyNameAfter(d: Draft, last: number, named: (k: number) => boolean, nameTokens: ReadonlySet<string>, clauseEnd = true): number {
  const end = surnameAfter(d.text, d.tokens, last, (k) => !d.covered.has(k), d.join, named, clauseEnd);
  const t = d.tokens[end];
  if (end === last || !t) return end;
  return nameTokens.has(t.key) || (!isNationality(t) && readsAsFamilyName(t)) ? end : last;
}


/** Step 7: surnames (and English given names) alone that name a person of the article; returns their tokens. */
export function addSurnameLinks(d: Draft, modelPersons: ReadonlySet<number> = new Set()): ReadonlySet<number> {
  const linked = new Set<number>();
  // An English surname the gazetteer also lists as a town ("Noda") is the person's once the
  // article has named the person in full; a given name that is a town is not.
  const open = new Set([...d.covered].filter((k) => !d.weakPlaces.has(k)));
  for (const hit of linkSurnames(d.tokens, d.people, open, modelPersons, (id) => d.info.get(id)?.linked === true)) {
    const t = d.tokens[hit.token];
    // A given name that is also a town stays the town ("Paris" after "Paris Hilton").
    if (!t || (hit.part === 'given' && d.weakPlaces.has(hit.token))) continue;
    d.dropWeakPlace(hit.token);
    linked.add(hit.token);
    d.add({ first: hit.token, last: hit.token, start: t.start + hit.skip, end: t.end, type: 'PER', entityId: hit.entityId }, { cover: false, info: false });
  }
  return linked;
}

/** Step 8: the model's names as mentions, except single words surname linking already took. */
export function addModelNames(d: Draft, names: ModelNames, linked: ReadonlySet<number>): void {
  names.spans.forEach((m, i) => {
    const last = d.tokens[m.last];
    const id = names.ids[i];
    if (!last || id === undefined || (m.first === m.last && linked.has(m.first))) return;
    // An organisation (or a person: «معمل الزهراني») the model reads where a square, port, plant or
    // stadium is named («ميدان التحرير»): a place.
    const placeHead = m.type === 'ORG' ? opensWithPlaceHead(d.tokens[m.first]) : m.type === 'PER' && opensWithFacilityHead(d.tokens[m.first]);
    if (placeHead && m.last > m.first && d.info.get(id)?.linked !== true) {
      const place = unlinkedId('LOC', d.text.slice(m.start, last.end));
      d.noteUnlinked(place, 'LOC');
      d.add({ first: m.first, last: m.last, start: m.start, end: last.end, type: 'LOC', entityId: place }, { cover: false, soft: true });
      return;
    }
    d.add({ first: m.first, last: m.last, start: m.start, end: last.end, type: m.type, entityId: id }, { cover: false, soft: true });
  });
}

/**
 * Arabic places named with their descriptor ("معبر رفح", "مخيم أبو شوك"): one LOC mention replaces
 * the descriptor's name (a gazetteer place or a model name, which it absorbs) or the plain words
 * after it. Mentions of the KB, the title and organisation rules are never cut into.
 */
export function withDescribedPlaces(d: Draft): Mention[] {
  const { text, tokens, mentions, soft, info } = d;
  const spans = mentions.map((m) => ({ ...(d.spans.get(m) ?? { first: 0, last: -1 }), type: m.type, entityId: m.entityId, mention: m }));
  const locked = new Set<number>();
  for (const s of spans) {
    if (!soft.has(s.mention) || s.type === 'ORG') for (let k = s.first; k <= s.last; k++) locked.add(k);
  }
  const places = findDescribedPlaces(tokens, spans, locked, d.join);
  if (places.length === 0) return [...mentions];
  const out = mentions.filter((m) => {
    const s = spans.find((x) => x.mention === m);
    return !s || !places.some((p) => p.first <= s.last && s.first <= p.last);
  });
  for (const p of places) {
    const last = tokens[p.last];
    if (!last) continue;
    const surface = text.slice(p.start, last.end);
    const id = unlinkedId(p.type, surface);
    out.push({ start: p.start, end: last.end, type: p.type, text: surface, entityId: id });
    if (!info.has(id)) info.set(id, { linked: false, type: p.type, name: null });
  }
  return out;
}

/** Words before "on X" that make it the platform: "wrote on X", "a post on X". */
const POSTED_ON_EN = new Set(['post', 'posts', 'posted', 'posting', 'wrote', 'writing', 'said', 'says', 'statement', 'message', 'video', 'account', 'tweet', 'tweeted', 'announced', 'shared']);
export const PLATFORM_X = 'org:x-corp';

/**
 * English: the platform X by the one letter the matcher ignores, where the sentence says it is a
 * platform ("wrote on X", "in a post on X", "the platform X"). `entry` is the KB's X, looked up once.
 */
export function addPlatformX(d: Draft, entry: KbEntry | undefined): void {
  if (!entry) return;
  d.tokens.forEach((t, k) => {
    if (t.text !== 'X' || d.covered.has(k)) return;
    const prev = d.tokens[k - 1];
    const before = d.tokens[k - 2];
    const after = d.tokens[k + 1];
    // "X-ray", "X Corp" (the KB's own alias): not the letter alone.
    const gap = after ? d.text.slice(t.end, after.start) : '';
    if (after && (gap === '-' || (after.cap && gap === ' '))) return;
    const posted = prev?.key === 'on' && before !== undefined && POSTED_ON_EN.has(before.key);
    if (!posted && prev?.key !== 'platform') return;
    d.add({ first: k, last: k, start: t.start, end: t.end, type: 'ORG', entityId: entry.id }, { entry });
    d.orgSpans.push({ first: k, last: k, entityId: entry.id });
  });
}

/**
 * Step 9 (Arabic): «عمان» the gazetteer gave to Oman is Amman where the article says so
 * (`omanOrAmman` in `src/homographs.ts`).
 */
export function resolveOmanAmman(d: Draft, amman: KbEntry | undefined): void {
  // Most articles never say «عمان»: nothing to build for them.
  if (!amman || !d.mentions.some((m) => m.entityId === OMAN)) return;
  const found = d.mentions.map((m) => ({ mention: m, first: d.spans.get(m)?.first ?? -1, last: d.spans.get(m)?.last ?? -1, entityId: m.entityId }));
  for (const f of found) {
    if (f.entityId !== OMAN || f.first !== f.last || !isOmanWord(d.tokens[f.first])) continue;
    if (omanOrAmman(f, found, d.tokens, d.text) !== AMMAN) continue;
    f.mention.entityId = AMMAN;
    d.link(amman);
  }
}

/** Last words of English names that make them a body's ("… Management", "… Brigade"); not words surnames are made of ("Court", "Hall", "Park", "Union"). */
const BODY_LAST_EN = new Set(['management', 'brigade', 'brigades', 'battalion', 'regiment', 'ministry', 'agency', 'council', 'commission', 'institute',
  'university', 'party', 'movement', 'committee', 'authority', 'academy', 'league', 'coalition', 'corporation', 'company', 'bank', 'fund',
  'association', 'federation', 'alliance', 'office', 'bureau', 'society', 'foundation', 'network', 'group', 'holdings', 'limited', 'ltd', 'inc',
  'service', 'services', 'police', 'forces', 'army', 'navy', 'tribunal', 'airlines', 'airways', 'club', 'trust', 'exchange']);
/** Last words of English names that make them a place's; not surnames' ("Church", "Temple", "Castle", "Bay", "Arena", "Street", "Camp", "Forest", "Harbour", "Ocean"). */
const PLACE_LAST_EN = new Set(['range', 'mountains', 'reef', 'museum', 'stadium', 'airport', 'cave', 'mosque', 'cathedral', 'palace', 'square', 'river',
  'lake', 'valley', 'island', 'islands', 'canal', 'dam', 'desert', 'peninsula', 'plateau', 'highway', 'province', 'district', 'county',
  'sanctuary', 'theatre', 'theater', 'crater', 'glacier', 'avenue', 'boulevard', 'fortress', 'prison', 'strip', 'coast', 'gulf', 'sea',
  'governorate', 'municipality', 'basin']);
function headTypeEn(last: Token | undefined): 'ORG' | 'LOC' | null {
  if (!last || last.arabic || !last.cap) return null;
  return BODY_LAST_EN.has(last.key) ? 'ORG' : PLACE_LAST_EN.has(last.key) ? 'LOC' : null;
}

/** Step 9 (Arabic): the dateline's «الجزائر», «تونس», which the gazetteer gave to the country, is the capital (`datelineCapital`). */
export function resolveCapitalDateline(d: Draft, entryOf: (id: string) => KbEntry | undefined): void {
  for (const [word, { country }] of CAPITAL_HOMOGRAPHS) {
    const capital = datelineCapital(d.text, word);
    if (!capital) continue;
    const entry = entryOf(capital);
    if (!entry) continue;
    const dateline = d.mentions.find((m) => m.entityId === country && m.text === word && d.text.slice(0, m.start).trim() === '');
    if (!dateline) continue;
    dateline.entityId = capital;
    d.link(entry);
  }
}

/** An Arabic dateline of one to three words, then its country in brackets and a dash: «ليل (فرنسا) - أ ف ب -». */
const BRACKETED_DATELINE_AR = /^\s*([\p{L}\p{M}]+(?:[ -][\p{L}\p{M}]+){0,2})\s*\(([^)\n]{2,30})\)\s*[-–—]/u;

/**
 * Step 9 (Arabic): the dateline's place before its country in brackets («ليل (فرنسا) - أ ف ب -»,
 * «روبيه (فرنسا) -») is a place, whatever the model made of the word («ليل» is also 'night'): a
 * place mention linked to the KB form the dateline confirms («~ليل», Lille) or to the gazetteer
 * name, else unlinked; a person or body the model read there becomes the place.
 */
export function addBracketedDateline(d: Draft, data: TaggerData): void {
  const found = BRACKETED_DATELINE_AR.exec(d.text);
  const place = found?.[1];
  if (!found || !place) return;
  const start = d.text.indexOf(place);
  const end = start + place.length;
  const bracket = d.text.indexOf('(', end);
  // The brackets must hold a country the tagger found.
  if (!d.mentions.some((m) => m.type === 'LOC' && m.start > bracket && m.end <= bracket + (found[2]?.length ?? 0) + 1 && m.entityId !== null && /^loc:[A-Z]{3}$/u.test(m.entityId))) return;
  const first = d.tokens.findIndex((t) => t.start === start);
  let last = first;
  while (d.tokens[last + 1] !== undefined && (d.tokens[last + 1]?.end ?? 0) <= end) last++;
  if (first < 0 || d.tokens[last]?.end !== end) return;
  const entry = data.entries[data.matcher.confirm(d.tokens, first, last, 'LOC') ?? data.matcher.whole(place) ?? -1];
  const id = entry?.type === 'LOC' ? entry.id : unlinkedId('LOC', place);
  const same = d.mentions.find((m) => m.start === start && m.end === end);
  if (same) {
    if (same.type === 'LOC' && (same.entityId === id || entry?.type !== 'LOC')) return;
    d.remove(same);
  } else if (!d.isFree(first, last)) {
    return;
  }
  d.add({ first, last, start, end, type: 'LOC', entityId: id }, entry?.type === 'LOC' ? { entry } : {});
}

/** Step 9 (Arabic): «وجدة» the KB gave to Oujda is "and Jeddah" unless the article says Morocco (`oujdaOrJeddah`). */
export function resolveOujdaJeddah(d: Draft, jeddah: KbEntry | undefined): void {
  if (!jeddah) return;
  for (const m of d.mentions) {
    const s = d.spans.get(m);
    const t = s ? d.tokens[s.first] : undefined;
    if (m.entityId !== OUJDA || !s || !t || s.first !== s.last || !t.text.startsWith('و') || oujdaOrJeddah(d.tokens, s.first, d.text) !== JEDDAH) continue;
    const skip = variantsOf(t).find((v) => v.clitics === 'و')?.skip ?? 1;
    m.start = t.start + skip;
    m.text = d.text.slice(m.start, m.end);
    m.entityId = jeddah.id;
    d.link(jeddah);
  }
}

/** «الشرق الأوسط» between quotation marks: the newspaper (Asharq Al-Awsat), not the region. */
export const MIDDLE_EAST = 'loc:middle-east';
export const ASHARQ_AL_AWSAT = 'org:asharq-al-awsat';
const OPEN_QUOTE = /[«"“]\s*$/u;
const CLOSE_QUOTE = /^\s*[»"”]/u;

/**
 * Step 10 (Arabic): a region's name quoted as a title is the newspaper of that name: «قال لـ"الشرق
 * الأوسط"», «لندن: «الشرق الأوسط»». Unquoted, it stays the region.
 */
export function resolveQuotedNewspaper(d: Draft, paper: KbEntry | undefined): void {
  if (!paper) return;
  for (const m of d.mentions) {
    if (m.entityId !== MIDDLE_EAST || !OPEN_QUOTE.test(d.text.slice(Math.max(0, m.start - 4), m.start)) || !CLOSE_QUOTE.test(d.text.slice(m.end, m.end + 4))) continue;
    m.type = 'ORG';
    m.entityId = paper.id;
    d.link(paper);
  }
}

/** "<word> of <country>" that names the country itself. */
const SAME_PLACE_EN = new Set(['kingdom', 'sultanate', 'emirate', 'principality']);

/**
 * Step 10 (English): a place named with "Kingdom of", "City of" … before it is the same place by its
 * longer name (`stateOfBefore`: the mention widens; its id stays for a kingdom, sultanate, emirate or
 * principality of a country, else the KB's whole name or an unlinked id); natural features named by a
 * place's name and a feature word ("Lake Victoria", "Zambezi River", "Mekong Delta",
 * `withFeatureWord`): the mention widens to the feature and links to the KB entry of that whole
 * name, if any, else to its own unlinked id.
 */
/**
 * English streets and districts named with their street word ("Avenida Caracas", "Ahmadu Bello
 * Way", "District 1"): one place, which takes the names found inside it (the city Caracas, the
 * person Ahmadu Bello); left alone where a mention runs across its edge.
 */
export function addEnglishStreets(d: Draft, data: TaggerData): void {
  // "Lagos–Calabar Coastal Highway": an en dash joins the towns a road links.
  const join = (a: Token, b: Token): boolean => d.join(a, b) || d.text.slice(a.end, b.start) === '–';
  for (const street of findEnglishStreets(d.tokens, join, (t) => isEnglishTitle(t))) {
    const start = (d.tokens[street.first] as Token).start;
    const end = (d.tokens[street.last] as Token).end;
    // A headline in title case capitalises every word ("Biden Signs Road Safety Bill").
    if (inTitleCaseLine(d.text, start)) continue;
    const entry = data.entries[data.matcher.whole(d.text.slice(start, end)) ?? -1];
    // "Downing Street" the government is the KB's organisation.
    if (entry && entry.type !== 'LOC') continue;
    const inside: Mention[] = [];
    let crosses = false;
    for (const m of d.mentions) {
      const s = d.spans.get(m);
      if (!s || s.last < street.first || s.first > street.last) continue;
      if (s.first >= street.first && s.last <= street.last) inside.push(m);
      else crosses = true;
    }
    // "Google Drive", "Microsoft Way": a KB organisation's product or campus, not a street; "Andy
    // Bridge" a person where the model reads one over the whole name ("Bridge" is a surname too).
    const surnameWord = d.tokens[street.last]?.key === 'bridge';
    if (crosses || inside.some((m) => (m.type === 'ORG' && d.info.get(m.entityId ?? '')?.linked === true) || (surnameWord && m.type === 'PER' && d.spans.get(m)?.first === street.first))) continue;
    for (const m of inside) d.remove(m);
    for (let k = street.first; k <= street.last; k++) d.weakPlaces.delete(k);
    const linked = entry?.type === 'LOC' ? entry : undefined;
    d.add({ first: street.first, last: street.last, start, end, type: 'LOC', entityId: linked ? linked.id : unlinkedId('LOC', d.text.slice(start, end)) }, linked ? { entry: linked } : {});
  }
}

/**
 * English, after the feature words: a person's name before a facility word is the facility
 * ("Khalifa Bin Salman Port", "King Fahd Causeway"); "Al" before a place is part of its name ("Al
 * Khobar", "Al-Wakrah", keeping the place's id unless the gazetteer knows the longer name); "Beni"
 * (a town in Congo to the gazetteer) before a capitalised word is a Maghreb place's first word
 * ("Beni Drar", "Beni Isguen").
 */
export function withNamedPlacesEn(d: Draft, data: TaggerData): void {
  const setId = (m: Mention, entry: KbEntry | undefined, fallback: string): void => {
    if (entry?.type === 'LOC') {
      m.entityId = entry.id;
      d.link(entry);
      return;
    }
    m.entityId = fallback;
    d.noteUnlinked(fallback, 'LOC');
  };
  for (const m of [...d.mentions]) {
    const s = d.spans.get(m);
    const head = s ? d.tokens[s.first] : undefined;
    if (!s || !head) continue;
    if (m.type === 'PER') {
      const facility = facilityWordAfter(d.tokens, s.last, d.join);
      const end = d.tokens[facility];
      if (facility < 0 || !end || !d.isFree(s.last + 1, facility) || inTitleCaseLine(d.text, m.start)) continue;
      d.cover(s.last + 1, facility);
      const name = d.text.slice(m.start, end.end);
      Object.assign(m, { type: 'LOC', end: end.end, text: name });
      d.spans.set(m, { first: s.first, last: facility });
      setId(m, data.entries[data.matcher.whole(name) ?? -1], unlinkedId('LOC', name));
      continue;
    }
    if (m.type !== 'LOC' || s.first !== s.last) continue;
    const before = d.tokens[s.first - 1];
    const gap = before ? d.text.slice(before.end, head.start) : '';
    if (before && before.text === 'Al' && (gap === ' ' || gap === '-') && d.isFree(s.first - 1, s.first - 1)) {
      d.cover(s.first - 1, s.first - 1);
      const name = d.text.slice(before.start, m.end);
      const own = m.entityId ?? unlinkedId('LOC', name);
      Object.assign(m, { start: before.start, text: name });
      d.spans.set(m, { first: s.first - 1, last: s.last });
      setId(m, data.entries[data.matcher.whole(name) ?? -1], own);
      continue;
    }
    const next = d.tokens[s.first + 1];
    if (head.text === 'Beni' && next && next.cap && !next.arabic && d.text.slice(head.end, next.start) === ' ' && d.isFree(s.first + 1, s.first + 1)) {
      d.cover(s.first + 1, s.first + 1);
      const name = d.text.slice(m.start, next.end);
      Object.assign(m, { end: next.end, text: name });
      d.spans.set(m, { first: s.first, last: s.first + 1 });
      setId(m, data.entries[data.matcher.whole(name) ?? -1], unlinkedId('LOC', name));
    }
  }
}

export function withFeatureWords(d: Draft, data: TaggerData): void {
  // "Bay" (a Somali region) in "Bay of Bengal": the feature word opens the longer name below.
  for (const m of [...d.mentions]) {
    const s = d.spans.get(m);
    if (m.type === 'LOC' && s && s.first === s.last && stateOfAfter(d.text, d.tokens, s.first) >= 0) d.remove(m);
  }
  // "Gulf" (the Persian Gulf) in "Davao Gulf": a feature word read alone right after a place's
  // mention is that place's feature; the place takes it in below.
  const placeEnds = new Set<number>();
  for (const m of d.mentions) {
    const s = d.spans.get(m);
    if (m.type === 'LOC' && s) placeEnds.add(s.last);
  }
  for (const m of [...d.mentions]) {
    const s = d.spans.get(m);
    const before = s ? d.tokens[s.first - 1] : undefined;
    if (m.type === 'LOC' && s && s.first === s.last && before && placeEnds.has(s.first - 1) && isFeatureAfterEn(d.tokens[s.first]) && d.join(before, d.tokens[s.first] as Token)) d.remove(m);
  }
  // "Bay of Biscay" where nothing found "Biscay": the feature and its capitalised name are one place.
  const covered = new Set<number>();
  for (const s of d.spans.values()) for (let k = s.first; k <= s.last; k++) covered.add(k);
  for (let k = 0; k < d.tokens.length; k++) {
    const head = stateOfAfter(d.text, d.tokens, k);
    if (head < 0 || covered.has(k) || covered.has(head)) continue;
    // One word ("Bay of Biscay Spanish rescuers"), or more where the KB knows the longer name.
    let last = head;
    const start = (d.tokens[k] as Token).start;
    for (let j = head + 1; j <= head + 2 && !covered.has(j) && d.tokens[j]?.cap && d.join(d.tokens[j - 1] as Token, d.tokens[j] as Token); j++) {
      if (data.entries[data.matcher.whole(d.text.slice(start, (d.tokens[j] as Token).end)) ?? -1]?.type === 'LOC') last = j;
    }
    const end = (d.tokens[last] as Token).end;
    const entry = data.entries[data.matcher.whole(d.text.slice(start, end)) ?? -1];
    const id = entry?.type === 'LOC' ? entry.id : unlinkedId('LOC', d.text.slice(start, end));
    d.add({ first: k, last, start, end, type: 'LOC', entityId: id }, entry?.type === 'LOC' ? { entry } : {});
    for (let j = k; j <= last; j++) covered.add(j);
  }
  const taken = new Set<number>();
  for (const m of d.mentions) {
    const s = d.spans.get(m);
    if (s) for (let k = s.first; k <= s.last; k++) taken.add(k);
  }
  for (const m of d.mentions) {
    const s = d.spans.get(m);
    if (m.type !== 'LOC' || !s) continue;
    // "Kingdom of Saudi Arabia", "City of Buenos Aires": the same place by its longer name.
    const state = stateOfBefore(d.text, d.tokens, s.first, (k) => !taken.has(k));
    const stateHead = d.tokens[state];
    if (stateHead) {
      for (let k = state; k < s.first; k++) taken.add(k);
      m.start = stateHead.start;
      m.text = d.text.slice(m.start, m.end);
      d.spans.set(m, { first: state, last: s.last });
      // The same place only for a kingdom, sultanate or emirate of a country ("Kingdom of Saudi
      // Arabia"); "Republic of Congo", "State of Mexico", "Province of Buenos Aires" are others.
      const whole = data.entries[data.matcher.whole(m.text) ?? -1];
      if (whole?.type === 'LOC') {
        m.entityId = whole.id;
        d.link(whole);
      } else if (!(SAME_PLACE_EN.has(stateHead.key) && /^loc:[A-Z]{3}$/u.test(m.entityId ?? ''))) {
        m.entityId = unlinkedId('LOC', m.text);
        d.noteUnlinked(m.entityId, 'LOC');
      }
      continue;
    }
    const wide = withFeatureWord(d.tokens, s.first, s.last, d.join, (k) => !taken.has(k), (t) => opensSentence(d.text, t.start), /^loc:[A-Z]{3}$/u.test(m.entityId ?? ''));
    const head = wide ? d.tokens[wide.first] : undefined;
    const end = wide ? d.tokens[wide.last] : undefined;
    if (!wide || !head || !end) continue;
    for (let k = wide.first; k <= wide.last; k++) taken.add(k);
    m.start = head.start;
    m.end = end.end;
    m.text = d.text.slice(m.start, m.end);
    d.spans.set(m, wide);
    const entry = data.entries[data.matcher.whole(m.text) ?? -1];
    if (entry?.type === 'LOC') {
      m.entityId = entry.id;
      d.link(entry);
    } else {
      m.entityId = unlinkedId('LOC', m.text);
      d.noteUnlinked(m.entityId, 'LOC');
    }
  }
}

/**
 * A place the model read under the other Arabic letter for a foreign hard g («كالغاري» for the
 * gazetteer's «كالجاري», Calgary; «هامبورج» for «هامبورغ»): Egyptian copy writes ج where the
 * Levant and the Gulf write غ. Only a gazetteer or KB place, matched whole.
 */
function foreignSpelling(data: TaggerData, surface: string): KbEntry | undefined {
  for (const [from, to] of [['غ', 'ج'], ['ج', 'غ']] as const) {
    if (!surface.includes(from)) continue;
    const entry = data.entries[data.matcher.whole(surface.replaceAll(from, to)) ?? -1];
    if (entry?.type === 'LOC') return entry;
  }
  return undefined;
}
