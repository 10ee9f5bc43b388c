import { isLinked, type EntityInfo } from './build-entities.ts';
import { normalizeArabic } from './arabic-normalize.ts';
import { unlinkedId } from './entity-id.ts';
import type { EntityType, Mention } from './types.ts';

/**
 * Arabic news gives an organisation's short name once, in brackets or quotes right after its full
 * name — «الشركة الوطنية للصناعة والمناجم (اسنيم)», «شركة هيدروجين عمان "هايدروم"», «الاتحاد
 * الدولي لكرة اليد (IHF)» — or with «المعروف بـ» («… المعروف شعبياً بـ«النافعة»») and then uses the
 * short name alone («المدير العام لاسنيم»). The short name is the same entity as the full name:
 * every mention of it in the article takes the full name's id and type. Where the KB knows the
 * short name (an acronym alias) but not the full name, the full name takes the KB's id instead.
 * A name in brackets that is a place, or that the KB links to another entity, is left alone
 * («شركة الواحة (بنغازي)»: where the company is; «(رويترز)»: a source). Pure: returns the
 * mentions to re-id.
 */
export function bracketedShortForms(
  text: string,
  mentions: readonly Mention[],
  info: ReadonlyMap<string, EntityInfo>,
  kbNames: (id: string) => readonly string[] = () => [],
): Map<Mention, { entityId: string; type: EntityType }> {
  const out = new Map<Mention, { entityId: string; type: EntityType }>();
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const linked = (m: Mention): boolean => isLinked(m, info);
  for (let i = 0; i < sorted.length - 1; i++) {
    const full = sorted[i] as Mention;
    // «المشروع السعودي لنزع الألغام في اليمن «مسام»»: the body's seat may stand between its name and
    // its short name; the seat's place is skipped.
    const next = sorted[i + 1] as Mention;
    const afterSeat = sorted[i + 2];
    const seat = full.type === 'ORG' && next.type === 'LOC' && afterSeat && SEAT_BEFORE.test(text.slice(full.end, next.start)) && /^\s*[(«"“]{1,2}$/u.test(text.slice(next.end, afterSeat.start));
    const short = seat && afterSeat ? afterSeat : next;
    if (full.entityId === null || short.entityId === null || full.entityId === short.entityId) continue;
    if (full.type === 'MISC' || short.end - short.start > 40) continue;
    const form = shortFormWritten(text.slice(seat ? next.end : full.end, short.start), text.slice(short.end, short.end + 2));
    // In brackets an organisation's short name, or a person's nickname the model reads as a person
    // («محمد الحلبي "أبو سامر"»): «تل تمر (سوريا)», «الدار البيضاء (ومع) -» are a dateline's place
    // and source; a bracket after a person holds an age or a party.
    // After a body, a bracketed person of two words or more is its spokesman («الجيش الوطني الليبي
    // (أحمد المسماري)»), and a definite plural its members («(الجمهوريون)»); after «يعرف بـ» a
    // person is one of its members («قيادي في تنظيم الدولة يعرف بـ"أبو خديجة"»).
    // (A party's plural short name is the party: «حزب المحافظين (المعتدلين)».)
    const member = full.type === 'ORG' && ((short.type === 'PER' && (form === 'known-as' || wordCount(short.text) >= 2)) || (MEMBERS_PLURAL.test(short.text) && (!/^(?:ال)?حزب\s/u.test(full.text) || IDEOLOGY_PLURAL.test(short.text))));
    const bracketed = full.type === 'ORG' ? short.type !== 'LOC' : full.type === 'PER' && short.type === 'PER';
    if (form === null || member || (form === 'bracket' && !bracketed)) continue;
    // The short name must be shorter than the full name it stands for (a person's nickname need not be).
    if (full.type !== 'PER' && wordCount(short.text) >= wordCount(full.text)) continue;
    const fullLinked = linked(full);
    const shortLinked = linked(short);
    if (shortLinked) {
      // «الوكالة اليابانية للتعاون الدولي (جايكا)»: the KB knows the acronym: the full name is it,
      // when the KB's own names for it share a word with the full name (not a source or a parent
      // body in brackets: «الشركة العامة للكهرباء (وام)», «كتلة الوفاء للمقاومة (حزب الله)»).
      if (fullLinked || short.type !== full.type || !sharesContentWord(full.text, kbNames(short.entityId))) continue;
      const target = { entityId: short.entityId, type: short.type };
      for (const m of sorted) if (m.entityId === full.entityId) out.set(m, target);
      continue;
    }
    if (short.type === 'LOC' && full.type !== 'LOC') continue;
    const target = { entityId: full.entityId, type: full.type };
    const key = unlinkedId('', short.text);
    for (const m of sorted) if (m !== full && (m.entityId === short.entityId || (!linked(m) && unlinkedId('', m.text) === key))) out.set(m, target);
  }
  return out;
}

/** Brackets and quotes that close a short name. */
const CLOSE_QUOTE = /^[)»"”]/u;
/** «المعروف (محلياً|شعبياً|اختصاراً) بـ/باسم» between a name and its short form. */
const KNOWN_AS = /^\s*[،,]?\s*(?:و)?(?:المعروف|المعروفة|المعروفين|المعروفون|المسمى|المسماة|الشهير|الشهيرة|الملقب|الملقبة|المكنى|المكناة|ويعرف|وتعرف|يعرف|تعرف|ويُعرف|وتُعرف|يُعرف|تُعرف)(?:\s+(?:محليا|محلياً|محليًا|شعبيا|شعبياً|شعبيًا|اختصارا|اختصاراً|اختصارًا))?\s+(?:ب[ـ]?|باسم\s*)\s*[«"“]?$/u;

/**
 * How the text between a name and the next mention introduces that mention as the name's short
 * form: in brackets or quotes right after it (closed right after the short form), or with «المعروف
 * بـ»; null when it does not.
 */
function shortFormWritten(between: string, after: string): 'bracket' | 'known-as' | null {
  if (KNOWN_AS.test(between)) return 'known-as';
  return /^\s*[(«"“]{1,2}$/u.test(between) && CLOSE_QUOTE.test(after) ? 'bracket' : null;
}

/**
 * «في» or «ب» right before a body's seat, a place mention that stands between the body's name and
 * its bracketed short name («… في اليمن «مسام»»). Only a place: «في تصريح لـ«النهار»», «في مقابلة
 * مع «المونيتور»» and «منصة «تواصل»» name a source or a product, not the body.
 */
const SEAT_BEFORE = /^\s+(?:في|ب)\s*$/u;

/** A definite plural in «ون/ين» («الجمهوريون», «الديمقراطيين»): a body's members, not its short name. */
const MEMBERS_PLURAL = /^(?:ال)\S{2,}(?:ون|ين)$/u;

/** What a party's members are by creed («(الإسلاميون)», «(اليساريين)»): a description, never the party's short name. */
const IDEOLOGY_PLURAL = /^ال(?:إسلامي|اسلامي|سلفي|يساري|يميني|شيوعي|قومي|ليبرالي|اشتراكي|علماني|محافظ)(?:ون|ين)$/u;

/** Words too general to tie a full name to a KB entry's names. */
const GENERAL_WORDS = new Set(['ال', 'في', 'من', 'عن', 'مع', 'و'].map((w) => normalizeArabic(w)));

/** Whether the full name and one of the KB's names share a word of three letters or more (after the article). */
function sharesContentWord(full: string, names: readonly string[]): boolean {
  const words = (s: string): string[] =>
    normalizeArabic(s)
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .map((w) => w.replace(/^(?:وال|بال|لل|ال)(?=\S{3,})/u, ''))
      .filter((w) => w.length >= 3 && !GENERAL_WORDS.has(w));
  const own = new Set(words(full));
  return names.some((n) => words(n).some((w) => own.has(w)));
}

function wordCount(s: string): number {
  return s.split(/\s+/u).filter((w) => w !== '').length;
}

/**
 * One or two definite nisbas («الدولي», «البولنديين») and then a one-word short name in brackets or
 * quotes («(إيكاو)», «"يوستيتسيا"»; not a quoted phrase: «دعت الخارجية الفرنسية الفرنسيين "إلى
 * مغادرة إيران"»).
 */
const ADJECTIVES_BEFORE_BRACKET = /^((?:\s+ال\p{L}{2,}(?:ي|ية|يه|يين|يون)){1,2})\s*[(«"“][^()«»"“”\s]{2,20}[)»"”]/u;

/**
 * Arabic: an organisation the model read short of the adjectives that end its name, right before
 * the short name in brackets («منظمة الطيران المدني | الدولي (إيكاو)»), is read to the bracket, so
 * the short name joins the whole name. Only an unlinked organisation, and only definite adjectives
 * (nisbas) with no other mention among them. Pure: returns the mentions, each such one lengthened
 * (with the id of its longer name, added to `info`).
 */
export function withAdjectivesBeforeBracket(text: string, mentions: readonly Mention[], info: Map<string, EntityInfo>): Mention[] {
  const starts = mentions.map((m) => m.start);
  return mentions.map((m) => {
    if (m.type !== 'ORG' || m.entityId === null || info.get(m.entityId)?.linked !== false) return m;
    const words = ADJECTIVES_BEFORE_BRACKET.exec(text.slice(m.end, m.end + 60))?.[1];
    if (!words) return m;
    const end = m.end + words.length;
    if (starts.some((s) => s > m.start && s < end)) return m;
    const surface = text.slice(m.start, end);
    const id = unlinkedId('ORG', surface);
    if (!info.has(id)) info.set(id, { linked: false, type: 'ORG', name: null });
    return { ...m, end, text: surface, entityId: id };
  });
}
