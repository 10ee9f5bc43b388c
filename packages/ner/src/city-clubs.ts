import type { EntityInfo } from './build-entities.ts';
import { unlinkedId } from './entity-id.ts';
import { keyOf } from './tokenize.ts';
import type { KbEntry, Mention } from './types.ts';

/** Words of a football or basketball report («الدوري», «هدف», «المدرب» …): two different ones make the article a match report. */
const SPORT_WORDS_AR: ReadonlySet<string> = new Set(
  ['الدوري', 'دوري', 'مباراة', 'المباراة', 'هدف', 'هدفا', 'هدفين', 'الأهداف', 'المدرب', 'مدرب', 'الملعب', 'الشوط', 'ركلة', 'البوندسليغا', 'الليغا', 'الكالتشيو'].map(keyOf),
);

/**
 * Words right before a club named by its city in a match report: its people and its place in the
 * table («مدرب شتوتغارت», «رصيد موناكو») and the match verbs («يواجه فرايبورغ»; not «يستقبل», «يحل»:
 * a city hosts a tournament).
 */
export const CLUB_BEFORE_AR: ReadonlySet<string> = new Set(
  [
    'مدرب', 'فريق', 'لاعب', 'لاعبو', 'لاعبي', 'مدافع', 'مهاجم', 'حارس', 'رصيد', 'نادي', 'ضيفه', 'مضيفه', 'جاره', 'منافسه',
    'تعادل', 'فاز', 'تغلب', 'خسر', 'هزم', 'يلتقي', 'يواجه', 'ملاقاة', 'لملاقاة', 'تراجع', 'ارتقى', 'تصدر', 'أوقف', 'أسقط',
  ].map(keyOf),
);

/** Prepositions that put a club on the pitch only after a match verb («فاز على بولونيا», «تعادل مع ماينتس», «خسر أمام هامبورغ»). */
export const AFTER_MATCH_VERB_AR: ReadonlySet<string> = new Set(['على', 'أمام', 'مع', 'ضد'].map(keyOf));
export const MATCH_VERBS_AR: ReadonlySet<string> = new Set(['فاز', 'تغلب', 'تعادل', 'خسر', 'سقط', 'انتصر', 'هزم', 'التقى', 'فوزه', 'تعادله', 'خسارته', 'سقوطه', 'ضيفا', 'ضيفاً'].map(keyOf));

/** A score («2-1», «3 - 0»). */
const SCORE = /(?:^|[^\d])\d{1,3}\s?[-–]\s?\d{1,3}(?:[^\d]|$)/u;

/**
 * Whether an Arabic text is a match report: two sport words and a score («2-1»), or three
 * («الدوري», "periodic", and «هدف», "aim", alone also open a politics story).
 */
export function isMatchReportAr(text: string): boolean {
  const words = text.split(/[^\p{L}\p{N}]+/u).map((w) => keyOf(w));
  const sport = new Set(words.filter((w) => SPORT_WORDS_AR.has(w))).size;
  return sport >= 3 || (sport === 2 && SCORE.test(text));
}

/** The article's dateline: a place first in its text or first on a line and followed by «(agency)» or a dash. */
function isDateline(text: string, m: Mention): boolean {
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  if (text.slice(lineStart, m.start).trim() !== '') return false;
  return lineStart === 0 || /^\s*(?:\([^)]{1,30}\)\s*)?[-–—]/u.test(text.slice(m.end, m.end + 40));
}

/** Arabic proclitics a word before the club may carry («وخسر», «فتعادل», «لمدرب»). */
const CLITICS = /^(?:و|ف|ل|ب|وب|ول|فب|فل)(?=\S{3,})/u;

/**
 * Arabic: in a match report, a city the gazetteer read as a place is the club named after it where
 * the word before it says so («مدرب شتوتغارت», «يستقبل فرايبورغ»; «على», «مع», «أمام» only after a
 * match verb: «فاز باير ليفركوزن على شتوتغارت»), and so is every
 * other mention of that city in the article, except after a preposition of place («في شتوتغارت»)
 * or as the dateline. Countries are left alone (a national team is annotated as its country). The
 * club takes the KB's id where the KB gives that word to an organisation (`clubIdOf`), else the
 * name's own id. Pure: returns the mentions to retype, with the club's id. `matchReport`: `isMatchReportAr(text)`, given by a caller that has it.
 */
export function cityClubs(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>, clubIdOf: (word: string) => string | null, matchReport = isMatchReportAr(text)): Map<Mention, string> {
  const out = new Map<Mention, string>();
  if (!matchReport) return out;
  const cities = mentions.filter((m) => m.type === 'LOC' && m.entityId !== null && !/^loc:[A-Z]{3}$/u.test(m.entityId) && !/\s/u.test(m.text) && info.get(m.entityId) !== undefined);
  const clubs = new Set<string>();
  const bare = (w: string): string[] => {
    const letters = w.replace(/[^\p{L}]+/gu, '');
    return [keyOf(letters), keyOf(letters.replace(CLITICS, ''))];
  };
  for (const m of cities) {
    // The word before the city, and the four before that, within its sentence.
    const clause = text.slice(Math.max(0, m.start - 80), m.start).split(/[.!?؟؛،,\n]/u).at(-1) ?? '';
    const words = clause.split(/\s+/u).filter((w) => w !== '');
    const last = words.at(-1) ?? '';
    // (The subject may stand between the verb and the preposition: «فاز باير ليفركوزن على شتوتغارت».)
    const onPitch = bare(last).some((w) => CLUB_BEFORE_AR.has(w)) || (bare(last).some((w) => AFTER_MATCH_VERB_AR.has(w)) && words.slice(-5, -1).some((v) => bare(v).some((w) => MATCH_VERBS_AR.has(w))));
    if (onPitch) clubs.add(m.text);
  }
  for (const m of cities) {
    if (!clubs.has(m.text)) continue;
    const before = text.slice(Math.max(0, m.start - 12), m.start);
    // Not the dateline, and not a place after «في», «إلى», «من» … or behind «ب» («بشتوتغارت»).
    if (isDateline(text, m) || /(?:^|\s)[وف]?(?:في|إلى|الى|من|قرب|نحو|بمدينة|مدينة|سكان|عمدة|بلدية|شوارع|أندية|مطار)\s+$/u.test(before) || /(?:^|\s)[وف]?ب$/u.test(before)) continue;
    // A feminine verb right before it makes it the city («تشهد أسوان», «وستحتضن شتوتغارت»): Arabic
    // treats a city as feminine and a club as masculine.
    if (/(?:^|\s)[وف]?س?(?:تشهد|شهدت|تستعد|استعدت|تقع|تبعد|تستضيف|استضافت|تحتضن|احتضنت|تعيش|عاشت|تضم|تعاني|عانت|تستقبل|استقبلت)\s+$/u.test(before)) continue;
    out.set(m, clubIdOf(m.text) ?? unlinkedId('ORG', m.text));
  }
  return out;
}

/** Words of an English match report: three different ones make the article one. */
const SPORT_WORDS_EN: ReadonlySet<string> = new Set([
  'match', 'game', 'goal', 'goals', 'scored', 'coach', 'striker', 'midfielder', 'defender', 'goalkeeper', 'penalty', 'league', 'season',
  'derby', 'points', 'minute', 'half-time', 'halftime', 'stoppage', 'fixture', 'standings', 'table', 'tries', 'wickets', 'innings', 'sets',
  'playoffs', 'playoff', 'quarterback', 'rebounds', 'scrumhalf', 'fly-half', 'kick-off', 'kickoff', 'stadium', 'fans',
]);

/** Whether an English text is a match report: three different sport words. */
export function isMatchReportEn(text: string): boolean {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => SPORT_WORDS_EN.has(w))).size >= 3;
}

/** Match verbs after a club's name ("Braga beat Guimaraes", "Kiel drew", "Toulouse host Pau"). */
const CLUB_VERBS_AFTER_EN = /^(?:'s?\s+(?:coach|manager|striker|midfielder|defender|goalkeeper|captain|fans|players|win|victory|defeat|lead|squad|president)\b|\s+(?:beat|beats|drew|draw|lost|lose|won|win|host|hosts|hosted|visit|visits|visited|led|lead|trail|trailed|edged|thrashed|routed|crushed|held|face|faces|faced|coach|manager|striker|captain|fans|supporters)\b)/u;
/** Words before a club's name that put it on the pitch ("beat Kiel", "against Brann", "lost to Braga", "drew with Perugia"). */
const CLUB_BEFORE_EN = /(?:\b(?:beat|beating|against|versus|vs\.?|over|host|hosts|hosting|visit|visiting|visited|face|faces|facing|edged|thrashed|routed|crushed|eliminated|knocked out)|\blost\s+to|\blosing\s+to|\bdrew\s+with|\bdraw\s+with|\bdraw\s+against|\bwin\s+at|\bdefeat\s+to|\bwin\s+over|\bvictory\s+over)\s+$/u;
/** Teams named by a nation the gazetteer holds as a region, annotated as the place ("England beat Wales"). */
export const HOME_NATIONS_EN: ReadonlySet<string> = new Set(['england', 'scotland', 'wales', 'northern ireland', 'west indies', 'great britain', 'ireland', 'hong kong', 'taiwan', 'palestine', 'kosovo', 'puerto rico', 'tahiti', 'faroe islands', 'gibraltar']);
/** Capitalised words before a name that are no part of it ("The Kiel side", "In Braga"). */
export const OPENERS_EN: ReadonlySet<string> = new Set(['the', 'a', 'an', 'in', 'at', 'on', 'for', 'from', 'and', 'but', 'with', 'by', 'after', 'before', 'when', 'while', 'as', 'if', 'against', 'to']);
/** Last words of places that no club is named by. */
const PLACE_ENDS_EN = /\s(?:Street|Road|Avenue|Square|Stadium|Arena|Park|Bridge|River|Lake|Island|Islands|Airport|Port|Valley|Bay|Beach|Coast|Hall)$/u;
/** A place after these is the place ("in Kiel", "at Perugia's PalaBarton", "from Toulouse"). */
const PLACE_BEFORE_EN = /\b(?:in|at|near|from|into|across|outside|around|of)\s+$/u;

/**
 * English: in a match report (three of "match", "goal", "coach", "league", "derby" …), a place name
 * the tagger read as a place — or, unknown to the KB, as a person — is the club named after it where
 * the words around it say so ("Braga beat Guimaraes", "lost to Braga", "Kiel's coach"), and so is
 * every other mention of that name except after "in", "at", "from" … or as the dateline. Countries
 * are left alone (a national team is annotated as its country). `isPlace` tells a place's name;
 * the club takes the KB's id where the KB names an organisation so (`clubIdOf`), else its own.
 * Pure: returns the mentions to retype, with the club's id.
 */
export function cityClubsEn(
  text: string,
  mentions: readonly Mention[],
  info: ReadonlyMap<string, EntityInfo>,
  isPlace: (name: string) => boolean,
  clubIdOf: (word: string) => string | null,
  matchReport = isMatchReportEn(text),
): Map<Mention, string> {
  const out = new Map<Mention, string>();
  if (!matchReport) return out;
  const candidates = mentions.filter((m) => {
    if (m.entityId === null || /^loc:[A-Z]{3}$/u.test(m.entityId) || /^[\p{Lu}\d\s.&-]+$/u.test(m.text) || HOME_NATIONS_EN.has(m.text.toLowerCase())) return false;
    // Inside a longer capitalised name ("Team Abu Dhabi", "SC Magdeburg"): that name is the club.
    const previous = /(\p{Lu}[\p{L}.'’-]*)\s$/u.exec(text.slice(Math.max(0, m.start - 20), m.start))?.[1];
    if (previous !== undefined && !OPENERS_EN.has(previous.toLowerCase())) return false;
    // A street, a stadium, a park … is a place whatever stands around it.
    if (m.text.split(/\s+/u).length > 2 || PLACE_ENDS_EN.test(m.text)) return false;
    if (m.type === 'LOC') return true;
    return m.type === 'PER' && info.get(m.entityId)?.linked === false && !/\s/u.test(m.text) && isPlace(m.text);
  });
  const clubs = new Set<string>();
  for (const m of candidates) {
    const before = text.slice(Math.max(0, m.start - 30), m.start);
    if (CLUB_VERBS_AFTER_EN.test(text.slice(m.end, m.end + 30)) || CLUB_BEFORE_EN.test(before)) clubs.add(m.text);
  }
  for (const m of candidates) {
    if (!clubs.has(m.text)) continue;
    const before = text.slice(Math.max(0, m.start - 12), m.start);
    if (text.slice(0, m.start).trim() === '' || PLACE_BEFORE_EN.test(before)) continue;
    out.set(m, clubIdOf(m.text) ?? unlinkedId('ORG', m.text));
  }
  return out;
}

/**
 * The one KB organisation each name is written as, uncued ("Lazio", «ليون»): the club a city-named
 * club links to. A name two organisations share has none. With `cued`, also the Arabic name and
 * the forms with cue words («~شباب الأردن@الدوري»): for a whole name already read as a body's.
 */
export function organisationsByName(entries: readonly KbEntry[], options: { readonly cued?: boolean } = {}): (name: string) => KbEntry | undefined {
  const byName = new Map<string, KbEntry | null>();
  for (const e of entries) {
    if (e.type !== 'ORG') continue;
    for (const written of [e.en, ...(options.cued === true ? [e.ar] : []), ...e.aliases]) {
      // A form with cue words names the body only where they stand: unless asked (a name of
      // several words, «~شباب الأردن@الدوري»), it is no name on its own.
      if (written.includes('@') && options.cued !== true) continue;
      const alias = written.split('@')[0] ?? '';
      const key = unlinkedId('', alias.replace(/^~/u, ''));
      byName.set(key, byName.has(key) && byName.get(key) !== e ? null : e);
    }
  }
  return (name) => byName.get(unlinkedId('', name)) ?? undefined;
}

/** A KB club known by its bare name and a nationality («الوحدة السوري»): the entry and the country names that cue it. */
export interface QualifiedClub {
  readonly entry: KbEntry;
  /** Folded forms whose presence in the article points to the club's country («سوريا», «السوري», «السورية»). */
  readonly cues: readonly string[];
}

/**
 * The KB's Arabic club names (an English name with SC, FC, Club …, or an Arabic one with «نادي»)
 * made of a bare name and a nationality adjective («الوحدة السوري»,
 * «نادي النهضة العماني»), by the bare name's folded key: the nationality is one where its country's
 * name (adjective without «ال» and «ي», then «يا», «ية» or the article: «سوريا», «السعودية»,
 * «الكويت», «عمان») is a country for `isCountry`.
 */
export function qualifiedClubs(entries: readonly KbEntry[], isCountry: (name: string) => boolean): Map<string, QualifiedClub[]> {
  const out = new Map<string, QualifiedClub[]>();
  for (const entry of entries) {
    // Clubs only («البنك الأهلي المصري» is a bank, and «البنك الأهلي» also its football club).
    if (entry.type !== 'ORG' || !(/\b(?:SC|FC|CF|AC|Club)\b/u.test(entry.en) || entry.aliases.some((a) => a.startsWith('نادي ')))) continue;
    for (const form of new Set([entry.ar, ...entry.aliases])) {
      const parts = /^(?:نادي\s+)?(ال\p{L}+(?:\s+ال\p{L}+)?)\s+ال(\p{L}{2,})ي$/u.exec(form);
      const bare = parts?.[1];
      const stem = parts?.[2];
      if (bare === undefined || stem === undefined) continue;
      const countries = [stem, `${stem}يا`, `${stem}ية`, `ال${stem}`, `ال${stem}ية`].filter(isCountry);
      if (countries.length === 0) continue;
      const key = keyOf(bare);
      const known = out.get(key) ?? [];
      if (!known.some((c) => c.entry === entry)) known.push({ entry, cues: [...countries, `ال${stem}ي`, `ال${stem}ية`].map(keyOf) });
      out.set(key, known);
    }
  }
  return out;
}

/**
 * Arabic: a club the article names by its bare name («الوحدة», «النهضة», «القادسية»), read as an
 * organisation the KB does not link, is the one KB club of that name whose country the article
 * names («سوريا», «السوري», «عُمان»): «الوحدة» in a Syrian league report is «الوحدة السوري». Only
 * in a match report, not for the short form of a body the article names in full («حركة النهضة» …
 * «النهضة»), and not when two such clubs' countries are named. Pure: returns the mentions to link, with the ids. `matchReport`: `isMatchReportAr(text)`, given by a caller that has it.
 */
export function qualifiedClubLinks(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>, clubs: ReadonlyMap<string, readonly QualifiedClub[]>, matchReport = isMatchReportAr(text)): Map<Mention, string> {
  const out = new Map<Mention, string>();
  // Only in league reports: «القوة الجوية», «الفتح», «النهضة» are also forces, alliances, parties.
  if (!matchReport) return out;
  const words = new Set(text.split(/[^\p{L}\p{M}]+/u).flatMap((w) => [keyOf(w), keyOf(w.replace(/^(?:و|ف|ب|ل|وب|ول|وال|بال|فال|لل)(?=\S{3,})/u, ''))]));
  for (const m of mentions) {
    if (m.type !== 'ORG' || m.entityId === null || info.get(m.entityId)?.linked !== false) continue;
    // The short form of a body the article names in full («حركة النهضة» … «النهضة»).
    if (mentions.some((o) => o.type === 'ORG' && o.text.length > m.text.length && o.text.endsWith(` ${m.text}`))) continue;
    const named = (clubs.get(keyOf(m.text)) ?? []).filter((c) => c.cues.some((cue) => words.has(cue)));
    const [club] = named;
    if (named.length === 1 && club) out.set(m, club.entry.id);
  }
  return out;
}
