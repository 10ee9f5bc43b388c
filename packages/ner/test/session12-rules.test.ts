import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isOnlyDemonym, withoutDemonym } from '../src/demonyms.ts';
import { isNotAName } from '../src/not-names.ts';
import { tokenize } from '../src/tokenize.ts';
import { namedMentions } from './tagger-helpers.ts';

const named = (text: string, lang: string, statistical = false): string[] => namedMentions(text, lang, statistical);
const whole = (text: string): boolean => {
  const tokens = tokenize(text);
  return isNotAName(tokens, 0, tokens.length - 1);
};

describe('what the verb «سد» fills is no dam, whoever found it', () => {
  it('drops a model name «سد» + what it fills, behind proclitics too', () => {
    expect(whole('سد الفراغ')).toBe(true);
    expect(whole('لسد العجز')).toBe(true);
    expect(whole('سد النهضة')).toBe(false);
    expect(whole('السد العالي')).toBe(false);
  });

  it('tags no place in a sentence where the model reads one (full tagger)', () => {
    const text = 'وقال إن الاختبار الحقيقي هو قدرة القوات العراقية على سد الفراغ الاستخباري الذي خلفه رحيل التحالف.';
    expect(named(text, 'ar', true).filter((m) => m.includes('سد'))).toEqual([]);
    expect(named('وارتفع منسوب المياه خلف سد النهضة.', 'ar', true)).toContain('LOC سد النهضة loc:gerd');
  });
});

describe('Arabic descriptors of this session', () => {
  it('keeps a valley and islands whole with the place after them', () => {
    expect(named('استهدفت الغارات مخابئ في وادي حوران غربي الأنبار.', 'ar')).toContain('LOC وادي حوران loc:وادي حوران');
    expect(named('وتمتد الشعاب من جزر فرسان إلى جدة.', 'ar')).toContain('LOC جزر فرسان loc:farasan-islands');
  });

  it('reads a base by its place, with its kind, and nothing else called «قاعدة»', () => {
    expect(named('وهبطت الطائرة في قاعدة حماة الجوية مساء أمس.', 'ar')).toEqual(['LOC قاعدة حماة الجوية loc:قاعده حماه الجويه']);
    expect(named('وأنشأت الوزارة قاعدة بيانات وقاعدة شعبية واسعة.', 'ar')).toEqual([]);
    // A country is no base's name («قاعدة سوريا» is Syria's base of support).
    expect(named('وقال إن قاعدة سوريا الشعبية تتسع.', 'ar')).toEqual(['LOC سوريا loc:SYR']);
  });
});

describe('Arabic bodies named by what they do', () => {
  it('reads a head, a verbal noun and its definite object as an organisation', () => {
    expect(named('ثم تقدمت قوات من جهاز مكافحة الإرهاب لتفتيش المنطقة.', 'ar')).toEqual(['ORG جهاز مكافحة الإرهاب org:جهاز مكافحه الارهاب']);
    expect(named('وقالت هيئة تنظيم الاتصالات إن الخدمة عادت.', 'ar')).toEqual(['ORG هيئة تنظيم الاتصالات org:هييه تنظيم الاتصالات']);
    expect(named('وأعلن جهاز حماية المستهلك المصري غرامة.', 'ar')).toEqual(['ORG جهاز حماية المستهلك المصري org:جهاز حمايه المستهلك المصري']);
  });

  it('leaves a board of directors and a verbal noun outside the list alone', () => {
    expect(named('واجتمع مجلس إدارة الشركة أمس.', 'ar')).toEqual([]);
    expect(named('وطالبت حكومة تصريف الأعمال بالصبر.', 'ar')).toEqual([]);
  });
});

describe('panels, courts and civil defence', () => {
  it('reads «هيئة» + the defence, the bench or the jury as a panel, not a body', () => {
    expect(named('وقالت هيئة الدفاع إن موكليها أبرياء، ورفعت هيئة المحكمة الجلسة.', 'ar')).toEqual([]);
    expect(named('وقالت هيئة الدفاع المدني إن الحريق أخمد.', 'ar')).toEqual(['ORG هيئة الدفاع المدني org:هييه الدفاع المدني']);
  });

  it('keeps a court’s number in its name', () => {
    expect(named('وأصدرت محكمة الجنايات الأولى حكمها.', 'ar')).toEqual(['ORG محكمة الجنايات الأولى org:محكمه الجنايات الاولي']);
    expect(named('وقضت محكمة الاستئناف الثانية بأن الحكم نهائي.', 'ar')).toEqual(['ORG محكمة الاستئناف الثانية org:محكمه الاستيناف الثانيه']);
  });
});

describe('English names of this session', () => {
  it('joins "on" inside a name already joined by "for", not after a council', () => {
    expect(named('Giulia Marchetti, a lawyer with the Association for Juridical Studies on Immigration, said.', 'en')).toContain(
      'ORG Association for Juridical Studies on Immigration org:association for juridical studies on immigration',
    );
    expect(named('The Security Council on Iran met.', 'en')).toEqual(['ORG Security Council org:un-security-council', 'LOC Iran loc:IRN']);
  });

  it('lets a person the model reads take back a KB town that is his surname', () => {
    const text = "Amazonas Governor Wilson Lima declared an emergency. Protesters marched in central Lima on Sunday.";
    const found = named(text, 'en', true);
    expect(found).toContain('PER Wilson Lima per:wilson lima');
    expect(found).toContain('LOC Lima loc:lima');
  });
});

describe('English demonyms as model names', () => {
  it('tells a demonym, qualified or not, from a name', () => {
    const only = (text: string): boolean => {
      const tokens = tokenize(text);
      return isOnlyDemonym(tokens, 0, tokens.length - 1);
    };
    expect(only('Englishman')).toBe(true);
    expect(only('Northern Irishman')).toBe(true);
    expect(only('South African')).toBe(true);
    expect(only('African')).toBe(false);
    expect(only('Northern Ireland')).toBe(false);
    expect(only('New Yorker')).toBe(false);
  });

  it('tags no organisation for "the Englishman" (full tagger)', () => {
    const text = '"It means a lot," said the Englishman, who collected the first prize. The Northern Irishman said matching Montgomerie was special.';
    expect(named(text, 'en', true).filter((m) => m.startsWith('ORG'))).toEqual([]);
  });
});

describe('names of this session', () => {
  it('leaves an honorific the model read into a person out of the name', () => {
    const tokens = tokenize('Sir Ernest Shackleton');
    expect(withoutDemonym(tokens, { first: 0, last: 2, start: 0 })).toEqual({ first: 1, last: 2, start: 4 });
    const mr = tokenize('Mr Sarwar');
    expect(withoutDemonym(mr, { first: 0, last: 1, start: 0 })).toEqual({ first: 1, last: 1, start: 3 });
    // A demonym stays before a single word (it may be a given name: "German Gref").
    const german = tokenize('German Gref');
    expect(withoutDemonym(german, { first: 0, last: 1, start: 0 })).toEqual({ first: 0, last: 1, start: 0 });
  });

  it('reads «X بن <KB person>» as the son, with a compound given name written as one word', () => {
    expect(named('وهنأ الأمير عبدالرحمن بن تركي الفيصل الرياضيين.', 'ar')).toEqual(['PER عبدالرحمن بن تركي الفيصل per:عبدالرحمن بن تركي الفيصل']);
  });

  it('links a sheikh named by his given name to his full name earlier in the article', () => {
    const text = 'وتسلم العلم الشيخ ثامر بن حمد آل ثاني من رئيس المجلس. وقال الشيخ ثامر إن الدوحة جاهزة.';
    const people = named(text, 'ar', true).filter((m) => m.startsWith('PER'));
    expect(people).toEqual(['PER ثامر بن حمد آل ثاني per:ثامر بن حمد ال ثاني', 'PER ثامر per:ثامر بن حمد ال ثاني']);
  });
});

describe('knowledge added this session', () => {
  it('links the tours, not the company inside their name, and bodies by their cues', () => {
    expect(named('Tommy Fleetwood won the DP World Tour finale; DP World sponsors it.', 'en', true)).toEqual([
      'PER Tommy Fleetwood per:tommy fleetwood',
      'ORG DP World Tour org:dp-world-tour',
      'ORG DP World org:dp-world',
    ]);
    expect(named('Elly Schlein, leader of the opposition Democratic Party, said Italy would appeal.', 'en', true)).toEqual(
      expect.arrayContaining(['PER Elly Schlein per:elly-schlein', 'ORG Democratic Party org:italian-democratic-party']),
    );
  });

  it('keeps a longer name that opens with the coalition’s', () => {
    expect(named('وموّل التحالف الدولي لحماية التراث في مناطق النزاع الترميم.', 'ar')).toEqual(['ORG التحالف الدولي لحماية التراث في مناطق النزاع org:aliph']);
    expect(named('وانتهت مهمة التحالف الدولي في العراق.', 'ar')).toEqual(['ORG التحالف الدولي org:global-coalition-against-daesh', 'LOC العراق loc:IRQ']);
  });

  it('gives Singa its Arabic name and leaves «سنغافورة» to Singapore', () => {
    const rows = readFileSync(new URL('../data/places.tsv', import.meta.url), 'utf8').split('\n');
    expect(rows.find((r) => r.startsWith('loc:Q997838\t'))?.split('\t')[1]).toBe('سنجة');
    expect(named('وزار الوفد سنغافورة ثم سنجة.', 'ar')).toEqual(['LOC سنغافورة loc:SGP', 'LOC سنجة loc:Q997838']);
  });
});
