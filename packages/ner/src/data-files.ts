import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KhabarNerError } from './errors.ts';
import { articleSentences, type GoldArticle } from './article-corpus.ts';
import { parseKb, parsePlaces } from './knowledge-base.ts';
import type { DocumentSet, Sentence } from './model/conll.ts';
import { LEXICON_FILE, parseLexicon, type Lexicon } from './model/lexicon.ts';
import { keyOf } from './tokenize.ts';
import type { KbEntry, TaggerOptions } from './types.ts';
import { HELD_OUT_ARTICLES } from './model/train-config.ts';

export const dataFile = (name: string): string => fileURLToPath(new URL(`../data/${name}`, import.meta.url));

export function readData(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `cannot read NER data file ${path}`, { cause });
  }
}

export function readNameTokens(tsv: string): Set<string> {
  const out = new Set<string>();
  for (const line of tsv.split('\n')) {
    if (line.startsWith('#') || line.startsWith('key\t')) continue;
    const key = line.split('\t')[0]?.trim();
    // Re-keyed at load so the file stays valid if the shared normalisation changes.
    if (key) out.add(keyOf(key));
  }
  return out;
}

export interface LexiconData {
  readonly kb: KbEntry[];
  readonly places: KbEntry[];
  readonly nameTokens: Set<string>;
  /** SHA-256 (hex) of each file read, by file name: recorded in trained models. */
  readonly sha256: Record<string, string>;
}

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** The KB, the compiled places and the person-name tokens (the files the model features use too). */
export function loadLexiconData(options: TaggerOptions = {}): LexiconData {
  const kbText = readData(options.kbPath ?? dataFile('kb.tsv'));
  const placesText = readData(options.gazetteerPath ?? dataFile('places.tsv'));
  const namesText = readData(options.nameTokensPath ?? dataFile('person-name-tokens.tsv'));
  return {
    kb: parseKb(kbText),
    places: parsePlaces(placesText),
    nameTokens: readNameTokens(namesText),
    sha256: { 'kb.tsv': sha256(kbText), 'places.tsv': sha256(placesText), 'person-name-tokens.tsv': sha256(namesText) },
  };
}

/** The lexicon the models in `dir` were trained with (`LEXICON_FILE`, written by `pnpm train:ner`). */
export function loadModelLexicon(dir: string): { readonly lexicon: Lexicon; readonly sha256: string } {
  const path = join(dir, LEXICON_FILE);
  const text = readData(path);
  const parsed = parseLexicon(text);
  if (typeof parsed === 'number') throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${path}:${parsed}: need a key, a tab and its flags`);
  return { lexicon: parsed, sha256: sha256(text) };
}

/** A hand-annotated article set (`test/fixtures/<name>/*.json`). */
export const articleSetDir = (name: string): string => fileURLToPath(new URL(`../test/fixtures/${name}/`, import.meta.url));

/**
 * The articles of one language in a hand-annotated set, as model training documents (one per
 * article, files in name order). `sha256` covers the names and bytes of every file read.
 */
export function loadArticleSet(name: string, lang: string, dir: string = articleSetDir(name), heldOut: ReadonlySet<string> = HELD_OUT_ARTICLES): DocumentSet & { readonly unplaced: string[] } {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json') && !heldOut.has(`${name}/${f}`)).sort();
  } catch (cause) {
    throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `cannot read article set ${dir}`, { cause });
  }
  const hash = createHash('sha256');
  const documents: Sentence[][] = [];
  const unplaced: string[] = [];
  for (const file of files) {
    const path = join(dir, file);
    const text = readData(path);
    hash.update(`${file}\n${text}\n`, 'utf8');
    const article = parseArticle(text, path);
    if (article.lang !== lang) continue;
    const out = articleSentences(article);
    documents.push(out.sentences);
    unplaced.push(...out.unplaced.map((n) => `${file}: ${n}`));
  }
  return { name, sha256: hash.digest('hex'), documents, unplaced };
}

function parseArticle(text: string, path: string): GoldArticle {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${path}: not JSON`, { cause });
  }
  const a = value as Partial<GoldArticle> | null;
  const ok =
    a !== null &&
    typeof a === 'object' &&
    typeof a.lang === 'string' &&
    typeof a.text === 'string' &&
    Array.isArray(a.entities) &&
    a.entities.every((e) => typeof e?.type === 'string' && Array.isArray(e.names) && (e.names as unknown[]).every((n) => typeof n === 'string'));
  if (!ok) throw new KhabarNerError('KHABAR_E_NER_BAD_DATA', `${path}: need lang, text and entities [{type, names}]`);
  return a as GoldArticle;
}
