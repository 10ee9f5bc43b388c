import { unlinkedId } from './entity-id.ts';
import type { Mention } from './types.ts';

/** A sport after a federation's name: «لكرة القدم», «للكرة الطائرة», «لألعاب القوى», «للتنس». */
const SPORT_TAIL =
  /^ (?:(?:لكرة|للكرة) (?:القدم|اليد|السلة|الطائرة|الماء|الطاولة|المضرب|القدم الشاطئية)|لألعاب القوى|للألعاب المائية|لرفع الأثقال|لل(?:تنس|سباحة|ملاكمة|مصارعة|جودو|رماية|دراجات|فروسية|شطرنج|غولف|جولف|رجبي|ركبي|كريكيت|كريكت|تايكوندو|كاراتيه|جمباز|هوكي|إسكواش|اسكواش|ريشة الطائرة|قوس والسهم))(?![\p{L}\p{M}])/u;
/**
 * Heads of the bodies a sport names: federations and leagues («الجامعة» is a federation in the
 * Maghreb). Not a club (its team is the club: «النادي الإفريقي لكرة اليد»), nor an authority
 * («دعم هيئة الرياضة لكرة القدم النسائية» is its support for women's football).
 */
const SPORT_BODY = /^(?:ال)?(?:اتحاد|رابطة|جامعة)(?:\s|$)/u;

/**
 * Arabic: a sport after a federation's name is part of it, where the KB or the model left it out:
 * «الاتحاد الأفريقي» + «لكرة اليد» is the African Handball Federation, not the African Union;
 * «الاتحاد الليبي» + «لكرة القدم» the Libyan Football Federation. Not where another mention holds
 * the words. The grown name takes the id of its whole name (`idOf`), else its own unlinked id.
 * (A nationality after a company's name is not grown: the gold, like the news, writes «شركة إيني
 * الإيطالية» with the company as «إيني» alone; measured on the trained sets, session 20.) Pure:
 * returns the mentions to grow, with their new form.
 */
export function sportTailsAr(text: string, mentions: readonly Mention[], idOf: (name: string) => string | null): Map<Mention, Mention> {
  const out = new Map<Mention, Mention>();
  for (const m of mentions) {
    if (m.type !== 'ORG' || !SPORT_BODY.test(m.text)) continue;
    const tail = SPORT_TAIL.exec(text.slice(m.end, m.end + 60))?.[0];
    if (tail === undefined) continue;
    const end = m.end + tail.length;
    if (mentions.some((o) => o !== m && o.start < end && m.end < o.end)) continue;
    const surface = text.slice(m.start, end);
    out.set(m, { ...m, end, text: surface, entityId: idOf(surface) ?? unlinkedId('ORG', surface) });
  }
  return out;
}
