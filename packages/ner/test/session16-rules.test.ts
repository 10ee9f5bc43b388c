import { describe, expect, it } from 'vitest';
import { tagger } from './tagger-helpers.ts';

/** "TYPE text id" of each mention of `surface`. */
function mentionsOf(text: string, lang: string, surface: string): string[] {
  return tagger()
    .tag(text, lang)
    .mentions.filter((m) => m.text === surface)
    .map((m) => `${m.type} ${m.entityId}`);
}

describe('English one-word short names in brackets', () => {
  it('gives a mixed-case short name in brackets the id of the organisation it follows', () => {
    const text = 'The Commission on Elections (Comelec) said on Monday that turnout was high. Comelec chairman George Garcia thanked voters.';
    const full = mentionsOf(text, 'en', 'Commission on Elections');
    expect(full).toHaveLength(1);
    expect(mentionsOf(text, 'en', 'Comelec')).toEqual([full[0], full[0]]);
    const ofwat = 'The Water Services Regulation Authority (Ofwat) fined the company. Ofwat said it would appeal.';
    const regulator = mentionsOf(ofwat, 'en', 'Water Services Regulation Authority')[0];
    expect(regulator).toMatch(/^ORG /u);
    expect(mentionsOf(ofwat, 'en', 'Ofwat')).toEqual([regulator, regulator]);
  });

  it('leaves a bracketed word the KB or gazetteer knows to its own entry', () => {
    const text = 'Oil and Gas Development Company (Pakistan) said output rose. Pakistan imports most of its gas.';
    expect(mentionsOf(text, 'en', 'Pakistan')).toEqual(['LOC loc:PAK', 'LOC loc:PAK']);
  });
});
