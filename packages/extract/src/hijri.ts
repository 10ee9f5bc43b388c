/**
 * Hijri dates in visible text («الجمعة 10 شوال 1445 هـ»). Converted to Gregorian with the Umm
 * al-Qura calendar through Intl ('islamic-umalqura'): an arithmetic estimate, then the day whose
 * Umm al-Qura rendering matches.
 */
const HIJRI_MONTHS: ReadonlyArray<readonly [string, number]> = [
  ['محرم', 1], ['صفر', 2],
  ['ربيع\\s+(?:الأول|الاول|أول|اول)', 3], ['ربيع\\s+(?:الآخر|الاخر|الثاني|ثاني|آخر)', 4],
  ['جمادى\\s+(?:الأولى|الاولى|الأول|الاول|أولى)', 5], ['جمادى\\s+(?:الآخرة|الاخرة|الثانية|الآخر|الاخر|ثانية)', 6],
  ['رجب', 7], ['شعبان', 8], ['رمضان', 9], ['شوال', 10],
  ['(?:ذو|ذي)\\s+القعدة', 11], ['(?:ذو|ذي)\\s+الحجة', 12],
];

/** day, month name, year (1300–1600), optional «هـ». Digits must already be ASCII. */
export const HIJRI_DATE = new RegExp(`(?<!\\d)(\\d{1,2})\\s*(${HIJRI_MONTHS.map(([m]) => m).join('|')})\\s*(1[3-5]\\d{2})(?!\\d)\\s*(?:هـ|ه)?`, 'u');

function monthNumber(name: string): number {
  for (const [re, n] of HIJRI_MONTHS) if (new RegExp(`^${re}$`, 'u').test(name)) return n;
  return 0;
}

let umalqura: Intl.DateTimeFormat | null = null;

function hijriOf(ms: number): { y: number; m: number; d: number } {
  umalqura ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  const parts: Record<string, number> = {};
  for (const p of umalqura.formatToParts(new Date(ms))) if (p.type === 'year' || p.type === 'month' || p.type === 'day') parts[p.type] = parseInt(p.value, 10);
  return { y: parts['year'] ?? 0, m: parts['month'] ?? 0, d: parts['day'] ?? 0 };
}

const DAY = 86_400_000;

/** Gregorian date of a Hijri (Umm al-Qura) date; null when it does not exist. */
export function hijriToGregorian(match: RegExpExecArray): { y: number; mo: number; d: number } | null {
  const d = Number(match[1]);
  const m = monthNumber((match[2] ?? '').replace(/\s+/gu, ' '));
  const y = Number(match[3]);
  if (m === 0 || d < 1 || d > 30) return null;
  // Tabular Islamic calendar estimate (Julian day), within a day or two of Umm al-Qura.
  const jd = d + Math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + Math.floor((3 + 11 * y) / 30) + 1948439.5 - 1;
  const estimate = Math.round((jd - 2440587.5) * DAY);
  for (const delta of [0, -1, 1, -2, 2, -3, 3]) {
    const ms = estimate + delta * DAY;
    const h = hijriOf(ms);
    if (h.y === y && h.m === m && h.d === d) {
      const g = new Date(ms);
      return { y: g.getUTCFullYear(), mo: g.getUTCMonth() + 1, d: g.getUTCDate() };
    }
  }
  return null;
}
