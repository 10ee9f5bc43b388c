import type { EntityInfo } from './build-entities.ts';
import { unlinkedId } from './entity-id.ts';
import type { Mention } from './types.ts';

/** «الدولي», «العالمية», «الأفريقي», «الآسيوية», «الأوروبي», «القاري»: a body above nations. */
const INTERNATIONAL_AR = /^ال(?:دولي|دولية|عالمي|عالمية|أفريقي|أفريقية|إفريقي|إفريقية|افريقي|افريقية|آسيوي|آسيوية|اسيوي|اسيوية|أوروبي|أوروبية|اوروبي|اوروبية|قاري|قارية)$/u;

/**
 * «رئيس الاتحاد الدولي للألعاب المائية الكويتي حسين المسلم»: a nationality after a body's name that
 * a person's name follows describes the person, not the body. Returns, for each unlinked Arabic
 * organisation of three words or more so followed, the mention without that last word, its id made
 * from the shorter name (with the article a fused «لل» holds, as `withFusedArticleIds` made it).
 */
export function nationalityBeforePerson(mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>, text: string, isNationalityWord: (word: string) => boolean): Map<Mention, Mention> {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const out = new Map<Mention, Mention>();
  sorted.forEach((org, i) => {
    const person = sorted[i + 1];
    if (!person || org.type !== 'ORG' || person.type !== 'PER' || org.entityId === null || info.get(org.entityId)?.linked === true) return;
    if (!/^\s+$/u.test(text.slice(org.end, person.start))) return;
    const words = org.text.split(' ');
    const last = words.at(-1) ?? '';
    // Only a body that is international or continental by its own name («الاتحاد الدولي …»): a
    // national one holds its nationality («وزارة الخارجية القطرية», «الاتحاد الديمقراطي الكرواتي»).
    // A feminine nisba may agree with the complement («المعهد الدولي للدراسات الإيرانية»): only a masculine one is cut.
    if (words.length < 3 || !last.startsWith('ال') || /[ةه]$/u.test(last) || !isNationalityWord(last) || !words.slice(1, -1).some((w) => INTERNATIONAL_AR.test(w))) return;
    const shorter = words.slice(0, -1).join(' ');
    const fused = org.entityId !== unlinkedId('ORG', org.text);
    out.set(org, { ...org, end: org.start + shorter.length, text: shorter, entityId: unlinkedId('ORG', fused ? `ال${shorter}` : shorter) });
  });
  return out;
}
