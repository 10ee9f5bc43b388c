import { KhabarNerError } from './errors.ts';
import { CONFIRMED_ALIAS, CUES, splitCues } from './alias-syntax.ts';
import type { EntityType, KbEntry } from './types.ts';

const TYPES: ReadonlySet<string> = new Set(['PER', 'ORG', 'LOC', 'MISC']);

function isEntityType(s: string): s is EntityType {
  return TYPES.has(s);
}

/** The `|`-separated aliases of a row; a model-confirmed `~` needs a name after it. */
function aliasesOf(field: string, source: string, line: number): string[] {
  const out = field.split('|').map((a) => a.trim()).filter((a) => a !== '');
  for (const a of out) {
    if (a.startsWith(CONFIRMED_ALIAS)) {
      const { form, cues } = splitCues(a.slice(CONFIRMED_ALIAS.length));
      if (form === '') throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${source}:${line}: "~" must be followed by the model-confirmed form`);
      if (cues === '') throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${source}:${line}: "@" in "${a}" must be followed by cue words`);
    } else if (a.includes(CUES)) {
      throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${source}:${line}: cue words ("@") only follow a model-confirmed ("~") alias: "${a}"`);
    }
  }
  return out;
}

function dataLines(tsv: string): Array<{ line: number; cols: string[] }> {
  const out: Array<{ line: number; cols: string[] }> = [];
  tsv.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    out.push({ line: i + 1, cols: raw.split('\t').map((c) => c.trim()) });
  });
  return out;
}

/** kb.tsv: id, type, English name, Arabic name, aliases separated by `|` (see README). */
/** A name ending in a bracketed qualifier. */
const QUALIFIED = /\s\([^()]+\)$/u;

export function parseKb(tsv: string, source = 'kb.tsv'): KbEntry[] {
  const out: KbEntry[] = [];
  const ids = new Set<string>();
  for (const { line, cols } of dataLines(tsv)) {
    const [id = '', type = '', en = '', ar = '', aliases = ''] = cols;
    if (id === 'id') continue;
    if (!id || !isEntityType(type) || !en || !ar) {
      throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${source}:${line}: need id, type, English and Arabic name`);
    }
    if (ids.has(id)) throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${source}:${line}: duplicate id ${id}`);
    ids.add(id);
    const extra = aliasesOf(aliases, source, line);
    // A canonical name with a qualifier in brackets («تدمر (سوريا)», "The Hindu (newspaper)") is no
    // form text writes: read without its brackets it would take the word after the name ("the Tuoi
    // Tre newspaper"). Its bare form is a `~` alias where the KB wants it matched.
    const canonical = [en, ar].filter((n) => !QUALIFIED.test(n));
    out.push({ id, type, en, ar, aliases: [...canonical, ...extra], strong: true });
  }
  return out;
}

/** places.tsv (compiled by scripts/build-places.ts): id, Arabic name, English name, aliases `|`, kind (country/region/city). */
export function parsePlaces(tsv: string, source = 'places.tsv'): KbEntry[] {
  const out: KbEntry[] = [];
  for (const { line, cols } of dataLines(tsv)) {
    const [id = '', ar = '', en = '', aliases = '', kind = 'city'] = cols;
    if (id === 'id') continue;
    if (!id || !ar || !en) throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${source}:${line}: need id, Arabic and English name`);
    const extra = aliasesOf(aliases, source, line);
    // A name column written as a model-confirmed alias («~البيضاء@ليبيا …») is matched as one; the
    // place is named by its form.
    const plain = (name: string): string => (name.startsWith(CONFIRMED_ALIAS) ? splitCues(name.slice(CONFIRMED_ALIAS.length)).form : name);
    out.push({ id, type: 'LOC', en: plain(en), ar: plain(ar), aliases: [en, ar, ...extra], strong: kind === 'country', kind: kind === 'country' || kind === 'region' ? kind : 'city' });
  }
  return out;
}
