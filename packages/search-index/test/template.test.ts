import { describe, expect, it } from 'vitest';
import { articleTemplate, TEMPLATE_VERSION } from '../src/index.ts';
import { nextIndexName, templateVersionOf } from '../src/template.ts';

interface FieldMapping {
  readonly analyzer?: string;
  readonly fields?: Record<string, FieldMapping>;
  readonly properties?: Record<string, FieldMapping>;
}

function analyzersUsed(properties: Record<string, FieldMapping>): string[] {
  return Object.values(properties).flatMap((field) => [
    ...(field.analyzer ? [field.analyzer] : []),
    ...analyzersUsed(field.fields ?? {}),
    ...analyzersUsed(field.properties ?? {}),
  ]);
}

describe('article template', () => {
  const template = articleTemplate();
  const analysis = template.template?.settings?.analysis;

  it(`is articles.v${TEMPLATE_VERSION}.json and stamps that version into every index it makes`, () => {
    expect(template.version).toBe(TEMPLATE_VERSION);
    expect(templateVersionOf(template.template?.mappings)).toBe(TEMPLATE_VERSION);
  });

  it('defines every analyzer its fields use, and title/description/text have .ar and .en subfields', () => {
    const properties = (template.template?.mappings?.properties ?? {}) as Record<string, FieldMapping>;
    const defined = Object.keys(analysis?.analyzer ?? {});
    expect(new Set(analyzersUsed(properties))).toEqual(new Set(defined));
    for (const name of ['title', 'description', 'text']) {
      expect(properties[name]?.fields?.['ar']?.analyzer).toBe('khabar_arabic');
      expect(properties[name]?.fields?.['en']?.analyzer).toBe('khabar_english');
    }
  });

  it('builds khabar_arabic and khabar_english from the analysis-khabar filters in the documented order', () => {
    const analyzers = analysis?.analyzer as Record<string, { tokenizer: string; filter: string[] }>;
    expect(analyzers['khabar_arabic']).toMatchObject({
      tokenizer: 'standard',
      filter: ['lowercase', 'khabar_decimal_digit', 'khabar_arabic_normalization', 'khabar_stop_ar', 'khabar_arabic_stem'],
    });
    expect(analyzers['khabar_english']).toMatchObject({
      tokenizer: 'standard',
      filter: ['khabar_english_possessive', 'lowercase', 'khabar_stop_en', 'khabar_porter_stem'],
    });
  });
});

describe('templateVersionOf / nextIndexName', () => {
  it('reads v1 for indices without _meta and names the next generation', () => {
    expect(templateVersionOf(undefined)).toBe(1);
    expect(templateVersionOf({ properties: {} })).toBe(1);
    expect(templateVersionOf({ _meta: { templateVersion: 7 } })).toBe(7);
    expect(nextIndexName('khabar-articles-000001')).toBe('khabar-articles-000002');
    expect(nextIndexName('k-000999')).toBe('k-001000');
    expect(() => nextIndexName('khabar-articles')).toThrow(/generation/);
  });
});
