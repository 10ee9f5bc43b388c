import { isLinked, type EntityInfo } from './build-entities.ts';
import { unlinkedId } from './entity-id.ts';
import type { Mention } from './types.ts';

/*
 * Two bodies joined by "and"/«و» read as one name: «وزارة النقل والحكومة المحلية», "South Dublin
 * County Council and Fingal County Council". The first body keeps its name; the second is its own
 * mention where it is a name of the same shape (English), else no name.
 */

/**
 * Heads of a second body after «و» inside an Arabic name («… والمستشفى التعليمي», «… والمكتبة
 * الوطنية»). Not «إدارة» (a verbal noun in names: «جهاز تنفيذ وإدارة …») nor «مركز»: over the gold,
 * a centre joined to a body is one name three times in four («مستشفى الملك فيصل التخصصي ومركز
 * الأبحاث»).
 */
const SECOND_HEADS_AR = ['مستشفى', 'حكومة', 'جامعة', 'وزارة', 'هيئة', 'مديرية', 'شركة', 'بنك', 'مجلس', 'محكمة', 'نادي', 'معهد', 'كلية', 'مكتبة', 'بلدية', 'جمعية', 'مؤسسة', 'صندوق', 'وكالة', 'منظمة', 'سلطة', 'دائرة', 'لجنة', 'نقابة', 'غرفة'];
const SECOND_BODY_AR = new RegExp(`\\sو(?:ال)?(?:${SECOND_HEADS_AR.join('|')})(?=\\s|$)`, 'u');

/** English heads that end both bodies of "X <Head> and Y <Head>". */
const HEADS_EN = new Set([
  'Council', 'Councils', 'Mills', 'Court', 'University', 'Hospital', 'Commission', 'Authority', 'Agency', 'Board', 'Company', 'Corporation', 'Bank',
  'Association', 'Union', 'Party', 'Committee', 'Department', 'Ministry', 'Institute', 'Museum', 'School', 'College', 'Service', 'Office', 'Group', 'Club',
]);
const TWO_BODIES_EN = /^(.+ (\p{Lu}\p{L}+)) and (\p{Lu}.* (\p{Lu}\p{L}+))$/u;
/** "University of Dundee and Abertay University": the first body's head opens its name. */
const HEAD_OF_AND_BODY_EN = /^((\p{Lu}\p{L}+) of (?:the )?\p{Lu}\p{L}+) and (\p{Lu}\p{L}+ (\p{Lu}\p{L}+))$/u;

/**
 * Unlinked organisation mentions that are two bodies (a KB name is the KB's: «منظمة الأغذية
 * والزراعة»): each maps to the mentions that replace it. Arabic: the name is cut before «و» and a
 * head of a second body after it, when that is not the name's second word («مؤسسة ومركز …»); the
 * rest is no name (the gold writes «والحكومة المحلية» as a description, «والمكتبة الوطنية» where
 * it goes on as a name that the model reads again in the next sentence). English: "A <Head> and B
 * <Head>" or "<Head> of A and B <Head>" with the same head, two names of the same type. The gold writes no name of either shape.
 * Pure.
 */
export function coordinatedBodies(mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>, arabic: boolean): Map<Mention, Mention[]> {
  const out = new Map<Mention, Mention[]>();
  for (const m of mentions) {
    if (m.type !== 'ORG' || isLinked(m, info)) continue;
    if (arabic) {
      const at = SECOND_BODY_AR.exec(m.text);
      if (!at || at.index === 0 || !/\s/u.test(m.text.slice(0, at.index).trim())) continue;
      const name = m.text.slice(0, at.index).trimEnd();
      out.set(m, [{ ...m, end: m.start + name.length, text: name, entityId: unlinkedId('ORG', name) }]);
      continue;
    }
    const two = [TWO_BODIES_EN.exec(m.text), HEAD_OF_AND_BODY_EN.exec(m.text)].find((t) => t !== null && t[2] === t[4] && HEADS_EN.has(t[2] ?? ''));
    if (!two) continue;
    const first = two[1] ?? '';
    const second = two[3] ?? '';
    const secondStart = m.start + m.text.length - second.length;
    out.set(m, [
      { ...m, end: m.start + first.length, text: first, entityId: unlinkedId('ORG', first) },
      { ...m, start: secondStart, text: second, entityId: unlinkedId('ORG', second) },
    ]);
  }
  return out;
}
