import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entities } from '@khabar/contracts';
import { entitiesSchema } from '@khabar/contracts';
import { idsOf, mentionAt, tagger } from './tagger-helpers.ts';

const text = readFileSync(new URL('./fixtures/peskov-ar.txt', import.meta.url), 'utf8');

describe('seed article (Peskov on Baku and Yerevan)', () => {
  const result = tagger().tag(text, 'ar');

  it('gives offsets that slice back to each mention', () => {
    expect(result.mentions.length).toBeGreaterThan(10);
    for (const m of result.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it.each([
    [11, 19, 'ORG', 'الكرملين', 'org:kremlin'],
    [20, 33, 'PER', 'دميتري بيسكوف', 'per:dmitry-peskov'],
    [41, 46, 'LOC', 'موسكو', 'loc:Q1697'],
    [67, 71, 'LOC', 'باكو', 'loc:Q9248'],
    [73, 79, 'LOC', 'يريفان', 'loc:Q1953'],
    [156, 163, 'LOC', 'قره باغ', 'loc:karabakh'],
    [306, 311, 'LOC', 'روسيا', 'loc:RUS'],
    [587, 594, 'LOC', 'أرمينيا', 'loc:ARM'],
    [596, 604, 'LOC', 'أذربيجان', 'loc:AZE'],
  ])('finds %i-%i %s %s', (start, end, type, surface, id) => {
    expect(mentionAt(result, start, end)).toEqual({ start, end, type, text: surface, entityId: id });
  });

  it('finds يريفان inside ويريفان without the conjunction', () => {
    const at = text.indexOf('ويريفان');
    expect(mentionAt(result, at + 1, at + 7)?.text).toBe('يريفان');
  });

  it('links the bare surname بيسكوف to the full name', () => {
    const full = idsOf(result, 'دميتري بيسكوف');
    const bare = idsOf(result, 'بيسكوف');
    expect(full).toEqual(['per:dmitry-peskov']);
    expect(bare).toEqual(['per:dmitry-peskov']);
    const peskov = result.entities.find((e) => e.id === 'per:dmitry-peskov');
    expect(peskov).toMatchObject({ linked: true, type: 'PER', name: 'دميتري بيسكوف', count: 2, firstOffset: 20 });
    expect(peskov?.names).toEqual(['دميتري بيسكوف', 'بيسكوف']);
  });

  it('tags the sources at the foot of the article', () => {
    expect(idsOf(result, 'نوفوستي')).toEqual(['org:ria-novosti']);
    expect(idsOf(result, 'RT Arabic')).toEqual(['org:rt']);
  });

  it('ranks the lead entities above ones mentioned once at the end', () => {
    const sal = (id: string): number => result.entities.find((e) => e.id === id)?.salience ?? -1;
    expect(sal('per:dmitry-peskov')).toBeGreaterThan(sal('org:ria-novosti'));
    expect(sal('loc:Q9248')).toBeGreaterThan(sal('loc:ARM'));
    for (const e of result.entities) expect(e.salience).toBeGreaterThanOrEqual(0);
  });

  it('matches the Entities contract', () => {
    const typed: Entities = result;
    expect(entitiesSchema.safeParse(typed).success).toBe(true);
  });
});
