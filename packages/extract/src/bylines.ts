import { normalizeWhitespace } from '@khabar/text';

const PREFIX = /^(?:كتب|كتبت|كتبه|بقلم|إعداد|اعداد|تقرير|written\s+by|by|par|von)\s*[:：-]?\s+/i;
const AGENCY = /^(?:وكالات|وكالة\s+\S+|رويترز|فرانس\s+برس|أ\s*ف\s*ب|د\s*ب\s*أ|الأناضول|سبوتنيك|نوفوستي|agencies|reuters|afp|ap|associated\s+press|dpa|anadolu)$/i;
/** "الرياض - وكالات", "عمان - مراسل الوطن": a place, a dash, then who filed it. */
const DATELINE = /^([^-–—|]{2,25})\s+[-–—]\s+(.+)$/;
const NOT_A_NAME = /\d|@|https?:|مراسل|correspondent|staff|محرر|editor/i;

export interface BylineFacts {
  readonly authors: string[];
  readonly attribution: string[];
}

/**
 * Turns raw byline texts into author names and agency credits: strips "كتب:" / "By", splits
 * "A and B" / "A، B" / "Name | Org", and routes datelines ("الرياض - وكالات") and agencies to attribution.
 */
export function parseBylines(raw: readonly string[], siteName: string | null): BylineFacts {
  const authors: string[] = [];
  const attribution: string[] = [];
  const site = siteName?.toLowerCase() ?? null;
  for (const line of raw) {
    let text = normalizeWhitespace(line).replace(PREFIX, '');
    const dl = DATELINE.exec(text);
    if (dl !== null) {
      const who = (dl[2] ?? '').trim();
      if (AGENCY.test(who)) attribution.push(who);
      continue;
    }
    const [first, ...orgs] = text.split(/\s*\|\s*/);
    text = first ?? '';
    for (const org of orgs) if (org !== '' && org.length < 60) attribution.push(org);
    for (const part of text.split(/\s*[,،]\s*|\s+(?:and|و)\s+/)) {
      const name = part.trim();
      if (name === '' || name.length > 60 || NOT_A_NAME.test(name)) continue;
      if (AGENCY.test(name)) {
        attribution.push(name);
        continue;
      }
      if (site !== null && (name.toLowerCase() === site || site.includes(name.toLowerCase()))) continue;
      if (name.split(/\s+/).length > 5) continue;
      authors.push(name);
    }
  }
  return { authors: [...new Set(authors)], attribution: [...new Set(attribution)] };
}
