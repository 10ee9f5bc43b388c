import { buildEntities, type EntityInfo } from './build-entities.ts';
import { dataFile, loadLexiconData } from './data-files.ts';
import { unlinkedId } from './entity-id.ts';
import { linkSurnames, type PersonSpan } from './link-surnames.ts';
import { compileMatcher, joinable } from './matcher.ts';
import { findModelSpans, outsideCovered, type ModelSpan } from './model-mentions.ts';
import { findCuedOrgs, hasOrgApposition, isGenericOrgHead } from './org-rules.ts';
import { buildLexicon } from './model/lexicon.ts';
import { loadNerModel } from './model/document-pass.ts';
import { findTitledNames } from './title-rules.ts';
import { tokenize } from './tokenize.ts';
import type { JsonlInput, JsonlOutput, KbEntry, Mention, TagResult, Tagger, TaggerOptions } from './types.ts';

/**
 * Loads the KB, the compiled places, the person-name tokens and the two statistical models once
 * (synchronously, at start-up, about a second) and returns a tagger whose `tag` is pure.
 */
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

    const found = models ? findModelSpans(text, tokens, arabic ? models.ar : models.en, lexicon) : [];
    // A place that opens or sits inside a longer organisation name the model found ("Kenya" in
    // "Kenya Revenue Authority", two or more extra words) is part of that name, not a mention.
    const orgs = found.filter((s) => s.type === 'ORG' && s.last > s.first);
    const insideOrg = (first: number, last: number): boolean =>
      orgs.some((s) => s.first <= first && last <= s.last && s.last - s.first - (last - first) >= 2);

    for (const m of matcher.match(tokens, text)) {
      const entry = entries[m.entry];
      if (!entry || (entry.type === 'LOC' && insideOrg(m.first, m.last))) continue;
      for (let k = m.first; k <= m.last; k++) covered.add(k);
      mentions.push({ start: m.start, end: m.end, type: entry.type, text: text.slice(m.start, m.end), entityId: entry.id });
      info.set(entry.id, { linked: true, type: entry.type, name: arabic ? entry.ar : entry.en });
      if (entry.type === 'PER') people.push({ first: m.first, last: m.last, entityId: entry.id });
    }

    const join = (a: (typeof tokens)[number], b: (typeof tokens)[number]): boolean => joinable(text, a, b);
    for (const span of findTitledNames(tokens, covered, nameTokens, join)) {
      const first = tokens[span.first];
      const last = tokens[span.last];
      if (!first || !last) continue;
      const surface = text.slice(first.start, last.end);
      const id = unlinkedId('PER', surface);
      for (let k = span.first; k <= span.last; k++) covered.add(k);
      mentions.push({ start: first.start, end: last.end, type: 'PER', text: surface, entityId: id });
      if (!info.has(id)) info.set(id, { linked: false, type: 'PER', name: null });
      people.push({ first: span.first, last: span.last, entityId: id });
    }

    for (const span of findCuedOrgs(tokens, covered, join)) {
      const last = tokens[span.last];
      if (!last) continue;
      const surface = text.slice(span.start, last.end);
      const id = unlinkedId('ORG', surface);
      for (let k = span.first; k <= span.last; k++) covered.add(k);
      mentions.push({ start: span.start, end: last.end, type: 'ORG', text: surface, entityId: id });
      if (!info.has(id)) info.set(id, { linked: false, type: 'ORG', name: null });
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
        return !(m.first === m.last && head && isGenericOrgHead(head));
      })
      .map((m) => (m.type !== 'ORG' && hasOrgApposition(text, tokens, m.last) ? { ...m, type: 'ORG' as const } : m));
    const modelIds = fresh.map((m) => {
      const last = tokens[m.last];
      const surface = text.slice(m.start, last?.end ?? m.start);
      const id = unlinkedId(m.type, surface);
      // Multi-word names are people whose surname links later bare mentions; single words may
      // themselves be such a surname, so they wait for the linking below.
      if (m.last > m.first) {
        for (let k = m.first; k <= m.last; k++) covered.add(k);
        if (m.type === 'PER') people.push({ first: m.first, last: m.last, entityId: id });
      }
      return id;
    });

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
      mentions.push({ start: m.start, end: last.end, type: m.type, text: text.slice(m.start, last.end), entityId: id });
      if (!info.has(id)) info.set(id, { linked: false, type: m.type, name: null });
    });

    mentions.sort((a, b) => a.start - b.start);
    return { entities: buildEntities(text, mentions, info), mentions };
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
