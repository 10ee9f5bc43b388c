import { expect } from 'vitest';
import type { EntityInfo } from '../src/build-entities.ts';
import { unlinkedId } from '../src/entity-id.ts';
import { createTagger, type Mention, type TagResult, type Tagger } from '../src/index.ts';
import type { EntityType } from '../src/types.ts';

let shared: Tagger | undefined;
let rules: Tagger | undefined;

/** KB, gazetteer and title rules only: for tests about the matcher itself. */
export function rulesTagger(): Tagger {
  rules ??= createTagger({ statistical: false });
  return rules;
}

/** One tagger per test file: loading the data takes a few hundred milliseconds. */
export function tagger(): Tagger {
  shared ??= createTagger();
  return shared;
}

export function mentionAt(result: TagResult, start: number, end: number): Mention | undefined {
  return result.mentions.find((m) => m.start === start && m.end === end);
}

export function idsOf(result: TagResult, surface: string): Array<string | null> {
  return result.mentions.filter((m) => m.text === surface).map((m) => m.entityId);
}

/** Every mention as "TYPE text id" (checking each mention's text is its slice of the input). */
export function namedMentions(text: string, lang: string, statistical: boolean): string[] {
  return (statistical ? tagger() : rulesTagger()).tag(text, lang).mentions.map((m) => {
    expect(text.slice(m.start, m.end)).toBe(m.text);
    return `${m.type} ${m.text} ${m.entityId}`;
  });
}

/** "TYPE id" of each mention of `surface` the full tagger finds in `text`. */
export function mentionsOf(text: string, lang: string, surface: string): string[] {
  return tagger()
    .tag(text, lang)
    .mentions.filter((m) => m.text === surface)
    .map((m) => `${m.type} ${m.entityId}`);
}

/** Builds the mentions of `text` from [surface, type, id?] (the nth occurrence in order), and their entities' info. */
export function mentionsIn(text: string, names: ReadonlyArray<readonly [string, EntityType, string?]>): { mentions: Mention[]; info: Map<string, EntityInfo> } {
  const info = new Map<string, EntityInfo>();
  let from = 0;
  const mentions = names.map(([surface, type, id]) => {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`${surface} not in text`);
    from = start + surface.length;
    const entityId = id ?? unlinkedId(type, surface);
    info.set(entityId, { linked: id !== undefined, type, name: null });
    return { start, end: start + surface.length, type, text: surface, entityId };
  });
  return { mentions, info };
}

/** "text -> id" for each re-id'd mention. */
export function relinked(map: ReadonlyMap<Mention, string | { entityId: string; type: string }>): string[] {
  return [...map].map(([m, to]) => `${m.text} -> ${typeof to === 'string' ? to : `${to.type} ${to.entityId}`}`);
}

/** The texts of the mentions the full tagger finds in `text`, of one type or all. */
export function namesOf(text: string, lang: 'ar' | 'en', type?: string): string[] {
  return tagger()
    .tag(text, lang)
    .mentions.filter((m) => type === undefined || m.type === type)
    .map((m) => m.text);
}

/** A mention of `name` as found in `text` (from `from` on), unlinked: input for a rule's pure function. */
export function mentionIn(text: string, name: string, type: Mention['type'], from = 0): Mention {
  const start = text.indexOf(name, from);
  if (start < 0) throw new Error(`${name} not in text`);
  return { start, end: start + name.length, type, text: name, entityId: null };
}
