import { describe, expect, it } from 'vitest';
import { tagger } from './tagger-helpers.ts';
import { coordinatedBodies } from '../src/coordinated-bodies.ts';
import { placeOpenersEn } from '../src/name-types.ts';
import { peninsulasAr } from '../src/place-bodies.ts';
import type { EntityInfo } from '../src/build-entities.ts';
import type { Mention } from '../src/types.ts';

const tagged = (text: string, lang = 'en'): string[] => tagger().tag(text, lang).mentions.map((m) => `${m.type} ${m.text} ${m.entityId ?? ''}`.trim());
const typed = (text: string, lang = 'en'): string[] => tagger().tag(text, lang).mentions.map((m) => `${m.type} ${m.text}`);

/** A mention of `name` where it first occurs in `text`, unlinked. */
const mention = (text: string, name: string, type: Mention['type']): Mention => {
  const start = text.indexOf(name);
  return { start, end: start + name.length, text: name, type, entityId: `${type.toLowerCase()}:${name}` };
};
const unlinked = (...ms: Mention[]): Map<string, EntityInfo> => new Map(ms.map((m) => [m.entityId ?? '', { linked: false, type: m.type, name: null }]));

describe('two bodies joined by «و»/"and" (session 27)', () => {
  it('cuts an Arabic body before «و» and the head of a second one', () => {
    const text = 'وأعلنت وزارة النقل والحكومة المحلية في البحرين عن خطة جديدة.';
    const m = mention(text, 'وزارة النقل والحكومة المحلية', 'ORG');
    const [parts] = [...coordinatedBodies([m], unlinked(m), true).values()];
    expect(parts?.map((p) => [p.text, text.slice(p.start, p.end)])).toEqual([['وزارة النقل', 'وزارة النقل']]);
    expect(typed(text, 'ar')).toEqual(['ORG وزارة النقل', 'LOC البحرين']);
  });

  it('leaves a body whose second word is the joined head, a KB name and a centre joined to a body', () => {
    const text = 'مؤسسة ومركز الأبحاث البيئية ومستشفى الملك فيصل التخصصي ومركز الأبحاث';
    const first = mention(text, 'مؤسسة ومركز الأبحاث البيئية', 'ORG');
    const centre = mention(text, 'مستشفى الملك فيصل التخصصي ومركز الأبحاث', 'ORG');
    expect(coordinatedBodies([first, centre], unlinked(first, centre), true).size).toBe(0);
    expect(tagged('قالت منظمة الأغذية والزراعة إن المحصول تراجع.', 'ar')).toEqual(['ORG منظمة الأغذية والزراعة org:fao']);
  });

  it('splits "A County Council and B County Council" into two bodies with their own offsets', () => {
    const text = 'The plan was agreed by South Dublin County Council and Fingal County Council on Monday.';
    const m = mention(text, 'South Dublin County Council and Fingal County Council', 'ORG');
    const [parts] = [...coordinatedBodies([m], unlinked(m), false).values()];
    expect(parts?.map((p) => text.slice(p.start, p.end))).toEqual(['South Dublin County Council', 'Fingal County Council']);
    expect(typed(text)).toEqual(['ORG South Dublin County Council', 'ORG Fingal County Council']);
  });

  it('keeps one name where only the last word is a head ("Smith and Jones Group" is no two bodies)', () => {
    const text = 'Shares in Smith and Jones Group rose.';
    const m = mention(text, 'Smith and Jones Group', 'ORG');
    expect(coordinatedBodies([m], unlinked(m), false).size).toBe(0);
  });
});

describe('«شبه جزيرة …» is one place (session 27)', () => {
  it('takes «شبه» into the place that opens with «جزيرة»', () => {
    const text = 'وصل الصيادون إلى شبه جزيرة نواذيبو في موريتانيا.';
    const m = mention(text, 'جزيرة نواذيبو', 'LOC');
    const [grown] = [...peninsulasAr(text, [m], () => false).values()];
    expect(grown && text.slice(grown.start, grown.end)).toBe('شبه جزيرة نواذيبو');
    expect(typed(text, 'ar')).toEqual(['LOC شبه جزيرة نواذيبو', 'LOC موريتانيا']);
  });

  it('keeps a linked id and leaves «شبه» that is not right before the place', () => {
    const text = 'التوتر في شبه الجزيرة الكورية';
    const m = { ...mention(text, 'الجزيرة الكورية', 'LOC'), entityId: 'loc:korea' };
    expect([...peninsulasAr(text, [m], (id) => id === 'loc:korea').values()][0]?.entityId).toBe('loc:korea');
    const other = 'هو شبه متأكد أن جزيرة فيلكا جميلة';
    expect(peninsulasAr(other, [mention(other, 'جزيرة فيلكا', 'LOC')], () => false).size).toBe(0);
  });
});

describe('English places: hospitals named after their town, San/Santa/Los names (session 27)', () => {
  it('reads "<Town> Teaching Hospital" as one place', () => {
    expect(typed('The boy was taken to Tamale Teaching Hospital on Friday.')).toEqual(['LOC Tamale Teaching Hospital']);
  });

  it('retypes an unlinked person opening with San/Santa/São/Los as a place, and leaves other people', () => {
    const text = 'Near San Isidro, Maria Santos and Los Mochis.';
    const ms = [mention(text, 'San Isidro', 'PER'), mention(text, 'Maria Santos', 'PER'), mention(text, 'Los Mochis', 'PER')];
    const out = placeOpenersEn(ms, unlinked(...ms));
    expect([...out.keys()].map((m) => m.text)).toEqual(['San Isidro', 'Los Mochis']);
    expect([...out.values()].map((v) => v.type)).toEqual(['LOC', 'LOC']);
    const single = mention('San said so.', 'San', 'PER');
    expect(placeOpenersEn([single], unlinked(single)).size).toBe(0);
    expect(typed('Farmers near the town of San Isidro said the rains came late.')).toEqual(['LOC San Isidro']);
  });
});

describe('KB: Irish parties and parliament, the Canadian Press in datelines (session 27)', () => {
  it('links Fianna Fáil, Fine Gael, Sinn Féin and the Oireachtas', () => {
    expect(tagged('Fianna Fáil, Fine Gael and Sinn Féin all backed the bill in the Oireachtas.')).toEqual([
      'ORG Fianna Fáil org:fianna-fail', 'ORG Fine Gael org:fine-gael', 'ORG Sinn Féin org:sinn-fein', 'ORG Oireachtas org:oireachtas',
    ]);
  });

  it('links "CP" to the Canadian Press beside a Canadian city, not in "CP Group"', () => {
    expect(tagged('CALGARY (CP) — The Calgary Stampeders won on Saturday.').filter((m) => m.includes(' CP '))).toEqual(['ORG CP org:canadian-press']);
    expect(tagged('Shares of CP Group rose in Bangkok on Monday.')[0]).toBe('ORG CP Group org:cp-group');
  });
});
