import { buildEntities, type EntityInfo } from './build-entities.ts';
import { dataFile, loadLexiconData } from './data-files.ts';
import { unlinkedId } from './entity-id.ts';
import { linkSurnames, type PersonSpan } from './link-surnames.ts';
import { lineageEnd, surnameAfter } from './name-chains.ts';
import { linkShortForms, type OrgSpan } from './short-forms.ts';
import { isNotAName } from './not-names.ts';
import { compileMatcher, joinable } from './matcher.ts';
import { findModelSpans, outsideCovered, type ModelSpan } from './model-mentions.ts';
import { findArabicInstitutions, findCuedOrgs, findEnglishOrgNames, hasOrgApposition, isEnglishCompanyName, isGenericOrgHead } from './org-rules.ts';
import { buildLexicon } from './model/lexicon.ts';
import { loadNerModel } from './model/document-pass.ts';
import { findDescribedPlaces, isEnglishPlaceName } from './place-rules.ts';
import { findTitledNames, isArabicTitle, isEnglishTitle } from './title-rules.ts';
import { keyOf, tokenize, variantsOf, type Token } from './tokenize.ts';
import type { JsonlInput, JsonlOutput, KbEntry, Mention, TagResult, Tagger, TaggerOptions } from './types.ts';

/**
 * Loads the KB, the compiled places, the person-name tokens and the two statistical models once
 * (synchronously, at start-up, about a second) and returns a tagger whose `tag` is pure.
 */
/** Whether tokens [first, last] lie inside one of `spans` that is longer. */
function withinLonger(spans: ReadonlyArray<{ readonly first: number; readonly last: number }>, first: number, last: number): boolean {
  return spans.some((s) => s.first <= first && last <= s.last && s.last - s.first > last - first);
}

export function createTagger(options: TaggerOptions = {}): Tagger {
  const { kb, places, nameTokens } = loadLexiconData(options);
  const matcher = compileMatcher([...kb, ...places]);
  const entries: readonly KbEntry[] = matcher.entries;
  const lexicon = buildLexicon(entries, nameTokens);
  const modelDir = options.modelDir ?? dataFile('');
  const models = options.statistical === false ? null : { ar: loadNerModel(modelDir, 'ar'), en: loadNerModel(modelDir, 'en') };

  function tag(text: string, lang: string): TagResult {
    const arabic = lang.toLowerCase().startsWith('ar');
    const tokens = tokenize(text);
    const covered = new Set<number>();
    const mentions: Mention[] = [];
    const info = new Map<string, EntityInfo>();
    const people: PersonSpan[] = [];
    /** Organisation mentions whose short forms may name them later ("Rio" after "Rio Tinto"). */
    const orgSpans: OrgSpan[] = [];
    /** Mentions a described place may absorb ("رفح" in "معبر رفح"): places, model names, titled names. */
    const soft = new Set<Mention>();

    const found = models ? findModelSpans(text, tokens, arabic ? models.ar : models.en, lexicon) : [];
    // A place that opens or sits inside a longer organisation name the model found ("Kenya" in
    // "Kenya Revenue Authority", two or more extra words) is part of that name, not a mention.
    const orgs = found.filter((s) => (s.type === 'ORG' || isEnglishCompanyName(tokens, s.first, s.last)) && s.last > s.first);
    const insideOrg = (first: number, last: number): boolean =>
      orgs.some((s) => s.first <= first && last <= s.last && s.last - s.first - (last - first) >= 2);

    // Organisation names shown by their shape ("Office of Management and Budget", "Taiwan
    // Semiconductor Manufacturing Co."): a KB name inside one is part of it, one as long is the name.
    const join = (a: (typeof tokens)[number], b: (typeof tokens)[number]): boolean => joinable(text, a, b);
    const shaped = arabic ? [] : findEnglishOrgNames(text, tokens, join);
    // Arabic institutions named by head and adjectives: a shorter KB organisation inside one is not it.
    const institutions = arabic ? findArabicInstitutions(tokens, join) : [];
    const matches = matcher.match(tokens, text);
    matches.forEach((raw, n) => {
      const entry = entries[raw.entry];
      if (!entry || (entry.type === 'LOC' && insideOrg(raw.first, raw.last)) || withinLonger(shaped, raw.first, raw.last) || (entry.type === 'ORG' && withinLonger(institutions, raw.first, raw.last))) return;
      // "Governor Fatih Karahan": a town's name (Fatih, Istanbul) opening a titled person's name.
      const lastTok = tokens[raw.last];
      const after = tokens[raw.last + 1];
      if (!entry.strong && entry.type === 'LOC' && !arabic && isEnglishTitle(tokens[raw.first - 1]) && lastTok && after?.cap === true && join(lastTok, after)) return;
      // "سلمان بن عبد العزيز" + "آل سعود": the lineage after a known person is part of the mention.
      const nextMatch = matches[n + 1]?.first ?? tokens.length;
      const last = arabic && entry.type === 'PER' ? lineageEnd(tokens, raw.last, (k) => k < nextMatch, join) : raw.last;
      const extended = last === raw.last ? raw : { ...raw, last, end: tokens[last]?.end ?? raw.end };
      const m = entry.type === 'PER' ? withoutTitles(tokens, extended) : extended;
      for (let k = m.first; k <= m.last; k++) covered.add(k);
      const mention: Mention = { start: m.start, end: m.end, type: entry.type, text: text.slice(m.start, m.end), entityId: entry.id };
      mentions.push(mention);
      if (entry.type === 'LOC') soft.add(mention);
      info.set(entry.id, { linked: true, type: entry.type, name: arabic ? entry.ar : entry.en });
      if (entry.type === 'PER') people.push({ first: m.first, last: m.last, entityId: entry.id });
      if (entry.type === 'ORG') orgSpans.push({ first: m.first, last: m.last, entityId: entry.id });
    });

    for (const span of shaped) {
      let free = true;
      for (let k = span.first; k <= span.last; k++) free &&= !covered.has(k);
      if (!free) continue;
      const surface = text.slice(span.start, span.end);
      const id = unlinkedId('ORG', surface);
      for (let k = span.first; k <= span.last; k++) covered.add(k);
      mentions.push({ start: span.start, end: span.end, type: 'ORG', text: surface, entityId: id });
      orgSpans.push({ first: span.first, last: span.last, entityId: id });
      if (!info.has(id)) info.set(id, { linked: false, type: 'ORG', name: null });
    }

    for (const titled of findTitledNames(tokens, covered, nameTokens, join)) {
      // English names keep a hyphenated last part and initials ("Lai Ching-te", "C.C. Wei").
      const span = arabic
        ? { ...titled, last: lineageEnd(tokens, titled.last, (k) => !covered.has(k), join) }
        : withNameParts(text, tokens, { ...titled, type: 'PER', start: tokens[titled.first]?.start ?? 0 }, covered);
      const first = tokens[span.first];
      const last = tokens[span.last];
      if (!first || !last) continue;
      const surface = text.slice(first.start, last.end);
      const id = unlinkedId('PER', surface);
      for (let k = span.first; k <= span.last; k++) covered.add(k);
      const mention: Mention = { start: first.start, end: last.end, type: 'PER', text: surface, entityId: id };
      mentions.push(mention);
      // "مطار الأمير نايف بن عبد العزيز": the airport named after the person absorbs the name.
      soft.add(mention);
      if (!info.has(id)) info.set(id, { linked: false, type: 'PER', name: null });
      people.push({ first: span.first, last: span.last, entityId: id });
    }

    for (const span of findCuedOrgs(tokens, covered, join)) {
      const last = tokens[span.last];
      if (!last) continue;
      const surface = text.slice(span.start, last.end);
      // "giant North Field": the cue was right about a name, not about its type.
      const type = isEnglishPlaceName(tokens, span.first, span.last) ? 'LOC' : 'ORG';
      const id = unlinkedId(type, span.impliedArticle === true ? `ال${surface}` : surface);
      for (let k = span.first; k <= span.last; k++) covered.add(k);
      mentions.push({ start: span.start, end: last.end, type, text: surface, entityId: id });
      if (type === 'ORG') orgSpans.push({ first: span.first, last: span.last, entityId: id });
      if (!info.has(id)) info.set(id, { linked: false, type, name: null });
    }

    // Short forms of organisations named earlier ("Rio" after "Rio Tinto"), before the model's
    // names: the model often calls them people. Its own organisation names count as named earlier.
    if (!arabic) {
      const modelOrgs = orgs.filter((o) => !spanTouches(o, covered));
      const inModelOrg = (k: number): boolean => modelOrgs.some((o) => o.first <= k && k <= o.last);
      const named = [...orgSpans, ...modelOrgs.map((o) => ({ first: o.first, last: o.last, entityId: unlinkedId('ORG', text.slice(o.start, tokens[o.last]?.end ?? o.start)) }))];
      for (const hit of linkShortForms(text, tokens, named, (k) => covered.has(k) || inModelOrg(k))) {
        const t = tokens[hit.token];
        if (!t) continue;
        covered.add(hit.token);
        mentions.push({ start: t.start, end: t.end, type: 'ORG', text: t.text, entityId: hit.entityId });
      }
    }

    // The model finds names the KB and the rules do not know; KB mentions win on overlap. A bare
    // institution noun ("للمنظمة") is not a name; an apposition can fix the type ("X, the company").
    const fresh = found
      .map((m) => {
        // A person the KB or a title rule found is never split from the rest of a model name.
        const person = (k: number): boolean => people.some((p) => p.first <= k && k <= p.last);
        return outsideCovered(m, covered, person, tokens, lexicon);
      })
      .filter((m): m is ModelSpan => {
        if (!m) return false;
        const head = tokens[m.first];
        return !(m.first === m.last && head && isGenericOrgHead(head)) && !isNotAName(tokens, m.first, m.last);
      })
      .map((m) => (m.type !== 'ORG' && (hasOrgApposition(text, tokens, m.last) || isEnglishCompanyName(tokens, m.first, m.last)) ? { ...m, type: 'ORG' as const } : m))
      .map((m) => (m.type !== 'LOC' && isEnglishPlaceName(tokens, m.first, m.last) ? { ...m, type: 'LOC' as const } : m))
      .map((m) => (m.type !== 'PER' ? m : arabic ? withArabicNameParts(m) : withNameParts(text, tokens, m, covered)))
      .filter((m): m is ModelSpan => m !== null);
    const modelIds = fresh.map((m) => {
      const last = tokens[m.last];
      const surface = text.slice(m.start, last?.end ?? m.start);
      // A model name the KB knows by a model-confirmed alias («الجزيرة» the channel) links to it.
      const confirmed = entries[matcher.confirm(tokens, m.first, m.last, m.type) ?? -1];
      if (confirmed) info.set(confirmed.id, { linked: true, type: confirmed.type, name: arabic ? confirmed.ar : confirmed.en });
      const id = confirmed ? confirmed.id : unlinkedId(m.type, surface);
      // Multi-word names are people whose surname links later bare mentions; single words may
      // themselves be such a surname, so they wait for the linking below.
      if (m.last > m.first) {
        for (let k = m.first; k <= m.last; k++) covered.add(k);
        if (m.type === 'PER') people.push({ first: m.first, last: m.last, entityId: id });
        if (m.type === 'ORG') orgSpans.push({ first: m.first, last: m.last, entityId: id });
      }
      return id;
    });

    /** The lineage after an Arabic model name, or the surname after a given name it tagged alone. */
    function withArabicNameParts(span: ModelSpan): ModelSpan | null {
      // "الوزير خالد الفالح" tagged whole: a title the model took into the name is not part of it.
      let m = span;
      while (m.first < m.last && isArabicTitle(tokens[m.first])) {
        const head = tokens[m.first + 1];
        m = { ...m, first: m.first + 1, start: head ? head.start : m.start };
      }
      if (isArabicTitle(tokens[m.first])) return null;
      const free = (k: number): boolean => !covered.has(k);
      const last = lineageEnd(tokens, m.last, free, join);
      if (last !== m.last) return { ...m, last };
      const given = tokens[m.last];
      const short = m.last - m.first <= 1;
      // A known given name, or a compound one ending in الدين ("حسام الدين").
      const isGiven = given !== undefined && (nameTokens.has(given.key) || (given.norm === 'الدين' && m.last > m.first));
      return short && isGiven ? { ...m, last: surnameAfter(text, tokens, m.last, free, join) } : m;
    }

    const linked = new Set<number>();
    for (const hit of linkSurnames(tokens, people, covered)) {
      const t = tokens[hit.token];
      if (!t) continue;
      const start = t.start + hit.skip;
      linked.add(hit.token);
      mentions.push({ start, end: t.end, type: 'PER', text: text.slice(start, t.end), entityId: hit.entityId });
    }

    fresh.forEach((m, i) => {
      const last = tokens[m.last];
      const id = modelIds[i];
      if (!last || id === undefined || (m.first === m.last && linked.has(m.first))) return;
      const mention: Mention = { start: m.start, end: last.end, type: m.type, text: text.slice(m.start, last.end), entityId: id };
      mentions.push(mention);
      soft.add(mention);
      if (!info.has(id)) info.set(id, { linked: false, type: m.type, name: null });
    });

    const final = arabic ? withDescribedPlaces(text, tokens, mentions, soft, info) : mentions;
    final.sort((a, b) => a.start - b.start);
    return { entities: buildEntities(text, final, info), mentions: final };
  }

  return {
    tag,
    tagJsonl: (input: JsonlInput): JsonlOutput => tagJsonl({ tag }, input),
  };
}

/**
 * Arabic places named with their descriptor ("معبر رفح", "مخيم أبو شوك"): one LOC mention replaces
 * the descriptor's name (a gazetteer place or a model name, which it absorbs) or the plain words
 * after it. Mentions of the KB, the title and organisation rules are never cut into.
 */
function withDescribedPlaces(
  text: string,
  tokens: readonly Token[],
  mentions: readonly Mention[],
  soft: ReadonlySet<Mention>,
  info: Map<string, EntityInfo>,
): Mention[] {
  const tokenAt = (offset: number): number => {
    let lo = 0;
    let hi = tokens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((tokens[mid]?.start ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const spans = mentions.map((m) => ({ first: tokenAt(m.start), last: tokenAt(m.end - 1), type: m.type, mention: m }));
  const locked = new Set<number>();
  for (const s of spans) {
    if (!soft.has(s.mention) || s.type === 'ORG') for (let k = s.first; k <= s.last; k++) locked.add(k);
  }
  const join = (a: Token, b: Token): boolean => joinable(text, a, b);
  const places = findDescribedPlaces(tokens, spans, locked, join);
  if (places.length === 0) return [...mentions];
  const out = mentions.filter((m) => {
    const s = spans.find((x) => x.mention === m);
    return !s || !places.some((p) => p.first <= s.last && s.first <= p.last);
  });
  for (const p of places) {
    const last = tokens[p.last];
    if (!last) continue;
    const surface = text.slice(p.start, last.end);
    const id = unlinkedId('LOC', surface);
    out.push({ start: p.start, end: last.end, type: 'LOC', text: surface, entityId: id });
    if (!info.has(id)) info.set(id, { linked: false, type: 'LOC', name: null });
  }
  return out;
}

/** Whether any token of the span is in `covered`. */
function spanTouches(span: { readonly first: number; readonly last: number }, covered: ReadonlySet<number>): boolean {
  for (let k = span.first; k <= span.last; k++) if (covered.has(k)) return true;
  return false;
}

/** Royal and honorific titles some KB aliases carry ("الأمير عبد العزيز بن سلمان", "King Charles"). */
const KB_TITLES = new Set(['ملك', 'امير', 'شيخ', 'سلطان', 'king', 'queen', 'prince', 'princess', 'crown', 'sheikh', 'emir', 'sultan'].map(keyOf));

/** A KB person match without the titles it opens with: a title is not part of a name. */
function withoutTitles<M extends { readonly first: number; readonly last: number; readonly start: number }>(tokens: readonly Token[], m: M): M {
  let first = m.first;
  for (let t = tokens[first]; t && first < m.last && variantsOf(t).some((v) => KB_TITLES.has(v.key)); t = tokens[first]) first++;
  const head = tokens[first];
  return first === m.first || !head ? m : { ...m, first, start: head.start };
}

/**
 * An English person name the model cut at a hyphen or left its initials out of: "Lai Ching-te",
 * "Chen Li-wei" (a lower-case part after a hyphen), "C.C. Wei" (capital initials with dots before).
 */
function withNameParts(text: string, tokens: readonly Token[], m: ModelSpan, covered: ReadonlySet<number>): ModelSpan {
  let { first, last } = m;
  for (;;) {
    const a = tokens[last];
    const b = tokens[last + 1];
    if (!a || !b || covered.has(last + 1) || b.arabic || b.cap || b.text.length > 4 || !/^[-\u2010\u2011]$/.test(text.slice(a.end, b.start))) break;
    last++;
  }
  for (;;) {
    const a = tokens[first - 1];
    const b = tokens[first];
    if (!a || !b || covered.has(first - 1) || !/^\p{Lu}$/u.test(a.text) || !/^\. ?$/.test(text.slice(a.end, b.start))) break;
    first--;
  }
  const head = tokens[first];
  return first === m.first && last === m.last ? m : { ...m, first, last, start: head ? head.start : m.start };
}

/** One JSONL record in, one out: the mentions of `text` keyed by the record id. */
export function tagJsonl(tagger: Pick<Tagger, 'tag'>, input: JsonlInput): JsonlOutput {
  const { mentions } = tagger.tag(input.text, input.lang);
  return { id: input.id, entities: mentions.map(({ start, end, type, text, entityId }) => ({ start, end, type, text, entityId })) };
}
