import { describe, expect, it } from 'vitest';
import { looksTokenized, withCorpusConventions } from '../src/corpus-conventions.ts';
import { unlinkedId } from '../src/entity-id.ts';
import { createTagger } from '../src/index.ts';
import type { ModelSpan } from '../src/model-mentions.ts';
import { tokenize } from '../src/tokenize.ts';
import type { EntityType, Mention } from '../src/types.ts';

/** The mention of `surface` in `text` (its first occurrence). */
function mention(text: string, surface: string, type: EntityType, entityId: string | null = unlinkedId(type, surface)): Mention {
  const start = text.indexOf(surface);
  if (start < 0) throw new Error(`no «${surface}»`);
  return { start, end: start + surface.length, type, text: surface, entityId };
}

/** A model span over the tokens of `surface` (the span starts where the surface does). */
function span(text: string, surface: string, type: EntityType): ModelSpan {
  const tokens = tokenize(text);
  const start = text.indexOf(surface);
  const first = tokens.findIndex((t) => t.end > start);
  const last = tokens.findIndex((t) => t.end >= start + surface.length);
  return { first, last, type, start };
}

const shown = (ms: readonly Mention[]): string[] => ms.map((m) => `${m.type} ${m.text} ${m.entityId}`);

describe('looksTokenized: corpus-shaped text', () => {
  it('reads sentence stops set apart from the words as a tokenized corpus', () => {
    expect(looksTokenized('وقال مسؤول في قطاع غزة إن القصف استمر .')).toBe(true);
    expect(looksTokenized('حقق فريق العربي بداية جيدة . وسجل هدفي العربي الباقيين كل من غواو توماس ( 71 ) .')).toBe(true);
    expect(looksTokenized('U.S. troops left Baghdad on Monday .')).toBe(true);
    // Abbreviations' dots close no sentence: CoNLL text with "Mr." is still a corpus.
    expect(looksTokenized('Mr. Clinton met Mr. Yeltsin in Moscow on Tuesday .')).toBe(true);
  });

  it('counts neither question and exclamation marks set apart, nor an ellipsis, as a corpus (news sets them apart)', () => {
    expect(looksTokenized('هل انتهت الأزمة ؟')).toBe(false);
    expect(looksTokenized('لماذا قاطعت جامعة الدول العربية قمة مجموعة العشرين في جنوب أفريقيا ؟')).toBe(false);
    expect(looksTokenized('عاجل : الجيش الإسرائيلي يعلن اغتيال قيادي في حزب الله في الضاحية الجنوبية لبيروت !')).toBe(false);
    expect(looksTokenized('س: كيف تقيمون العلاقة ؟ ج: العلاقة تمر بمرحلة صعبة . . . منذ أحداث قطاع غزة')).toBe(false);
    expect(looksTokenized('He waited . . . and left.')).toBe(false);
  });

  it('reads news as sites print it as news, even with commas set apart', () => {
    expect(looksTokenized('وقال مسؤول في قطاع غزة إن القصف استمر.')).toBe(false);
    expect(looksTokenized('وقال الوزير ، في بيان ، إن الحكومة ستدعم القطاع. وأضاف أن الدعم سيبدأ الشهر المقبل.')).toBe(false);
    expect(looksTokenized('The U.S. said the talks failed.')).toBe(false);
    // One stray spaced stop among sentences closed on their words is still news.
    expect(looksTokenized('Talks resumed. Both sides met . Officials said more talks would follow.')).toBe(false);
    // No stop at all: nothing shows a corpus, so news.
    expect(looksTokenized('وزير الخارجية السعودي')).toBe(false);
    expect(looksTokenized('')).toBe(false);
  });
});

describe('withCorpusConventions: the model\'s places, bodies and MISC names win on corpus text', () => {
  it('takes the model\'s shorter place with the id its own text has, else an unlinked one', () => {
    const text = 'وقال مسؤول في قطاع غزة إن القصف استمر .';
    const rules = [mention(text, 'قطاع غزة', 'LOC', 'loc:gaza-strip')];
    const kb = (name: string, type: string): string | null => (name === 'غزة' && type === 'LOC' ? 'loc:gaza-city' : null);
    expect(shown(withCorpusConventions(text, rules, [span(text, 'غزة', 'LOC')], tokenize(text), kb))).toEqual(['LOC غزة loc:gaza-city']);
    expect(shown(withCorpusConventions(text, rules, [span(text, 'غزة', 'LOC')], tokenize(text)))).toEqual([`LOC غزة ${unlinkedId('LOC', 'غزة')}`]);
  });

  it('keeps the rules\' link where the model reads the same name, and gives two spans inside one mention their own ids', () => {
    const same = 'وقال مسؤول في غزة إن القصف استمر .';
    expect(shown(withCorpusConventions(same, [mention(same, 'غزة', 'LOC', 'loc:gaza-city')], [span(same, 'غزة', 'LOC')], tokenize(same)))).toEqual(['LOC غزة loc:gaza-city']);
    const text = 'وقال رئيس اقليم كردستان العراق مسعود بارزاني .';
    const kb = (name: string): string | null => ({ كردستان: 'loc:kurdistan', العراق: 'loc:IRQ' })[name] ?? null;
    const rules = [mention(text, 'كردستان العراق', 'LOC', 'loc:kurdistan-region')];
    const out = withCorpusConventions(text, rules, [span(text, 'كردستان', 'LOC'), span(text, 'العراق', 'LOC')], tokenize(text), kb);
    expect(shown(out)).toEqual(['LOC كردستان loc:kurdistan', 'LOC العراق loc:IRQ']);
  });

  it('retypes a rule mention the model reads as another type, with an unlinked id', () => {
    const text = 'سجل العربي هدفين في مرمى الشمال .';
    const rules = [mention(text, 'الشمال', 'LOC', 'loc:north')];
    const out = withCorpusConventions(text, rules, [span(text, 'الشمال', 'ORG')], tokenize(text));
    expect(shown(out)).toEqual([`ORG الشمال ${unlinkedId('ORG', 'الشمال')}`]);
  });

  it('adds a MISC name nothing else found, but no other type', () => {
    const text = 'وبلغت المنحة 405 ملايين دولار وصرفها البنك في عمان .';
    const out = withCorpusConventions(text, [], [span(text, 'دولار', 'MISC'), span(text, 'البنك', 'ORG'), span(text, 'عمان', 'LOC')], tokenize(text));
    expect(shown(out)).toEqual([`MISC دولار ${unlinkedId('MISC', 'دولار')}`]);
  });

  it('leaves people as the rules found them, and mentions no model name touches', () => {
    const text = 'والتقى الملك عبدالله الرئيس بشار الأسد في عمان .';
    const rules = [mention(text, 'عبدالله', 'PER', 'per:abdullah-ii'), mention(text, 'بشار الأسد', 'PER', 'per:bashar-al-assad'), mention(text, 'عمان', 'LOC', 'loc:amman')];
    const spans = [span(text, 'عبدالله', 'LOC'), span(text, 'الأسد', 'PER')];
    const out = withCorpusConventions(text, rules, spans, tokenize(text));
    // The model's LOC over «عبدالله» wins (ANERcorp's own reading); its PER «الأسد» does not.
    expect(shown(out)).toEqual([`LOC عبدالله ${unlinkedId('LOC', 'عبدالله')}`, 'PER بشار الأسد per:bashar-al-assad', 'LOC عمان loc:amman']);
  });
});

describe('the tagger on corpus text', () => {
  const corpus = createTagger({ modelDomain: 'corpus' });
  const auto = createTagger({ modelDomain: 'auto' });
  const news = createTagger();
  const shownTag = (t: ReturnType<typeof createTagger>, text: string): string[] => t.tag(text, 'ar').mentions.map((m) => `${m.type} ${m.text}`);

  it('follows ANERcorp\'s annotation as corpus text, Khabar\'s as news, and decides by shape with auto', () => {
    const tokenized = 'وقال مسؤول في قطاع غزة إن القصف استمر .';
    const printed = 'وقال مسؤول في قطاع غزة إن القصف استمر.';
    expect(shownTag(news, tokenized)).toEqual(['LOC قطاع غزة']);
    expect(shownTag(corpus, tokenized)).toEqual(['LOC غزة']);
    expect(shownTag(auto, tokenized)).toEqual(['LOC غزة']);
    expect(shownTag(auto, printed)).toEqual(['LOC قطاع غزة']);
  });

  it('reports a place the model cut out of a longer rules name as the linked entity its own text is', () => {
    const text = 'وقال مصدر في مطار القاهرة الدولي ان الرحلات تأخرت بسبب الضباب .';
    const { mentions, entities } = corpus.tag(text, 'ar');
    const cairo = mentions.find((m) => m.text === 'القاهرة');
    expect(cairo?.entityId).toMatch(/^loc:/u);
    const entity = entities.find((e) => e.id === cairo?.entityId);
    expect(entity).toMatchObject({ linked: true, type: 'LOC' });
    expect(entity?.name).not.toBe('');
  });

  it('keeps the model\'s MISC names on corpus text only, each an entity of its own', () => {
    const text = 'وبلغت قيمة المنحة 405 ملايين دولار في مجالات الصحة .';
    expect(shownTag(corpus, text)).toEqual(['MISC دولار']);
    expect(shownTag(news, text)).toEqual([]);
    const entities = corpus.tag(text, 'ar').entities;
    expect(entities.map((e) => `${e.type} ${e.id} ${e.count}`)).toEqual([`MISC ${unlinkedId('MISC', 'دولار')} 1`]);
  });
});
