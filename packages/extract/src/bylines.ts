import { normalizeWhitespace } from '@khabar/text';
import { parseTextDate } from './dates.ts';
import type { Block } from './dom-walk.ts';

const PREFIX_WORDS = String.raw`(?:تصوير\s+و\s*تقرير|تقرير\s+و\s*تصوير|كتب|كتبت|كتبه|بقلم|إعداد|اعداد|تقرير|written\s+by|words\s+by|story\s+by|posted\s+by|by|par|von)`;
// «تحرير» ("editing") is a byline word only with its colon: «تحرير مدينة الموصل» is a phrase.
const PREFIX = new RegExp(String.raw`^(?:${PREFIX_WORDS}\s*[:：-]?\s+|تحرير\s*[:：-]\s*)`, 'i');
/** «الكويت - كتب بدر الشمري», "LONDON - By Jane Roe", "June 11, 2024 by Maria Garcia": a byline word inside one segment. */
const INNER_PREFIX = new RegExp(String.raw`(?:^|\s[-–—]\s+|,\s*|\d\s+)(?:كتب|كتبت|بقلم|by)\s*[:：]?\s+(.+)$`, 'iu');
export const AGENCY = /^(?:وكالات|وكالة\s+\S+|رويترز|فرانس\s+برس|أ\s*ف\s*ب|د\s*ب\s*أ|أ\s*ش\s*أ|الأناضول|سبوتنيك|نوفوستي|وام|واس|قنا|كونا|بترا|سانا|بنا|وفا|سبأ|واج|و\.?م\.?ع|إرنا|تاس|شينخوا|agencies|reuters|afp|ap|aap|pa|associated\s+press|dpa|anadolu|xinhua|efe|ansa|kyodo|yonhap|tass|bna|wam|spa|kuna|qna|sana|wafa|aps|mena)$/i;
/** "الرياض - وكالات", "عمان - مراسل الوطن": a place, a dash, then who filed it. */
const DATELINE = /^([^-–—|:：]{2,25})(?:\s+[-–—]|\s*[:：])\s+(.+)$/;
/** Job titles, desks and credits that sit in bylines but are not names. */
export const NOT_A_NAME = /\d|@|https?:|مراسل|محرر|فريق|التحرير|(?:^|\s)قسم|مكتب|نشرة|برنامج|(?:^|\s)وحدة|\b(?:correspondents?|reporters?|staff|editors?|writers?|columnists?|contributors?|photographers?|team|desk|newsroom|analysts?|producers?|presenters?)\b|r[ée]daction/i;
/** Outlets credited in a byline ("Gulf Wire", "Tidewater News"): a source, not a person. */
const OUTLET = /\b(?:wire|news|press|agency|media|newswire)$/i;
/** "Liam Doherty for the Daily Flash", "Claire Dumont in Paris": the tail is not the name. */
const NAME_TAIL = /\s+(?:for\s+(?:the\s+)?\S.*|in\s+[A-Z][\p{L}'’.-]*(?:\s+[A-Z][\p{L}'’.-]*){0,2})$/u;
const SEGMENTS = /\s*[|·•]\s*/;
const ROLE_COLON = /^([^:：]{2,40})[:：]\s*(\S.*)$/u;
/** A job title opening the part after a name's dash. */
const JOB_FIRST = /^(?:مراسل|مراسلة|محرر|محررة|مندوب|correspondent|reporter|staff\s+(?:writer|reporter))/i;

export interface BylineFacts {
  readonly authors: string[];
  readonly attribution: string[];
}

/**
 * Turns raw byline texts into author names and agency credits: strips "كتب:" / "By", splits
 * "A and B" / "A، B" / "Name | Org", drops job titles ("Weather Reporter", «محرر الشؤون الرياضية»)
 * and tails ("for the Daily Flash", "in Paris"), and routes datelines ("الرياض - وكالات") and
 * agencies to attribution. In a byline element, «بيروت - جاد نصر» names the reporter.
 */
export function parseBylines(raw: readonly string[], siteName: string | null): BylineFacts {
  const authors: string[] = [];
  const attribution: string[] = [];
  const site = siteName?.toLowerCase() ?? null;
  const addName = (part: string): void => {
    const name = part.trim().replace(NAME_TAIL, '').replace(/[.,،:;]+$/u, '').trim();
    if (name === '' || name.length > 60 || NOT_A_NAME.test(name)) return;
    if (AGENCY.test(name) || (OUTLET.test(name) && /^[A-Z]/.test(name))) {
      attribution.push(name);
      return;
    }
    if (site !== null && (name.toLowerCase() === site || site.includes(name.toLowerCase()))) return;
    // One word is a desk, a place or a pen-name fragment far more often than a byline; "Reporting
    // by Jane Roe" is a sentence.
    if (!nameShaped(name, 5)) return;
    authors.push(name);
  };
  for (const line of raw) {
    let text = withoutTrailingDates(normalizeWhitespace(line).replace(PREFIX, ''));
    const dl = DATELINE.exec(text);
    if (dl !== null) {
      const who = (dl[2] ?? '').trim();
      if (AGENCY.test(who)) {
        attribution.push(who);
        continue;
      }
      const left = (dl[1] ?? '').trim();
      // «سيف الدين الجبوري - مراسل الرافدين في نينوى»: a name, then the reporter's job title
      // (not "NEW YORK - Staff Reporter": a capitalised place before a desk).
      if (JOB_FIRST.test(who) && !NOT_A_NAME.test(left) && !/^[A-Z\s.'’-]+$/.test(left) && nameShaped(left, 5)) text = left;
      else if (PREFIX.test(who)) text = who.replace(PREFIX, '');
      else if (!/[-–—|]/.test(who)) text = who;
      else continue;
    }
    // «مراسل الرباط: محمد الأمين ولد سيدي»: a role, a colon, then the name.
    const role = ROLE_COLON.exec(text);
    if (role !== null && NOT_A_NAME.test(role[1] ?? '')) text = role[2] ?? '';
    const [first, ...orgs] = text.split(/\s*\|\s*/);
    text = first ?? '';
    for (const org of orgs) if (org !== '' && org.length < 60 && !NOT_A_NAME.test(org)) attribution.push(org);
    for (const part of text.split(/\s*[,،]\s*|\s+(?:and|&|و)\s+/)) for (const name of splitGluedWa(part)) addName(name);
  }
  return { authors: [...new Set(authors)], attribution: [...new Set(attribution)] };
}

/**
 * Bylines written into the text near the headline, with no markup to find them by
 * («الكويت - كتب بدر الشمري | الاثنين 15-1-2024», "By Jane Roe | 3 May 2024"): segments split by
 * `|`, `·`, `•`; a segment whose byline word follows a dateline yields the name, and a
 * "place - agency" segment yields a credit.
 */
export function textBylines(lines: readonly string[], siteName: string | null): BylineFacts {
  const found: string[] = [];
  const attribution: string[] = [];
  for (const line of lines) {
    if (line.length > 160) continue;
    for (const seg of line.split(SEGMENTS)) {
      const m = INNER_PREFIX.exec(seg) ?? (PREFIX.test(seg) ? [seg, seg.replace(PREFIX, '')] : null);
      if (m !== null) {
        found.push(m[1] ?? '');
        continue;
      }
      const dl = DATELINE.exec(seg);
      if (dl !== null && AGENCY.test((dl[2] ?? '').trim())) attribution.push((dl[2] ?? '').trim());
    }
  }
  const parsed = parseBylines(found, siteName);
  return { authors: parsed.authors, attribution: [...new Set([...parsed.attribution, ...attribution])] };
}

/** A clock, a zone or a numeric date: «23:20 (GMT+3)», «2025/03/09». */
const DATE_ONLY = /^[\d٠-٩\s:/.()+-]*(?:(?:gmt|utc)[\d٠-٩\s:()+-]*)?$/i;

/** «خالد العنزي - 2025/03/09 - 23:20 (GMT+3)»: the date segments after a byline are not part of it. */
function withoutTrailingDates(text: string): string {
  const segs = text.split(/\s+[-–—]\s+/);
  while (segs.length > 1) {
    const last = (segs[segs.length - 1] as string).trim();
    if (!DATE_ONLY.test(last) && parseTextDate(last, null) === null) break;
    segs.pop();
  }
  const text2 = segs.join(' - ');
  // «نادية بنعلي الثلاثاء 17 نونبر 2026 - 13:05»: the date runs on after the name with no separator.
  const at = DATE_START.exec(text2);
  return at !== null && at.index > 0 && text2.slice(0, at.index).trim().split(/\s+/).length >= 2 ? text2.slice(0, at.index).trim() : text2;
}

/** Where a date begins inside a byline line: a weekday name or a number. */
const DATE_START = /(?<=\s)(?:(?:ال)?(?:أحد|احد|إثنين|اثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|سبت)(?=[\s،,]*[\d٠-٩])|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b(?=[\s,.]*(?:[\d٠-٩]|[A-Za-z]+\.?\s+[\d٠-٩]))|[\d٠-٩])/iu;

/**
 * «أحمد فؤاد وهبة رمضان»: two two-word names joined by a «و» glued to the second. Split only where
 * both sides keep at least two words, so a name like «مراد وهبة» or «أحمد وليد» stays whole.
 */
function splitGluedWa(part: string): string[] {
  // «عبد الرحمن», «أبو بكر», «بن علي» are one name word each.
  const words = part.trim().split(/\s+/).reduce<string[]>((acc, w) => {
    const prev = acc[acc.length - 1];
    if (prev !== undefined && COMPOUND_HEAD.test(prev)) acc[acc.length - 1] = `${prev} ${w}`;
    else acc.push(w);
    return acc;
  }, []);
  if (words.length < 4 || /[A-Za-z]/.test(part)) return [part];
  for (let i = 2; i <= words.length - 2; i++) {
    const w = words[i] as string;
    if (w.length >= 4 && w.startsWith('و') && !w.startsWith('وو') && !WAW_NAMES.has(w)) {
      return [words.slice(0, i).join(' '), [w.slice(1), ...words.slice(i + 1)].join(' ')];
    }
  }
  return [part];
}

const COMPOUND_HEAD = /^(?:عبد|عبدال|أبو|ابو|بن|ابن|بنت)$/u;
/**
 * Given names that begin with «و» themselves: never a glued «و». («وهبة» stays out: «أحمد فؤاد وهبة
 * رمضان» reads as two people far more often than as one four-part name.)
 */
const WAW_NAMES: ReadonlySet<string> = new Set([
  'وائل', 'وليد', 'وسام', 'وفاء', 'وجدي', 'وحيد', 'وديع', 'ولاء', 'وداد', 'وعد', 'وصفي', 'وضاح', 'ورد', 'وردة',
  'وجيه', 'وجيهة', 'وهيب', 'وهيبة', 'وسيم', 'وسيمة', 'ودود', 'وفيق', 'وفيقة', 'ولي', 'وئام', 'وجدان', 'وصال', 'وليم', 'وديعة',
]);

const META_SEGMENTS = /\s*[|·•]\s*|\s+[-–—]\s+/;

/** «رنا الخطيب و حسن المصري», "Ana Ruiz and Li Wei": every part must be a name, or none is taken. */
function namesOf(text: string, siteName: string | null): string[] {
  const parts = normalizeWhitespace(text).split(/\s*[,،]\s*|\s+(?:and|&|و)\s+/);
  return parts.length > 1 && parts.every((p) => looksLikeName(p, siteName)) ? parts : [];
}

/** Section and furniture words that sit beside dates in meta lines but are never part of a name. */
const NOT_NAME_WORDS = new Set([
  'أخبار', 'اخبار', 'خبر', 'اقتصاد', 'سياسة', 'رياضة', 'ثقافة', 'فن', 'فنون', 'منوعات', 'تكنولوجيا', 'تقنية', 'صحة', 'محليات', 'محلي',
  'عربي', 'دولي', 'عالمي', 'العالم', 'تقارير', 'تقرير', 'مقالات', 'مقال', 'رأي', 'حوادث', 'مجتمع', 'فيديو', 'صور', 'عاجل', 'قراءة', 'دقائق',
  'منذ', 'نشر', 'تحديث', 'آخر', 'اليوم', 'أمس', 'مصر', 'الخليج', 'لبنان', 'سوريا', 'العراق', 'المغرب',
  'news', 'world', 'politics', 'business', 'sport', 'sports', 'opinion', 'culture', 'tech', 'technology', 'health', 'science', 'local',
  'live', 'analysis', 'updated', 'published', 'read', 'min', 'minutes', 'video', 'photos', 'breaking', 'latest', 'home', 'uk', 'us', 'europe',
  // Function words and titles: «كتب رئيس الوزراء على …» is a sentence, not a byline.
  'على', 'في', 'من', 'إلى', 'الى', 'عن', 'مع', 'أن', 'إن', 'ان', 'قال', 'رئيس', 'وزير', 'مدير', 'نائب', 'سفير', 'أمين', 'عبر', 'حول',
  'the', 'of', 'on', 'in', 'at', 'to', 'for', 'with', 'and', 'from', 'president', 'minister', 'prime', 'secretary', 'chief',
  // Share buttons written as text («Facebook X WhatsApp LinkedIn») sit in the same meta line.
  'facebook', 'x', 'twitter', 'whatsapp', 'linkedin', 'telegram', 'instagram', 'messenger', 'reddit', 'pinterest', 'tiktok', 'youtube',
  'snapchat', 'email', 'e-mail', 'print', 'share', 'copy', 'link', 'فيسبوك', 'تويتر', 'واتساب', 'واتس', 'تلغرام', 'تيليغرام', 'انستغرام',
  'لينكدإن', 'يوتيوب', 'مشاركة', 'شارك', 'طباعة', 'نسخ', 'الرابط',
]);

/** A name-like string: 2–4 words of letters, no digits or sentence punctuation. */
const NAME_WORD = /^\p{L}[\p{L}'’.-]*$/u;

/**
 * A person's name shown in the headline's meta line beside the date, with no byline word or class
 * («حيدر الساعدي · 2025-01-14 09:30»). Only 2–4 letter-only words that are neither a desk credit
 * nor the site's name; English names must be capitalised and Arabic ones must not open with «ال».
 */
export function looksLikeName(text: string, siteName: string | null): boolean {
  const t = normalizeWhitespace(text);
  if (t.length < 5 || t.length > 40 || NOT_A_NAME.test(t) || AGENCY.test(t) || OUTLET.test(t)) return false;
  if (siteName !== null && (t === siteName || siteName.includes(t))) return false;
  return nameShaped(t, 4) && (/[A-Za-z]/.test(t) || !t.startsWith('ال'));
}

/** 2–`max` letter words, none a section or function word; English words capitalised. */
function nameShaped(name: string, max: number): boolean {
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > max || !words.every((w) => NAME_WORD.test(w) && !NOT_NAME_WORDS.has(w.toLowerCase()))) return false;
  if (/[A-Za-z]/.test(name)) return words.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|van|von|bin|al|el|da|der|la|le|di|du|dos|das)$/.test(w));
  return true;
}

/**
 * Authors and credits written as text around the headline (no byline class to find them by):
 * first byline words («كتب», «بقلم», "By"), then a name standing beside the date in the meta
 * line. Body paragraphs are never read, so «كتب الرئيس على تويتر …» cannot become a byline.
 */
export function scanHeadlineBylines(
  blocks: readonly Block[],
  headline: number,
  body: ReadonlySet<string>,
  siteName: string | null,
  now: Date | null,
): BylineFacts {
  if (headline < 0) return { authors: [], attribution: [] };
  const near = blocks.slice(Math.max(0, headline - 3), headline + 6).filter((b) =>
    b.index !== headline && !body.has(b.text) && b.text.length <= 160 && (b.boiler === null || b.boiler.kind === 'author'));
  const worded = textBylines(near.map((b) => b.text), siteName);
  const authors = worded.authors.filter((a) => looksLikeName(a, siteName));
  if (authors.length > 0) return { authors, attribution: worded.attribution };
  const meta: string[] = [];
  for (const b of near) {
    // «نسرين بوعلام - الأحد 6 أفريل 2025 - 18:20»: a dash separates the name from the date too.
    const segs = b.text.split(META_SEGMENTS);
    const dated = segs.some((s) => parseTextDate(s, now) !== null);
    if (!dated) continue;
    if (segs.length > 1) for (const s of segs) if (looksLikeName(s, siteName)) meta.push(s);
    // A meta line made of sibling elements: name, date, reading time.
    const parent = b.container.parent;
    for (const o of near) {
      if (o === b || parent === null || o.container.parent !== parent || Math.abs(o.index - b.index) > 3) continue;
      if (looksLikeName(o.text, siteName)) meta.push(o.text);
      else meta.push(...namesOf(o.text, siteName));
    }
    // A dateline-style byline on the line next to the date: «إربد - محمد الزعبي».
    for (const o of near) {
      if (o === b || Math.abs(o.index - b.index) > 1) continue;
      const dl = DATELINE.exec(normalizeWhitespace(o.text));
      const who = (dl?.[2] ?? '').trim();
      if (dl !== null && (dl[1] ?? '').trim().split(/\s+/).length <= 2 && looksLikeName(who, siteName)) meta.push(who);
    }
  }
  return { authors: [...new Set(meta.map((m) => normalizeWhitespace(m)))], attribution: worded.attribution };
}
