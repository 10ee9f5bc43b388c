/**
 * Finding the published time: machine sources first (JSON-LD, metas, <time>), then the visible
 * dateline near the headline, a labelled date line, the URL — each placed in the page's zone.
 */
import type { LdArticle } from './metadata.ts';
import { parseMachineDate, parseTextDate, parseUrlDate, type ParsedDate } from './dates.ts';
import type { Block, PageFacts } from './dom-walk.ts';
import { zonedToUtc, type ZoneEvidence } from './zones.ts';

const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'publishdate', 'pubdate', 'publish-date',
  'publish_date', 'date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date',
  'article.published', 'published_time', 'og:published_time', 'creation_date', 'cxenseparse:recs:publishtime',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified'];

function firstMeta(meta: ReadonlyMap<string, string>, keys: readonly string[]): { key: string; value: string } | null {
  for (const key of keys) {
    const value = meta.get(key);
    if (value !== undefined && value.trim() !== '') return { key, value };
  }
  return null;
}

/**
 * A zone-less date with a time of day takes the page's zone when the page gives evidence
 * (`text+zone:Africa/Cairo(locale)`); otherwise it stays UTC and says so (`text+assumed-utc`).
 */
function placeInZone(d: ParsedDate, source: string, zone: ZoneEvidence | null): { iso: string; source: string } {
  if (!d.assumedUtc) return { iso: d.iso, source };
  if (zone !== null && d.hasTime === true && d.wallMs !== undefined) {
    return { iso: new Date(zonedToUtc(d.wallMs, zone.zone)).toISOString(), source: `${source}+zone:${zone.zone}(${zone.from})` };
  }
  return { iso: d.iso, source: `${source}+assumed-utc` };
}

export interface DateFinding {
  readonly publishedAt: string | null;
  readonly modifiedAt: string | null;
  readonly dateSource: string | null;
}

export function findDates(facts: PageFacts, ld: LdArticle | null, url: string, topTexts: readonly string[], now: Date | null, zone: ZoneEvidence | null): DateFinding {
  const modifiedRaw = ld?.dateModified ?? firstMeta(facts.meta, MODIFIED_META)?.value ?? null;
  const modifiedParsed = modifiedRaw === null ? null : parseMachineDate(modifiedRaw);
  const modified = modifiedParsed === null ? null : placeInZone(modifiedParsed, 'modified', zone);
  const found = (d0: ParsedDate | null, source0: string): DateFinding | null => {
    if (d0 === null) return null;
    let d = d0;
    let source = source0;
    // A day-only machine date ("2024-09-30", or a malformed "2024-09-30T11.30") takes the time of
    // day the page shows for the same day near the headline.
    if (d.hasTime === false && d.assumedUtc) {
      const day = d.iso.slice(0, 10);
      for (const text of topTexts) {
        if (text.length > 200) continue;
        const v = parseTextDate(text, null);
        if (v !== null && v.hasTime === true && v.day === day) {
          d = v;
          source = `${source}+text`;
          break;
        }
      }
    }
    const placed = placeInZone(d, source, zone);
    return { publishedAt: placed.iso, modifiedAt: modified?.iso ?? null, dateSource: placed.source };
  };

  // Structured data can be stale (a site-wide block from 2019) or mislabelled (Mecca wall-clock time
  // written with a "Z"); the date the reader sees under the headline wins when they disagree.
  // Two machine sources that agree (a meta and a <time datetime>) outweigh a mislabelled visible
  // "11:32 GMT"; a lone block that the reader's date contradicts does not.
  let visible: Visible | null | undefined;
  const machine = machineDates(facts, ld);
  // One vote per kind of source (JSON-LD, the date meta, the first <time>): a live blog's many entry
  // stamps are not many witnesses.
  const voters = machineDates(facts, ld, 1);
  const votes = (at: number): number => voters.filter((t) => Math.abs(t - at) <= 1.5 * HOUR).length;
  const checked = (r: DateFinding | null): DateFinding | null => {
    if (r === null || r.publishedAt === null) return r;
    const at = Date.parse(r.publishedAt);
    // Outvoted: the two other kinds agree with each other and not with this one (a JSON-LD block
    // that writes local midnight as UTC while the meta and the <time> carry the real time).
    if (voters.some((t) => Math.abs(t - at) > 1.5 * HOUR && votes(t) >= 2)) return null;
    visible ??= visibleDate(topTexts, zone, found);
    if (machine.filter((t) => Math.abs(t - at) <= 1.5 * HOUR).length >= 2) {
      // Agreeing machine dates outweigh a visible time, unless that time is placed in a zone the page
      // states and is further off than a zone mix-up makes it (a CMS that stamps the edit time).
      const far = visible !== null && visible.timed && visible.zoned && visible.finding.publishedAt !== null && Math.abs(Date.parse(visible.finding.publishedAt) - at) > MAX_ZONE_SLIP;
      if (!far) return r;
    }
    if (visible === null) return r;
    // The page shows only the day, and the machine time lies in the last hours before that day's
    // 00:00Z: local midnight east of Greenwich written in UTC (a date-only CMS field stored as
    // 00:00+03:00 is 21:00Z the day before). The day the reader sees wins. An evening time west of
    // Greenwich (16 May 21:00-04:00 under «16 May») lies after the shown day and keeps its instant.
    const shownDay = visible.finding.publishedAt === null ? NaN : Date.parse(visible.finding.publishedAt);
    const beforeShownDay = shownDay - at;
    if (!visible.timed && beforeShownDay > 0 && beforeShownDay <= MIDNIGHT_SLIP) {
      return { ...visible.finding, dateSource: `${visible.finding.dateSource ?? 'text'}(day-over:${r.dateSource ?? ''})` };
    }
    if (!contradicts(r, visible)) return r;
    return { ...visible.finding, dateSource: `${visible.finding.dateSource ?? 'text'}(over:${r.dateSource ?? ''})` };
  };
  if (ld?.datePublished != null) {
    const r = checked(found(parseMachineDate(ld.datePublished), 'json-ld'));
    if (r !== null) return r;
  }
  const m = firstMeta(facts.meta, PUBLISHED_META);
  if (m !== null) {
    const r = checked(found(parseMachineDate(m.value), `meta:${m.key}`));
    if (r !== null) return r;
  }
  const times = [...facts.times].sort((a, b) => Number(b.hint) - Number(a.hint));
  for (const t of times) {
    // A <time> whose datetime cannot be read falls back to its visible text.
    const r = found(parseMachineDate(t.datetime), 'time') ?? (t.text === '' ? null : found(parseTextDate(t.text, now), 'time-text'));
    if (r !== null) return r;
  }
  // Absolute dates first: «منذ ساعة» beside a teaser is about that teaser.
  for (const text of topTexts) {
    if (text.length > 200) continue;
    const r = found(parseTextDate(publishedPart(text), null), 'text');
    if (r !== null) return r;
  }
  if (now !== null) {
    for (const text of topTexts) {
      if (text.length > 200) continue;
      const r = found(parseTextDate(publishedPart(text), now), 'text');
      if (r !== null) return r;
    }
  }
  // A labelled date line anywhere outside boilerplate («نشر بتاريخ …» under the story on legacy pages).
  for (const b of facts.blocks) {
    if (b.text.length > 120 || !PUBLISHED_LABEL.test(b.text) || (b.boiler !== null && !facts.protectedIds.has(b.boiler.id))) continue;
    const r = found(parseTextDate(publishedPart(b.text), null), 'text');
    if (r !== null) return r;
  }
  const u = found(parseUrlDate(url), 'url');
  if (u !== null) return u;
  return { publishedAt: null, modifiedAt: modified?.iso ?? null, dateSource: null };
}

/**
 * Every absolute machine-readable published time on the page (JSON-LD, the first date meta,
 * `<time datetime>`; only the first `maxTimes` of those).
 */
function machineDates(facts: PageFacts, ld: LdArticle | null, maxTimes = Infinity): number[] {
  const out: number[] = [];
  const add = (raw: string | null | undefined): void => {
    const d = raw == null ? null : parseMachineDate(raw);
    if (d !== null && !d.assumedUtc) out.push(Date.parse(d.iso));
  };
  add(ld?.datePublished);
  add(firstMeta(facts.meta, PUBLISHED_META)?.value);
  for (const t of facts.times.slice(0, maxTimes)) add(t.datetime);
  return out;
}

interface Visible {
  readonly finding: DateFinding;
  /** Shows a time of day. */
  readonly timed: boolean;
  /** Its zone is stated or implied by the page (not assumed UTC). */
  readonly zoned: boolean;
  /** Shows a time of day with its zone written beside it ("09h30 (GMT+1)", «بتوقيت مكة»). */
  readonly explicit: boolean;
}

/** The first absolute date shown near the headline (relative times are too coarse to overrule anything). */
function visibleDate(
  topTexts: readonly string[],
  zone: ZoneEvidence | null,
  found: (d: ParsedDate | null, source: string) => DateFinding | null,
): Visible | null {
  for (const text of topTexts) {
    if (text.length > 200) continue;
    // «آخر تحديث: …» alone says when the story was updated, not published.
    const part = publishedPart(text);
    if (UPDATED_PART.test(part.trim())) continue;
    const d = parseTextDate(part, null);
    const r = found(d, 'text');
    if (d === null || r === null) continue;
    const timed = d.hasTime !== false;
    return { finding: r, timed, zoned: !d.assumedUtc || (timed && zone !== null), explicit: timed && !d.assumedUtc };
  }
  return null;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
/**
 * More than a zone mix-up shifts a time by: a wall clock written as UTC (or the other way) is off by the
 * site's offset, at most 4–5 h for the Arab world and Europe.
 */
const MAX_ZONE_SLIP = 5 * HOUR;
/** Local midnight east of Greenwich, in UTC, lies up to 4 h before the day's 00:00Z (Gulf time). */
const MIDNIGHT_SLIP = 4 * HOUR;

/**
 * Whether a machine date contradicts the visible one. A visible time of day in a zone the page states
 * or implies must agree within an hour and a half (wall-clock time written as UTC is off by the
 * zone's offset); a day-only or zone-less visible date only rules out machine dates more than a day
 * and a half away (a stale site-wide block).
 */
function contradicts(machine: DateFinding, visible: Visible): boolean {
  if (machine.publishedAt === null || visible.finding.publishedAt === null) return false;
  const gap = Math.abs(Date.parse(machine.publishedAt) - Date.parse(visible.finding.publishedAt));
  // A whole number of hours off a time whose zone is written beside it: the machine date put the
  // wall clock in the wrong zone ("09:30+00:00" for «09h30 (GMT+1)»).
  const offHours = gap % HOUR;
  if (visible.explicit && gap >= HOUR - 2 * MINUTE && (offHours <= 2 * MINUTE || offHours >= HOUR - 2 * MINUTE)) return true;
  return gap > (visible.timed && visible.zoned ? 1.5 : 36) * HOUR;
}

const PUBLISHED_LABEL = /^\s*(?:published|posted|first\s+published|نشر(?:\s+في|\s+بتاريخ)?|تاريخ\s+النشر|تم\s+النشر)\s*[:：]?\s/i;
const UPDATED_PART = /^(?:updated|last\s+updated|modified|آخر\s+تحديث|اخر\s+تحديث|تحديث|تم\s+التحديث)/i;

/** "Updated: 08:03, 7 Dec | Published: 22:41, 6 Dec": the published part when a line shows both. */
function publishedPart(text: string): string {
  const parts = text.split(/\s+[|·•]\s+/);
  if (parts.length < 2) return text;
  const kept = parts.filter((p) => !UPDATED_PART.test(p.trim()));
  return kept.length > 0 && kept.length < parts.length ? kept.join(' | ') : text;
}

/**
 * Texts that may carry the visible date, nearest to the headline first (below, then above), never
 * from boilerplate (a teaser card's «منذ ساعة», the top bar's today's date).
 */
export function datelineCandidates(facts: PageFacts, h1Index: number): string[] {
  const out: string[] = [];
  const usable = (i: number): boolean => {
    const b = facts.blocks[i];
    return b !== undefined && (b.boiler === null || facts.protectedIds.has(b.boiler.id));
  };
  for (let d = 0; d <= 8; d++) {
    if (usable(h1Index + d)) out.push((facts.blocks[h1Index + d] as Block).text);
    if (d > 0 && d <= 3 && usable(h1Index - d)) out.push((facts.blocks[h1Index - d] as Block).text);
  }
  return out;
}
