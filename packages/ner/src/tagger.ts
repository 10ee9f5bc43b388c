import { buildEntities, type EntityInfo } from './build-entities.ts';
import { dataFile, loadLexiconData, loadModelLexicon } from './data-files.ts';
import { compileMatcher } from './matcher.ts';
import { AMMAN, JEDDAH } from './homographs.ts';
import { compassPlacesAr, coordinatedPlacesAr, dateVenuesAr, facilityNamesAr, headedPlacesAr, lineageTailsAr, participleTailsAr, personNamedPlacesAr, provinceTailsAr, titleTailsAr } from './tails-ar.ts';
import { notNamesAr } from './not-names-ar.ts';
import { findModelSpans } from './model-mentions.ts';
import { withoutSentenceOpener } from './english-names.ts';
import { findNamedBodies } from './named-bodies.ts';
import { buildLexicon } from './model/lexicon.ts';
import { CORPUS_DOMAIN, NEWS_DOMAIN } from './model/features.ts';
import { loadNerModel } from './model/document-pass.ts';
import { beforeParticleCountry, findEnglishOrgNames, isEnglishCompanyName, withModelsOfClause, withoutPersonAfterOf } from './english-orgs.ts';
import { beforeJoinedName, findArabicInstitutions, opensWithForSake } from './org-rules.ts';
import { partialNameLinks, placeShortFormLinks, sameNameLinks } from './partial-names.ts';
import { companyHeadBodiesAr, officeHoldersEn, oneTypePerName, placeOpenersEn, placePrefixesEn, placesOfLocalBodiesEn, roleHolderBodiesEn, unionNamesEn, withInitialsDot } from './name-types.ts';
import { bracketedShortForms, withAdjectivesBeforeBracket } from './bracketed-names.ts';
import { cityClubs, cityClubsEn, isMatchReportAr, isMatchReportEn, organisationsByName, qualifiedClubLinks, qualifiedClubs } from './city-clubs.ts';
import { peninsulasAr, placeNamedBodies, placeNamedFacilitiesAr, sectorBodiesEn } from './place-bodies.ts';
import { coordinatedBodies } from './coordinated-bodies.ts';
import { englishCompounds, listedPlacesEn } from './english-compounds.ts';
import { fieldListBodiesEn } from './field-lists-en.ts';
import { describedPlaceLinks } from './described-links.ts';
import { acronymLinks, aliasDefinitionLinks, definedBodies, findAcronymDefinitions, initialismLinks } from './acronym-names.ts';
import { nationalityBeforePerson } from './body-nationality.ts';
import { sportTailsAr } from './sport-tails-ar.ts';
import { bareClubsAr } from './bare-clubs-ar.ts';
import { otherSportCompetitions } from './other-sports.ts';
import { nicknameLinks, withCityTeams } from './team-names.ts';
import { withAdminUnitsEn } from './admin-units-en.ts';
import { isNationality } from './named-bodies.ts';
import { Draft } from './tag-draft.ts';
import {
  addCuedOrgs,
  addPlatformX,
  addKbNames,
  addNamedBodies,
  addModelNames,
  addShapedOrgs,
  addShortForms,
  addEnglishStreets,
  addSurnameLinks,
  addTitledNames,
  ASHARQ_AL_AWSAT,
  addBracketedDateline,
  PLATFORM_X,
  resolveModelNames,
  resolveCapitalDateline,
  resolveOmanAmman,
  resolveOujdaJeddah,
  resolveQuotedNewspaper,
  withFeatureWords,
  withNamedPlacesEn,
  withDescribedPlaces,
  type TaggerData,
} from './tag-steps.ts';
import { tokenize } from './tokenize.ts';
import type { EntityType, JsonlInput, JsonlOutput, KbEntry, Mention, TagResult, Tagger, TaggerOptions } from './types.ts';
import { unlinkedId } from './entity-id.ts';
import { looksTokenized, withCorpusConventions } from './corpus-conventions.ts';

/**
 * Loads the KB, the compiled places, the person-name tokens and the two statistical models once
 * (synchronously, at start-up, about a second) and returns a tagger whose `tag` is pure.
 */
export function createTagger(options: TaggerOptions = {}): Tagger {
  const { kb, places, nameTokens } = loadLexiconData(options);
  const matcher = compileMatcher([...kb, ...places]);
  const modelDir = options.modelDir ?? dataFile('');
  // The matcher reads today's KB. The models read the lexicon they were trained with, and so do
  // the two rules that read word flags (where a model name starts, whether a given name is also a
  // place): one copy in memory (8 MB of heap) instead of two.
  const models = options.statistical === false ? null : { ar: loadNerModel(modelDir, 'ar'), en: loadNerModel(modelDir, 'en'), lexicon: loadModelLexicon(modelDir).lexicon };
  /** The annotation the text is read by: the option's, or (`auto`) the one its shape suggests. */
  const domainOf = (text: string): string =>
    options.modelDomain === 'corpus' || (options.modelDomain === 'auto' && looksTokenized(text)) ? CORPUS_DOMAIN : NEWS_DOMAIN;
  const data: TaggerData = { matcher, entries: matcher.entries, lexicon: models?.lexicon ?? buildLexicon(matcher.entries, nameTokens), nameTokens };
  const amman = matcher.entries.find((e) => e.id === AMMAN);
  const jeddah = matcher.entries.find((e) => e.id === JEDDAH);
  const platformX = matcher.entries.find((e) => e.id === PLATFORM_X);
  const asharqAlAwsat = matcher.entries.find((e) => e.id === ASHARQ_AL_AWSAT);
  const entryById = new Map(matcher.entries.map((e) => [e.id, e]));
  /** A KB entry's names, both scripts (none for an id the KB does not hold). */
  const kbNamesOf = (id: string): readonly string[] => {
    const e = entryById.get(id);
    return e ? [e.en, e.ar, ...e.aliases] : [];
  };
  /** The KB or gazetteer id a whole name of a type has, or null (`withCorpusConventions`). */
  const kbIdOf = (name: string, type: string): string | null => {
    const hit = matcher.whole(name);
    const e = hit === null ? undefined : matcher.entries[hit];
    return e && e.type === type ? e.id : null;
  };
  /** A KB or gazetteer entry's Arabic names (none for an id neither holds). */
  const arabicNamesOf = (id: string): readonly string[] => {
    const e = entryById.get(id);
    return e ? [e.ar, ...e.aliases] : [];
  };
  /**
   * A KB club: "FC", "SC", "Club" … in one of its names, «نادي» before one of its Arabic ones, or a
   * bare name it shares with such a club («الاتحاد» of Tripoli beside Jeddah's «نادي الاتحاد»).
   */
  const clubForms = new Set(
    matcher.entries
      .filter((e) => e.type === 'ORG' && [e.en, ...e.aliases].some((a) => /\b(?:SC|FC|CF|AC|Club)\b/u.test(a) || a.startsWith('نادي ')))
      .flatMap((e) => e.aliases.filter((a) => a.startsWith('~')).map((a) => a.split('@')[0])),
  );
  const isClub = (e: KbEntry): boolean =>
    e.type === 'ORG' && [e.en, ...e.aliases].some((a) => /\b(?:SC|FC|CF|AC|Club)\b/u.test(a) || a.startsWith('نادي ') || (a.startsWith('~') && clubForms.has(a.split('@')[0])));
  /** The one gazetteer row of an English name and kind ("West Coast", region), or null. */
  const placesByName = new Map<string, KbEntry[]>();
  for (const e of matcher.entries) if (e.kind !== undefined) placesByName.set(e.en, [...(placesByName.get(e.en) ?? []), e]);
  const placeOfKind = (name: string, kind: 'region' | 'city'): string | null => {
    const rows = (placesByName.get(name) ?? []).filter((e) => e.kind === kind);
    return rows.length === 1 ? (rows[0]?.id ?? null) : null;
  };
  /** The KB club a city-named club links to. */
  const clubOf = organisationsByName(matcher.entries);
  const bodyOf = organisationsByName(matcher.entries, { cued: true });
  const isCountryName = (name: string): boolean => /^loc:[A-Z]{3}$/u.test(matcher.entries[matcher.whole(name) ?? -1]?.id ?? '');
  const clubsByBareName = qualifiedClubs(matcher.entries, isCountryName);
  /** A word the lexicon holds as (part of) a country's name. */
  const isCountryWord = (key: string): boolean => data.lexicon.flagsOf(key)?.includes('LOCc') === true;
  /** A word the lexicon holds as a whole name (a place, a body, a person, a country). */
  const isOneWordName = (key: string): boolean => data.lexicon.flagsOf(key)?.some((f) => f.endsWith('1') || f === 'LOCc') === true;

  /** The steps of `src/tag-steps.ts` in order; each earlier one wins the tokens it takes. */
  function tag(text: string, lang: string): TagResult {
    const arabic = lang.toLowerCase().startsWith('ar');
    const d = new Draft(text, tokenize(text), arabic);
    const domain = domainOf(text);
    // On corpus text the Arabic model's MISC names are read too (`withCorpusConventions`).
    const corpusSpans = models && arabic && domain === CORPUS_DOMAIN ? findModelSpans(text, d.tokens, models.ar, models.lexicon, domain, WITH_MISC) : null;
    // "Later Musk": a sentence opener the English model ran into a person's name is left out
    // before any step reads the name (an organisation keeps it: "Indeed Ltd", "Here Technologies"),
    // and one read as a name by itself is dropped.
    const found = models
      ? (corpusSpans?.filter((s) => s.type !== 'MISC') ?? findModelSpans(text, d.tokens, arabic ? models.ar : models.en, models.lexicon, domain)).flatMap((s) => {
          // A Roman numeral alone ("Parts IV, VI and VII") is no name.
          if (!arabic && s.first === s.last && ROMAN.test(d.tokens[s.first]?.text ?? '')) return [];
          if (arabic) return [s];
          if (s.type === 'ORG' && s.last > s.first) return [beforeParticleCountry(s, d.tokens, isCountryWord)];
          if (s.type !== 'PER' && s.last > s.first) return [s];
          const kept = withoutSentenceOpener(text, d.tokens, s);
          return kept ? [kept] : [];
        })
      : [];
    // («من أجل القدس» read as an organisation holds no place back: it is dropped later.)
    const modelOrgs = found.filter((s) => (s.type === 'ORG' || isEnglishCompanyName(d.tokens, s.first, s.last)) && s.last > s.first && !(arabic && opensWithForSake(d.tokens, s.first)));
    // Names shown by their shape ("Office of Management and Budget"; "وزارة النفط العراقية"): a
    // KB name inside one is part of it.
    const people = found.filter((s) => s.type === 'PER');
    // A name the article defines by its acronym ("Zimbabwe Cricket (ZC)") goes first.
    const shapedNames = arabic ? [] : findEnglishOrgNames(text, d.tokens, d.join, isCountryWord).map((s) => withModelsOfClause(withoutPersonAfterOf(s, d.tokens, people), d.tokens, modelOrgs));
    const defined = arabic ? [] : definedBodies(findAcronymDefinitions(text, d.tokens), d.tokens, found, shapedNames, (a) => matcher.confirm(d.tokens, a.first, a.last, 'ORG') !== null);
    const shaped = [...defined, ...shapedNames];
    const institutions = arabic ? findArabicInstitutions(d.tokens, d.join).flatMap((s) => beforeJoinedName(s, d.tokens, isOneWordName) ?? []) : [];
    const bodies = arabic ? findNamedBodies(text, d.tokens, d.join, isOneWordName) : [];

    const modelPeople = found.filter((s) => s.type === 'PER' && s.last > s.first);
    addKbNames(d, data, { shaped, institutions, bodies, modelOrgs, modelPeople });
    addShapedOrgs(d, data, shaped);
    addNamedBodies(d, data, bodies);
    addTitledNames(d, nameTokens, found, data.matcher);
    if (!arabic) addPlatformX(d, platformX);
    addCuedOrgs(d, data, modelOrgs);
    if (!arabic) addShortForms(d, modelOrgs);
    // Asked once: the rules below that read match reports act only in one.
    const matchReport = arabic ? isMatchReportAr(text) : isMatchReportEn(text);
    const names = resolveModelNames(d, data, found, matchReport);
    const linked = addSurnameLinks(d, new Set(found.filter((s) => s.type === 'PER' && s.first === s.last).map((s) => s.first)));
    addModelNames(d, names, linked);

    if (arabic) {
      resolveOmanAmman(d, amman);
      resolveCapitalDateline(d, (id) => entryById.get(id));
      addBracketedDateline(d, data);
      resolveOujdaJeddah(d, jeddah);
      resolveQuotedNewspaper(d, asharqAlAwsat);
    }
    if (!arabic) addEnglishStreets(d, data);
    if (!arabic) withFeatureWords(d, data);
    if (!arabic) withNamedPlacesEn(d, data);
    const final = arabic
      ? withAdjectivesBeforeBracket(text, withDescribedPlaces(d), d.info)
      : withInitialsDot(text, withAdminUnitsEn(text, withCityTeams(text, d.mentions, d.info, matchReport), d.info, (name) => kbIdOf(name, 'LOC'), (id) => entryById.get(id)?.kind, placeOfKind, matchReport));
    final.sort((a, b) => a.start - b.start);
    // A rule that gave a mention a KB or gazetteer id the article had not linked yet ("West Coast Region").
    for (const m of final) {
      const entry = m.entityId !== null && !d.info.has(m.entityId) ? entryById.get(m.entityId) : undefined;
      if (entry) d.link(entry);
    }
    if (arabic) withFusedArticleIds(text, final, d.info);
    /** Gives each mention its new shape, type and unlinked id, noted as the article's. */
    const retype = (changes: ReadonlyMap<Mention, { readonly type: EntityType; readonly entityId: string | null }>): void => {
      for (const [m, to] of changes) {
        Object.assign(m, to);
        d.noteUnlinked(to.entityId, to.type);
      }
    };
    /** As `retype`, where the new id may be a KB or gazetteer entry's: that entry is linked. */
    const adopt = (changes: ReadonlyMap<Mention, { readonly type: EntityType; readonly entityId: string | null }>): void => {
      for (const [m, to] of changes) {
        const entry = entryById.get(to.entityId ?? '');
        if (entry) d.link(entry);
        else d.noteUnlinked(to.entityId, to.type);
        Object.assign(m, to);
      }
    };
    /** Grown mentions take their new shape (as `retype`); the mentions inside what they took in go. */
    const absorb = ({ grown, inside }: { readonly grown: ReadonlyMap<Mention, { readonly type: EntityType; readonly entityId: string | null }>; readonly inside: ReadonlySet<Mention> }): void => {
      for (const m of inside) final.splice(final.indexOf(m), 1);
      retype(grown);
    };
    // Ordinary words read as names: «سورياً», «بقطر 40 كيلومتراً», «العقبة الكبرى», «الجيبوتي» …
    if (arabic) for (const m of notNamesAr(text, final, d.info, arabicNamesOf)) final.splice(final.indexOf(m), 1);
    if (arabic) {
      // «شارع نابلس المؤدي إلى …» ends before the participle; «ملعب 18 فبراير» and «مدينة الملك فهد
      // الطبية» are whole places; «مديرية الأمن الولائي لبسكرة» takes its province in.
      retype(participleTailsAr(final, d.info));
      retype(facilityNamesAr(text, final, d.info));
      retype(titleTailsAr(text, final, d.info));
      // «جامعة الشاذلي بن جديد», «هيئة تنظيم الخدمات العامة».
      absorb(lineageTailsAr(text, final, d.info));
      const placeIdOf = (name: string): string | null => kbIdOf(name, 'LOC');
      adopt(new Map([...headedPlacesAr(text, final, placeIdOf), ...compassPlacesAr(text, final, placeIdOf)]));
      retype(personNamedPlacesAr(text, final));
      for (const venue of dateVenuesAr(text, final)) {
        d.noteUnlinked(venue.entityId, 'LOC');
        final.push(venue);
      }
      final.sort((a, b) => a.start - b.start);
      absorb(provinceTailsAr(text, final, d.info, (name) => kbIdOf(name, 'LOC')));
    }
    // A football competition's name used by another sport ("Rugby League World Cup") is none.
    for (const m of otherSportCompetitions(text, final, arabic)) final.splice(final.indexOf(m), 1);
    // Bodies named by a place first: a place grown into one is no city club.
    {
      const bodyIdOf = (name: string): string | null => bodyOf(name)?.id ?? null;
      for (const [m, body] of arabic ? placeNamedBodies(text, final, bodyIdOf, matchReport) : sectorBodiesEn(text, final, d.info, isCountryName, bodyIdOf)) {
        if (body === null) {
          final.splice(final.indexOf(m), 1);
          continue;
        }
        const entry = entryById.get(body.entityId ?? '');
        if (entry) d.link(entry);
        else d.noteUnlinked(body.entityId, 'ORG');
        Object.assign(m, body);
      }
    }
    // «مجمع فلسطين الطبي»: a place named inside a medical or university facility's name; «شبه جزيرة …».
    if (arabic) {
      const grown = [...placeNamedFacilitiesAr(text, final), ...peninsulasAr(text, final, (id) => d.info.get(id)?.linked === true)];
      for (const [m, facility] of grown) {
        d.noteUnlinked(facility.entityId, 'LOC');
        Object.assign(m, facility);
      }
    }
    // Two places joined by «و» read as one («الحائط والسليمي»).
    if (arabic) {
      for (const [m, parts] of coordinatedPlacesAr(final, d.info, (name) => kbIdOf(name, 'LOC'))) {
        for (const p of parts) {
          const entry = entryById.get(p.entityId ?? '');
          if (entry) d.link(entry);
          else d.noteUnlinked(p.entityId, 'LOC');
        }
        final.splice(final.indexOf(m), 1, ...parts);
      }
    }
    // Two bodies joined by "and"/«و» read as one name («وزارة النقل والحكومة المحلية»).
    for (const [m, parts] of coordinatedBodies(final, d.info, arabic)) {
      for (const p of parts) d.noteUnlinked(p.entityId, 'ORG');
      final.splice(final.indexOf(m), 1, ...parts);
    }
    // "Department of Forestry, Fisheries and the Environment": one body's list of fields.
    if (!arabic) absorb(fieldListBodiesEn(text, final, d.info));
    // "Hell's Gate National Park", "Kiyomizu-dera", "Baringo-Silali", "Main Line-1", "Salar de Atacama", "Air Tanzania".
    if (!arabic) absorb(englishCompounds(text, final, d.info));
    const clubIdOf = (word: string): string | null => clubOf(word)?.id ?? null;
    const clubs = arabic ? cityClubs(text, final, d.info, clubIdOf, matchReport) : cityClubsEn(text, final, d.info, (name) => data.entries[data.matcher.whole(name) ?? -1]?.type === 'LOC', clubIdOf, matchReport);
    for (const [m, id] of clubs) {
      const entry = entryById.get(id);
      if (entry) d.link(entry);
      else d.noteUnlinked(id, 'ORG');
      Object.assign(m, { type: 'ORG', entityId: id });
    }
    // After the city clubs: a club the gazetteer first read as a place («الخليج», the Gulf) and
    // no KB name gave an id is linked by its country too.
    if (arabic) {
      for (const [m, id] of qualifiedClubLinks(text, final, d.info, clubsByBareName, matchReport)) {
        const entry = entryById.get(id);
        if (entry) d.link(entry);
        m.entityId = id;
      }
      // A bare club name the model did not read («الاتحاد»), where the report puts it on the pitch.
      const covered = (k: number): boolean => {
        const t = d.tokens[k];
        return t !== undefined && final.some((m) => m.start < t.end && t.start < m.end);
      };
      const clubOfToken = (k: number): string | null => {
        const entry = data.entries[data.matcher.confirm(d.tokens, k, k, 'ORG') ?? -1];
        return entry && isClub(entry) ? entry.id : null;
      };
      for (const club of bareClubsAr(d.tokens, text, covered, clubOfToken, matchReport)) {
        const entry = entryById.get(club.entityId);
        if (entry) d.link(entry);
        final.push({ start: club.start, end: club.end, type: 'ORG', text: text.slice(club.start, club.end), entityId: club.entityId });
      }
      final.sort((a, b) => a.start - b.start);
    }
    if (arabic) {
      for (const [m, shorter] of nationalityBeforePerson(final, d.info, text, (word) => tokenize(word).some(isNationality))) {
        Object.assign(m, shorter);
        d.noteUnlinked(shorter.entityId, 'ORG');
      }
      for (const [m, to] of bracketedShortForms(text, final, d.info, kbNamesOf)) {
        m.entityId = to.entityId;
        m.type = to.type;
      }
      adopt(sportTailsAr(text, final, (name) => kbIdOf(name, 'ORG')));
    }
    // "The state commissioner for trade and commerce, Ngozi Eze, said": a person, before surnames link to names.
    if (!arabic) retype(officeHoldersEn(text, final, d.info));
    for (const [m, id] of acronymLinks(final, defined, d.tokens, (id) => d.info.get(id)?.linked === true, kbNamesOf)) m.entityId = id;
    // "in Killybegs" after "the Killybegs Fishermen's Organisation": the place, before partial names link it to the body.
    if (!arabic) adopt(placePrefixesEn(text, final, d.info, (name) => kbIdOf(name, 'LOC')));
    for (const [m, id] of partialNameLinks(final, d.info, text)) m.entityId = id;
    retype(arabic ? companyHeadBodiesAr(text, final, d.info) : roleHolderBodiesEn(text, final, d.info));
    if (!arabic) retype(placeOpenersEn(final, d.info));
    if (!arabic) retype(unionNamesEn(text, final, d.info));
    // "Anloga" after "the Anloga District Assembly": the place, not the body's short form.
    if (!arabic) adopt(placesOfLocalBodiesEn(final, (name) => kbIdOf(name, 'LOC')));
    if (!arabic) retype(listedPlacesEn(text, final, d.info));
    retype(oneTypePerName(final, d.info, text));
    if (!arabic) for (const [m, id] of initialismLinks(final, d.info)) m.entityId = id;
    if (!arabic) for (const [m, to] of aliasDefinitionLinks(text, final, d.info)) Object.assign(m, to);
    for (const [m, id] of placeShortFormLinks(final, d.info, text)) Object.assign(m, { entityId: id, type: 'LOC' });
    for (const [m, id] of sameNameLinks(final, d.info)) m.entityId = id;
    if (!arabic) for (const [m, id] of nicknameLinks(final)) m.entityId = id;
    for (const [m, id] of describedPlaceLinks(final, d.info)) m.entityId = id;
    const mentions = corpusSpans ? withCorpusConventions(text, final, corpusSpans, d.tokens, kbIdOf) : final;
    if (corpusSpans) {
      for (const m of mentions) {
        if (!m.entityId || d.info.has(m.entityId)) continue;
        // A KB or gazetteer id `kbIdOf` gave is a linked entity, named as the KB names it.
        const e = entryById.get(m.entityId);
        d.info.set(m.entityId, e ? { linked: true, type: e.type, name: e.ar } : { linked: false, type: m.type, name: null });
      }
    }
    return { entities: buildEntities(text, mentions, d.info), mentions };
  }

  return {
    tag,
    tagJsonl: (input: JsonlInput): JsonlOutput => tagJsonl({ tag }, input),
  };
}

/** One JSONL record in, one out: the mentions of `text` keyed by the record id. */
export function tagJsonl(tagger: Pick<Tagger, 'tag'>, input: JsonlInput): JsonlOutput {
  const { mentions } = tagger.tag(input.text, input.lang);
  return { id: input.id, entities: mentions.map(({ start, end, type, text, entityId }) => ({ start, end, type, text, entityId })) };
}

/** The model's types read on corpus text: MISC as well. */
const WITH_MISC: ReadonlySet<string> = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/** A Roman numeral of up to five letters ("VI", "XIV"). */
const ROMAN = /^[IVXLC]{1,5}$/u;

/** «لل», «ولل» or «فلل» opening the word the mention starts in. */
const FUSED_ARTICLE = /(^|[^\p{L}])[وف]?لل$/u;

/**
 * An unlinked Arabic name written behind «لل» («للمؤسسة العامة …») starts after it, and its id is
 * made from the form with the article the «لل» holds («المؤسسة العامة …»), so it is the same
 * entity as where the article is written.
 */
function withFusedArticleIds(text: string, mentions: readonly Mention[], info: Map<string, EntityInfo>): void {
  for (const m of mentions) {
    const meta = m.entityId === null ? undefined : info.get(m.entityId);
    if (!meta || meta.linked || m.text.startsWith('ال') || !FUSED_ARTICLE.test(text.slice(Math.max(0, m.start - 4), m.start))) continue;
    const id = unlinkedId(m.type, `ال${m.text}`);
    if (!info.has(id)) info.set(id, meta);
    m.entityId = id;
  }
}
