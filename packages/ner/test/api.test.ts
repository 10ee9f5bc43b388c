import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tagJsonl } from '../src/index.ts';
import { tagger } from './tagger-helpers.ts';

const seed = readFileSync(new URL('./fixtures/peskov-ar.txt', import.meta.url), 'utf8');

describe('tagJsonl', () => {
  it('returns the record id and its mentions', () => {
    const out = tagger().tagJsonl({ id: 'doc-1', text: 'وقال بيسكوف في موسكو', lang: 'ar' });
    expect(out).toEqual({
      id: 'doc-1',
      entities: [
        { start: 5, end: 11, type: 'PER', text: 'بيسكوف', entityId: 'per:dmitry-peskov' },
        { start: 15, end: 20, type: 'LOC', text: 'موسكو', entityId: 'loc:Q1697' },
      ],
    });
  });

  it('is the same as the standalone helper', () => {
    const input = { id: 'doc-2', text: seed, lang: 'ar' };
    expect(tagJsonl(tagger(), input)).toEqual(tagger().tagJsonl(input));
  });
});

describe('speed', () => {
  it('tags the seed text 200 times with identical results', () => {
    const t = tagger();
    const first = t.tag(seed, 'ar');
    const tokens = seed.match(/[\p{L}\p{M}\p{Nd}]+/gu)?.length ?? 0;
    const started = performance.now();
    let mentions = 0;
    for (let i = 0; i < 200; i++) mentions += t.tag(seed, 'ar').mentions.length;
    const seconds = (performance.now() - started) / 1000;
    console.log(`ner speed: ${Math.round((200 * tokens) / seconds)} tokens/s (${tokens} tokens x 200 in ${seconds.toFixed(3)} s)`);
    expect(mentions).toBe(200 * first.mentions.length);
  });
});
