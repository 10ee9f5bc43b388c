import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeArabic } from './arabic-normalize.ts';
import { buildEntities, type EntityInfo } from './build-entities.ts';
import { KhabarNerError } from './errors.ts';
import { parseKb, parsePlaces } from './knowledge-base.ts';
import { linkSurnames, type PersonSpan } from './link-surnames.ts';
import { compileMatcher, joinable } from './matcher.ts';
import { findTitledNames } from './title-rules.ts';
import { keyOf, tokenize } from './tokenize.ts';
import type { JsonlInput, JsonlOutput, KbEntry, Mention, TagResult, Tagger, TaggerOptions } from './types.ts';

const dataFile = (name: string): string => fileURLToPath(new URL(`../data/${name}`, import.meta.url));

function readData(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `cannot read NER data file ${path}`, { cause });
  }
}

function readNameTokens(tsv: string): Set<string> {
  const out = new Set<string>();
  for (const line of tsv.split('\n')) {
    if (line.startsWith('#') || line.startsWith('key\t')) continue;
    const key = line.split('\t')[0]?.trim();
    // Re-keyed at load so the file stays valid if the shared normalisation changes.
    if (key) out.add(keyOf(key));
  }
  return out;
}

/** `per:<normalised surface>` for names the KB does not know. */
function unlinkedId(type: string, surface: string): string {
  const norm = normalizeArabic(surface).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return `${type.toLowerCase()}:${norm}`;
}

/**
 * Loads the KB, the compiled places and the person-name tokens once (synchronously, at start-up)
 * and returns a tagger whose `tag` is pure and allocation-light.
 */
export function createTagger(options: TaggerOptions = {}): Tagger {
  const kb = parseKb(readData(options.kbPath ?? dataFile('kb.tsv')));
  const places = parsePlaces(readData(options.gazetteerPath ?? dataFile('places.tsv')));
  const nameTokens = readNameTokens(readData(options.nameTokensPath ?? dataFile('person-name-tokens.tsv')));
  const matcher = compileMatcher([...kb, ...places]);
  const entries: readonly KbEntry[] = matcher.entries;

  function tag(text: string, lang: string): TagResult {
    const arabic = lang.toLowerCase().startsWith('ar');
    const tokens = tokenize(text);
    const covered = new Set<number>();
    const mentions: Mention[] = [];
    const info = new Map<string, EntityInfo>();
    const people: PersonSpan[] = [];

    for (const m of matcher.match(tokens, text)) {
      const entry = entries[m.entry];
      if (!entry) continue;
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

    for (const hit of linkSurnames(tokens, people, covered)) {
      const t = tokens[hit.token];
      if (!t) continue;
      const start = t.start + hit.skip;
      mentions.push({ start, end: t.end, type: 'PER', text: text.slice(start, t.end), entityId: hit.entityId });
    }

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
