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
