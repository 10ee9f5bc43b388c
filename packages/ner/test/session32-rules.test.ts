import { describe, expect, it } from 'vitest';
import { coordinatedPlacesAr, lineageTailsAr, provinceTailsAr } from '../src/tails-ar.ts';
import { idsOf as idsIn, mentionIn, namesOf, tagger } from './tagger-helpers.ts';

const noInfo = new Map();

const idsOf = (text: string, lang: 'ar' | 'en', name: string): Array<string | null> => idsIn(tagger().tag(text, lang), name);

describe('Arabic names after the first run of blind40 (session 32)', () => {
  it('leaves «ب» out of a body opened by its head, and out of a place right after a name', () => {
    const college = 'وقالت الباحثة في علم الأحياء البحرية بكلية العلوم بتطوان إن الخطة جيدة.';
    expect(namesOf(college, 'ar', 'ORG')).toContain('كلية العلوم بتطوان');
    const ksour = 'ويشمل المشروع قصر أولاد سلطان وقصر الحدادة بغمراسن.';
    expect(namesOf(ksour, 'ar', 'LOC')).toContain('غمراسن');
    expect(namesOf(ksour, 'ar', 'LOC')).not.toContain('بغمراسن');
  });

  it('takes a person\'s lineage into the body named after them, and «العامة» into a body', () => {
    expect(namesOf('وقالت الأستاذة في جامعة الشاذلي بن جديد بالطارف إن الغابة تتعافى.', 'ar', 'ORG')).toEqual(['جامعة الشاذلي بن جديد']);
    expect(namesOf('وأوضحت هيئة تنظيم الخدمات العامة أن الحصة ارتفعت.', 'ar', 'ORG')).toEqual(['هيئة تنظيم الخدمات العامة']);
    const text = 'وزار المسؤول جامعة الشاذلي بن جديد.';
    const body = mentionIn(text, 'جامعة الشاذلي', 'ORG');
    const person = mentionIn(text, 'بن جديد', 'PER');
    const { grown, inside } = lineageTailsAr(text, [body, person], noInfo);
    expect(grown.get(body)?.text).toBe('جامعة الشاذلي بن جديد');
    expect([...inside]).toEqual([person]);
  });

  it('takes the place after «لـ» into a body or place ending in a nisba adjective, not after a compass one', () => {
    const text = 'وقال رئيس المجلس الإقليمي لزاكورة إن الطريق مغلقة، وزار الضاحية الجنوبية لبيروت.';
    expect(namesOf(text, 'ar', 'ORG')).toEqual(['المجلس الإقليمي لزاكورة']);
    const park = 'وأوضح مدير الحظيرة الوطنية للقالة أن الفرق جاهزة.';
    const body = mentionIn(park, 'الحظيرة الوطنية', 'LOC');
    const { grown } = provinceTailsAr(park, [body], noInfo, (name) => (name === 'القالة' ? 'loc:el-kala' : null));
    expect(grown.get(body)?.text).toBe('الحظيرة الوطنية للقالة');
  });

  it('splits two definite places joined by «و» that no entry names as one', () => {
    const text = 'في مزارع الحائط والسليمي';
    const both = mentionIn(text, 'الحائط والسليمي', 'LOC');
    const parts = coordinatedPlacesAr([both], noInfo, () => null).get(both);
    expect(parts?.map((p) => [p.text, text.slice(p.start, p.end)])).toEqual([['الحائط', 'الحائط'], ['السليمي', 'السليمي']]);
    // An Omani wilaya named so is the KB's, and stays whole.
    expect(namesOf('وسافر المشجعون من ولايات جعلان بني بوعلي والكامل والوافي وصور.', 'ar', 'LOC')).toContain('الكامل والوافي');
  });

  it('leaves «و» out of «وذي قار», and reads «زواره» as "its visitors", not Zuwara', () => {
    const text = 'وانضم إليها نواب عن ميسان وذي قار وواسط، ويستقبل المتحف زواره يوميا، وزار زوارة الليبية.';
    expect(namesOf(text, 'ar', 'LOC')).toEqual(['ميسان', 'ذي قار', 'واسط', 'زوارة']);
  });

  it('keeps «فرقة» whole and leaves «ب» out before a hotel or a station', () => {
    const text = 'وقدمت فرقة مسرح الخليج العربي عرضها بفندق داما روز قرب محطة الرمل.';
    expect(namesOf(text, 'ar', 'ORG').concat(namesOf(text, 'ar', 'LOC')).some((n) => n.startsWith('رقة'))).toBe(false);
    expect(namesOf(text, 'ar', 'LOC').some((n) => n.startsWith('بفندق'))).toBe(false);
  });

  it('reads «بابها» as "its door", not Abha', () => {
    expect(namesOf('وقال إن القصر يحمل اسمه على بابها، وزار أبها أمس.', 'ar', 'LOC')).toEqual(['أبها']);
  });
});

describe('English names after the first run of blind40 (session 32)', () => {
  it('reads the place a local body is named by, said alone after a preposition or ending in "State", as the place', () => {
    const fleet = "The Killybegs Fishermen's Organisation said boats were idle. Mary Byrne, who has graded fish in Killybegs for 22 years, said her job was at risk.";
    expect(namesOf(fleet, 'en', 'LOC')).toEqual(['Killybegs']);
    const state = 'Kaduna State Agricultural Development Agency officials met farmers. Kaduna State officials said a ginger plan was ready.';
    expect(idsOf(state, 'en', 'Kaduna State')).toEqual(['loc:Q878284']);
    // A university said short is still the university, and a company's short name the company.
    const campus = 'Gadjah Mada University opened a lab. Dewi, an entomologist at Gadjah Mada, said bees were back.';
    expect(namesOf(campus, 'en', 'LOC')).not.toContain('Gadjah Mada');
  });

  it('reads a harbour or a creek after a place as one place, and marine fields in a department\'s list', () => {
    expect(namesOf('Fishing boats were idle in Kingston Harbour on Monday.', 'en', 'LOC')).toEqual(['Kingston Harbour']);
    expect(namesOf('The pipe will reach health centres, including Makueni County Referral Hospital, next year.', 'en', 'LOC')).toEqual(['Makueni County Referral Hospital']);
    expect(namesOf('A spokeswoman for the Department of Agriculture, Food and the Marine said so.', 'en', 'ORG')).toEqual(['Department of Agriculture, Food and the Marine']);
  });

  it('reads a name between "said" and an apposition as a person, and the family name after it', () => {
    const text = '"It used to take half a day," said Nomvula Dlamini-Mkhize, the South African National Roads Agency\'s project manager. Dlamini-Mkhize said the bridge opens soon.';
    expect(namesOf(text, 'en', 'PER')).toEqual(['Nomvula Dlamini-Mkhize', 'Dlamini-Mkhize']);
  });

  it('matches a KB name whose inner particles are written in lower case', () => {
    const text = "Kuwait's Emir Sheikh Mishal al-Ahmad al-Jaber al-Sabah met Prime Minister Sheikh Ahmad Abdullah al-Ahmad al-Sabah.";
    expect(idsOf(text, 'en', 'Mishal al-Ahmad al-Jaber al-Sabah')).toEqual(['per:mishal-al-ahmad']);
    expect(idsOf(text, 'en', 'Ahmad Abdullah al-Ahmad al-Sabah')).toEqual(['per:ahmad-al-abdullah-al-sabah']);
    // Only inside a name: a lower-case word elsewhere still needs its capital ("us" is not "US").
    expect(namesOf('Tell us what happened, she said.', 'en', 'LOC')).toEqual([]);
  });
});
