/**
 * Text rules for one block of the story: lines that sit among the paragraphs but are not body text
 * (edition notes, menus written as text, datelines and live-blog stamps, plain «اقرأ أيضا:» lines,
 * photo captions written as text). Each takes a line's text and nothing else; the paragraph collector
 * (`collect-paragraphs.ts`) decides where on the page each one applies. Credit and byline lines are
 * in `credit-lines.ts`.
 */
import { parseTextDate } from './dates.ts';
import { READ_ALSO_LABEL } from './hints.ts';

/**
 * Lines about the story rather than of it: print-edition and correction notes, photo credits
 * written as text ("Photograph: …", «الصورة: …»), "Follow Jane Roe on X", reporter contact lines.
 */
const EDITION_NOTE = /^(?:a\s+version\s+of\s+this\s+(?:article|story)\s+(?:appears|appeared)\s+in\s+print|this\s+(?:article|story)\s+(?:was|has\s+been)\s+(?:amended|updated|corrected)\s+on|correction\s*:|\(?\s*(?:photograph|photo|image|picture|image\s+credit|photo\s+credit|الصورة|صورة|مصدر\s+الصورة)\s*[:：]\s*\S.{0,100}$|follow\s+.{1,40}\s+on\s+(?:twitter|x|facebook|instagram|linkedin|threads|bluesky)\b.{0,40}$|(?:contact|reach|email|write\s+to)\s+[^.@]{2,60}\s+(?:at|on|via)\s+[^\s@]{1,64}@[^\s@]{1,255}.{0,60}$|(?:للتواصل(?:\s+مع\s+\S{1,40})?|البريد\s+الإلكتروني\s+للكاتب)\s*[:：]?\s*[^\s@]{1,64}@[^\s@]{1,255}\s*$)/iu;

/** For newspaper and wire pages: "A version of this article appears in print…", «الصورة: …», "Contact X at x@y.z". */
export function isEditionNote(text: string): boolean {
  return EDITION_NOTE.test(text);
}

/** For legacy pages with menus written as text: "الصفحة الرئيسية | محليات | عربي ودولي | اقتصاد". */
export function isMenuLine(text: string): boolean {
  if (text.length > 200) return false;
  const parts = text.split(/\s*[|•·]\s*/);
  return parts.length >= 4 && parts.every((p) => p.split(/\s+/).length <= 3 && !/[.،,!?؟]/.test(p));
}

/** For pages that draw rules with characters: "___", "* * *" (no letter or digit at all). */
export function isSymbolOnly(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** For pages that plug another story in a plain line (no link): «Lire aussi : …», «اقرأ أيضا: …». */
export function isPlainReadAlsoLine(text: string): boolean {
  return text.length < 200 && READ_ALSO_LABEL.test(text) && /^[^:：]{0,25}[:：]/.test(text);
}

/**
 * For pages that write a photo's caption as a line under it in the same element: short, at most 20
 * words, not ending like a sentence or a quote. (Where it applies, a small wrapper around the photo,
 * is the collector's call.)
 */
export function looksLikePhotoCaption(text: string): boolean {
  return text.length < 150 && !/[.!?؟:»”"')]$/.test(text) && text.split(/\s+/).length <= 20;
}

/**
 * For newsletter boxes inside the story: the box's title ("The Dispatch Daily") is named again by
 * its pitch ("Sign up for The Dispatch Daily …"), so the title goes with the pitch.
 */
export function repeatsNewsletterTitle(title: string, pitch: string): boolean {
  return title.length < 50 && !/[.!?؟]$/.test(title) && pitch.includes(title);
}

/** "10:32", «١٦:٤٥», and "11.05 GMT" (a dotted clock only with its zone or am/pm, never "3.50 million"). */
const CLOCK = /^\s*(\d{1,2}:\d{2}|[٠-٩]{1,2}:[٠-٩]{2}|\d{1,2}\.\d{2}\s*(?:GMT|BST|UTC|CET|CEST|ET|EST|EDT|CT|CST|CDT|PT|[ap]\.?m\.?)(?![\p{L}]))/iu;

/** A live-blog entry stamp in relative form: "2h ago", "just now", «منذ 5 دقائق». */
const RELATIVE_LINE = /^(?:(?:\d+|an?)\s*(?:s|m|h|d|secs?|mins?|hrs?|hours?|minutes?|seconds?|days?)\s+ago|just\s+now|(?:منذ|قبل)\s+(?:[\d٠-٩]+\s+)?\S+)$/iu;
const SEGMENT_SPLIT = /\s+[|·•]\s+/;
const DATE_LABEL = /^(?:published|updated|posted|last\s+updated|first\s+published|نشر(?:\s+في|\s+بتاريخ)?|تاريخ\s+النشر|آخر\s+تحديث|اخر\s+تحديث|تحديث|حدث|تم\s+التحديث)\s*[:：]?\s*/i;
/** Harakat and the superscript alef: «نُشر» and «حُدّث» are labels like «نشر» and «حدث». */
const HARAKAT = /[\u064B-\u0652\u0670]/g;
/** What a dateline may carry besides the date: «بتوقيت الإمارات», "(GMT+3)", a Hijri date before the Gregorian one. */
const DATE_EXTRAS = /\s*\(?(?:gmt|utc)\s*[+-]?\s*[\d٠-٩:]*\)?|\s*بتوقيت\s+\S+(?:\s+\S+)?$|[\d٠-٩]{1,2}\s+\S+\s+[\d٠-٩]{4}\s*هـ\s*[-–—]?\s*(?:الموافق\s*)?/giu;

/** For live blogs: an entry stamp that opens with a clock, "10:32", «١٦:٤٥», "11.05 GMT Rob Whitfield" (under 30 chars). */
export function isClockLine(text: string): boolean {
  return CLOCK.test(text) && text.length < 30;
}

/** For live blogs and Arabic news feeds: a relative stamp alone, "2h ago", "just now", «منذ 5 دقائق» (under 30 chars). */
export function isRelativeTimeLine(text: string): boolean {
  return text.length < 30 && RELATIVE_LINE.test(text);
}

/**
 * For every article page's meta line: a timestamp or dateline on its own ("10:32 GMT",
 * "الثلاثاء 23 يناير 2024"), or a run of them ("Published: 22:41, 6 December 2024 | Updated: 08:03,
 * 7 December 2024"); never a sentence that mentions a date.
 */
export function isDateLine(text: string): boolean {
  if (isClockLine(text)) return true;
  if (isRelativeTimeLine(text)) return true;
  if (text.length >= 160) return false;
  const segments = text.replace(HARAKAT, '').split(SEGMENT_SPLIT);
  return segments.every((seg) => {
    const s = seg.replace(DATE_LABEL, '');
    // «نُشر: … · حُدّث: منذ ٣٠ دقيقة»: a relative update time is part of the line.
    if (isRelativeTimeLine(s)) return true;
    // A sentence that mentions a date ("On 5 May 2024 the council voted.") is not a dateline.
    const plain = s.replace(DATE_EXTRAS, ' ').trim().replace(/\b([ap])\.m\./gi, '$1m').replace(/\b(Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\./gi, '$1');
    return plain.length < 60 && !/[.!?؟](?:\s|$)/.test(plain) && plain.split(/\s+/).length <= 10 && parseTextDate(s, null) !== null;
  });
}
