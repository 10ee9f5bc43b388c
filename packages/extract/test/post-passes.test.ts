import { describe, expect, it } from 'vitest';
import { walkPage } from '../src/dom-walk.ts';
import { dropEmptySections, dropRepeatedQuotes, dropTrailingHeadings, takeClosingCredit } from '../src/post-passes.ts';

const story = [
  'أعلنت وزارة الزراعة اليوم انطلاق مهرجان العسل في حضرموت بمشاركة أكثر من مئتي نحال من مختلف المحافظات.',
  'وقال مدير المهرجان إن الهدف هو تسويق العسل اليمني وفتح أسواق جديدة له في دول الخليج.',
];

describe('takeClosingCredit', () => {
  it('moves a bracketed credit closing the story to attribution', () => {
    const paragraphs = [...story, '(تهامة نت - سبأ)'];
    const attribution: string[] = [];
    takeClosingCredit(paragraphs, attribution);
    expect(paragraphs).toEqual(story);
    expect(attribution).toEqual(['تهامة نت - سبأ']);
  });

  it('keeps a bracketed sentence, and a credit that is the only line', () => {
    const paragraphs = [...story, '(وقد نفت الوزارة هذه الأنباء)'];
    const only = ['(سانا)'];
    const attribution: string[] = [];
    takeClosingCredit(paragraphs, attribution);
    takeClosingCredit(only, attribution);
    expect(paragraphs).toHaveLength(3);
    expect(only).toEqual(['(سانا)']);
    expect(attribution).toEqual([]);
  });
});

describe('dropRepeatedQuotes', () => {
  it('drops a short paragraph repeating a sentence of another (quotes aside)', () => {
    const quote = '«الهدف هو تسويق العسل اليمني وفتح أسواق جديدة»';
    const paragraphs = [story[0] as string, quote, story[1] as string];
    dropRepeatedQuotes(paragraphs);
    expect(paragraphs).toEqual(story);
  });

  it('keeps short paragraphs that repeat nothing, and lists of fewer than three', () => {
    const own = [story[0] as string, 'وشارك في المهرجان نحالون من عدن وتعز ومأرب.', story[1] as string];
    dropRepeatedQuotes(own);
    expect(own).toHaveLength(3);
    const two = [story[1] as string, 'الهدف هو تسويق العسل اليمني وفتح أسواق جديدة'];
    dropRepeatedQuotes(two);
    expect(two).toHaveLength(2);
  });
});

describe('dropEmptySections / dropTrailingHeadings', () => {
  const html = `<html><body><article><h1>مهرجان العسل</h1>
    <section><h2>أبرز النقاط</h2><ul><li>نقطة أولى في الملخص</li><li>نقطة ثانية في الملخص</li></ul></section>
    <div>${story.map((p) => `<p>${p}</p>`).join('')}</div>
    <h3>أخبار أخرى</h3></article></body></html>`;
  const { blocks } = walkPage(html);
  const heading = (text: string) => blocks.find((b) => b.text === text);

  it('drops a heading whose own section keeps nothing', () => {
    const h = heading('أبرز النقاط');
    expect(h).toBeDefined();
    const paragraphs = ['أبرز النقاط', ...story];
    dropEmptySections(paragraphs, h === undefined ? [] : [h], blocks);
    expect(paragraphs).toEqual(story);
  });

  it('keeps a heading when text of its section is kept', () => {
    const h = heading('أبرز النقاط');
    const paragraphs = ['أبرز النقاط', 'نقطة أولى في الملخص', ...story];
    dropEmptySections(paragraphs, h === undefined ? [] : [h], blocks);
    expect(paragraphs[0]).toBe('أبرز النقاط');
  });

  it('drops short headings closing the text, not paragraphs', () => {
    const paragraphs = [...story, 'أخبار أخرى'];
    dropTrailingHeadings(paragraphs, blocks);
    expect(paragraphs).toEqual(story);
    dropTrailingHeadings(paragraphs, blocks);
    expect(paragraphs).toEqual(story);
  });
});
