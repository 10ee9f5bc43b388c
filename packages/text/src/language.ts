/**
 * Fast language guess: script ratios first, then stopwords to split languages sharing a script
 * (Arabic / Persian / Urdu; English / French / German / Spanish...). ISO 639-1, `und` if unsure.
 */

const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  ar: ['في', 'من', 'على', 'إلى', 'الى', 'عن', 'أن', 'ان', 'التي', 'الذي', 'مع', 'هذا', 'هذه', 'كان', 'قال', 'وقال', 'بين', 'كما', 'بعد', 'ذلك'],
  fa: ['این', 'است', 'را', 'که', 'می', 'های', 'برای', 'شده', 'کرد', 'بود', 'آن', 'یک', 'نیز', 'شد', 'خود', 'کند', 'ای'],
  ur: ['کے', 'کی', 'ہے', 'میں', 'اور', 'کو', 'سے', 'نے', 'یہ', 'ہیں', 'پر', 'کا', 'گیا', 'تھا', 'وہ'],
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'on', 'with', 'was', 'said', 'by', 'as', 'it', 'he', 'from', 'at'],
  fr: ['le', 'la', 'les', 'des', 'est', 'et', 'une', 'dans', 'du', 'pour', 'que', 'qui', 'sur', 'pas', 'au', 'avec', 'il', 'sont'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'ein', 'eine', 'den', 'von', 'zu', 'auf', 'sich', 'auch', 'dem', 'des'],
  es: ['el', 'los', 'las', 'del', 'que', 'y', 'en', 'una', 'por', 'con', 'para', 'se', 'es', 'su', 'al', 'como', 'más'],
  it: ['il', 'di', 'che', 'della', 'per', 'non', 'una', 'sono', 'nel', 'con', 'gli', 'anche', 'alla', 'dei', 'è'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'da', 'de', 'olarak', 'daha', 'çok', 'olan', 'gibi', 'ama'],
};

const SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(STOPWORDS).map(([lang, words]) => [lang, new Set(words)]),
);
const ARABIC_SCRIPT_LANGS = ['ar', 'fa', 'ur'] as const;
const LATIN_LANGS = ['en', 'fr', 'de', 'es', 'it', 'tr'] as const;

/** Letters peculiar to Persian/Urdu (پ چ ژ گ ک ی ہ ے ٹ ڈ ڑ ں). */
const PERSIAN_URDU_LETTERS = /[پچژگکیہےٹڈڑں]/g;
const URDU_ONLY = /[ہےٹڈڑں]/g;

/** Look at the first SAMPLE characters only: language is decided long before the end. */
const SAMPLE = 4_000;

function countMatches(s: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(s) !== null) n++;
  return n;
}

function bestByStopwords(words: readonly string[], langs: readonly string[]): { lang: string; hits: number } {
  let best = { lang: 'und', hits: 0 };
  for (const lang of langs) {
    const set = SETS.get(lang);
    if (set === undefined) continue;
    let hits = 0;
    for (const w of words) if (set.has(w)) hits++;
    if (hits > best.hits) best = { lang, hits };
  }
  return best;
}

/** ISO 639-1 code for the dominant language of `text`, or `und`. */
export function detectLanguage(text: string): string {
  const s = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let arabic = 0;
  let latin = 0;
  let cyrillic = 0;
  let hebrew = 0;
  let cjk = 0;
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
    else if ((c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0xfb50 && c <= 0xfeff)) arabic++;
    else if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
    else if (c >= 0x05d0 && c <= 0x05ea) hebrew++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af)) cjk++;
    else continue;
    letters++;
  }
  if (letters < 3) return 'und';
  const words = s.toLowerCase().split(/[^\p{L}\p{M}]+/u).filter((w) => w.length > 0);
  if (arabic / letters >= 0.4) {
    const best = bestByStopwords(words, ARABIC_SCRIPT_LANGS);
    if (best.lang !== 'und' && best.hits >= 1) return best.lang;
    const special = countMatches(s, PERSIAN_URDU_LETTERS);
    if (special / arabic > 0.03) return countMatches(s, URDU_ONLY) > special / 4 ? 'ur' : 'fa';
    return 'ar';
  }
  if (cyrillic / letters >= 0.5) return 'ru';
  if (hebrew / letters >= 0.5) return 'he';
  if (cjk / letters >= 0.3) return /[\u3040-\u30ff]/.test(s) ? 'ja' : /[\uac00-\ud7af]/.test(s) ? 'ko' : 'zh';
  if (latin / letters >= 0.5) {
    const best = bestByStopwords(words, LATIN_LANGS);
    return best.hits >= 1 ? best.lang : 'und';
  }
  return 'und';
}
