/**
 * Time-zone inference for dates printed without a zone. Evidence, strongest first: a zone named in
 * the date itself («بتوقيت القاهرة», "Mecca time"), the page's locale region (`og:locale` ar_EG,
 * `<html lang="ar-EG">`, `content-language`), the country-code TLD of the canonical URL (.eg, .com.sa).
 * Zones are IANA names; offsets come from Intl, so daylight saving is handled (Cairo, Beirut,
 * Casablanca's Ramadan switch …).
 */

/** Country (ISO 3166-1 alpha-2, lower case) → the IANA zone of its capital. Documented in the README. */
export const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  eg: 'Africa/Cairo', sa: 'Asia/Riyadh', ae: 'Asia/Dubai', lb: 'Asia/Beirut', jo: 'Asia/Amman', ma: 'Africa/Casablanca',
  dz: 'Africa/Algiers', tn: 'Africa/Tunis', ly: 'Africa/Tripoli', sd: 'Africa/Khartoum', iq: 'Asia/Baghdad', sy: 'Asia/Damascus',
  ps: 'Asia/Hebron', kw: 'Asia/Kuwait', qa: 'Asia/Qatar', bh: 'Asia/Bahrain', om: 'Asia/Muscat', ye: 'Asia/Aden',
  mr: 'Africa/Nouakchott', so: 'Africa/Mogadishu', dj: 'Africa/Djibouti', km: 'Indian/Comoro', tr: 'Europe/Istanbul',
  ir: 'Asia/Tehran', il: 'Asia/Jerusalem', ru: 'Europe/Moscow', gb: 'Europe/London', uk: 'Europe/London', ie: 'Europe/Dublin',
  fr: 'Europe/Paris', de: 'Europe/Berlin', es: 'Europe/Madrid', it: 'Europe/Rome', nl: 'Europe/Amsterdam', be: 'Europe/Brussels',
  ch: 'Europe/Zurich', at: 'Europe/Vienna', se: 'Europe/Stockholm', no: 'Europe/Oslo', dk: 'Europe/Copenhagen', pl: 'Europe/Warsaw',
  ua: 'Europe/Kyiv', gr: 'Europe/Athens', pk: 'Asia/Karachi', in: 'Asia/Kolkata', ng: 'Africa/Lagos', ke: 'Africa/Nairobi',
  za: 'Africa/Johannesburg', au: 'Australia/Sydney', nz: 'Pacific/Auckland', jp: 'Asia/Tokyo', sg: 'Asia/Singapore',
};

/** Zones named in datelines ("بتوقيت مكة", "Cairo time"). */
const NAMED: ReadonlyArray<readonly [RegExp, string]> = [
  [/ب?توقيت\s+(غرينتش|جرينتش|غرينيتش)(?!\s*[+-]\s*\d)|\b(gmt|utc)\b(?!\s*[+-]\s*\d)/iu, 'UTC'],
  [/ب?توقيت\s+(مكة(\s+المكرمة)?|السعودية|الرياض)|\b(mecca|makkah|riyadh|saudi)\s+time\b/iu, 'Asia/Riyadh'],
  [/ب?توقيت\s+(القاهرة|مصر)|\b(cairo|egypt)\s+time\b/iu, 'Africa/Cairo'],
  [/ب?توقيت\s+(بيروت|لبنان)|\bbeirut\s+time\b/iu, 'Asia/Beirut'],
  [/ب?توقيت\s+(عمّان|عمان|الأردن|الاردن)|\bamman\s+time\b/iu, 'Asia/Amman'],
  [/ب?توقيت\s+(دمشق|سوريا|سورية)|\bdamascus\s+time\b/iu, 'Asia/Damascus'],
  [/ب?توقيت\s+(بغداد|العراق)|\bbaghdad\s+time\b/iu, 'Asia/Baghdad'],
  [/ب?توقيت\s+(الدوحة|قطر)|\bdoha\s+time\b/iu, 'Asia/Qatar'],
  [/ب?توقيت\s+(الكويت)|\bkuwait\s+time\b/iu, 'Asia/Kuwait'],
  [/ب?توقيت\s+(البحرين|المنامة)|\b(bahrain|manama)\s+time\b/iu, 'Asia/Bahrain'],
  [/ب?توقيت\s+(الإمارات|الامارات|أبوظبي|ابوظبي|أبو\s+ظبي|دبي)|\b(uae|dubai|abu\s+dhabi)\s+time\b/iu, 'Asia/Dubai'],
  [/ب?توقيت\s+(مسقط|سلطنة\s+عمان)|\b(oman|muscat)\s+time\b/iu, 'Asia/Muscat'],
  [/ب?توقيت\s+(القدس|فلسطين|غزة|رام\s+الله)|\bjerusalem\s+time\b/iu, 'Asia/Hebron'],
  [/ب?توقيت\s+(الرباط|المغرب)|\bmorocco\s+time\b/iu, 'Africa/Casablanca'],
  [/ب?توقيت\s+(الجزائر)/u, 'Africa/Algiers'],
  [/ب?توقيت\s+(تونس)/u, 'Africa/Tunis'],
  [/ب?توقيت\s+(طرابلس|ليبيا)/u, 'Africa/Tripoli'],
  [/ب?توقيت\s+(الخرطوم|السودان)/u, 'Africa/Khartoum'],
  [/ب?توقيت\s+(صنعاء|اليمن|عدن)/u, 'Asia/Aden'],
  [/ب?توقيت\s+(موسكو)|\bmoscow\s+time\b/iu, 'Europe/Moscow'],
  [/\b(london|uk)\s+time\b|\bbst\b/iu, 'Europe/London'],
];

/** The IANA zone named in a date string, if any. */
export function namedZone(s: string): string | null {
  for (const [re, zone] of NAMED) if (re.test(s)) return zone;
  return null;
}

export interface ZoneEvidence {
  readonly zone: string;
  /**
   * locale (og:locale / lang / content-language region), tld (canonical URL's country code) or site
   * (the page's own furniture says where the site is: a header weather widget «القاهرة ٢٢°»,
   * "Registered in England and Wales").
   */
  readonly from: 'locale' | 'tld' | 'site';
}

/** Cities a site's header weather widget shows, with their zones. */
const WEATHER_CITIES: ReadonlyArray<readonly [string, string]> = [
  ['القاهرة|الإسكندرية|الاسكندرية|cairo|alexandria', 'Africa/Cairo'], ['الرياض|جدة|مكة|الدمام|riyadh|jeddah|dammam', 'Asia/Riyadh'],
  ['دبي|أبوظبي|ابوظبي|أبو ظبي|الشارقة|dubai|abu dhabi|sharjah', 'Asia/Dubai'], ['الكويت|kuwait city', 'Asia/Kuwait'], ['الدوحة|doha', 'Asia/Qatar'],
  ['المنامة|manama', 'Asia/Bahrain'], ['مسقط|muscat', 'Asia/Muscat'], ['عمّان|amman', 'Asia/Amman'], ['بيروت|beirut', 'Asia/Beirut'],
  ['دمشق|حلب|damascus|aleppo', 'Asia/Damascus'], ['بغداد|البصرة|أربيل|اربيل|baghdad|basra|erbil', 'Asia/Baghdad'],
  ['الرباط|الدار البيضاء|rabat|casablanca', 'Africa/Casablanca'], ['الجزائر|وهران|algiers|oran', 'Africa/Algiers'], ['تونس|tunis', 'Africa/Tunis'],
  ['الخرطوم|khartoum', 'Africa/Khartoum'], ['صنعاء|عدن|sanaa|aden', 'Asia/Aden'], ['القدس|رام الله|غزة|jerusalem|ramallah|gaza', 'Asia/Hebron'],
  ['إسطنبول|اسطنبول|أنقرة|istanbul|ankara', 'Europe/Istanbul'], ['موسكو|moscow', 'Europe/Moscow'], ['لندن|london', 'Europe/London'], ['باريس|paris', 'Europe/Paris'],
];
const WEATHER = WEATHER_CITIES.map(([cities, zone]) => [new RegExp(`(?<!\\p{L})(?:${cities})\\s*[:\\-–]?\\s*[-+−]?[\\d٠-٩]{1,2}\\s*°`, 'iu'), zone] as const);
/** Weather lines written as "city: condition high/low" («بغداد: غائم جزئيا 24/12»). */
const WEATHER_HILO = WEATHER_CITIES.map(([cities, zone]) => [new RegExp(`^(?:${cities})\\s*[:：]\\s*(?:\\p{L}+\\s+){0,3}[-+−]?[\\d٠-٩]{1,2}\\s*/\\s*[-+−]?[\\d٠-٩]{1,2}$`, 'iu'), zone] as const);
/** A site saying where it is published ("Registered in England and Wales", "Britain's liveliest news site"). */
const SITE_STATEMENTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bregistered\s+in\s+(?:england|scotland|wales|northern\s+ireland)\b|\b(?:britain|the\s+uk)['’]s\s+(?:\w+\s+){0,3}(?:news|newspaper|site|paper)/i, 'Europe/London'],
];

const ALL_TIMES = /(?:جميع|كل)\s+(?:الأوقات|الاوقات|التوقيتات|المواعيد)|التوقيت\s+المعتمد|\ball\s+times\b|\btimes\s+(?:are|shown|in)\b/iu;
/** "(GMT+3)" in a site-wide "all times" line, when no city or country is named. */
const STATED_OFFSET = /\b(?:gmt|utc)\s*([+-])\s?(\d{1,2})(?::?00)?(?![\d:])/i;

/**
 * The zone a page's own furniture (header, footer, widgets — never the article, whose dateline
 * names the story's place, not the site's) says the site lives in, or null.
 */
export function siteStatedZone(furniture: readonly string[]): string | null {
  for (const text of furniture) {
    if (text.length > 300) continue;
    if (text.includes('°')) for (const [re, zone] of WEATHER) if (re.test(text)) return zone;
    if (text.length < 60 && text.includes('/')) for (const [re, zone] of WEATHER_HILO) if (re.test(text)) return zone;
    for (const [re, zone] of SITE_STATEMENTS) if (re.test(text)) return zone;
    // «جميع الأوقات بتوقيت القاهرة (GMT+2)», "All times are Mecca time": the city wins over the offset.
    if (ALL_TIMES.test(text)) {
      const named = NAMED.find(([re, zone]) => zone !== 'UTC' && re.test(text));
      if (named !== undefined) return named[1];
      // IANA's Etc zones count the other way: GMT+3 is Etc/GMT-3.
      const off = STATED_OFFSET.exec(text);
      if (off !== null && Number(off[2]) <= 14) return Number(off[2]) === 0 ? 'UTC' : `Etc/GMT${off[1] === '+' ? '-' : '+'}${Number(off[2])}`;
    }
  }
  return null;
}

/** "ar-EG", "ar_EG", "en-GB" → "eg" / "gb"; null without a region. */
export function regionOf(locale: string | null | undefined): string | null {
  if (locale === null || locale === undefined) return null;
  const m = /^[a-z]{2,3}[-_]([a-z]{2})(?:[-_]|$)/i.exec(locale.trim());
  return m === null ? null : (m[1] ?? '').toLowerCase();
}

/** Country code of a URL's host: "youm7.com.eg" / "sabq.sa" → "eg" / "sa"; null for generic TLDs. */
export function tldCountry(url: string | null): string | null {
  if (url === null) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return /^[a-z]{2}$/.test(tld) && COUNTRY_ZONES[tld] !== undefined ? tld : null;
}

/** The page's zone, from its locale region first, then the canonical URL's ccTLD, then what the site says of itself. */
export function inferPageZone(locales: ReadonlyArray<string | null | undefined>, urls: ReadonlyArray<string | null>, furniture: readonly string[] = []): ZoneEvidence | null {
  for (const l of locales) {
    const region = regionOf(l);
    const zone = region === null ? undefined : COUNTRY_ZONES[region];
    if (zone !== undefined) return { zone, from: 'locale' };
  }
  for (const u of urls) {
    const cc = tldCountry(u);
    const zone = cc === null ? undefined : COUNTRY_ZONES[cc];
    if (zone !== undefined) return { zone, from: 'tld' };
  }
  const stated = siteStatedZone(furniture);
  return stated === null ? null : { zone: stated, from: 'site' };
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = FORMATTERS.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    FORMATTERS.set(zone, f);
  }
  return f;
}

/** Offset of `zone` from UTC at instant `ms`, in milliseconds. */
function offsetAt(zone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts['year'] ?? 0, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The UTC instant of a wall-clock time in an IANA zone (`wallMs` = the wall time read as if UTC).
 * Times skipped by a DST jump resolve forward; repeated ones take the first occurrence.
 */
export function zonedToUtc(wallMs: number, zone: string): number {
  if (zone === 'UTC') return wallMs;
  const utc = wallMs - offsetAt(zone, wallMs);
  const o2 = offsetAt(zone, utc);
  if (wallMs - o2 === utc) return utc;
  const utc2 = wallMs - o2;
  return offsetAt(zone, utc2) === o2 ? utc2 : utc;
}
