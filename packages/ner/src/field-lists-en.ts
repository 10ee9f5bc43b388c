import { isLinked, type EntityInfo } from './build-entities.ts';
import { unlinkedId } from './entity-id.ts';
import type { Mention } from './types.ts';

/*
 * "Department of Forestry, Fisheries and the Environment", "Ministry of Culture, Sport and
 * Tourism": a government body named by a list of fields that the model cut at its first comma.
 */

/** Fields a department or ministry is named by. */
const FIELDS_EN = new Set([
  'Agriculture', 'Fisheries', 'Forestry', 'Food', 'Environment', 'Water', 'Sanitation', 'Land', 'Lands', 'Rural', 'Culture', 'Arts', 'Heritage',
  'Sport', 'Sports', 'Tourism', 'Youth', 'Energy', 'Mines', 'Mining', 'Minerals', 'Petroleum', 'Trade', 'Industry', 'Commerce', 'Investment',
  'Science', 'Technology', 'Innovation', 'Research', 'Education', 'Training', 'Skills', 'Employment', 'Labour', 'Labor', 'Health', 'Welfare',
  'Transport', 'Infrastructure', 'Housing', 'Communications', 'Information', 'Planning', 'Development', 'Climate', 'Livestock', 'Irrigation',
  'Wildlife', 'Oceans', 'Digital', 'Media',
  // Session 32: "Department of Agriculture, Food and the Marine".
  'Marine', 'Maritime', 'Aquaculture', 'Forests', 'Ocean',
  // Two-word fields (session 30: "Department of Climate Change, Energy, the Environment and Water").
  'Climate Change', 'Natural Resources', 'Public Works', 'Local Government', 'Higher Education', 'Water Resources', 'Social Development',
]);
const HEADS_EN = /^(?:Department|Ministry|Dept\.?) of (\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?)$/u;
/** A field in a list: one or two capitalised words, maybe after "the". */
const FIELD = '(?:the )?\\p{Lu}\\p{L}+(?: \\p{Lu}\\p{L}+)?';
/** ", Fisheries and the Environment", ", Sport and Tourism", ", Energy, the Environment and Water". */
const LIST_AFTER_EN = new RegExp(`^((?:, ${FIELD})+),? and (?:the )?(\\p{Lu}\\p{L}+(?: \\p{Lu}\\p{L}+)?)(?=[^\\p{L}]|$)`, 'u');

/**
 * Unlinked "Department/Ministry of <Field>" mentions followed by ", <Field>, … and (the) <Field>":
 * each maps to the whole name; mentions inside the list ("Environment") are to go (listed in
 * `inside`). Every item of the list (one word, or two: "Climate Change") must be a field (`FIELDS_EN`): "the Department of Health,
 * Treasury and the Home Office" are three bodies. Pure.
 */
export function fieldListBodiesEn(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): { grown: Map<Mention, Mention>; inside: Set<Mention> } {
  const grown = new Map<Mention, Mention>();
  const inside = new Set<Mention>();
  for (const m of mentions) {
    if (m.type !== 'ORG' || isLinked(m, info)) continue;
    const head = HEADS_EN.exec(m.text);
    const list = LIST_AFTER_EN.exec(text.slice(m.end, m.end + 120));
    if (!head || !list || !FIELDS_EN.has(head[1] ?? '')) continue;
    // The last field is two words only where those two are one field ("and Water Minister Watt": "Water").
    let last = list[2] ?? '';
    let end = m.end + list[0].length;
    if (!FIELDS_EN.has(last) && last.includes(' ')) {
      end -= last.length - last.indexOf(' ');
      last = last.slice(0, last.indexOf(' '));
    }
    const words = [...(list[1] ?? '').split(', ').filter((w) => w !== ''), last].map((w) => w.replace(/^the /u, ''));
    if (!words.every((w) => FIELDS_EN.has(w))) continue;
    const within = mentions.filter((o) => o !== m && o.start >= m.end && o.start < end);
    // A list word the KB or gazetteer links is a name of its own.
    if (within.some((o) => o.end > end || isLinked(o, info))) continue;
    const name = text.slice(m.start, end);
    grown.set(m, { ...m, end, text: name, entityId: unlinkedId('ORG', name) });
    for (const o of within) inside.add(o);
  }
  return { grown, inside };
}
