import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleSentences, goldMentions } from '../src/article-corpus.ts';
import { loadArticleSet } from '../src/data-files.ts';
import { spansOf } from '../src/model/conll.ts';
import { sentencesOf } from '../src/model-mentions.ts';
import { tokenize } from '../src/tokenize.ts';

/** The gold entities of the Arab culture fund sentences below. */
const FUND_ENTITIES = [
  { type: 'ORG', names: ['الصندوق العربي للثقافة'] },
  { type: 'ORG', names: ['اليونسكو'] },
  { type: 'LOC', names: ['تونس'] },
];

const tagged = (s: { tokens: readonly string[]; tags: readonly string[] }): string =>
  s.tokens.map((t, i) => (s.tags[i] === 'O' ? t : `${t}/${s.tags[i] ?? ''}`)).join(' ');

describe('the model sentences of an article', () => {
  const pieces = (text: string): string[] => sentencesOf(text, tokenize(text)).map((s) => s.map((p) => p.text).join(' '));

  it('breaks after sentence punctuation and line breaks, with each piece at its offset', () => {
    const text = 'قال الوزير: نعم. ثم غادر\nالجلسة انتهت؟ لا';
    expect(pieces(text)).toEqual(['قال الوزير : نعم .', 'ثم غادر', 'الجلسة انتهت ؟', 'لا']);
    for (const s of sentencesOf(text, tokenize(text))) for (const p of s) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  it('keeps a possessive \'s one piece, as the English corpora tokenise it', () => {
    expect(pieces("Kenya's Safaricom and the firm’s chief said it's done. Mr Jones' s")).toEqual([
      "Kenya 's Safaricom and the firm ’s chief said it 's done .",
      "Mr Jones ' s",
    ]);
  });

  it('does not end a sentence at the full stops of initials, abbreviations and numbers', () => {
    expect(pieces('The U.S. Navy and Gen. Haftar met C.C. Wei at 3.5 p.m. on Monday. Talks ended.')).toEqual([
      'The U . S . Navy and Gen . Haftar met C . C . Wei at 3 . 5 p . m . on Monday .',
      'Talks ended .',
    ]);
  });
});

describe('hand-annotated articles as training sentences', () => {
  it('tags every occurrence of a gold name, behind proclitics and in the fused لل form, the whole token', () => {
    const text = 'قال الصندوق العربي للثقافة إن اليونسكو دعمت المشروع. وأضاف أن لليونسكو مكتبا في تونس وبتونس فرعا، والصندوق العربي للثقافة شريك.\n';
    const out = articleSentences({ lang: 'ar', text, entities: FUND_ENTITIES });
    expect(out.unplaced).toEqual([]);
    expect(out.sentences.map(tagged)).toEqual([
      'قال الصندوق/B-ORG العربي/I-ORG للثقافة/I-ORG إن اليونسكو/B-ORG دعمت المشروع .',
      'وأضاف أن لليونسكو/B-ORG مكتبا في تونس/B-LOC وبتونس/B-LOC فرعا ، والصندوق/B-ORG العربي/I-ORG للثقافة/I-ORG شريك .',
    ]);
  });

  it('places longer names first, never inside a word, and reports names it cannot place', () => {
    const out = articleSentences({
      lang: 'en',
      text: 'The Security Council of Ghana met in Accra. Ghanaian officials and Ghana Cocoa Board staff attended.\n',
      entities: [
        { type: 'ORG', names: ['Ghana Cocoa Board'] },
        { type: 'LOC', names: ['Ghana', 'Accra'] },
        { type: 'ORG', names: ['Security Council of Ghana'] },
        { type: 'PER', names: ['Kwame Mensah'] },
      ],
    });
    expect(out.sentences.map(tagged)).toEqual([
      'The Security/B-ORG Council/I-ORG of/I-ORG Ghana/I-ORG met in Accra/B-LOC .',
      'Ghanaian officials and Ghana/B-ORG Cocoa/I-ORG Board/I-ORG staff attended .',
    ]);
    expect(out.unplaced).toEqual(['Kwame Mensah']);
  });

  it('reads a fixture set: one document per article of the language, every name placed', () => {
    const set = loadArticleSet('articles', 'ar');
    expect(set.documents).toHaveLength(2);
    expect(set.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(set.unplaced).toEqual([]);
    const names = set.documents.flat().flatMap((s) => spansOf(s.tags));
    expect(names.length).toBeGreaterThan(50);
  });

  it('rejects a set file that is not an annotated article, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-articles-'));
    try {
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ lang: 'ar', text: 'نص', entities: [{ type: 'PER' }] }));
      expect(() => loadArticleSet('bad', 'ar', dir)).toThrow(/bad\.json: need lang, text and entities/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('gold mentions of an article, for scoring the tagger', () => {
  it('gives each occurrence as offsets after proclitics and both letters of a fused لل, longest names first', () => {
    const text = 'قال الصندوق العربي للثقافة إن اليونسكو دعمت المشروع. وأضاف أن لليونسكو مكتبا في تونس وبتونس فرعا.\n';
    const article = { lang: 'ar', text, entities: [...FUND_ENTITIES, { type: 'ORG', names: ['الصندوق'] }] };
    expect(goldMentions(article).map((m) => `${m.type} ${text.slice(m.start, m.end)}`)).toEqual([
      'ORG الصندوق العربي للثقافة',
      'ORG اليونسكو',
      'ORG يونسكو',
      'LOC تونس',
      'LOC تونس',
    ]);
  });

  it('never places a name inside a word', () => {
    const article = { lang: 'en', text: 'Omanis visited Oman.\n', entities: [{ type: 'LOC', names: ['Oman'] }] };
    expect(goldMentions(article)).toEqual([{ start: 15, end: 19, type: 'LOC' }]);
  });
});
