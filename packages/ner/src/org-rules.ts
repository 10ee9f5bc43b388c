import { keyOf, variantsOf, type Token } from './tokenize.ts';

/** An organisation name found by a cue word; token indexes, inclusive. */
export interface OrgSpan {
  readonly first: number;
  readonly last: number;
  /** UTF-16 offset of the name (after Arabic proclitics: "ووزارة" → "وزارة"). */
  readonly start: number;
}

/**
 * Nouns that say "the next capitalised name is an organisation" ("state nuclear company
 * Energoatom", "rival carrier Emirates") or, in an apposition, that the name before was one
 * ("Safaricom, the country's largest company, said").
 */
const ORG_NOUNS_EN = new Set([
  'company', 'firm', 'group', 'conglomerate', 'operator', 'carrier', 'airline', 'bank', 'lender', 'insurer',
  'broadcaster', 'newspaper', 'agency', 'giant', 'maker', 'manufacturer', 'producer', 'retailer', 'supplier',
  'startup', 'utility', 'miner', 'militia', 'party', 'movement', 'organisation', 'organization', 'union',
  'federation', 'charity', 'network', 'outlet', 'daily', 'regulator', 'exchange', 'club', 'university', 'ministry',
  'subsidiary', 'watchdog', 'consortium', 'automaker', 'chipmaker', 'telecom', 'telco', 'platform', 'developer',
]);
/** Capitalised words that never start an organisation name after a cue ("company Monday said"). */
const NOT_ORG_EN = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'the', 'a', 'an', 'and', 'of',
  'in', 'on', 'said', 'says', 'it', 'its', 'this', 'that', 'which', 'who', 'but', 'he', 'she', 'they', 'we', 'i',
]);

/**
 * Arabic heads of institution names that are generic on their own ("المنظمة" = "the organisation"):
 * a name needs the head plus what follows ("وزارة النفط العراقية"), so the head alone is never a name.
 */
const ORG_HEADS_AR = new Set(
  ['وزارة', 'هيئة', 'جامعة', 'محكمة', 'وكالة', 'مؤسسة', 'منظمة', 'شركة', 'مصرف', 'بنك', 'حركة', 'جماعة', 'حزب',
    'صحيفة', 'قناة', 'مجلس', 'اتحاد', 'رابطة', 'جمعية', 'لجنة', 'مديرية', 'سلطة', 'حكومة'].map(keyOf),
);
/** Heads whose complements (definite nouns, then a nisba adjective) make a name: "وزارة النفط العراقية". */
const MINISTRY_HEADS_AR = new Set(['وزارة', 'هيئة', 'مديرية', 'محكمة', 'جامعة'].map(keyOf));
const NISBA_AR = /(ي|يه)$/;
const HONORIFICS_AR = new Set(['ملك', 'سلطان', 'امير', 'شيخ', 'امام', 'رئيس', 'شهيد'].map(keyOf));

/** An Arabic word that is only an institution noun ("المنظمة", "للمنظمة"): never a name alone. */
export function isGenericOrgHead(token: Token): boolean {
  return token.arabic && variantsOf(token).some((v) => ORG_HEADS_AR.has(v.key));
}

/**
 * Precision-first organisation cues for names missing from the KB. English: an organisation
 * noun written in lower case followed by one to four capitalised words ("company Energoatom").
 * Arabic: a ministry-like head without clitics or article, one or two definite nouns and an
 * optional nisba adjective ("وزارة النفط العراقية", "هيئة الأوراق المالية").
 */
export function findCuedOrgs(
  tokens: readonly Token[],
  covered: ReadonlySet<number>,
  joinable: (a: Token, b: Token) => boolean,
): OrgSpan[] {
  const out: OrgSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || covered.has(i)) continue;
    const span = t.arabic ? arabicAfterHead(i) : englishAfterNoun(i);
    if (span) {
      out.push(span);
      i = span.last;
    }
  }
  return out;

  function next(j: number): Token | undefined {
    const a = tokens[j - 1];
    const b = tokens[j];
    return a && b && !covered.has(j) && joinable(a, b) ? b : undefined;
  }

  function englishAfterNoun(i: number): OrgSpan | null {
    const noun = tokens[i];
    if (!noun || noun.cap || !ORG_NOUNS_EN.has(noun.key)) return null;
    let j = i + 1;
    while (j - i <= 4) {
      const t = next(j);
      if (!t || t.arabic || !/^\p{Lu}/u.test(t.text) || NOT_ORG_EN.has(t.key)) break;
      j++;
    }
    const first = tokens[i + 1];
    return first && j > i + 1 ? { first: i + 1, last: j - 1, start: first.start } : null;
  }

  function arabicAfterHead(i: number): OrgSpan | null {
    const head = tokens[i];
    const reading = head && variantsOf(head).find((v) => !v.article && MINISTRY_HEADS_AR.has(v.key));
    if (!head || !reading) return null;
    let j = i + 1;
    while (j - i <= 3) {
      const t = next(j);
      // A definite noun, or one joined with و ("وزارة الاقتصاد والتجارة").
      const definite = t?.arabic === true && (t.article || (j > i + 1 && t.norm.startsWith('وال') && t.norm.length >= 6));
      if (!t || !definite || NISBA_AR.test(t.key)) break;
      j++;
    }
    // "جامعة الملك فهد": a name follows the honorific; the model finds the whole of it.
    if (j === i + 1 || HONORIFICS_AR.has(tokens[j - 1]?.key ?? '')) return null;
    const adj = next(j);
    if (adj && adj.arabic && adj.article && NISBA_AR.test(adj.key) && adj.key.length >= 4) j++;
    return { first: i, last: j - 1, start: head.start + reading.skip };
  }
}

/**
 * An apposition after a name that says it is an organisation: ", the country's largest company"
 * (up to five words after the comma, ending at an organisation noun).
 */
export function hasOrgApposition(text: string, tokens: readonly Token[], last: number): boolean {
  const name = tokens[last];
  const det = tokens[last + 1];
  if (!name || !det || !/^\s*,\s*$/.test(text.slice(name.end, det.start))) return false;
  if (det.key !== 'the' && det.key !== 'a' && det.key !== 'an') return false;
  for (let j = last + 2; j <= last + 6; j++) {
    const t = tokens[j];
    const prev = tokens[j - 1];
    if (!t || !prev || !/^[\s'’]*$/.test(text.slice(prev.end, t.start))) return false;
    if (ORG_NOUNS_EN.has(t.key)) return true;
  }
  return false;
}
