import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEntities, type EntityInfo } from './build-entities.ts';
import { dataFile, loadLexiconData } from './data-files.ts';
import { unlinkedId } from './entity-id.ts';
import { KhabarNerError } from './errors.ts';
import { linkSurnames, type PersonSpan } from './link-surnames.ts';
import { compileMatcher, joinable } from './matcher.ts';
import { findModelSpans } from './model-mentions.ts';
import { buildLexicon } from './model/lexicon.ts';
import { parseModel, type SequenceModel } from './model/sequence-model.ts';
import { modelFileName } from './model/train-config.ts';
import { findTitledNames } from './title-rules.ts';
import { tokenize } from './tokenize.ts';
import type { JsonlInput, JsonlOutput, KbEntry, Mention, TagResult, Tagger, TaggerOptions } from './types.ts';

function loadModel(dir: string, lang: 'ar' | 'en'): SequenceModel {
  const path = join(dir, modelFileName(lang));
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `cannot read NER model ${path}`, { cause });
  }
  const model = parseModel(bytes, path);
  if (model.lang !== lang) throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${path}: model is for "${model.lang}", not "${lang}"`);
  return model;
}

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
  const models = options.statistical === false ? null : { ar: loadModel(modelDir, 'ar'), en: loadModel(modelDir, 'en') };

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

    // The model finds names the KB and the title rules do not know; KB mentions win on overlap.
    const fresh = found.filter((m) => {
      for (let k = m.first; k <= m.last; k++) if (covered.has(k)) return false;
      return true;
    });
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
