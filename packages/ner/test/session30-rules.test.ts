import { describe, expect, it } from 'vitest';
import { dateVenuesAr, facilityNamesAr, participleTailsAr } from '../src/tails-ar.ts';
import { englishCompounds, listedPlacesEn } from '../src/english-compounds.ts';
import { officeHoldersEn } from '../src/name-types.ts';
import { mentionIn, namesOf, tagger } from './tagger-helpers.ts';

const noInfo = new Map();

describe('Arabic descriptions that are no names (session 30, blind38)', () => {
  it('drops a head with a kind adjective and a plural of places with a compass adjective', () => {
    expect(namesOf('تأسست الكلية عام 1930 ثم تحولت إلى جامعة حكومية عام 2007.', 'ar', 'ORG')).toEqual([]);
    expect(namesOf('ويصل الطلاب من نابلس وجنين والقرى الشرقية كل يوم.', 'ar', 'LOC')).toEqual(['نابلس', 'جنين']);
  });

  it('reads «السعودية» after a broken plural of things and «سورية» after an indefinite feminine as adjectives', () => {
    expect(namesOf('تسهل الشهادات دخول التمور السعودية إلى الأسواق.', 'ar', 'LOC')).toEqual([]);
    expect(namesOf('وتراجع المؤشر العام للسوق السعودية أمس.', 'ar', 'LOC')).toEqual([]);
    expect(namesOf('وزار الوفد السعودية أمس.', 'ar', 'LOC')).toEqual(['السعودية']);
    // «سورية» without the article after an indefinite feminine noun or plural: 'Syrian'.
    const text = 'قررت لجنة سورية دولية ذلك، واشتبكت عشائر لبنانية وقوات سورية، وعاد إلى سورية أمس.';
    expect(tagger().tag(text, 'ar').mentions.map((m) => [m.text, m.start])).toEqual([['سورية', text.lastIndexOf('سورية')]]);
  });

  it('reads a gazetteer place written like an adjective as the adjective after the noun it describes', () => {
    expect(namesOf('تراجع المحصول بسبب ضعف التساقطات المطرية هذا العام.', 'ar', 'LOC')).toEqual([]);
    expect(namesOf('وقال إن الشركات تحتفظ بالعمال المهرة قدر الإمكان.', 'ar', 'LOC')).toEqual([]);
    // The governorate itself stays a place.
    expect(namesOf('وصل الوفد إلى محافظة المهرة شرقي اليمن.', 'ar', 'LOC')).toContain('المهرة');
  });
});

describe('where an Arabic name ends (session 30, blind38)', () => {
  it('leaves a participle of place out of a street', () => {
    const text = 'أنهت البلدية إصلاح شارع الجلاء المؤدي إلى المستشفى.';
    const m = mentionIn(text, 'شارع الجلاء المؤدي', 'LOC');
    expect([...participleTailsAr([m], noInfo).values()].map((x) => x.text)).toEqual(['شارع الجلاء']);
    // A body's name keeps «المجاورة»: only places are trimmed.
    const body = mentionIn('المكتب المغربي لحقوق المؤلفين والحقوق المجاورة', 'المكتب المغربي لحقوق المؤلفين والحقوق المجاورة', 'ORG');
    expect(participleTailsAr([body], noInfo).size).toBe(0);
  });

  it("takes a Maghreb directorate's province after «لـ» or «لولاية» into its name", () => {
    expect(namesOf('وقالت مديرية التربية لولاية سطيف إن الدراسة استؤنفت.', 'ar', 'ORG')).toEqual(['مديرية التربية لولاية سطيف']);
    expect(namesOf('وأكد بيان مديرية الأمن الولائي لوهران أن المباراة مرت بسلام.', 'ar', 'ORG')).toEqual(['مديرية الأمن الولائي لوهران']);
    // The place after «لـ» that no mention holds, known to the gazetteer.
    expect(namesOf('وقالت المديرية الجهوية للصحة لسوس ماسة إن الحملة انطلقت.', 'ar', 'ORG')).toEqual(['المديرية الجهوية للصحة لسوس ماسة']);
  });

  it('finds a venue named by a day and a month that the model missed', () => {
    const text = 'في المباراة التي احتضنها ملعب 5 جويلية أمام الجمهور، وفي ملعب 12 أمس.';
    expect(dateVenuesAr(text, []).map((m) => m.text)).toEqual(['ملعب 5 جويلية']);
    expect(dateVenuesAr(text, [mentionIn(text, 'ملعب 5', 'LOC')])).toEqual([]);
  });

  it('keeps venues named by a date, royal medical and sports cities and two-place airports whole', () => {
    const text = 'أقيمت المباراة على استاد 30 يونيو، وتدرب الأطباء في مدينة الملك سعود الطبية، ووصلوا عبر مطار توزر نفطة الدولي.';
    const mentions = [mentionIn(text, 'استاد 30', 'LOC'), mentionIn(text, 'مدينة الملك سعود', 'ORG'), mentionIn(text, 'مطار توزر', 'LOC')];
    const grown = facilityNamesAr(text, mentions, noInfo);
    expect([...grown.values()].map((m) => [m.text, m.type])).toEqual([
      ['استاد 30 يونيو', 'LOC'],
      ['مدينة الملك سعود الطبية', 'LOC'],
      ['مطار توزر نفطة الدولي', 'LOC'],
    ]);
    // Not a number that is no day of a month, nor a royal city with no purpose after it.
    const other = 'فاز الفريق على ملعب 12 أمام جمهوره، وزار مدينة الملك عبدالله أمس.';
    expect(facilityNamesAr(other, [mentionIn(other, 'ملعب 12', 'LOC'), mentionIn(other, 'مدينة الملك عبدالله', 'ORG')], noInfo).size).toBe(0);
  });
});

describe('English names cut at a possessive or a hyphen (session 30, blind38)', () => {
  it("joins an unknown possessive to the place it names, not a town's possessive", () => {
    const park = "Hikers crowded into Devil's Punchbowl National Park on Sunday.";
    const parts = [mentionIn(park, 'Devil', 'LOC'), mentionIn(park, 'Punchbowl National Park', 'LOC')];
    const { grown, inside } = englishCompounds(park, parts, noInfo);
    expect([...grown.values()].map((m) => [m.text, m.type])).toEqual([["Devil's Punchbowl National Park", 'LOC']]);
    expect([...inside]).toEqual([parts[1]]);
    const text = "Flights landed at Tarapoto's Guillermo del Castillo Paredes airport. Tarapoto is the region's hub.";
    const mentions = [mentionIn(text, 'Tarapoto', 'LOC'), mentionIn(text, 'Guillermo del Castillo Paredes', 'LOC'), mentionIn(text, 'Tarapoto', 'LOC', 60)];
    expect(englishCompounds(text, mentions, noInfo).grown.size).toBe(0);
  });

  it('keeps Japanese site suffixes, a second capitalised part and a line number in the name', () => {
    expect(namesOf('Buses will run to Kiyomizu-dera and Kinkaku-ji from April.', 'en', 'LOC')).toEqual(['Kiyomizu-dera', 'Kinkaku-ji']);
    const text = 'GDC is exploring the Baringo-Silali block and upgrading Main Line-1 with Won Tae-in.';
    const mentions = [mentionIn(text, 'Baringo', 'LOC'), mentionIn(text, 'Main Line', 'LOC'), mentionIn(text, 'Won Tae', 'PER')];
    expect([...englishCompounds(text, mentions, noInfo).grown.values()].map((m) => m.text)).toEqual(['Baringo-Silali', 'Main Line-1']);
  });

  it('joins a Spanish place head and "de" to the place after it, not a bank', () => {
    expect(namesOf('Firms pump brine in the Salar de Uyuni. Communities around San Pedro de Atacama objected.', 'en', 'LOC')).toEqual(['Salar de Uyuni', 'San Pedro de Atacama']);
    expect(namesOf('Banco de Chile said profits rose.', 'en', 'ORG')).toEqual(['Banco de Chile']);
  });

  it('links Metro Manila to the capital region, and leaves "Ain" in Arabic place names alone', () => {
    const mentions = tagger().tag('Most visitors drive up from Metro Manila. Residents of Ain Taya complained.', 'en').mentions;
    expect(mentions.map((m) => [m.text, m.entityId])).toEqual([
      ['Metro Manila', 'loc:Q13580'],
      ['Ain Taya', 'loc:ain taya'],
    ]);
  });

  it('reads "Air" before a place as an airline, not after another capitalised word', () => {
    const text = 'Air Malawi will resume flights, said the organisers of the Open Air Kenya festival.';
    const mentions = [mentionIn(text, 'Malawi', 'LOC'), mentionIn(text, 'Kenya', 'LOC')];
    expect([...englishCompounds(text, mentions, noInfo).grown.values()].map((m) => [m.text, m.type])).toEqual([['Air Malawi', 'ORG']]);
  });

  it('reads a person in a list of places as a place', () => {
    const text = 'Jobs are concentrated in towns such as Mildura, Robinvale and Swan Hill.';
    const mentions = [mentionIn(text, 'Mildura', 'LOC'), mentionIn(text, 'Robinvale', 'LOC'), mentionIn(text, 'Swan Hill', 'PER')];
    expect([...listedPlacesEn(text, mentions, noInfo).entries()].map(([m, to]) => [m.text, to.type])).toEqual([['Swan Hill', 'LOC']]);
    const people = 'Talks included Mildura, Robinvale and Ngozi Eze, and Ahmed Ali.';
    const two = [mentionIn(people, 'Mildura', 'LOC'), mentionIn(people, 'Ngozi Eze', 'PER'), mentionIn(people, 'Ahmed Ali', 'PER')];
    expect(listedPlacesEn(people, two, noInfo).size).toBe(0);
  });

  it("reads a name between a person's office and a comma as the holder, and the family name after it too", () => {
    const text = 'The regional commissioner for roads and transport, Amara Obi, said the bridge would reopen. Obi said tolls would stay.';
    const mentions = [mentionIn(text, 'Amara Obi', 'ORG'), mentionIn(text, 'Obi', 'PER', 70)];
    const retyped = officeHoldersEn(text, mentions, noInfo);
    expect([...retyped.entries()].map(([m, to]) => [m.text, to.type, to.entityId])).toEqual([
      ['Amara Obi', 'PER', 'per:amara obi'],
      ['Obi', 'PER', 'per:amara obi'],
    ]);
    // A company after its owner's title stays a company.
    const owner = 'The refinery owner, Corral Petroleum Holdings, said it would bid.';
    expect(officeHoldersEn(owner, [mentionIn(owner, 'Corral Petroleum Holdings', 'ORG')], noInfo).size).toBe(0);
  });

  it("names a department by its two-word fields, and stops a last field before a minister's title", () => {
    expect(namesOf('The Department of Climate Change, Energy, the Environment and Water said on Monday.', 'en', 'ORG')).toEqual(['Department of Climate Change, Energy, the Environment and Water']);
  });
});

describe('KB entries and place names added in session 30 (blind38)', () => {
  it('links the Algerian federation by its short form, and Victoria to the Australian state beside Australian cues', () => {
    const ar = tagger().tag('وقالت الاتحادية الجزائرية لكرة القدم إن القرعة ستجرى غدا. وكانت الفاف قد قررت ذلك.', 'ar');
    expect(ar.mentions.filter((m) => m.type === 'ORG').map((m) => m.entityId)).toEqual(['org:faf', 'org:faf']);
    const en = tagger().tag('Growers in northern Victoria and South Australia sold water to Canberra.', 'en');
    expect(en.mentions.find((m) => m.text === 'Victoria')?.entityId).toBe('loc:victoria-australia');
  });

  it("links Harare, Lebanon's Tripoli, Quneitra and India's Hyderabad beside their countries' words, Jableh, and leaves Choi to the model", () => {
    const idOf = (text: string, name: string): string | null | undefined => tagger().tag(text, 'ar').mentions.find((m) => m.text === name)?.entityId;
    expect(idOf('وصل الوفد إلى هراري عاصمة زيمبابوي أمس.', 'هراري')).toBe('loc:Q16928358');
    expect(idOf('اندلعت اشتباكات في طرابلس شمال لبنان بين جبل محسن والتبانة.', 'طرابلس')).toBe('loc:tripoli-lebanon');
    expect(idOf('اندلعت اشتباكات في العاصمة الليبية طرابلس أمس.', 'طرابلس')).toBe('loc:Q32837');
    expect(idOf('وقال مسؤولون في محافظة صلاح الدين العراقية إن الهجوم وقع في تكريت.', 'صلاح الدين')).toBe('loc:Q190131');
    expect(idOf('دخلت القوات الإسرائيلية محافظة القنيطرة جنوب سوريا.', 'القنيطرة')).toBe('loc:Q219690');
    expect(idOf('افتتح مصنع جديد في القنيطرة شمال الرباط.', 'القنيطرة')).toBe('loc:Q478207');
    expect(idOf('وقع انفجار في جبلة على الساحل السوري.', 'جبلة')).toBe('loc:Q4115831');
    const enIdOf = (text: string): string | null | undefined => tagger().tag(text, 'en').mentions.find((m) => m.text === 'Hyderabad')?.entityId;
    expect(enIdOf('The company opened a campus in Hyderabad, the capital of the Indian state of Telangana.')).toBe('loc:hyderabad-india');
    expect(enIdOf('Floods hit Hyderabad and Karachi in Sindh province, Pakistan.')).toBe('loc:Q1640079');
    const mentions = tagger().tag('وقال المدرب الكوري تشوي كانغ هي إن الفريق جاهز.', 'ar').mentions;
    expect(mentions.map((m) => [m.text, m.type])).toEqual([['تشوي كانغ هي', 'PER']]);
  });

  it("links O'Higgins and the shorter Arabic spelling of Baden-Württemberg to their gazetteer rows", () => {
    expect(tagger().tag("Growers in the O'Higgins region expect a record crop.", 'en').mentions.find((m) => m.text === "O'Higgins")?.entityId).toBe('loc:Q2133');
    expect(tagger().tag('بقيت النسبة الأدنى في بافاريا وبادن فورتمبرغ.', 'ar').mentions.find((m) => m.text === 'بادن فورتمبرغ')?.entityId).toBe('loc:Q985');
  });
});
