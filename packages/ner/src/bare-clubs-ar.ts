import { AFTER_MATCH_VERB_AR, CLUB_BEFORE_AR, MATCH_VERBS_AR } from './city-clubs.ts';
import { keyOf, variantsOf, type Token } from './tokenize.ts';

/** Verbs of a club's season right before its name («حسم الاتحاد الديربي», «رفع الاتحاد رصيده», «يحل الاتحاد ضيفاً»). */
const SEASON_VERBS_AR: ReadonlySet<string> = new Set(
  ['حسم', 'عادل', 'رفع', 'تقدم', 'يحل', 'حل', 'عاد', 'يحتل', 'احتل', 'يستقبل', 'استقبل', 'بحجم', 'حساب', 'جماهير', 'مشجعو', 'مشجعي'].map(keyOf),
);
/**
 * A continental or international federation named by the bare word («الاتحاد الآسيوي», «الاتحاد
 * الدولي»). (Not a national one named in full: a Libyan league report names «الاتحاد الليبي لكرة
 * القدم» and still means Al Ittihad by «الاتحاد».)
 */
const FEDERATION = /(?:^|[\s«"(])[وفبل]?(ال[\p{L}]+)\s+ال(?:آسيوي|اسيوي|أفريقي|افريقي|إفريقي|دولي|أوروبي|اوروبي|عربي|خليجي|قاري)(?![\p{L}])/gu;
/** Words right after a club's name that keep it on the pitch. */
const CLUB_AFTER_AR: ReadonlySet<string> = new Set(['رصيده', 'ضيفا', 'ضيفاً', 'رصيدهم'].map(keyOf));

/** The token's key behind its proclitics (the article kept in the key's reading). */
const bareKeys = (t: Token | undefined): string[] => (t ? variantsOf(t).map((v) => v.key) : []);

/** A club read by the KB's model-confirmed form alone: where its bare name stands, with the KB id. */
export interface BareClub {
  readonly start: number;
  readonly end: number;
  readonly entityId: string;
}

/**
 * Arabic: in a match report, a bare club name the KB holds only as a model-confirmed form
 * («~الاتحاد@جدة …», «~الأهلي»), which the model did not read as a name («الاتحاد» is also 'the
 * union', 'the federation'), is the club where the words around it put it on the pitch: its people
 * or its place in the table before it («مدرب الاتحاد», «رصيد الاتحاد»), a match or season verb
 * («تغلب الاتحاد», «حسم الاتحاد», «يحل الاتحاد»), a preposition after a match verb («تعادل النصر مع
 * الاتحاد»), or «رصيده», «ضيفاً» after it. Not a federation's name («الاتحاد … لكرة القدم»), and not
 * where a mention already holds the word. `clubOf` gives the KB club the form confirms in this
 * article (its cue words choose among clubs of one name), or null. Pure.
 */
export function bareClubsAr(tokens: readonly Token[], text: string, covered: (token: number) => boolean, clubOf: (token: number) => string | null, matchReport: boolean): BareClub[] {
  const out: BareClub[] = [];
  if (!matchReport) return out;
  // A report that names a continental federation by the same word («الاتحاد الآسيوي») or «اتحاد
  // الكرة» may mean it by the bare word: none of that word is read as a club.
  const federations = new Set([...text.matchAll(FEDERATION)].map((f) => keyOf(f[1] ?? '')));
  if (/(?:^|[^\p{L}])[وفبل]?ل?اتحاد\s+(?:الكرة|كرة)/u.test(text)) federations.add(keyOf('الاتحاد'));
  tokens.forEach((t, i) => {
    if (!t.arabic || covered(i)) return;
    const reading = variantsOf(t).find((v) => v.article);
    if (!reading || federations.has(reading.key)) return;
    // A federation («الاتحاد السعودي لكرة القدم»): a sport within the next three words.
    if (/^\s*(?:\S+\s+){0,2}(?:لكرة|للكرة|لألعاب)/u.test(text.slice(t.end, t.end + 50))) return;
    const before = bareKeys(tokens[i - 1]);
    const after = bareKeys(tokens[i + 1]);
    const onPitch =
      before.some((w) => CLUB_BEFORE_AR.has(w) || SEASON_VERBS_AR.has(w)) ||
      after.some((w) => CLUB_AFTER_AR.has(w)) ||
      (before.some((w) => AFTER_MATCH_VERB_AR.has(w)) && tokens.slice(Math.max(0, i - 6), i - 1).some((v) => bareKeys(v).some((w) => MATCH_VERBS_AR.has(w))));
    if (!onPitch) return;
    const id = clubOf(i);
    if (id !== null) out.push({ start: t.start + reading.skip, end: t.end, entityId: id });
  });
  return out;
}
