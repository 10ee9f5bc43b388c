import { expect } from 'vitest';
import { createTagger, type Mention, type TagResult, type Tagger } from '../src/index.ts';

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
