import { describe, expect, it } from 'vitest';
import { tagger } from './tagger-helpers.ts';

const idsOf = (text: string, name: string): (string | null)[] =>
  tagger().tag(text, 'en').mentions.filter((m) => m.text === name).map((m) => m.entityId);

describe('"Labour Party" and "Labour" are the UK party only beside British words (session 28)', () => {
  it('links the UK party where the article is British', () => {
    expect(idsOf('Prime Minister Keir Starmer said Labour would win. The Labour Party leads the Conservatives.', 'Labour')).toEqual(['org:uk-labour-party']);
    expect(idsOf('Jen Craft, the Labour MP for Thurrock, said she welcomed the jobs.', 'Labour')).toEqual(['org:uk-labour-party']);
  });

  it("leaves Ireland's and Nigeria's Labour Party to themselves", () => {
    expect(idsOf('The Labour Party said the proposal did not go far enough, and Fianna Fáil was split. Dublin City Council backed it.', 'Labour Party')).toEqual(['org:labour party']);
    expect(idsOf('Peter Obi, who came third on the ticket of the Labour Party, draws strong support in Lagos.', 'Labour Party')).toEqual(['org:labour party']);
  });

  it("keeps Fiji's and Jamaica's Labour parties whole, not cut to the UK party's name", () => {
    expect(idsOf('FijiFirst won 26 seats, SODELPA four and the Fiji Labour Party two.', 'Fiji Labour Party')).toEqual(['org:fiji labour party']);
    expect(idsOf("Prime Minister Andrew Holness's Jamaica Labour Party (JLP) government has defended the clause.", 'JLP')).toEqual(['org:jamaica labour party']);
  });
});

