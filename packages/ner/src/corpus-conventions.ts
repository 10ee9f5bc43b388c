/**
 * Reading text the way a CoNLL corpus annotates it (ANERcorp), for `modelDomain: 'corpus'` and
 * for `'auto'` on text shaped like a corpus.
 *
 * Khabar's own article gold and ANERcorp disagree on where many names end: ANERcorp tags «غزة» in
 * «قطاع غزة», «لبنان» in «جنوب لبنان», «مكة» in «مكة المكرمة», «أميركا» in «أميركا الشمالية», a
 * club's city inside its name, and it tags MISC (events, products, languages) that the pipeline
 * does not keep. The KB, gazetteer and rules follow the pipeline's conventions; the Arabic model,
 * asked for the corpus domain, follows ANERcorp's. So on corpus text a place, organisation or MISC
 * name the model finds replaces the rule-found mentions it overlaps (taking a linked id of the same
 * type with it), and a MISC name is kept where nothing else was found. People stay as the rules
 * found them: the title and name-chain rules read them better than the model does in either domain.
 */
import { unlinkedId } from './entity-id.ts';
import type { ModelSpan } from './model-mentions.ts';
import type { Token } from './tokenize.ts';
import type { EntityType, Mention } from './types.ts';

/** Model types whose spans win over the rules' on corpus text. */
const MODEL_WINS: ReadonlySet<EntityType> = new Set(['LOC', 'ORG', 'MISC']);

/**
 * The mentions of `mentions` under the corpus's conventions, sorted by start. `spans` are the
 * model's names read in the corpus domain (MISC included); `tokens` are the tokens they index;
 * `kbIdOf` gives the KB or gazetteer id a name of a type has on its own, or null.
 * A model name replaces the rules' mentions it overlaps, even a longer one of another type
 * (ANERcorp tags the place in «بورصة نيويورك»: measured, keeping the rules' name there costs 0.8
 * points on its dev split). The new mention keeps a replaced mention's id where it has the same
 * text and type; otherwise it takes the id its own text has («القاهرة» out of «مطار القاهرة
 * الدولي» is Cairo, not the airport; «العراق» out of «كردستان العراق» is Iraq), or the unlinked
 * id of its surface form.
 */
export function withCorpusConventions(
  text: string,
  mentions: readonly Mention[],
  spans: readonly ModelSpan[],
  tokens: readonly Token[],
  kbIdOf: (name: string, type: EntityType) => string | null = () => null,
): Mention[] {
  const dropped = new Set<Mention>();
  const added: Mention[] = [];
  for (const span of spans) {
    const last = tokens[span.last];
    if (!last || !MODEL_WINS.has(span.type)) continue;
    const start = span.start;
    const end = last.end;
    const overlapped = mentions.filter((m) => m.start < end && m.end > start);
    if (overlapped.length === 0 && span.type !== 'MISC') continue;
    for (const m of overlapped) dropped.add(m);
    const surface = text.slice(start, end);
    const same = overlapped.find((m) => m.type === span.type && m.text === surface && m.entityId !== null);
    added.push({ start, end, type: span.type, text: surface, entityId: same?.entityId ?? kbIdOf(surface, span.type) ?? unlinkedId(span.type, surface) });
  }
  return [...mentions.filter((m) => !dropped.has(m)), ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * A full stop standing alone as a token, not one dot of an ellipsis (". . ."). Question and
 * exclamation marks say nothing: Arabic news often sets «؟» and «!» apart from the word.
 */
const SPACED_STOP = /(?<![.]\s?)(?:^|\s)\.(?=\s|$)(?!\s?\.)/gu;
/**
 * A sentence written against the word it closes, as news prints it ("… the talks.", «… المحادثات؟»);
 * the dots of initials ("U.S.", "J.") and of abbreviations ("Mr.", "Corp.") close no sentence.
 */
const ATTACHED_STOP = /(?<![\p{L}\p{M}\p{N}.])([\p{L}\p{M}\p{N}]{2,})[.!?؟](?=\s|$)/gu;
/** Abbreviations written with a dot, in lower case. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'col', 'lt', 'capt', 'sgt', 'gov', 'sen', 'rep', 'prof', 'rev', 'corp', 'inc', 'ltd', 'co', 'bros', 'no', 'vs', 'etc', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'ave', 'dept', 'univ', 'messrs']);

/**
 * Text shaped like a tokenized corpus (ANERcorp, Universal Dependencies): its full stops stand
 * apart from the words («… مع إسرائيل .», "… in Baghdad .") more often than sentences close on a
 * word. News as sites print it closes its sentences on the word, even where it sets commas,
 * question or exclamation marks apart («كلمة ، كلمة», «… بعد القرار ؟»), so those are not counted.
 */
export function looksTokenized(text: string): boolean {
  const spaced = text.match(SPACED_STOP)?.length ?? 0;
  if (spaced === 0) return false;
  let attached = 0;
  for (const m of text.matchAll(ATTACHED_STOP)) if (!ABBREVIATIONS.has((m[1] ?? '').toLowerCase())) attached++;
  return spaced > attached;
}
