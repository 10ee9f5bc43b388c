import { describe, expect, it } from 'vitest';
import { scoreArticle, type GoldArticle } from '../src/article-score.ts';
import type { TagResult } from '../src/types.ts';

/** A tag result as the tagger returns it, from its mentions (entity facts are what scoring reads). */
function result(mentions: Array<[text: string, type: 'PER' | 'ORG' | 'LOC', id: string, linked: boolean]>): TagResult {
  const entities = new Map<string, TagResult['entities'][number]>();
  let at = 0;
  const out: TagResult['mentions'] = mentions.map(([text, type, id, linked]) => {
    entities.set(id, { id, linked, type, name: text, names: [text], count: 1, firstOffset: at, salience: 0.5 });
    const m = { start: at, end: at + text.length, type, text, entityId: id };
    at += text.length + 1;
    return m;
  });
  return { entities: [...entities.values()], mentions: out } as TagResult;
}

const gold: GoldArticle = {
  lang: 'en',
  source: 'test',
  text: '',
  entities: [
    { id: 'per:rachel-reeves', type: 'PER', names: ['Rachel Reeves', 'Reeves'] },
    // Written when the KB did not hold these.
    { id: null, type: 'PER', names: ['Nigel Farage', 'Farage'] },
    { id: null, type: 'ORG', names: ['Kurdistan Democratic Party'] },
  ],
};

describe('scoreArticle', () => {
  it('scores ids exactly, unlinked gold names by their normalised surface', () => {
    const s = scoreArticle(result([['Rachel Reeves', 'PER', 'per:rachel-reeves', true], ['Nigel Farage', 'PER', 'per:nigel farage', false]]), gold);
    expect(s).toMatchObject({ gold: 3, found: 2, mentionsChecked: 2, mentionsLinked: 2, linkedSinceGold: [] });
    expect(s.missed).toEqual(['ORG org:kurdistan democratic party']);
  });

  it('accepts a KB entry added after the gold was written when every mention of it is that gold entity', () => {
    const tagged = result([['Nigel Farage', 'PER', 'per:nigel-farage', true], ['Farage', 'PER', 'per:nigel-farage', true]]);
    const s = scoreArticle(tagged, gold, { addedSinceGold: (id) => id === 'per:nigel-farage' });
    expect(s).toMatchObject({ found: 1, mentionsChecked: 2, mentionsLinked: 2, linkedSinceGold: ['per:nigel-farage'] });
    expect(s.spurious).toEqual([]);
    // Strict without the list, and for an id the KB already held when the gold left the name unlinked.
    expect(scoreArticle(tagged, gold)).toMatchObject({ found: 0, mentionsLinked: 0, linkedSinceGold: [] });
    expect(scoreArticle(tagged, gold, { addedSinceGold: () => false })).toMatchObject({ found: 0, linkedSinceGold: [] });
  });

  it('does not accept a KB name found inside a longer gold name, nor a wrong type', () => {
    // "Democratic Party" (another party) inside the gold's longer name.
    const any = { addedSinceGold: () => true };
    const inside = scoreArticle(result([['Democratic Party', 'ORG', 'org:us-democratic-party', true]]), gold, any);
    expect(inside).toMatchObject({ found: 0, linkedSinceGold: [] });
    expect(inside.spurious).toEqual(['ORG org:us-democratic-party']);
    const wrongType = scoreArticle(result([['Farage', 'ORG', 'org:farage-holdings', true]]), gold, any);
    expect(wrongType).toMatchObject({ found: 0, mentionsLinked: 0, linkedSinceGold: [] });
  });

  it('reads an Arabic name behind a fused «لل» as the gold restores it', () => {
    const arabic: GoldArticle = { lang: 'ar', source: 'test', text: '', entities: [{ id: null, type: 'ORG', names: ['التحالف الدولي'] }] };
    // «للتحالف الدولي»: the mention starts after «لل», the gold lists the name with its article.
    const tagged = result([['تحالف الدولي', 'ORG', 'org:global-coalition-against-daesh', true]]);
    const s = scoreArticle(tagged, arabic, { addedSinceGold: () => true });
    expect(s).toMatchObject({ found: 1, mentionsChecked: 1, mentionsLinked: 1, linkedSinceGold: ['org:global-coalition-against-daesh'] });
    // Not in English, and not a name without the article.
    expect(scoreArticle(result([['التحالف', 'ORG', 'org:x', true]]), arabic, { addedSinceGold: () => true })).toMatchObject({ found: 0, mentionsChecked: 0 });
  });
});
