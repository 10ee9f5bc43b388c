import { describe, expect, it } from 'vitest';
import type { EntityInfo } from '../src/build-entities.ts';
import { partialNameLinks } from '../src/partial-names.ts';
import type { EntityType, Mention } from '../src/types.ts';
import { tagger } from './tagger-helpers.ts';

/** Mentions of the given texts (offsets do not matter here), each unlinked under its own id unless `linked` names it. */
function mentionsOf(items: ReadonlyArray<[string, EntityType, string]>, linked: readonly string[] = []): { mentions: Mention[]; info: Map<string, EntityInfo> } {
  const mentions = items.map(([text, type, entityId], i): Mention => ({ start: i * 100, end: i * 100 + text.length, type, text, entityId }));
  const info = new Map<string, EntityInfo>(items.map(([, type, id]) => [id, { linked: linked.includes(id), type, name: null }]));
  return { mentions, info };
}
const relinked = (items: ReadonlyArray<[string, EntityType, string]>, linked: readonly string[] = []): string[] => {
  const { mentions, info } = mentionsOf(items, linked);
  return [...partialNameLinks(mentions, info)].map(([m, id]) => `${m.text} → ${id}`);
};

describe('part of a name the article gave in full', () => {
  it('links a surname of two words to the person named in full', () => {
    expect(relinked([['ستافان دي ميستورا', 'PER', 'per:a'], ['دي ميستورا', 'PER', 'per:b']])).toEqual(['دي ميستورا → per:a']);
    expect(relinked([['Marine Le Pen', 'PER', 'per:a'], ['Le Pen', 'PER', 'per:b']])).toEqual(['Le Pen → per:a']);
  });

  it('links part of an organisation name, its words in any order, or its first word after a generic head', () => {
    expect(relinked([['وزارة الموارد البشرية والتنمية الاجتماعية', 'ORG', 'org:a'], ['وزارة الموارد البشرية', 'ORG', 'org:b']])).toEqual(['وزارة الموارد البشرية → org:a']);
    expect(relinked([['Ministry of Energy', 'ORG', 'org:a'], ['Energy Ministry', 'ORG', 'org:b']])).toEqual(['Energy Ministry → org:a']);
    expect(relinked([['مجمع بولينا القابضة', 'ORG', 'org:a'], ['بولينا', 'ORG', 'org:b']])).toEqual(['بولينا → org:a']);
  });

  it('leaves a part two entities share, a KB-linked mention, places, and a one-word person', () => {
    expect(relinked([['وزارة الصحة والسكان', 'ORG', 'org:a'], ['وزارة الصحة العامة', 'ORG', 'org:c'], ['وزارة الصحة', 'ORG', 'org:b']])).toEqual([]);
    expect(relinked([['Ministry of Energy', 'ORG', 'org:a'], ['Energy Ministry', 'ORG', 'org:kb']], ['org:kb'])).toEqual([]);
    expect(relinked([['Gulf of Mexico', 'LOC', 'loc:a'], ['Mexico', 'LOC', 'loc:b']])).toEqual([]);
    expect(relinked([['Marine Le Pen', 'PER', 'per:a'], ['Pen', 'PER', 'per:b']])).toEqual([]);
    // A one-word organisation must be the full name's first word, not any word of it.
    expect(relinked([['مجمع بولينا القابضة', 'ORG', 'org:a'], ['القابضة', 'ORG', 'org:b']])).toEqual([]);
  });

  it('gives the tagger one entity for the full name and its part', () => {
    const text = 'وقال المبعوث الأممي ستافان دي ميستورا إن المحادثات ستستأنف. وأضاف دي ميستورا أن الأطراف وافقت.';
    const result = tagger().tag(text, 'ar');
    const ids = new Set(result.mentions.filter((m) => m.type === 'PER').map((m) => m.entityId));
    expect(ids.size).toBe(1);
  });
});

describe('a club or brand by its last word, a given name, a name opening a longer one (session 23)', () => {
  it('links a one-word organisation to the name it ends, where no name opens with it', () => {
    expect(relinked([['Sir Susa Vim Perugia', 'ORG', 'org:a'], ['Perugia', 'ORG', 'org:b']])).toEqual(['Perugia → org:a']);
    expect(relinked([['شركة سكر كنانة', 'ORG', 'org:a'], ['كنانة', 'ORG', 'org:b']])).toEqual(['كنانة → org:a']);
    // A first word wins over a last word; a generic tail and an Arabic word with the article are no short name.
    expect(relinked([['House of Representatives', 'ORG', 'org:a'], ['White House', 'ORG', 'org:kb'], ['House', 'ORG', 'org:b']], ['org:kb'])).toEqual(['House → org:a']);
    expect(relinked([['White House', 'ORG', 'org:kb'], ['House', 'ORG', 'org:b']], ['org:kb'])).toEqual([]);
    expect(relinked([['Masan Group', 'ORG', 'org:a'], ['Group', 'ORG', 'org:b']])).toEqual([]);
    expect(relinked([['مطاحن كنانة الوطنية', 'ORG', 'org:a'], ['الوطنية', 'ORG', 'org:b']])).toEqual([]);
    // Two names that end with it: left alone.
    expect(relinked([['Hapoel Tel Aviv', 'ORG', 'org:a'], ['Maccabi Tel Aviv', 'ORG', 'org:c'], ['Aviv', 'ORG', 'org:b']])).toEqual([]);
  });

  it('links an Arabic one-word person to the one name it opens, not «محمد» or «أبو»', () => {
    expect(relinked([['زياد الرحباني', 'PER', 'per:a'], ['زياد', 'PER', 'per:زياد']])).toEqual(['زياد → per:a']);
    expect(relinked([['محمد بن سلمان', 'PER', 'per:kb'], ['محمد', 'PER', 'per:محمد']], ['per:kb'])).toEqual([]);
    expect(relinked([['زياد الرحباني', 'PER', 'per:a'], ['زياد العلي', 'PER', 'per:c'], ['زياد', 'PER', 'per:زياد']])).toEqual([]);
  });

  it('links a Latin name of two words to the longer name it opens', () => {
    expect(relinked([['Abang Johari Openg', 'PER', 'per:a'], ['Abang Johari', 'PER', 'per:b']])).toEqual(['Abang Johari → per:a']);
    expect(relinked([['Maryam Nawaz Sharif', 'PER', 'per:a'], ['Nawaz Sharif', 'PER', 'per:kb'], ['Maryam Nawaz', 'PER', 'per:b']], ['per:kb'])).toEqual(['Maryam Nawaz → per:a']);
  });

  it('leaves a club named by the word itself («نادي هانوي» is not «كونغ آن هانوي»)', () => {
    const relinkedIn = (text: string): string[] => {
      const club = text.indexOf('كونغ آن هانوي');
      const word = text.lastIndexOf('هانوي');
      const mentions: Mention[] = [
        { start: club, end: club + 'كونغ آن هانوي'.length, type: 'ORG', text: 'كونغ آن هانوي', entityId: 'org:a' },
        { start: word, end: word + 'هانوي'.length, type: 'ORG', text: 'هانوي', entityId: 'org:b' },
      ];
      const info = new Map<string, EntityInfo>([['org:a', { linked: false, type: 'ORG', name: null }], ['org:b', { linked: false, type: 'ORG', name: null }]]);
      return [...partialNameLinks(mentions, info, text)].map(([m, id]) => `${m.text} → ${id}`);
    };
    expect(relinkedIn('وتعادل كونغ آن هانوي، بينما فاز نادي هانوي على ضيفه.')).toEqual([]);
    expect(relinkedIn('وتعادل كونغ آن هانوي، بينما فاز هانوي على ضيفه.')).toEqual(['هانوي → org:a']);
  });

  it('gives the tagger one entity for a club and its last word', () => {
    const ids = tagger().tag('Sir Susa Vim Perugia beat Itas Trentino 3-1. Perugia won the first set easily.', 'en').mentions.filter((m) => m.text.includes('Perugia')).map((m) => m.entityId);
    expect(new Set(ids).size).toBe(1);
    expect(ids).toHaveLength(2);
  });
});
