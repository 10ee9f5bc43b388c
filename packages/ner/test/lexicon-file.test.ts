import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFile, loadModelLexicon } from '../src/data-files.ts';
import { parseKb } from '../src/knowledge-base.ts';
import { buildLexicon, LEXICON_FILE, parseLexicon, serializeLexicon } from '../src/model/lexicon.ts';
import { keyOf } from '../src/tokenize.ts';

describe('the lexicon file the models read', () => {
  it('round-trips: every key keeps its flags, keys sorted', () => {
    const kb = parseKb('id\ttype\tenglish\tarabic\taliases\nper:x\tPER\tDmitry Peskov\tدميتري بيسكوف\tبيسكوف\nloc:y\tLOC\tNarnia\tنارنيا\t~ممر\n');
    const lexicon = buildLexicon(kb, new Set([keyOf('سامي')]));
    const text = serializeLexicon(lexicon);
    const back = parseLexicon(text);
    if (typeof back === 'number') throw new Error(`line ${back}`);
    expect(back.entries()).toEqual(lexicon.entries());
    expect(back.flagsOf(keyOf('بيسكوف'))).toEqual(['PER1', 'PERI']);
    // A model-confirmed alias is no evidence.
    expect(back.flagsOf(keyOf('ممر'))).toBeUndefined();
    expect(serializeLexicon(back)).toBe(text);
  });

  it('fails loading with KHABAR_E_NER_BAD_DATA naming the malformed line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-lexicon-'));
    writeFileSync(join(dir, LEXICON_FILE), 'بيسكوف\tPER1\nno-tab-here\n');
    expect(() => loadModelLexicon(dir)).toThrow(expect.objectContaining({ code: 'KHABAR_E_NER_BAD_DATA', message: expect.stringContaining(':2:') }));
  });

  it('is the one shipped with the models, and knows the KB words they were trained with', () => {
    const { lexicon } = loadModelLexicon(dataFile(''));
    expect(lexicon.flagsOf(keyOf('بوتين'))).toContain('PER1');
    expect(lexicon.flagsOf('putin')).toContain('PER1');
  });
});
