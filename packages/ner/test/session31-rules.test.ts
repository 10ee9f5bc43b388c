import { describe, expect, it } from 'vitest';
import { compassPlacesAr, headedPlacesAr, personNamedPlacesAr, titleTailsAr } from '../src/tails-ar.ts';
import { placeOpenersEn } from '../src/name-types.ts';
import type { EntityInfo } from '../src/build-entities.ts';
import type { Mention } from '../src/types.ts';
import { idsOf as idsIn, mentionIn, namesOf, tagger } from './tagger-helpers.ts';

const idsOf = (text: string, lang: 'ar' | 'en', name: string): Array<string | null> => idsIn(tagger().tag(text, lang), name);
const noInfo = new Map();

describe('Arabic names after the first run of blind39 (session 31)', () => {
  it('reads a place named after a person from its head to the name, with a fitting adjective', () => {
    const text = 'ستخفف الوحدة الضغط على مستشفى الأمير زيد بن الحسين العسكري في الطفيلة.';
    const person = mentionIn(text, 'زيد بن الحسين العسكري', 'PER');
    const grown = personNamedPlacesAr(text, [person]).get(person);
    expect(grown).toMatchObject({ text: 'مستشفى الأمير زيد بن الحسين العسكري', type: 'LOC' });
    expect(namesOf('وتقع المساكن الجديدة جنوبا، مثل مدينة صباح الأحمد والخيران.', 'ar', 'LOC')).toContain('مدينة صباح الأحمد');
    // A head with the article is no construct: «زار المستشفى الأمير …» names a visitor.
    const visit = 'زار المستشفى الأمير خالد الفيصل أمس.';
    const visitor = mentionIn(visit, 'خالد الفيصل', 'PER');
    expect(personNamedPlacesAr(visit, [visitor]).size).toBe(0);
  });

  it('reads a bridge or a mountain with its place, and a station or a market only with its own adjective', () => {
    const text = 'فتح جسر روصو وجسر شندي–المتمة، وصعد المتسلقون جبل كينيا، وأغلقت محطة الدوحة الغربية وسوق طهران الكبير ومحطة القدس.';
    expect(namesOf(text, 'ar', 'LOC')).toEqual(['جسر روصو', 'جسر شندي–المتمة', 'جبل كينيا', 'محطة الدوحة الغربية', 'سوق طهران الكبير', 'القدس']);
    const strait = 'ويربط جسر مضيق ميسينا صقلية بالبر.';
    const feature = mentionIn(strait, 'مضيق ميسينا', 'LOC');
    expect(headedPlacesAr(strait, [feature], () => null).size).toBe(0);
  });

  it('takes a compass adjective into a place, not after «ريف» or a bare city', () => {
    const text = 'المطلة على البقاع الغربي، وفي ريف حمص الغربي، وفي ولاية أستراليا الغربية.';
    expect(namesOf(text, 'ar', 'LOC')).toEqual(['البقاع الغربي', 'حمص', 'أستراليا الغربية']);
    const city = 'وتقدمت القوات شرق حلب الشرقي.';
    expect(compassPlacesAr(city, [mentionIn(city, 'حلب', 'LOC')], () => null).size).toBe(0);
  });

  it('ends a body before the title of the person named next, but keeps «الشيخ» of a place', () => {
    const text = 'وقال الأكاديمي في جامعة سلجوق البروفيسور مصطفى أوزترك إن الاهتمام كبير.';
    const body = mentionIn(text, 'جامعة سلجوق البروفيسور', 'ORG');
    const person = mentionIn(text, 'مصطفى أوزترك', 'PER');
    expect(titleTailsAr(text, [body, person], noInfo).get(body)?.text).toBe('جامعة سلجوق');
    const kafr = 'وقال رئيس جامعة كفر الشيخ محمد علي إن الدراسة بدأت.';
    const university = mentionIn(kafr, 'جامعة كفر الشيخ', 'ORG');
    expect(titleTailsAr(kafr, [university, mentionIn(kafr, 'محمد علي', 'PER')], noInfo).size).toBe(0);
  });

  it('reads «وجده» after «والده» as the grandfather, not Jeddah', () => {
    expect(namesOf('قال إنه اختار التخصص لأن والده وجده عملا في صيد الأسماك.', 'ar', 'LOC')).toEqual([]);
    expect(namesOf('وسافر الوفد من الرياض وجده إلى القاهرة.', 'ar', 'LOC')).toContain('جده');
  });

  it('drops a unit after a number and a kind adjective in the accusative', () => {
    expect(namesOf('تعمل الوحدة بجهاز بقوة 1.5 تسلا، وستستقبل المرضى.', 'ar', 'ORG')).toEqual([]);
    expect(namesOf('وتعلن شركة تسلا نتائجها غدا.', 'ar', 'ORG')).toEqual(['تسلا']);
    expect(namesOf('وتضم الميدان ومستشفى بيطريا متخصصا في الإبل.', 'ar', 'LOC')).toEqual([]);
  });

  it('reads «عمان» after «العاصمة» or in a Petra-datelined story as Amman', () => {
    expect(idsOf('معان (بترا) – سافر المرضى مرتين إلى عمان لتصوير الركبة.', 'ar', 'عمان')).toEqual(['loc:Q472788']);
    expect(idsOf('يحول المرضى إلى مستشفيات العاصمة عمان أو الكرك.', 'ar', 'عمان')).toEqual(['loc:Q472788']);
    expect(idsOf('مسقط (العمانية) – وقعت عمان والهند اتفاقية للنقل.', 'ar', 'عمان')).toEqual(['loc:OMN']);
  });
});

describe('English names after the first run of blind39 (session 31)', () => {
  it('reads a gulf, strait or sea after a place as one place, and "Gulf" alone as the Persian Gulf', () => {
    const text = 'The ban covers the Moro Gulf, the Davao Gulf and the Basilan Strait, while tankers crossed the Gulf.';
    expect(namesOf(text, 'en', 'LOC')).toEqual(['Moro Gulf', 'Davao Gulf', 'Basilan Strait', 'Gulf']);
    expect(idsOf(text, 'en', 'Gulf')).toEqual(['loc:persian-gulf']);
  });

  it('reads farms as companies, "New …" and "Port …" as places, and a name before "union" as a body', () => {
    const text = 'Plants such as Cavendish Farms in New Annan, outside Summerside, process potatoes.';
    const found = tagger().tag(text, 'en').mentions.map((m) => [m.text, m.type]);
    expect(found).toContainEqual(['Cavendish Farms', 'ORG']);
    expect(found).toContainEqual(['New Annan', 'LOC']);
    const unknown = (name: string): Mention => ({ ...mentionIn(`in ${name}`, name, 'PER'), entityId: `per:${name.toLowerCase()}` });
    const info = new Map<string, EntityInfo>([['per:port alfred', { linked: false, type: 'PER', name: null }]]);
    expect([...placeOpenersEn([unknown('Port Alfred')], info).values()]).toEqual([{ type: 'LOC', entityId: 'loc:port alfred' }]);
    expect(namesOf('The Sierpien 80 union said it would join the strike.', 'en', 'ORG')).toEqual(['Sierpien 80']);
  });

  it('reads a person whose name opens like a place or ends in a venue or body word as that', () => {
    const person = (name: string): Mention => ({ ...mentionIn(`in ${name}`, name, 'PER'), entityId: `per:${name.toLowerCase()}` });
    const names = ['Rio Indio', 'South Tarawa', 'Smart Araneta Coliseum', 'Karolinska Institute', 'Maria Santos'];
    const info = new Map<string, EntityInfo>(names.map((n) => [`per:${n.toLowerCase()}`, { linked: false, type: 'PER', name: null }]));
    const retyped = placeOpenersEn(names.map(person), info);
    expect([...retyped].map(([m, to]) => [m.text, to.type])).toEqual([
      ['Rio Indio', 'LOC'],
      ['South Tarawa', 'LOC'],
      ['Smart Araneta Coliseum', 'LOC'],
      ['Karolinska Institute', 'ORG'],
    ]);
    // A linked person stays: the KB knows who it is.
    expect(placeOpenersEn([person('Rio Indio')], new Map([['per:rio indio', { linked: true, type: 'PER', name: null }]])).size).toBe(0);
  });

  it('reads "Exploration" as a company word', () => {
    expect(namesOf('Shares of Rio Sava Exploration rose on Monday.', 'en', 'ORG')).toEqual(['Rio Sava Exploration']);
  });

  it('reads a commission on culture or gender as one body, not one on a weekday', () => {
    expect(namesOf('Heads of the National Commission on Culture met the chief.', 'en', 'ORG')).toEqual(['National Commission on Culture']);
    expect(namesOf('The Commission on Gender Equality said on Monday.', 'en', 'ORG')).toEqual(['Commission on Gender Equality']);
    expect(namesOf('The European Commission on Monday said it would act.', 'en', 'ORG')).toEqual(['European Commission']);
  });

  it('reads a hospital named by its town as one place', () => {
    expect(namesOf('Patients were moved from the ageing Dunedin Hospital buildings.', 'en', 'LOC')).toEqual(['Dunedin Hospital']);
  });

  it('reads a place\'s possessive and a feature word as another place, and a place before its district assembly as the place', () => {
    const text = "SAINT MARTIN'S ISLAND, Bangladesh (AFP) — Overnight stays on Saint Martin's Island were allowed.";
    expect(namesOf(text, 'en', 'LOC')).toEqual(["SAINT MARTIN'S ISLAND", 'Bangladesh', "Saint Martin's Island"]);
    expect(namesOf("Kenya's Lake Naivasha rose.", 'en', 'LOC')).toEqual(['Kenya', 'Lake Naivasha']);
    const assembly = 'The Anloga District Assembly met. Police deployed officers to Anloga on Monday.';
    expect(tagger().tag(assembly, 'en').mentions.map((m) => [m.text, m.type])).toEqual([
      ['Anloga District Assembly', 'ORG'],
      ['Anloga', 'LOC'],
    ]);
  });
});

describe('KB entries and cues from blind39 (session 31)', () => {
  it('links a bare «الدفاع المدني» to the civil defence of the country the article names, and to none elsewhere', () => {
    expect(idsOf('وقال الدفاع المدني اللبناني إن فرقه أخمدت الحريق. وأضاف الدفاع المدني أن بيروت آمنة.', 'ar', 'الدفاع المدني')).toEqual(['org:lebanese-civil-defence']);
    expect(idsOf('وقال الدفاع المدني إن فرقه أخمدت حريقا في الرياض.', 'ar', 'الدفاع المدني')).toEqual(['org:saudi-civil-defense']);
    expect(idsOf('وقال الدفاع المدني إن فرقه أخمدت الحريق.', 'ar', 'الدفاع المدني').every((id) => id === null || !id.startsWith('org:') || !id.includes('civil'))).toBe(true);
  });

  it('links Te Whatu Ora, the Royal Medical Services and Kuelap', () => {
    expect(idsOf('Te Whatu Ora, as the agency is also known, said it would hire.', 'en', 'Te Whatu Ora')).toEqual(['org:health-new-zealand']);
    expect(idsOf('يستقبل المستشفى الذي تديره الخدمات الطبية الملكية حالات من الجنوب.', 'ar', 'الخدمات الطبية الملكية')).toEqual(['org:royal-medical-services']);
    expect(idsOf('Visitors will again walk the full circuit inside the Kuelap fortress.', 'en', 'Kuelap')).toEqual(['loc:kuelap']);
  });
});

