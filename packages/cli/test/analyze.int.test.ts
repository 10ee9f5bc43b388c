import { randomBytes } from 'node:crypto';
import { createSearchClient } from '@khabar/search-index';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { analyzeCommand, analyzeText } from '../src/commands/analyze.ts';
import { CliError } from '../src/io.ts';
import { dropIndexBase } from '../../../test/support/elasticsearch.ts';

const esUrl = inject('elasticsearchUrl');
const client = createSearchClient(esUrl);
const base = `khabar-t-${randomBytes(4).toString('hex')}`;
const plain = `khabar-t-${randomBytes(4).toString('hex')}-plain`;
const saved = process.env['ELASTICSEARCH_URL'];

beforeAll(() => {
  // analyzeCommand resolves Elasticsearch through local-infra, which takes ELASTICSEARCH_URL as is.
  process.env['ELASTICSEARCH_URL'] = esUrl;
});

afterAll(async () => {
  if (saved === undefined) delete process.env['ELASTICSEARCH_URL'];
  else process.env['ELASTICSEARCH_URL'] = saved;
  await dropIndexBase(client, base, [plain]);
  await client.close();
});

async function failure(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe('khabar analyze', () => {
  it("creates the index when missing and prints the live index's Arabic and English tokens", async () => {
    expect(await analyzeCommand('والكرملين في ٢٠٢٤', { lang: 'ar', base })).toEqual(['كرمل', '2024']);
    expect(await analyzeText(esUrl, `${base}-write`, 'ar', 'للكرملين')).toEqual(['كرمل']);
    expect(await analyzeText(esUrl, `${base}-write`, 'en', "The Kremlin's talking")).toEqual(['kremlin', 'talk']);
  });

  it('says what to do when the index is missing or lacks the Khabar analyzers', async () => {
    expect((await failure(analyzeText(esUrl, `${plain}-nothing`, 'ar', 'x'))).code).toBe('KHABAR_E_INDEX_MISSING');
    await client.indices.create({ index: plain });
    const error = await failure(analyzeText(esUrl, plain, 'en', 'x'));
    expect(error.code).toBe('KHABAR_E_INDEX_MAPPING');
    expect(error.message).toMatch(/khabar_english/);
  });
});
