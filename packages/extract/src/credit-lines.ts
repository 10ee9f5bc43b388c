/**
 * Credit and byline lines written inside the story: who wrote it («إعداد: سارة أحمد», "By Jane
 * Roe"), where it came from («المصدر: …», "(AP)", «(تهامة نت - سبأ)», "X contributed to this
 * report."), and how such a line is cut down to the credit itself. Text in, answer out.
 */
import { AGENCY, NOT_A_NAME, looksLikeName, parseBylines } from './bylines.ts';
import { ATTRIBUTION_LINE, CONTRIBUTED_LINE } from './hints.ts';

const BYLINE_LINE = /^(?:كتب|كتبت|بقلم|إعداد|اعداد|by)\s*[:：-]?\s+(.+)$/iu;
const EDITED_LINE = /^(?:تحرير)\s*[:：-]\s*(.+)$/u;
/** A closing line wrapped whole in brackets, a few words with no sentence punctuation: «(وكالة - سبأ)». */
const BRACKET_CREDIT = /^[([]\s*([^()[\].!?؟،,]{2,50})\s*[)\]]$/u;
/** A whole line "X contributed to this report." naming only who contributed. */
const CONTRIBUTOR = /^([^.!?;:]{2,60}?)\s+contributed\s+(?:to\s+this\s+(?:report|story|article)|reporting)\.?$/i;

/** For wire-fed pages: a news agency's name alone ("AAP", «سانا»); short Latin acronyms only in capitals ("PA", "AP", never "Spa"). */
export function isAgencyName(text: string): boolean {
  if (!AGENCY.test(text)) return false;
  return !/^[A-Za-z]{1,4}$/.test(text) || text === text.toUpperCase();
}

/** For Arabic regional sites closing a story with its sources: «(تهامة نت - سبأ)», «(سانا)»; not «(وقد نفت الوزارة …)». */
export function isBracketCredit(text: string): boolean {
  const inner = BRACKET_CREDIT.exec(text)?.[1]?.trim();
  if (inner === undefined || inner.split(/\s+/).length > 5) return false;
  return /\s[-–/]\s|\//.test(inner) || isAgencyName(inner);
}

/**
 * For any news page: a source or sign-off line («المصدر: …», "Reporting by …", "… contributed to
 * this report.") or a line that is only an agency's name («(سانا)», "AAP").
 */
export function isAttribution(text: string): boolean {
  const bare = text.length < 40 ? text.replace(/^[([]\s*|\s*[)\]]$/g, '') : '';
  return ATTRIBUTION_LINE.test(text) || (text.length < 200 && CONTRIBUTED_LINE.test(text)) || (bare !== '' && isAgencyName(bare));
}

/**
 * For any news page, block by block: an attribution line short enough to be one (under 300 chars);
 * a heading counts only when it opens with a credit label ("Source: …"), never just for naming an agency.
 */
export function isAttributionLine(text: string, heading: boolean): boolean {
  return isAttribution(text) && text.length < 300 && (!heading || ATTRIBUTION_LINE.test(text));
}

/**
 * For pages that write the byline as a line of the story: «كتب - محمد علي», "By Jane Roe",
 * «إعداد: سارة أحمد» → `byline`; «إعداد: قسم الأخبار» (a desk) → `desk`; anything else → null.
 * «تحرير: A و B» names writers only before the story has started (`storyStarted` false: a live
 * blog's editors); below it, it is an editing credit and not read here. Lines of 80 chars or more never count.
 */
export function classifyWriterLine(text: string, storyStarted: boolean): 'byline' | 'desk' | null {
  if (text.length >= 80) return null;
  const m = BYLINE_LINE.exec(text) ?? (storyStarted ? null : EDITED_LINE.exec(text));
  if (m === null) return null;
  const who = (m[1] ?? '').replace(/[.:،,]+$/u, '');
  if (looksLikeName(who, null) || parseBylines([text], null).authors.length > 0) return 'byline';
  if (/^(?:إعداد|اعداد)/u.test(text)) return 'desk';
  return null;
}

/**
 * For every attribution line kept: "المصدر: نوفوستي" → "نوفوستي"; "Plains Public Radio contributed
 * to this report." → "Plains Public Radio"; sign-offs ("Reporting by …") are kept whole.
 */
export function cleanAttribution(text: string): string {
  // Only a line wrapped whole in brackets loses them: «المصدر: وكالة الأنباء الأردنية (بترا)» keeps its own.
  const t = /^\s*[([].*[)\]]\s*$/su.test(text) ? text.trim().slice(1, -1).trim() : text;
  const contributed = CONTRIBUTOR.exec(t);
  if (contributed !== null) {
    // "Plains Public Radio contributed to this report." credits Plains Public Radio; a credit that
    // describes the person ("Economics Writer Ellen Park contributed …") stays a whole line.
    const who = (contributed[1] ?? '').trim();
    return NOT_A_NAME.test(who) ? t : who;
  }
  const m = /^(?:المصدر|مصدر|المصادر|source|sources)\s*[:：]\s*(.+)$/i.exec(t);
  if (m === null) return t;
  // «المصدر: شفق نيوز · منذ 40 دقيقة · 11 نوفمبر 2025»: the meta line goes on after the source.
  return (m[1] ?? '').split(/\s+[·•|]\s+/)[0]?.trim() ?? '';
}
