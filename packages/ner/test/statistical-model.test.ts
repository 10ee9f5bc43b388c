import { describe, expect, it } from 'vitest';
import { dataFile, decode, infoOf, loadModelLexicon } from '../src/eval.ts';
import { tagger } from './tagger-helpers.ts';
import { loadCommittedModel } from './model-helpers.ts';

function mentionsOf(text: string, lang: string): Array<[string, string, string | null]> {
  return tagger()
    .tag(text, lang)
    .mentions.map((m) => {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      return [m.text, m.type, m.entityId];
    });
}

describe('the committed statistical model inside the tagger', () => {
  it('finds an Arabic person the KB does not know and links the bare surname to it', () => {
    const text = 'وقال المحلل في بنك غولدمان ساكس دان سترويفن إن القرار جاء متوقعا. وأضاف سترويفن أن الطلب يبقى العامل الأهم.';
    expect(mentionsOf(text, 'ar')).toEqual([
      ['غولدمان ساكس', 'ORG', 'org:goldman-sachs'],
      ['دان سترويفن', 'PER', 'per:دان سترويفن'],
      ['سترويفن', 'PER', 'per:دان سترويفن'],
    ]);
  });

  it('finds English people the KB does not know, next to KB entities', () => {
    const text = 'Ruto said Humphrey Wattanga would lead the authority. Wattanga previously worked for the International Monetary Fund in Washington.';
    expect(mentionsOf(text, 'en')).toEqual([
      ['Ruto', 'PER', 'per:william-ruto'],
      ['Humphrey Wattanga', 'PER', 'per:humphrey wattanga'],
      ['Wattanga', 'PER', 'per:humphrey wattanga'],
      ['International Monetary Fund', 'ORG', 'org:imf'],
      ['Washington', 'LOC', 'loc:washington-dc'],
    ]);
  });

  it('lets a longer organisation name the model found absorb the place it starts with', () => {
    const text = 'Ruto named a new head of the Kenya Revenue Authority after protests in Kenya.';
    expect(mentionsOf(text, 'en')).toEqual([
      ['Ruto', 'PER', 'per:william-ruto'],
      ['Kenya Revenue Authority', 'ORG', 'org:kenya revenue authority'],
      ['Kenya', 'LOC', 'loc:KEN'],
    ]);
  });

  it('starts an Arabic name after the proclitics the corpus tags with it', () => {
    const text = 'وصل الوفد بالأمس إلى بنيويورك حيث التقى ألكسندر نوفاك';
    const names = mentionsOf(text, 'ar').map(([surface, type]) => `${type} ${surface}`);
    expect(names).toContain('PER ألكسندر نوفاك');
    expect(names.some((n) => n.includes('بنيويورك'))).toBe(false);
  });
});

describe('the committed models on their own', () => {
  const { lexicon } = loadModelLexicon(dataFile(''));

  it('tags an ANERcorp-style Arabic sentence (clitics inside the entity, as the corpus does)', () => {
    const words = 'وقال رئيس الوزراء العراقي نوري المالكي في بغداد إن حكومته ستتعاون مع الأمم المتحدة'.split(' ');
    const tags = decode(loadCommittedModel('ar'), words.map((w) => infoOf(w, lexicon)));
    expect(tags).toEqual(['O', 'O', 'O', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'O', 'O', 'O', 'B-ORG', 'I-ORG']);
  });

  it('tags an English sentence', () => {
    const words = 'Angela Merkel met executives of Volkswagen in Berlin on Monday .'.split(' ');
    const tags = decode(loadCommittedModel('en'), words.map((w) => infoOf(w, lexicon)));
    expect(tags).toEqual(['B-PER', 'I-PER', 'O', 'O', 'O', 'B-ORG', 'O', 'B-LOC', 'O', 'O', 'O']);
  });
});
