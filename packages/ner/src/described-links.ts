/**
 * A place named once with the word for what it is and then by its name alone is one place: "Kok
 * River" … "Kok", "Lagdo Dam" … "Lagdo", "Talanta Stadium" … "Talanta"; «مخيم الهول» … «الهول»,
 * «جبال حمرين» … «حمرين», «نهر تشيناب» … «تشيناب». A bare name the KB or gazetteer links keeps its
 * own entry («غزة» is not «قطاع غزة»), and a name two described places of the article share is
 * left alone.
 */
import type { EntityInfo } from './build-entities.ts';
import { unlinkedId } from './entity-id.ts';
import type { Mention } from './types.ts';

/**
 * English words for what a place is, written after its name ("Kok River", "Lagdo Dam"), where the
 * bare name is the same place. Not facilities named after their town ("Shannon Airport", "Mbombela
 * Stadium", "Kariakoo Market"), which the bare name does not mean.
 */
const AFTER_EN = new Set(['river', 'dam', 'island', 'reservoir', 'canal', 'glacier', 'volcano', 'oasis']);

/**
 * Arabic words for what a place is, written before its name («مخيم الهول», «نهر تشيناب», «جبل
 * سمامة»), where the bare name is the same place; not a dam, field, port or airport named after its
 * town («سد مروي», «حقل الشرارة», «ميناء عصب»). Keys as `arabicKey` writes them.
 */
const BEFORE_AR = new Set(['مخيم', 'نهر', 'قناطر', 'منفذ', 'جبل', 'ملعب', 'استاد', 'بحيرة'].map(arabicKey));

/** Hamza, ta marbuta and alef maqsura folded, as the article writes them in prose or headlines. */
function arabicKey(word: string): string {
  return word.replace(/[أإآ]/gu, 'ا').replace(/ة/gu, 'ه').replace(/ى/gu, 'ي');
}

/** The name of a described place without its descriptor, or null. */
function nameOf(m: Mention): string | null {
  const words = m.text.trim().split(/\s+/u);
  if (words.length < 2) return null;
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  if (/\p{Script=Arabic}/u.test(first)) return BEFORE_AR.has(arabicKey(first)) ? words.slice(1).join(' ') : null;
  return /^\p{Lu}/u.test(first) && AFTER_EN.has(last.toLowerCase()) ? words.slice(0, -1).join(' ') : null;
}

/** Mentions of a described place's bare name, with the described place's id. Pure. */
export function describedPlaceLinks(mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): Map<Mention, string> {
  const owners = new Map<string, string | null>();
  for (const m of mentions) {
    if (m.type !== 'LOC' || m.entityId === null) continue;
    const name = nameOf(m);
    if (name === null) continue;
    const key = unlinkedId('LOC', name);
    const prev = owners.get(key);
    owners.set(key, prev === undefined || prev === m.entityId ? m.entityId : null);
  }
  const out = new Map<Mention, string>();
  if (owners.size === 0) return out;
  for (const m of mentions) {
    if (m.type !== 'LOC' || m.entityId === null || info.get(m.entityId)?.linked === true) continue;
    const to = owners.get(m.entityId);
    if (to && to !== m.entityId) out.set(m, to);
  }
  return out;
}
