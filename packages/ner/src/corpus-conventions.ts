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
 * model's names read in the corpus domain (MISC included); `tokens` are the tokens they index.
 * A replaced mention's entity id carries over when its type matches the model's (the rules' KB
 * link); otherwise the new mention gets the unlinked id of its surface form.
 */
export function withCorpusConventions(text: string, mentions: readonly Mention[], spans: readonly ModelSpan[], tokens: readonly Token[]): Mention[] {
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
    const sameType = overlapped.find((m) => m.type === span.type && m.entityId !== null);
    added.push({ start, end, type: span.type, text: surface, entityId: sameType?.entityId ?? unlinkedId(span.type, surface) });
  }
  return [...mentions.filter((m) => !dropped.has(m)), ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A full stop, question or exclamation mark (Latin or Arabic) standing alone as a token. */
const SPACED_STOP = /(?:^|\s)[.!?؟](?=\s|$)/gu;
/**
 * One written against the word it closes, as news prints it ("… the talks.", «… المحادثات.»); the
 * dots of initials ("U.S.", "J.") close no word.
 */
const ATTACHED_STOP = /(?<![\p{L}\p{M}\p{N}.])[\p{L}\p{M}\p{N}]{2,}[.!?؟](?=\s|$)/gu;

/**
 * Text shaped like a tokenized corpus (ANERcorp, Universal Dependencies): its sentence stops stand
 * apart from the words («… مع إسرائيل .», "… in Baghdad .") more often than they close a word.
 * News as sites print it closes its sentences on the word, even where it sets commas apart
 * («كلمة ، كلمة»), so commas are not counted.
 */
export function looksTokenized(text: string): boolean {
  const spaced = text.match(SPACED_STOP)?.length ?? 0;
  const attached = text.match(ATTACHED_STOP)?.length ?? 0;
  return spaced > 0 && spaced > attached;
}
