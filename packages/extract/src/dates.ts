import { foldDigits, MONTH_NUMBERS } from '@khabar/text';
import { hijriToGregorian, HIJRI_DATE } from './hijri.ts';
import { namedZone, zonedToUtc } from './zones.ts';

export interface ParsedDate {
  readonly iso: string;
  /** The source string had no zone and we assumed UTC. */
  readonly assumedUtc: boolean;
  /** When `assumedUtc`: the wall-clock time read as if UTC, so a zone inferred later can be applied. */
  readonly wallMs?: number;
  /** The string gave a time of day (day-only dates stay at UTC midnight: no zone is applied). */
  readonly hasTime?: boolean;
  /** The calendar day as printed (YYYY-MM-DD), before any zone moved it. */
  readonly day?: string;
}

const MONTH_ALT = Object.keys(MONTH_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .map((m) => m.replace(/ /g, '\\s+'))
  .join('|');

/** Levantine pages often name the month in both systems: «17 أيار/مايو 2024», «17 أيار (مايو) 2024». */
const SECOND_MONTH = `(?:\\s*[/(-]\\s*(?:${MONTH_ALT})\\s*\\)?)?`;
/** "17 مايو 2024", "17 May 2024", "17th May 2024", "الخميس 17 أيار 2024 - 10:30" */
const DAY_MONTH_YEAR = new RegExp(`(?<![\\d])(\\d{1,2})(?:st|nd|rd|th)?[\\s/.-]*(?:من\\s+)?(?:of\\s+)?(${MONTH_ALT})(?![\\p{L}])${SECOND_MONTH}\\.?,?[\\s/.-]*(?:،\\s*)?(\\d{4})`, 'iu');
/** "May 17, 2024" */
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}])(${MONTH_ALT})(?![\\p{L}])\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'iu');
const NUMERIC_DMY = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/;
const NUMERIC_YMD = /(?<!\d)(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)/;
const TIME = /(?<![\d.])(\d{1,2})(?::|h(?=\d{2}(?!\d))|\.(?=\d{2}\s*(?:gmt|utc|bst|am|pm|[ecmp][sd]t|cest?|[+-]\d)))(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|صباحاً|صباحا|مساءً|مساء|ص(?!\p{L})|م(?!\p{L}))?(?:\s*\(?\s*(gmt|utc|z)\s*([+-]\s?\d{1,2}(?::?\d{2})?)?|\s*\(?\s*([+-]\d{2}:?\d{2})|\s*\(?\s*(est|edt|cst|cdt|mst|mdt|pst|pdt|cet|cest|eet|eest|msk|jst|et|pt|ct)(?![\p{L}]))?/iu;
/** Zone abbreviations after a time: fixed offsets in minutes, or an IANA zone when the season is not said ("ET"). */
const ZONE_ABBR: Readonly<Record<string, number | string>> = {
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  cet: 60, cest: 120, eet: 120, eest: 180, msk: 180, jst: 540,
  et: 'America/New_York', ct: 'America/Chicago', pt: 'America/Los_Angeles',
};
const ISO_LIKE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$/i;

const MIN_YEAR = 1990;

function valid(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  return y >= MIN_YEAR && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 60;
}

function offsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === '') return null;
  if (/^(z|gmt|utc)$/i.test(zone)) return 0;
  const m = /^([+-])\s?(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (m === null) return null;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number | null, hasTime = true, zone: string | null = null): ParsedDate | null {
  if (!valid(y, mo, d, h, mi, s)) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== d) return null;
  const day = new Date(wall).toISOString().slice(0, 10);
  if (offset !== null) return { iso: new Date(wall - offset * 60_000).toISOString(), assumedUtc: false, hasTime, day };
  if (zone !== null) return { iso: new Date(zonedToUtc(wall, zone)).toISOString(), assumedUtc: false, hasTime, day };
  return { iso: new Date(wall).toISOString(), assumedUtc: true, wallMs: wall, hasTime, day };
}

function timeOf(s: string): { h: number; mi: number; sec: number; offset: number | null; zone: string | null; found: boolean } {
  const m = TIME.exec(s);
  if (m === null) return { h: 0, mi: 0, sec: 0, offset: null, zone: null, found: false };
  let h = Number(m[1]);
  const mer = (m[4] ?? '').toLowerCase();
  if ((mer.startsWith('p') || mer.startsWith('م')) && h < 12) h += 12;
  if ((mer.startsWith('a') || mer.startsWith('ص')) && h === 12) h = 0;
  let offset: number | null = null;
  if (m[5] !== undefined) offset = (offsetMinutes(m[6]) ?? 0);
  else if (m[7] !== undefined) offset = offsetMinutes(m[7]);
  const abbr = m[8] === undefined ? undefined : ZONE_ABBR[m[8].toLowerCase()];
  if (typeof abbr === 'number') offset = abbr;
  return { h, mi: Number(m[2]), sec: Number(m[3] ?? 0), offset, zone: typeof abbr === 'string' ? abbr : null, found: true };
}

/** Machine dates: ISO 8601 and anything `Date` understands with an explicit zone. */
export function parseMachineDate(raw: string): ParsedDate | null {
  const s = foldDigits(raw.trim());
  if (s === '') return null;
  const m = ISO_LIKE.exec(s);
  if (m !== null) {
    return build(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), offsetMinutes(m[7]), m[4] !== undefined);
  }
  if (/^\d{8}$/.test(s)) return build(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)), 0, 0, 0, null, false);
  return parseTextDate(s, null);
}

const RELATIVE_AR = /(?:منذ|قبل)\s+(?:(\d+)\s*)?(ثانية|ثوان|ثواني|دقيقة|دقيقتين|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|أيام|ايام|أسبوع|اسبوع|أسبوعين|أسابيع)(?!\p{L})/u;
/** Plurals say "some": «منذ أسابيع» / «منذ ساعات» without a number are prose, not timestamps. */
const VAGUE_PLURAL = /^(ثوان|ثواني|دقائق|ساعات|أيام|ايام|أسابيع)$/u;
/** A relative time is a timestamp only in a short line («منذ ساعتين», "Updated 2 hours ago"). */
const RELATIVE_MAX_LINE = 60;
const RELATIVE_EN = /(\d+|an?|one)\s+(second|sec|minute|min|hour|hr|day|week)s?\s+ago/i;
const EN_UNIT: Readonly<Record<string, string>> = { sec: 'second', min: 'minute', hr: 'hour' };
const UNIT_MS: Readonly<Record<string, number>> = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

function relative(s: string, now: Date): ParsedDate | null {
  if (s.trim().length > RELATIVE_MAX_LINE) return null;
  const ar = RELATIVE_AR.exec(s);
  // «قبل يومين من الانتخابات» is prose, not a timestamp: «قبل» counts only in a short date line.
  if (ar !== null && !(ar[0].startsWith('قبل') && s.trim().length > 40) && !(ar[1] === undefined && VAGUE_PLURAL.test(ar[2] ?? ''))) {
    const word = ar[2] ?? '';
    const dual = word.endsWith('ين');
    const unit = /ثان|ثوان/.test(word) ? 'second' : /دقي/.test(word) ? 'minute' : /ساع/.test(word) ? 'hour' : /يوم|أيام|ايام/.test(word) ? 'day' : 'week';
    const n = ar[1] !== undefined ? Number(ar[1]) : dual ? 2 : 1;
    return { iso: new Date(now.getTime() - n * (UNIT_MS[unit] ?? 0)).toISOString(), assumedUtc: false };
  }
  const en = RELATIVE_EN.exec(s);
  if (en !== null) {
    const n = /^\d+$/.test(en[1] ?? '') ? Number(en[1]) : 1;
    const unit = (en[2] ?? '').toLowerCase();
    return { iso: new Date(now.getTime() - n * (UNIT_MS[EN_UNIT[unit] ?? unit] ?? 0)).toISOString(), assumedUtc: false };
  }
  return null;
}

/**
 * Human dates in visible text: Arabic month names of both systems (مايو / أيار), English and
 * French names, numeric d/m/y, Arabic-Indic digits, and relative "منذ ساعتين" / "2 hours ago"
 * (only when `now` is given).
 */
export function parseTextDate(raw: string, now: Date | null): ParsedDate | null {
  const s = foldDigits(raw).replace(/[\u200e\u200f]/g, '');
  // An absolute date beats a relative one shown beside it («منذ 40 دقيقة · 11 نوفمبر 2025 - 21:35»).
  const absolute = parseAbsolute(s);
  if (absolute !== null || now === null) return absolute;
  return relative(s, now);
}

function parseAbsolute(s: string): ParsedDate | null {
  let y: number;
  let mo: number;
  let d: number;
  let rest: string;
  const dmy = DAY_MONTH_YEAR.exec(s);
  const mdy = dmy === null ? MONTH_DAY_YEAR.exec(s) : null;
  if (dmy !== null) {
    d = Number(dmy[1]);
    mo = MONTH_NUMBERS[(dmy[2] ?? '').toLowerCase().replace(/\s+/g, ' ')] ?? 0;
    y = Number(dmy[3]);
    rest = s.slice(0, dmy.index) + ' ' + s.slice(dmy.index + dmy[0].length);
  } else if (mdy !== null) {
    mo = MONTH_NUMBERS[(mdy[1] ?? '').toLowerCase()] ?? 0;
    d = Number(mdy[2]);
    y = Number(mdy[3]);
    rest = s.slice(0, mdy.index) + ' ' + s.slice(mdy.index + mdy[0].length);
  } else {
    const ymd = NUMERIC_YMD.exec(s);
    const num = ymd === null ? NUMERIC_DMY.exec(s) : null;
    if (ymd !== null) {
      y = Number(ymd[1]);
      mo = Number(ymd[2]);
      d = Number(ymd[3]);
      rest = s.slice(ymd.index + ymd[0].length);
    } else if (num !== null) {
      d = Number(num[1]);
      mo = Number(num[2]);
      y = Number(num[3]);
      if (mo > 12 && d <= 12) [d, mo] = [mo, d];
      rest = s.slice(num.index + num[0].length);
    } else {
      // Hijri-only dates («10 شوال 1445 هـ») are converted with the Umm al-Qura calendar.
      const h = HIJRI_DATE.exec(s);
      const g = h === null ? null : hijriToGregorian(h);
      if (g === null || h === null) return null;
      y = g.y;
      mo = g.mo;
      d = g.d;
      rest = s.slice(0, h.index) + ' ' + s.slice(h.index + h[0].length);
    }
  }
  const t = timeOf(rest);
  // «13:05 (بتوقيت المغرب GMT+1)»: an offset written further on counts like one right after the time.
  const offset = t.offset ?? (t.found ? offsetMinutes(WRITTEN_OFFSET.exec(rest)?.[1]) : null);
  return build(y, mo, d, t.h, t.mi, t.sec, offset, t.found, offset === null && t.found ? (t.zone ?? namedZone(s)) : null);
}

const WRITTEN_OFFSET = /\b(?:gmt|utc)\s*([+-]\s?\d{1,2}(?::?\d{2})?)(?!\d)/i;

const URL_DATE = /[/_-]((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/._-]|$)|[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/._-]|$)/;

/** Dates in paths like /2024/05/17/, /20240517/ or /story-2024-05-17.html. Day precision, UTC midnight. */
export function parseUrlDate(url: string): ParsedDate | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const m = URL_DATE.exec(path);
  if (m === null) return null;
  const y = Number(m[1] ?? m[4]);
  const mo = Number(m[2] ?? m[5]);
  const d = Number(m[3] ?? m[6]);
  return build(y, mo, d, 0, 0, 0, null, false);
}
