import { CONFIRMED_ALIAS } from '../matcher.ts';
import { tokenize, type TokenVariant } from '../tokenize.ts';
import type { KbEntry } from '../types.ts';

/**
 * Per-token membership flags from the knowledge base, the places gazetteer and the person-name
 * tokens, used as model features: `PER1` (a one-word PER alias), `ORGB`/`ORGI` (first/inner word
 * of a multi-word ORG alias), `LOCc` (a country), `nm` (an Arabic person-name part).
 */
export interface Lexicon {
  flagsOf(key: string): readonly string[] | undefined;
}

export function buildLexicon(entries: readonly KbEntry[], nameTokens: ReadonlySet<string>): Lexicon {
  // Small arrays rather than Sets: tens of thousands of keys, one to three flags each.
  const flags = new Map<string, string[]>();
  const add = (key: string, flag: string): void => {
    const list = flags.get(key);
    if (!list) flags.set(key, [flag]);
    else if (!list.includes(flag)) list.push(flag);
  };
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      // A model-confirmed form («~مالي») is an ordinary word as often as a name: no evidence.
      if (alias.startsWith(CONFIRMED_ALIAS)) continue;
      const toks = tokenize(alias);
      if (toks.length === 1 && toks[0]) {
        add(toks[0].key, `${entry.type}1`);
        if (entry.type === 'LOC' && entry.strong) add(toks[0].key, 'LOCc');
        continue;
      }
      toks.forEach((t, i) => add(t.key, `${entry.type}${i === 0 ? 'B' : 'I'}`));
    }
  }
  for (const key of nameTokens) add(key, 'nm');
  for (const list of flags.values()) list.sort();
  return { flagsOf: (key) => flags.get(key) };
}

/** Flags of a token's readings (`variantsOf`): as written, and with proclitics removed (marked `~`). */
export function tokenFlags(lexicon: Lexicon, variants: readonly TokenVariant[]): string[] {
  const out: string[] = [];
  for (const v of variants) {
    const f = lexicon.flagsOf(v.key);
    if (!f) continue;
    for (const flag of f) out.push(v.clitics === '' ? flag : `~${flag}`);
  }
  return out;
}
