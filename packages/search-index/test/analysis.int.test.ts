import { randomBytes } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSearchClient, ensureIndex, toDocument, TEMPLATE_VERSION } from '../src/index.ts';
import { buildIndexJob } from './build-index-job.ts';

// Runs against the real node from test/setup/infra.ts, which local-infra starts with the
// analysis-khabar plugin (infra/elasticsearch/analysis-khabar) installed.
let client: Client;
let base: string;
/** A second base for the rollover test (not `<base>-…`: the two templates' patterns must not overlap). */
let oldBase: string;

beforeAll(async () => {
  client = createSearchClient(inject('elasticsearchUrl'));
  base = `khabar-t-${randomBytes(4).toString('hex')}`;
  oldBase = `khabar-t-${randomBytes(4).toString('hex')}`;
  await ensureIndex(client, base);
});

afterAll(async () => {
  for (const b of [base, oldBase]) {
    const indices = Object.keys(await client.indices.get({ index: `${b}-*`, allow_no_indices: true, ignore_unavailable: true }));
    if (indices.length > 0) await client.indices.delete({ index: indices });
    await client.indices.deleteIndexTemplate({ name: `${b}-template` }).catch(() => undefined);
  }
  await client.close();
});

async function tokens(analyzer: string, text: string): Promise<string[]> {
  const answer = await client.indices.analyze({ index: `${base}-write`, analyzer, text });
  return (answer.tokens ?? []).map((t) => t.token);
}

describe('khabar_arabic', () => {
  it('reduces الكرملين, والكرملين and للكرملين to one and the same token', async () => {
    const forms = await Promise.all(['الكرملين', 'والكرملين', 'للكرملين', 'بالكرملين'].map((w) => tokens('khabar_arabic', w)));
    for (const form of forms) expect(form).toHaveLength(1);
    expect(new Set(forms.flat()).size).toBe(1);
    expect(forms[0]?.[0]).not.toBe('الكرملين'); // the article really is stripped
  });

  it('folds أ/إ/آ to ا (and ة to ه), in the neutral analyzer too', async () => {
    for (const analyzer of ['khabar_arabic', 'khabar_text']) {
      expect(await tokens(analyzer, 'أحمد إسرائيل آمال')).toEqual(await tokens(analyzer, 'احمد اسرائيل امال'));
    }
    expect(await tokens('khabar_text', 'أحمد مدرسة')).toEqual(['احمد', 'مدرسه']);
  });

  it('turns Arabic-Indic digits into ASCII digits', async () => {
    expect(await tokens('khabar_arabic', '٢٠٢٤')).toEqual(['2024']);
    expect(await tokens('khabar_text', 'عام ۲۰۲۴')).toEqual(['عام', '2024']);
  });

  it('drops Arabic stopwords', async () => {
    expect(await tokens('khabar_arabic', 'في الكرملين')).toEqual(await tokens('khabar_arabic', 'الكرملين'));
  });
});

describe('khabar_english', () => {
  it('stems talks, talking and talked alike and drops possessives and stopwords', async () => {
    expect(await tokens('khabar_english', 'talks talking talked')).toEqual(['talk', 'talk', 'talk']);
    expect(await tokens('khabar_english', "The Kremlin's talks")).toEqual(['kremlin', 'talk']);
  });
});

describe('search with the language subfields', () => {
  it('finds والكرملين and للكرملين for الكرملين on text.ar / title.ar, not on the neutral field', async () => {
    const docs = [
      { id: 'a'.repeat(32), title: 'تصريح جديد', text: 'قال متحدث باسم والكرملين إن المحادثات مستمرة' },
      { id: 'b'.repeat(32), title: 'بيان للكرملين', text: 'نص لا يذكر الموضوع' },
      { id: 'c'.repeat(32), title: 'خبر آخر', text: 'لا علاقة له بالموضوع' },
    ];
    for (const d of docs) {
      const job = buildIndexJob({ id: d.id, url: `https://www.example.com/news/${d.id}.html` });
      await client.index({ index: `${base}-write`, id: d.id, document: { ...toDocument(job), title: d.title, text: d.text } });
    }
    await client.indices.refresh({ index: base });
    const ids = async (fields: string[]) =>
      (await client.search({ index: base, query: { multi_match: { query: 'الكرملين', fields } } })).hits.hits.map((h) => h._id ?? '').sort();
    expect(await ids(['title.ar', 'text.ar'])).toEqual([docs[0]!.id, docs[1]!.id]);
    expect(await ids(['title', 'text'])).toEqual([]);
  });

  it('finds "talks" for "talking" on text.en', async () => {
    const id = 'd'.repeat(32);
    const job = buildIndexJob({ id, url: `https://www.example.com/news/${id}.html` });
    await client.index({ index: `${base}-write`, id, document: { ...toDocument(job), lang: 'en', title: 'Peace', text: 'The talks resumed on Monday.' } });
    await client.indices.refresh({ index: base });
    const hits = await client.search({ index: base, query: { match: { 'text.en': 'talking' } } });
    expect(hits.hits.hits.map((h) => h._id)).toEqual([id]);
  });
});

describe('ensureIndex on an index from an older template', () => {
  it('rolls the write alias over to a current index once, keeping old documents readable', async () => {
    const old = oldBase;
    // What v1's ensureIndex left behind: no _meta.templateVersion in the mapping.
    await client.indices.create({
      index: `${old}-000001`,
      aliases: { [old]: {}, [`${old}-write`]: { is_write_index: true } },
      mappings: { properties: { text: { type: 'text' } } },
    });
    await client.index({ index: `${old}-write`, id: 'kept', document: { text: 'old' }, refresh: true });

    await Promise.all([ensureIndex(client, old), ensureIndex(client, old)]);
    await ensureIndex(client, old);

    const aliases = await client.indices.getAlias({ index: `${old}-*` });
    expect(Object.keys(aliases).sort()).toEqual([`${old}-000001`, `${old}-000002`]);
    expect(aliases[`${old}-000002`]?.aliases).toEqual({ [old]: {}, [`${old}-write`]: { is_write_index: true } });
    // The old generation stays readable and leaves the write alias (which then names one index).
    expect(aliases[`${old}-000001`]?.aliases).toEqual({ [old]: {} });
    const mapping = await client.indices.getMapping({ index: `${old}-000002` });
    expect(mapping[`${old}-000002`]?.mappings._meta?.['templateVersion']).toBe(TEMPLATE_VERSION);
    const kept = await client.search({ index: old, query: { ids: { values: ['kept'] } } });
    expect(kept.hits.hits.map((h) => h._index)).toEqual([`${old}-000001`]);
  });
});
