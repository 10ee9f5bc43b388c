import { describe, expect, it } from 'vitest';
import { corporateSpellingsOf, spellingsOf } from '../src/matcher.ts';
import { tagger } from './tagger-helpers.ts';

const linked = (text: string): string[] => tagger().tag(text, 'en').mentions.map((m) => `${m.type} ${m.text} ${m.entityId ?? ''}`);

describe("a company's legal form as wire copy writes it (session 24)", () => {
  it('spells a closing Corporation, Company, Incorporated, Limited both ways, for names of three words or more', () => {
    expect(corporateSpellingsOf('Saudi Basic Industries Corporation')).toEqual(['Saudi Basic Industries Corp']);
    expect(corporateSpellingsOf('Taiwan Semiconductor Manufacturing Company')).toEqual(['Taiwan Semiconductor Manufacturing Co']);
    expect(corporateSpellingsOf('Toyota Motor Corp')).toEqual(['Toyota Motor Corporation']);
    expect(corporateSpellingsOf('Ford Company')).toEqual([]);
    expect(corporateSpellingsOf('شركة أرامكو السعودية')).toEqual([]);
    expect(spellingsOf('Saudi Basic Industries Corporation', 'ORG')).toContain('Saudi Basic Industries Corp');
    expect(spellingsOf('Saudi Basic Industries Corporation', 'LOC')).not.toContain('Saudi Basic Industries Corp');
  });

  it('links the abbreviated form to the KB company', () => {
    expect(linked('Saudi Basic Industries Corp said on Monday its profit rose.')).toContain('ORG Saudi Basic Industries Corp org:sabic');
  });

  it('takes the legal-form words after a known company into the mention, keeping the link', () => {
    expect(linked('Siemens AG signed a deal with Tata Sons Ltd on Monday.')).toEqual(['ORG Siemens AG org:siemens', 'ORG Tata Sons Ltd org:tata-group']);
  });

  it("takes an abbreviation's full stop inside a sentence, not the one that ends it", () => {
    expect(linked('Taiwan Semiconductor Manufacturing Co. said on Monday it would build a plant.')).toContain('ORG Taiwan Semiconductor Manufacturing Co. org:tsmc');
    expect(linked('The plant was sold to Toyota Motor Corp. Workers were told on Monday.')).toContain('ORG Toyota Motor Corp org:toyota');
  });
});

describe('honorifics of South Asian, Malaysian and West African English-language news (session 24)', () => {
  const people = (text: string): string[] => tagger().tag(text, 'en').mentions.filter((m) => m.type === 'PER').map((m) => m.text);

  it('leaves the honorific out of the name, a two-word one too', () => {
    expect(people('MRL chief executive Datuk Seri Darwis Abdul Razak said fares would be announced next month.')).toEqual(['Darwis Abdul Razak']);
    expect(people('Haji Mehboob Ali Shoro, who owns a factory near Shahdadpur in Sanghar, said prices fell.')).toEqual(['Mehboob Ali Shoro']);
  });

  it('reads no person in a run of titles', () => {
    expect(people('In Kuala Terengganu, Menteri Besar Datuk Seri Dr Ahmad Samsuri Mokhtar urged MRL to add trains.')).toEqual(['Ahmad Samsuri Mokhtar']);
  });

  it('keeps an abbreviated given name after a title ("Engr Md …")', () => {
    expect(people('Engr Md Shafiqul Islam, deputy inspector general of the department, said the yard was shut.')).toEqual(['Md Shafiqul Islam']);
  });

  it('takes "Sri" for a title only after "Datuk", "Dato" or "Tan"', () => {
    expect(people('Finance Minister Sri Mulyani Indrawati said on Monday the budget was safe.')).toEqual(['Sri Mulyani Indrawati']);
  });
});

describe('a month written beside another month is no name (session 24)', () => {
  const names = (text: string): string[] => tagger().tag(text, 'ar').mentions.map((m) => `${m.type} ${m.text}`);

  it('drops the Levantine month after a Latin one in brackets, behind a proclitic too', () => {
    expect(names('بين فبراير (شباط) وأبريل (نيسان) يصل العلماء إلى البحيرة.')).toEqual([]);
    expect(names('المنتهية في سبتمبر (أيلول)، بزيادة 38 بالمئة.')).toEqual([]);
  });

  it('keeps «نيسان» the carmaker', () => {
    expect(names('وأعلنت نيسان وتويوتا عن خطط جديدة.')).toContain('ORG نيسان');
  });
});

describe("a name after the word for a place's people or villages is the place (session 24)", () => {
  const names = (text: string): string[] => tagger().tag(text, 'ar').mentions.map((m) => `${m.type} ${m.text}`);

  it('reads «لأهالي أبو منقار» as a place', () => {
    expect(names('فيما تجهز غرفة غسيل صغيرة لأهالي أبو منقار، الذين يقطعون المسافة.')).toContain('LOC أبو منقار');
  });

  it('leaves the minister of population after «والسكان» a person', () => {
    expect(names('وحضر وزير الصحة والسكان خالد عبد الغفار الافتتاح.')).toContain('PER خالد عبد الغفار');
  });
});

describe('compound Arabic given names (session 24, from articles-blind33 after its second run)', () => {
  const people = (text: string): string[] => tagger().tag(text, 'ar').mentions.filter((m) => m.type === 'PER').map((m) => m.text);

  it('reads «الأمين» after a bare given name as part of the name, not a title', () => {
    expect(people('وقال محامي الدفاع محمد الأمين ولد حمدي إن موكليه صيادون.')).toEqual(['محمد الأمين ولد حمدي']);
    expect(people('وقال الأمين العام أنطونيو غوتيريش إن الوضع خطير.')).toEqual(['أنطونيو غوتيريش']);
  });

  it('takes a bare «سيد» before the name in, not «السيد»', () => {
    expect(people('وهو موريتاني يدعى سيد أحمد ولد الطالب بويه، وبتغريمه عشرة ملايين.')).toEqual(['سيد أحمد ولد الطالب بويه']);
    expect(people('وقال السيد أحمد حسن إن الحكومة ستفعل.')).toEqual(['أحمد حسن']);
  });
});

describe('an English body found by its shape links to the KB form its article cues (session 24, from articles-blind33 after its second run)', () => {
  it('links "Supreme Court" beside its country’s words, and leaves it unlinked without them', () => {
    expect(linked('Ghana will appeal. The Supreme Court in Accra ruled on Monday.')).toContain('ORG Supreme Court org:supreme-court-of-ghana');
    expect(linked('The Supreme Court ruled on Monday.')).toEqual(['ORG Supreme Court org:supreme court']);
  });
});
