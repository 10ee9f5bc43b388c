import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  foldDigits,
  normalizeArabic,
  normalizeForMatch,
  normalizeWhitespace,
  stripArabicClitics,
  stripDiacritics,
  tokenize,
} from '../src/index.ts';

describe('normalizeArabic', () => {
  it('folds alef forms so إيلون and ايلون match', () => {
    expect(normalizeArabic('إيلون')).toBe(normalizeArabic('ايلون'));
    expect(normalizeArabic('أرمينيا')).toBe('ارمينيا');
    expect(normalizeArabic('آذار')).toBe('اذار');
  });
  it('removes tatweel and harakat', () => {
    expect(normalizeArabic('كـــرملين')).toBe('كرملين');
    expect(normalizeArabic('مُحَمَّدٌ')).toBe('محمد');
  });
  it('folds ى ة ؤ ئ', () => {
    expect(normalizeArabic('مصطفى')).toBe('مصطفي');
    expect(normalizeArabic('الصحيفة')).toBe('الصحيفه');
    expect(normalizeArabic('مسؤول')).toBe('مسوول');
    expect(normalizeArabic('رئيس')).toBe('رييس');
  });
  it('folds digits and lower-cases Latin', () => {
    expect(normalizeArabic('قمة ٢٠٢٢ NATO')).toBe('قمه 2022 nato');
  });
});

describe('small helpers', () => {
  it('foldDigits handles Arabic-Indic and Persian digits', () => {
    expect(foldDigits('٢٠٢٢')).toBe('2022');
    expect(foldDigits('۱۴۰۳/۰۵')).toBe('1403/05');
    expect(foldDigits('abc 12')).toBe('abc 12');
  });
  it('stripDiacritics keeps letters', () => {
    expect(stripDiacritics('الْكَرْمْلِين')).toBe('الكرملين');
  });
  it('normalizeWhitespace removes NBSP, zero-width and bidi marks', () => {
    expect(normalizeWhitespace('  بيسكوف\u00A0\u00A0قال\u200F \u200Bاليوم\n\t')).toBe('بيسكوف قال اليوم');
  });
  it('normalizeForMatch folds punctuation incl. Arabic and quotes', () => {
    expect(normalizeForMatch('قال: «نحن قلقون»، لماذا؟ “yes”; Ok!')).toBe('قال نحن قلقون لماذا yes ok');
    expect(normalizeForMatch("حلف 'الناتو'؛ إيلون „Zitat“ ‹x›")).toBe('حلف الناتو ايلون zitat x');
  });
});

describe('tokenize', () => {
  it('gives offsets into the original string', () => {
    const s = 'قال بيسكوف، في ٢٠٢٢: "Kremlin" كـــرملين';
    const tokens = tokenize(s);
    expect(tokens.map((t) => t.text)).toEqual(['قال', 'بيسكوف', 'في', '٢٠٢٢', 'Kremlin', 'كـــرملين']);
    for (const t of tokens) expect(s.slice(t.start, t.end)).toBe(t.text);
  });
  it('keeps diacritics and apostrophes inside words', () => {
    expect(tokenize("مُحَمَّد O'Brien co-op").map((t) => t.text)).toEqual(['مُحَمَّد', "O'Brien", 'co-op']);
  });
});

describe('stripArabicClitics', () => {
  it('returns the token itself first', () => {
    expect(stripArabicClitics('باكو')[0]).toEqual({ stem: 'باكو', shift: 0, prefix: '' });
  });
  it('strips وال and ال from والكرملين', () => {
    const stems = stripArabicClitics('والكرملين');
    expect(stems).toContainEqual({ stem: 'كرملين', shift: 3, prefix: 'وال' });
    expect(stems).toContainEqual({ stem: 'الكرملين', shift: 1, prefix: 'و' });
  });
  it('strips لل from للكرملين', () => {
    expect(stripArabicClitics('للكرملين')).toContainEqual({ stem: 'كرملين', shift: 2, prefix: 'لل' });
  });
  it('keeps at least two letters', () => {
    expect(stripArabicClitics('وال').map((c) => c.stem)).toEqual(['وال']);
    expect(stripArabicClitics('بل').map((c) => c.stem)).toEqual(['بل']);
  });
  it('leaves Latin tokens alone', () => {
    expect(stripArabicClitics('ball')).toHaveLength(1);
  });
});

describe('detectLanguage', () => {
  it('detects Arabic', () => {
    expect(detectLanguage('أعرب متحدث الكرملين دميتري بيسكوف عن قلق موسكو لاستمرار التوتر بين باكو ويريفان')).toBe('ar');
  });
  it('detects English and French', () => {
    expect(detectLanguage('The Kremlin said on Thursday that it was concerned by the tension.')).toBe('en');
    expect(detectLanguage('Le Kremlin a dit jeudi que la tension est une source de préoccupation pour les dirigeants.')).toBe('fr');
  });
  it('detects Persian and Urdu', () => {
    expect(detectLanguage('این گزارش برای مردم ایران است که در تهران منتشر شده')).toBe('fa');
    expect(detectLanguage('یہ خبر پاکستان کے لوگوں کے لیے ہے اور اس میں کوئی شک نہیں')).toBe('ur');
  });
  it('returns und for nothing useful', () => {
    expect(detectLanguage('12345 !!!')).toBe('und');
    expect(detectLanguage('')).toBe('und');
  });
});
