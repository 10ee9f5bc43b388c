import { describe, expect, it } from 'vitest';
import { tagger } from './tagger-helpers.ts';

describe('one id for every form of an organisation', () => {
  it('merges الناتو, حلف الناتو, حلف شمال الأطلسي and NATO', () => {
    const text = 'قال الناتو إن حلف الناتو، أي حلف شمال الأطلسي (NATO)، سيجتمع. وأكد متحدث باسم الحلف ذلك.';
    const result = tagger().tag(text, 'ar');
    expect(result.mentions.map((m) => [m.text, m.entityId])).toEqual([
      ['الناتو', 'org:nato'],
      ['حلف الناتو', 'org:nato'],
      ['حلف شمال الأطلسي', 'org:nato'],
      ['NATO', 'org:nato'],
    ]);
    expect(result.entities).toHaveLength(1);
    expect(result.entities[0]).toMatchObject({ id: 'org:nato', type: 'ORG', count: 4, name: 'حلف شمال الأطلسي' });
  });

  it('names entities in the language of the text', () => {
    expect(tagger().tag('NATO met.', 'en').entities[0]?.name).toBe('NATO');
  });
});

describe('English text', () => {
  it('links "Peskov" to "Dmitry Peskov" and the Kremlin as an organisation', () => {
    const text = 'Kremlin spokesman Dmitry Peskov said talks were possible. Peskov added that Moscow was ready.';
    const result = tagger().tag(text, 'en');
    for (const m of result.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const people = result.entities.filter((e) => e.type === 'PER');
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ id: 'per:dmitry-peskov', count: 2, names: ['Dmitry Peskov', 'Peskov'] });
    expect(result.mentions[0]).toEqual({ start: 0, end: 7, type: 'ORG', text: 'Kremlin', entityId: 'org:kremlin' });
  });

  it('links a surname that is not a KB alias ("Musk") only after the full name', () => {
    const withFull = tagger().tag('Elon Musk posted on X Corp. Later Musk deleted it.', 'en');
    expect(withFull.mentions.filter((m) => m.entityId === 'per:elon-musk').map((m) => m.text)).toEqual(['Elon Musk', 'Musk']);
    const alone = tagger().tag('Musk deleted it.', 'en');
    expect(alone.mentions).toEqual([]);
  });

  it('tags an unknown name after a title as an unlinked person and links its surname', () => {
    const text = 'Foreign Minister Ahmed Hassan Bakr arrived. Bakr said nothing.';
    const result = tagger().tag(text, 'en');
    expect(result.mentions.map((m) => [m.text, m.entityId])).toEqual([
      ['Ahmed Hassan Bakr', 'per:ahmed hassan bakr'],
      ['Bakr', 'per:ahmed hassan bakr'],
    ]);
    expect(result.entities[0]).toMatchObject({ linked: false, name: 'Ahmed Hassan Bakr', count: 2 });
  });

  it('never joins a name across a line break', () => {
    // No mention spans the line break (the model may still read "Strip" on its own as a name).
    const split = tagger().tag('Gaza\nStrip', 'en').mentions;
    expect(split.some((m) => m.text.includes('\n'))).toBe(false);
    expect(split[0]?.text).toBe('Gaza');
    expect(tagger().tag('Gaza Strip', 'en').mentions.map((m) => m.entityId)).toEqual(['loc:gaza-strip']);
  });

  it('keeps acronyms case-sensitive and names whole-word', () => {
    const result = tagger().tag('Who knows? The WHO said Iranian and Parisian officials met in Paris.', 'en');
    expect(result.mentions.map((m) => [m.text, m.entityId])).toEqual([
      ['WHO', 'org:who'],
      ['Paris', expect.stringMatching(/^loc:/)],
    ]);
  });
});

describe('Arabic title rule', () => {
  it('tags a person missing from the KB after a title and its modifiers', () => {
    const text = 'وقال المتحدث باسم الوزارة أحمد حسن كاظم إن الوضع مستقر، وأضاف كاظم أن الحدود آمنة.';
    const result = tagger().tag(text, 'ar');
    expect(result.mentions.map((m) => [m.text, m.entityId])).toEqual([
      ['أحمد حسن كاظم', 'per:احمد حسن كاظم'],
      ['كاظم', 'per:احمد حسن كاظم'],
    ]);
    expect(result.entities[0]).toMatchObject({ linked: false, type: 'PER', name: 'أحمد حسن كاظم', count: 2 });
  });

  it('skips nisba adjectives between the title and the name', () => {
    const text = 'قال وزير الخارجية العراقي السابق محمد حسن كاظم إن';
    expect(tagger().tag(text, 'ar').mentions.map((m) => m.text)).toEqual(['محمد حسن كاظم']);
  });

  it('does not end a name on a part that needs a successor (آل, بن, دو); the family name after آل is read whole', () => {
    const result = tagger().tag('وقال الشيخ خليفة بن زايد آل نهيان إن', 'ar');
    expect(result.mentions.map((m) => m.text)).toEqual(['خليفة بن زايد آل نهيان']);
    expect(tagger().tag('وقال الشيخ خليفة بن زايد آل', 'ar').mentions.map((m) => m.text)).toEqual(['خليفة بن زايد']);
  });

  it('does not invent a person from ordinary words after a title', () => {
    const result = tagger().tag('وقال الرئيس إن الحكومة ستعمل على ذلك.', 'ar');
    expect(result.mentions.filter((m) => m.type === 'PER')).toEqual([]);
  });
});
