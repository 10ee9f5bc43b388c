import { describe, expect, it } from 'vitest';
import { tagger } from './tagger-helpers.ts';
import { parseKb } from '../src/knowledge-base.ts';

const tagged = (text: string, lang = 'en'): string[] => tagger().tag(text, lang).mentions.map((m) => `${m.type} ${m.text} ${m.entityId ?? ''}`.trim());
const typed = (text: string, lang = 'en'): string[] => tagger().tag(text, lang).mentions.map((m) => `${m.type} ${m.text}`);

describe('an English place that opens a list of places after a locative (session 26)', () => {
  it('reads "Dong Thap" as a place before ", An Giang and Can Tho"', () => {
    expect(typed('The fish died in Dong Thap, An Giang and Can Tho, officials said.')).toEqual(['LOC Dong Thap', 'LOC An Giang', 'LOC Can Tho']);
    expect(typed('He met farmers in Dong Thap, Ho Chi Minh City and Hanoi.')).toEqual(['LOC Dong Thap', 'LOC Ho Chi Minh City', 'LOC Hanoi']);
  });

  it('leaves people named after a place and a comma, with no locative before them', () => {
    expect(typed('The talks in London, Keir Starmer and Emmanuel Macron said, went well.').map((m) => m.split(' ')[0])).toEqual(['LOC', 'PER', 'PER']);
  });
});

describe("women's titles stay out of a KB person's name, unless the name opens with them (session 26)", () => {
  it('drops "Sheikha" and «الشيخة» before Moza bint Nasser', () => {
    expect(tagged('Sheikha Moza bint Nasser opened the exhibition in Doha.')[0]).toBe('PER Moza bint Nasser per:moza-bint-nasser');
    expect(tagged('وافتتحت الشيخة موزا بنت ناصر المعرض في الدوحة.', 'ar')[0]).toBe('PER موزا بنت ناصر per:moza-bint-nasser');
  });

  it('keeps «شيخة» and "Sheikh" in Sheikh Hasina, whose name they open', () => {
    expect(tagged('قالت رئيسة الوزراء السابقة شيخة حسينة إن حسينة بريئة.', 'ar')).toEqual(['PER شيخة حسينة per:sheikh-hasina', 'PER حسينة per:sheikh-hasina']);
    expect(tagged('Sheikh Hasina said she was innocent.')).toEqual(['PER Sheikh Hasina per:sheikh-hasina']);
  });
});

describe('a bracketed qualifier of a KB name is no form text writes (session 26)', () => {
  it('does not make "(newspaper)" a word of the name', () => {
    const [entry] = parseKb('org:x\tORG\tThe Daily Example (newspaper)\tذا ديلي إكزامبل (صحيفة)\t~The Daily Example\n');
    expect(entry?.aliases).toEqual(['~The Daily Example']);
    expect(tagged('The Hindu newspaper reported on Monday.')).toEqual([]);
  });
});

describe('English feature words, titles and bodies (session 26)', () => {
  it('takes "Canal" after a place into its name', () => {
    expect(typed('Ships waited at the mouth of the Gliwice Canal, which links the river with Silesia.')).toEqual(['LOC Gliwice Canal', 'LOC Silesia']);
  });

  it('reads "Comptroller" as a title', () => {
    expect(typed('"They carried it into the villages," Comptroller Muhammad Lawal Gwarzo said.')).toEqual(['PER Muhammad Lawal Gwarzo']);
  });

  it('links a company and a national branch named after it', () => {
    expect(tagged('The American chemicals group 3M agreed to pay damages.')).toEqual(['ORG 3M org:3m']);
    expect(typed('Vodafone Egypt and Safaricom Ethiopia have been expanding their networks.')).toEqual(['ORG Vodafone Egypt', 'ORG Safaricom Ethiopia']);
    expect(tagged("It is part of Denmark's A.P. Moller-Maersk group.")).toContain('ORG A.P. Moller-Maersk org:maersk');
  });

  it('knows Marrakech-Safi, the Khmer Rouge and Tuoi Tre', () => {
    expect(tagged('The vote covers the Souss-Massa and Marrakech-Safi regions.')).toContain('LOC Marrakech-Safi loc:Q19951125');
    expect(tagged('Samlot was one of the last strongholds of the Khmer Rouge.')).toContain('ORG Khmer Rouge org:khmer-rouge');
    expect(tagged('the Tuoi Tre newspaper reported.')).toEqual(['ORG Tuoi Tre org:tuoi-tre']);
  });
});

describe('long Arabic bodies, facilities named after a place, and KB fixes from blind35 (session 26)', () => {
  it('keeps a ministry or an authority whole across its joined fields («وموارد المياه», «وتقنية المعلومات»)', () => {
    expect(typed('وأعلنت وزارة الثروة الزراعية والسمكية وموارد المياه في سلطنة عمان عن خطة جديدة.', 'ar')).toEqual(['ORG وزارة الثروة الزراعية والسمكية وموارد المياه', 'LOC سلطنة عمان']);
    expect(typed('وقالت الهيئة العامة للاتصالات وتقنية المعلومات إن الخدمة ستعود غدا.', 'ar')).toEqual(['ORG الهيئة العامة للاتصالات وتقنية المعلومات']);
  });

  it('reads a medical complex named after a place as one place, unlinked', () => {
    expect(tagged('ونقل الجرحى إلى مجمع فلسطين الطبي في رام الله.', 'ar')[0]).toBe('LOC مجمع فلسطين الطبي loc:مجمع فلسطين الطبي');
    // The place alone, with no «الطبي» after it, stays the country.
    expect(tagged('ونقل الجرحى إلى فلسطين.', 'ar')[0]).toMatch(/^LOC فلسطين loc:/u);
  });

  it("links the EU's naval force, and reads «الاتحاد الأوروبي» in it as part of the name", () => {
    expect(tagged('وأعلنت القوة البحرية للاتحاد الأوروبي أن السفينة وصلت.', 'ar')).toEqual(['ORG القوة البحرية للاتحاد الأوروبي org:eunavfor-atalanta']);
  });

  it('reads "Somali" as a demonym, not the Somali Region of Ethiopia', () => {
    expect(typed('Somali pirates seized the ship off the coast of Puntland.')).toEqual(['LOC Puntland']);
    expect(tagged('He was taken to the Somali Region capital Jijiga.')[0]).toBe('LOC Somali Region loc:Q202800');
  });

  it('ends "Servant of the People" before the word "party"', () => {
    expect(tagged('The Servant of the People party won a majority in Kyiv.')[0]).toBe('ORG Servant of the People org:servant-of-the-people');
  });
});
