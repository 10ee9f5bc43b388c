import { CONFIRMED_ALIAS } from '../alias-syntax.ts';
import { tokenize, type TokenVariant } from '../tokenize.ts';
import type { KbEntry } from '../types.ts';

/**
 * Per-token membership flags from the knowledge base, the places gazetteer and the person-name
 * tokens, used as model features: `PER1` (a one-word PER alias), `ORGB`/`ORGI` (first/inner word
 * of a multi-word ORG alias), `LOCc` (a country), `nm` (an Arabic person-name part).
 */
export interface Lexicon {
  flagsOf(key: string): readonly string[] | undefined;
  /** Every key with its flags, keys sorted: what `serializeLexicon` writes. */
  entries(): Array<readonly [string, readonly string[]]>;
}

/**
 * The file beside the models that holds the lexicon they were trained with. The tagger's model
 * reads its features from it, not from the live KB: editing `kb.tsv` changes what the matcher
 * finds, never the model's inputs, so it needs no retraining and moves no model figure.
 */
export const LEXICON_FILE = 'ner-lexicon.tsv';

function fromMap(flags: ReadonlyMap<string, readonly string[]>): Lexicon {
  return {
    flagsOf: (key) => flags.get(key),
    entries: () => [...flags.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  };
}

/** One line per key: the key, a tab, its flags separated by spaces. */
export function serializeLexicon(lexicon: Lexicon): string {
  return `${lexicon.entries().map(([key, flags]) => `${key}\t${flags.join(' ')}`).join('\n')}\n`;
}

/** Reads `serializeLexicon`'s text; a number is the (1-based) line that is malformed. */
export function parseLexicon(text: string): Lexicon | number {
  const flags = new Map<string, string[]>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const tab = line.indexOf('\t');
    if (tab <= 0 || tab === line.length - 1) return i + 1;
    flags.set(line.slice(0, tab), line.slice(tab + 1).split(' '));
  }
  return fromMap(flags);
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
  return fromMap(flags);
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
