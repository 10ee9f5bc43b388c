import { describe, expect, it } from 'vitest';
import { capArticle } from '../src/handler.ts';

describe('capArticle', () => {
  const paragraphs = ['أعرب متحدث الكرملين عن قلق موسكو.', 'وقال بيسكوف للصحفيين اليوم الخميس.', 'وتابع: ندعو الطرفين إلى ضبط النفس.'];
  const article = { text: paragraphs.join('\n\n'), paragraphs, warnings: [] as string[] };
  it('leaves short articles alone', () => {
    expect(capArticle(article, 10_000)).toBe(article);
  });
  it('cuts at a paragraph boundary and says so', () => {
    const capped = capArticle(article, paragraphs[0]!.length + paragraphs[1]!.length + 5);
    expect(capped.paragraphs).toEqual(paragraphs.slice(0, 2));
    expect(capped.text).toBe(paragraphs.slice(0, 2).join('\n\n'));
    expect(capped.warnings).toContain('text_truncated');
  });
  it('cuts inside a single oversize paragraph rather than dropping everything', () => {
    const huge = { text: 'ا'.repeat(5000), paragraphs: ['ا'.repeat(5000)], warnings: [] as string[] };
    expect(capArticle(huge, 1000).text).toHaveLength(1000);
  });
});
