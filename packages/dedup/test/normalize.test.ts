import { describe, expect, it } from 'vitest';
import { contentHash, normalizeForDedup } from '../src/index.ts';

describe('normalizeForDedup', () => {
  it('folds hamza forms, alef maqsura, teh marbuta, tatweel and diacritics', () => {
    expect(normalizeForDedup('إِنَّ الأُمَّةَ آمنةٌ')).toBe('ان الامه امنه');
    expect(normalizeForDedup('مسؤول مسئول')).toBe('مسوول مسيول');
    expect(normalizeForDedup('مستشفى')).toBe(normalizeForDedup('مستشفي'));
    expect(normalizeForDedup('الكـــرملين')).toBe('الكرملين');
    expect(normalizeForDedup('ٱلقرآن')).toBe('القران');
  });

  it('folds Arabic-Indic and Persian digits to ASCII', () => {
    expect(normalizeForDedup('عام ٢٠٢٣ و۲۰۲۴ و2025')).toBe('عام 2023 و2024 و2025');
  });

  it('drops every quote style and punctuation, lower-cases Latin and collapses spaces', () => {
    expect(normalizeForDedup('«نحن قلقون»، قال: “نعم” „ja“ \'x\' "Y"؟')).toBe('نحن قلقون قال نعم ja x y');
    expect(normalizeForDedup('  The\u00a0ECB\n\n held   rates.\t')).toBe('the ecb held rates');
  });

  it('removes zero-width and bidi controls without splitting words', () => {
    expect(normalizeForDedup('باك\u200Fو RT\u200B Arabic')).toBe('باكو rt arabic');
  });

  it('drops bare hamza and Latin accents', () => {
    expect(normalizeForDedup('شيء')).toBe(normalizeForDedup('شئ'));
    expect(normalizeForDedup('Café Zürich')).toBe('cafe zurich');
  });

  it('folds Arabic presentation forms', () => {
    expect(normalizeForDedup('\uFEFB\uFEEE\uFE8E\uFEA9')).toBe('لا' + 'واد');
  });
});

describe('contentHash', () => {
  const original =
    'وقال بيسكوف للصحفيين اليوم الخميس: "نحن قلقون من استمرار التوتر واحتمال تصاعده في بعض المناطق". وأكد أن روسيا تمثل ضامنا ثابتا للأمن، وأن الاتصالات بين باكو ويريفان مستمرة منذ عام ٢٠٢٠.';
  const restyled =
    'وقــال بيسكوف  للصحفيين اليومَ الخميسَ : «نحن قلقون من استمرار التوتر واحتمال تصاعده في بعض المناطق» .\n\nوأكّد ان روسيا تمثل ضامناً ثابتاً للامن ، وان الاتصالات بين باكو ويريفان مستمرة منذ عام 2020 .';

  it('is sha256 hex of the normalised text', () => {
    expect(contentHash(original)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is equal for copies differing only in whitespace, quotes, hamza, tatweel, diacritics and digits', () => {
    expect(contentHash(restyled)).toBe(contentHash(original));
  });

  it('differs when a word changes', () => {
    expect(contentHash(original.replace('الخميس', 'الجمعة'))).not.toBe(contentHash(original));
  });

  it('is equal for English copies with curly vs straight quotes and case changes', () => {
    expect(contentHash('“The disinflation process is well on track,” Lagarde said.')).toBe(
      contentHash('"the disinflation process is well on track" LAGARDE said'),
    );
  });
});
