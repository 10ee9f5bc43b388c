import { tokenize, variantsOf, type Token } from '../tokenize.ts';
import { StringSink, type FeatureSink } from './feature-hash.ts';
import { tokenFlags, type Lexicon } from './lexicon.ts';

export type ModelLang = 'ar' | 'en';

export interface TokenInfo {
  /** Normalised form (Arabic folded, Latin lower-cased), or the punctuation itself. */
  readonly norm: string;
  /** Most-stripped Arabic stem (no proclitics, no article); the lower-cased word for Latin. */
  readonly stem: string;
  readonly shape: string;
  readonly flags: readonly string[];
  /** Latin word starting with a capital. */
  readonly cap: boolean;
  /** Arabic: the keys of the token's readings without proclitics (`variantsOf`, all but the first). */
  readonly readings: readonly string[];
}

/**
 * Optional feature groups, named in the training config (`features`) and so recorded in the model:
 * - `pos`: first / last token of the sentence;
 * - `brk`: inside parentheses or quotation marks;
 * - `conj`: word × neighbour's shape, neighbour's word × shape, suffix × shape;
 * - `rd`: every proclitic-free reading of an Arabic token, not only the most stripped one;
 * - `ctx`: stems at ±2 and stem bigrams with the neighbours;
 * - `run`: English, the token's place in its run of capitalised words (single, first, inner, last);
 * - `capw`: English, the word × capitalised (not sentence-initial), and the capitalised neighbours' words.
 */
export type FeatureGroup = 'pos' | 'brk' | 'conj' | 'rd' | 'ctx' | 'run' | 'capw';

export type FeatureGroups = Readonly<Record<FeatureGroup, boolean>> & {
  /**
   * Domain copies (`domainFeatures` in the training config): these feature templates (by prefix;
   * "*" for all) are emitted twice, plainly and prefixed with the sentence's domain, so one model
   * learns what both domains share and where their annotation differs (Daumé III 2007, "feature
   * augmentation"). Null: no copies.
   */
  readonly domain?: ReadonlySet<string> | null;
};

export const NO_GROUPS: FeatureGroups = { pos: false, brk: false, conj: false, rd: false, ctx: false, run: false, capw: false };

/** The domain of news text in Khabar's own annotation: the article sets, and what the tagger reads. */
export const NEWS_DOMAIN = 'a';
/** The domain of the CoNLL corpora (ANERcorp, UNER, GUM): their training parts and dev splits. */
export const CORPUS_DOMAIN = 'c';

type GroupConfig = { readonly features?: readonly string[]; readonly domainFeatures?: readonly string[] };
/** Per config object (a model's `meta.config`): decoding asks once per sentence. */
const groupsCache = new WeakMap<GroupConfig, FeatureGroups>();

export function featureGroupsOf(config: GroupConfig): FeatureGroups {
  const known = groupsCache.get(config);
  if (known) return known;
  const on = new Set(config.features ?? []);
  const domain = config.domainFeatures && config.domainFeatures.length > 0 ? new Set(config.domainFeatures) : null;
  const groups = { pos: on.has('pos'), brk: on.has('brk'), conj: on.has('conj'), rd: on.has('rd'), ctx: on.has('ctx'), run: on.has('run'), capw: on.has('capw'), domain };
  groupsCache.set(config, groups);
  return groups;
}

/** Passes every feature on, and a copy prefixed with the domain of those whose template is chosen. */
class DomainSink implements FeatureSink {
  private readonly tag: string;
  private readonly inner: FeatureSink;
  private readonly templates: ReadonlySet<string>;
  private readonly all: boolean;
  constructor(inner: FeatureSink, domain: string, templates: ReadonlySet<string>) {
    this.inner = inner;
    this.tag = `${domain}:`;
    this.templates = templates;
    this.all = templates.has('*');
  }

  private copies(prefix: string): boolean {
    return this.all || this.templates.has(prefix);
  }

  begin(): void {
    this.inner.begin();
  }

  add(prefix: string, a: string, b?: string, c?: string): void {
    this.inner.add(prefix, a, b, c);
    if (this.copies(prefix)) this.inner.add(this.tag + prefix, a, b, c);
  }

  addSlice(prefix: string, s: string, start: number, end: number): void {
    this.inner.addSlice(prefix, s, start, end);
    if (this.copies(prefix)) this.inner.addSlice(this.tag + prefix, s, start, end);
  }
}

const OPEN_PAREN = new Set(['(', '[', '{']);
const CLOSE_PAREN = new Set([')', ']', '}']);
const OPEN_QUOTE = new Set(['«', '“', '‘']);
const CLOSE_QUOTE = new Set(['»', '”', '’']);

/** Per token: 1 inside parentheses, 2 inside quotation marks (both: 3). Brackets themselves are outside. */
function bracketContext(infos: readonly TokenInfo[]): Uint8Array {
  const out = new Uint8Array(infos.length);
  let paren = 0;
  let quote = false;
  infos.forEach((t, i) => {
    const w = t.norm;
    if (OPEN_PAREN.has(w)) paren++;
    else if (CLOSE_PAREN.has(w)) paren = Math.max(0, paren - 1);
    else if (OPEN_QUOTE.has(w)) quote = true;
    else if (CLOSE_QUOTE.has(w)) quote = false;
    else if (w === '"' || w === "''" || w === '``') quote = !quote;
    else out[i] = (paren > 0 ? 1 : 0) | (quote ? 2 : 0);
  });
  return out;
}

/** X for upper case, x lower, d digit, a Arabic letter; runs collapsed ("Xx", "XX", "d.d", "a"). */
export function shapeOf(word: string): string {
  let out = '';
  let prev = '';
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    let c: string;
    if (code >= 0x61 && code <= 0x7a) c = 'x';
    else if (code >= 0x41 && code <= 0x5a) c = 'X';
    else if (code >= 0x30 && code <= 0x39) c = 'd';
    else if (code >= 0x621 && code <= 0x64a) c = 'a';
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{Nd}/u.test(ch)) c = 'd';
    else if (/[\u0600-\u06FF]/u.test(ch)) c = 'a';
    else if (/\p{M}/u.test(ch)) continue;
    else c = ch;
    if (c !== prev) out += c;
    prev = c;
  }
  return out;
}

/** Token facts for a word already tokenised by `tokenize` (what the tagger has). */
export function infoOfToken(t: Token, lexicon: Lexicon): TokenInfo {
  const variants = variantsOf(t);
  const last = variants[variants.length - 1];
  return {
    norm: t.norm,
    stem: last ? last.key : t.key,
    shape: shapeOf(t.text),
    flags: tokenFlags(lexicon, variants),
    cap: t.cap,
    readings: variants.length > 1 ? variants.slice(1).map((v) => v.key) : NONE,
  };
}

/** Token facts for a corpus token: a word, punctuation, or a mix ("(د") read as a whole. */
export function infoOf(word: string, lexicon: Lexicon): TokenInfo {
  const toks = tokenize(word);
  const t = toks.length === 1 ? toks[0] : undefined;
  if (t && t.start === 0 && t.end === word.length) return infoOfToken(t, lexicon);
  const lower = word.toLowerCase();
  return { norm: lower, stem: lower, shape: shapeOf(word), flags: [], cap: false, readings: NONE };
}

const NONE: readonly string[] = [];
// Feature-name prefixes built once (a template literal per token would allocate a string each time).
const LENGTHS = Array.from({ length: 11 }, (_, k) => String(k));
const PREFIX = ['', 'p1=', 'p2=', 'p3=', 'p4='];
const SUFFIX = ['', 'x1=', 'x2=', 'x3=', 'x4='];
const STEM_PREFIX = ['', 'sp1=', 'sp2=', 'sp3='];
const STEM_SUFFIX = ['', 'sx1=', 'sx2=', 'sx3='];
const BOS: TokenInfo = { norm: '<s>', stem: '<s>', shape: '<s>', flags: [], cap: false, readings: NONE };
const EOS: TokenInfo = { norm: '</s>', stem: '</s>', shape: '</s>', flags: [], cap: false, readings: NONE };

/**
 * Static (tag-independent) features of every token of a sentence: the word and its neighbours
 * (±2), word bigrams, affixes, shape, Arabic clitic-stripped stems and proclitics, and KB/gazetteer
 * membership of the token and its neighbours. Previous tags enter through the transition weights.
 * `context` adds the document pass's features per token (whole feature strings, `contextFeatures`).
 */
export function emitFeatures(
  infos: readonly TokenInfo[],
  lang: ModelLang,
  out: FeatureSink,
  context?: readonly (readonly string[])[],
  groups: FeatureGroups = NO_GROUPS,
  domain: string = NEWS_DOMAIN,
): void {
  // The document features (`context`) are never copied: tagging looks them up apart.
  const sink = groups.domain ? new DomainSink(out, domain, groups.domain) : out;
  const at = (i: number): TokenInfo => (i < 0 ? BOS : i >= infos.length ? EOS : (infos[i] ?? EOS));
  const brackets = groups.brk ? bracketContext(infos) : null;
  for (let i = 0; i < infos.length; i++) {
    const cur = at(i);
    const prev = at(i - 1);
    const next = at(i + 1);
    const n = cur.norm;
    sink.begin();
    sink.add('b', '');
    sink.add('w=', n);
    sink.add('s=', cur.stem);
    sink.add('w-1=', prev.norm);
    sink.add('w+1=', next.norm);
    sink.add('w-2=', at(i - 2).norm);
    sink.add('w+2=', at(i + 2).norm);
    sink.add('s-1=', prev.stem);
    sink.add('s+1=', next.stem);
    sink.add('ww-1=', prev.norm, n);
    sink.add('ww+1=', n, next.norm);
    sink.add('sh=', cur.shape);
    sink.add('sh-1=', prev.shape);
    sink.add('sh+1=', next.shape);
    sink.add('shs=', prev.shape, cur.shape, next.shape);
    sink.add('len=', LENGTHS[Math.min(n.length, 10)] as string);
    for (let k = 1; k <= 4 && k <= n.length; k++) {
      sink.addSlice(PREFIX[k] as string, n, 0, k);
      sink.addSlice(SUFFIX[k] as string, n, n.length - k, n.length);
    }
    // Arabic: character trigrams inside the word (not touching its ends, which the affixes
    // cover); transliterated names share them ("ستا", "فسك"). Cross-validation on the training
    // part: +0.6 F1 in Arabic, -0.6 in English (docs/adr/0004-ner-model.md).
    if (lang === 'ar' && n.length >= 5) for (let k = 1; k + 3 < n.length; k++) sink.addSlice('g3=', n, k, k + 3);
    if (cur.stem !== n) {
      const stem = cur.stem;
      for (let k = 1; k <= 3 && k <= stem.length; k++) {
        sink.addSlice(STEM_PREFIX[k] as string, stem, 0, k);
        sink.addSlice(STEM_SUFFIX[k] as string, stem, stem.length - k, stem.length);
      }
    }
    for (const flag of cur.flags) sink.add('lx=', flag);
    for (const flag of prev.flags) sink.add('lx-1=', flag);
    for (const flag of next.flags) sink.add('lx+1=', flag);
    if (cur.flags.length === 0) sink.add('lx=', 'none');
    for (const f of context?.[i] ?? []) out.add(f, '');
    if (groups.pos) {
      if (i === 0) sink.add('first', '');
      if (i === infos.length - 1) sink.add('last', '');
    }
    if (brackets) {
      const b = brackets[i] ?? 0;
      if (b & 1) sink.add('inp', '');
      if (b & 2) sink.add('inq', '');
    }
    if (groups.conj) {
      sink.add('wsh+1=', n, next.shape);
      sink.add('w-1sh=', prev.norm, cur.shape);
      if (n.length >= 3) sink.add('x3sh=', n.slice(-3), cur.shape);
    }
    if (groups.rd) for (const r of cur.readings) if (r !== cur.stem) sink.add('rd=', r);
    if (groups.ctx) {
      sink.add('s-2=', at(i - 2).stem);
      sink.add('s+2=', at(i + 2).stem);
      sink.add('ss-1=', prev.stem, cur.stem);
      sink.add('ss+1=', cur.stem, next.stem);
    }
    if (groups.run && cur.cap) sink.add('run=', prev.cap ? (next.cap ? 'in' : 'last') : next.cap ? 'first' : 'one');
    if (groups.capw) {
      if (cur.cap && i > 0) sink.add('cw=', n);
      if (prev.cap && i > 1) sink.add('cw-1=', prev.norm);
      if (next.cap) sink.add('cw+1=', next.norm);
    }
    if (lang === 'ar') {
      if (cur.stem !== n && n.endsWith(cur.stem)) sink.addSlice('cl=', n, 0, n.length - cur.stem.length);
    } else if (cur.cap) {
      sink.add(i === 0 ? 'cap0' : 'cap', '');
      for (const flag of cur.flags) sink.add('lxc=', flag);
      if (prev.cap) sink.add('capcap-1', '');
      if (next.cap) sink.add('capcap+1', '');
    }
  }
}

/** Feature strings per token of a corpus sentence (training). */
export function sentenceFeatures(
  words: readonly string[],
  lang: ModelLang,
  lexicon: Lexicon,
  context?: readonly (readonly string[])[],
  groups: FeatureGroups = NO_GROUPS,
  domain: string = NEWS_DOMAIN,
): string[][] {
  const sink = new StringSink();
  emitFeatures(words.map((w) => infoOf(w, lexicon)), lang, sink, context, groups, domain);
  return sink.tokens;
}
