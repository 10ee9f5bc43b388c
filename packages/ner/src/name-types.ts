import type { EntityInfo } from './build-entities.ts';
import { unlinkedId } from './entity-id.ts';
import type { EntityType, Mention } from './types.ts';

/** Words after which a name is a place. */
const PLACE_BEFORE = /(?:\b(?:in|at|from|near|In|At|From|Near)|(?:^|\s)[وف]?(?:في|من|إلى|مدينة|بمدينة))\s+$/u;

/**
 * A name the KB does not know is one entity in an article, so it has one type: where the model
 * (and the rules) read the same unlinked name as a person in one sentence and a company or a
 * place in others ("food-delivery company Jahez" … "Jahez said" … "in new Jahez"), every
 * mention takes the type most of them have (a tie with the organisation's reading going to it;
 * on another tie each keeps its own).
 * Pure: returns the mentions to retype, with their new ids.
 */
export function oneTypePerName(mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>, article = ''): Map<Mention, { type: EntityType; entityId: string }> {
  const byText = new Map<string, Mention[]>();
  for (const m of mentions) {
    if (m.entityId === null || info.get(m.entityId)?.linked !== false || m.entityId !== unlinkedId(m.type, m.text)) continue;
    byText.set(m.text, [...(byText.get(m.text) ?? []), m]);
  }
  const out = new Map<Mention, { type: EntityType; entityId: string }>();
  for (const [name, group] of byText) {
    const counts = new Map<EntityType, number>();
    for (const m of group) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
    if (counts.size < 2) continue;
    const [first, second] = [...counts].sort((a, b) => b[1] - a[1] || Number(b[0] === 'ORG') - Number(a[0] === 'ORG'));
    // A tie goes to the organisation (a company the model also reads as a person or a place);
    // between a person and a place nothing changes ("the city of Florence. Florence, his sister").
    const best = first && second && (first[1] > second[1] || first[0] === 'ORG') ? first[0] : undefined;
    if (!best) continue;
    // (A place after "in", "at", «في», «مدينة» stays one: "Heidenheim drew 1-1 … In Heidenheim, a town".)
    for (const m of group) if (m.type !== best && !(m.type === 'LOC' && PLACE_BEFORE.test(article.slice(Math.max(0, m.start - 14), m.start)))) out.set(m, { type: best, entityId: unlinkedId(best, name) });
  }
  return out;
}
