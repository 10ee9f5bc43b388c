import type { EntityInfo } from './build-entities.ts';
import { unlinkedId } from './entity-id.ts';
import { keyOf } from './tokenize.ts';
import type { Mention } from './types.ts';

/** Words of a football or basketball report («الدوري», «هدف», «المدرب» …): two different ones make the article a match report. */
const SPORT_WORDS_AR: ReadonlySet<string> = new Set(
  ['الدوري', 'دوري', 'مباراة', 'المباراة', 'هدف', 'هدفا', 'هدفين', 'الأهداف', 'المدرب', 'مدرب', 'الملعب', 'الشوط', 'ركلة', 'البوندسليغا', 'الليغا', 'الكالتشيو'].map(keyOf),
);

/**
 * Words right before a club named by its city in a match report: its people and its place in the
 * table («مدرب شتوتغارت», «رصيد موناكو») and the match verbs («يستقبل فرايبورغ»).
 */
const CLUB_BEFORE_AR: ReadonlySet<string> = new Set(
  [
    'مدرب', 'فريق', 'لاعب', 'لاعبو', 'لاعبي', 'مدافع', 'مهاجم', 'حارس', 'رصيد', 'نادي', 'ضيفه', 'مضيفه', 'جاره', 'منافسه',
    'تعادل', 'فاز', 'تغلب', 'خسر', 'هزم', 'يلتقي', 'يستقبل', 'يواجه', 'ملاقاة', 'لملاقاة', 'يحل', 'تراجع', 'ارتقى', 'تصدر', 'أوقف', 'أسقط',
  ].map(keyOf),
);

/** Prepositions that put a club on the pitch only after a match verb («فاز على بولونيا», «تعادل مع ماينتس», «خسر أمام هامبورغ»). */
const AFTER_MATCH_VERB_AR: ReadonlySet<string> = new Set(['على', 'أمام', 'مع', 'ضد'].map(keyOf));
const MATCH_VERBS_AR: ReadonlySet<string> = new Set(['فاز', 'تغلب', 'تعادل', 'خسر', 'سقط', 'انتصر', 'هزم', 'التقى', 'فوزه', 'تعادله', 'خسارته', 'سقوطه', 'ضيفا', 'ضيفاً'].map(keyOf));

/** Arabic proclitics a word before the club may carry («وخسر», «فتعادل», «لمدرب»). */
const CLITICS = /^(?:و|ف|ل|ب|وب|ول|فب|فل)(?=\S{3,})/u;

/**
 * Arabic: in a match report, a city the gazetteer read as a place is the club named after it where
 * the word before it says so («مدرب شتوتغارت», «يستقبل فرايبورغ»; «على», «مع», «أمام» only after a
 * match verb: «فاز باير ليفركوزن على شتوتغارت»), and so is every
 * other mention of that city in the article, except after a preposition of place («في شتوتغارت»)
 * or as the dateline. Countries are left alone (a national team is annotated as its country). The
 * club takes the KB's id where the KB gives that word to an organisation (`clubIdOf`), else the
 * name's own id. Pure: returns the mentions to retype, with the club's id.
 */
export function cityClubs(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>, clubIdOf: (word: string) => string | null): Map<Mention, string> {
  const out = new Map<Mention, string>();
  const words = text.split(/[^\p{L}\p{N}]+/u).map((w) => keyOf(w));
  if (new Set(words.filter((w) => SPORT_WORDS_AR.has(w))).size < 2) return out;
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
    if (text.slice(0, m.start).trim() === '' || /(?:^|\s)(?:في|إلى|الى|من|قرب|نحو|بمدينة|مدينة)\s+$/u.test(before) || /(?:^|\s)[وف]?ب$/u.test(before)) continue;
    out.set(m, clubIdOf(m.text) ?? unlinkedId('ORG', m.text));
  }
  return out;
}
