import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pino } from 'pino';
import type { Redis } from 'ioredis';
import { createApiApp, type ApiApp } from '../src/app.ts';
import { searchParamsSchema } from '../src/search/params.ts';
import { searchCommand } from '../../../packages/cli/src/commands/search.ts';
import type { SearchResult } from '../src/search/results.ts';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';
import { createFixtureIndex, FIXTURES, idOf, type FixtureIndex } from './support/fixture-articles.ts';

let redis: Redis;
let api: ApiApp;
let fixture: FixtureIndex;
const prefix = uniquePrefix('api-search');
const STORY = idOf('https://arabic.rt.com/world/1410-peskov-baku-yerevan/');

beforeAll(async () => {
  redis = testRedis();
  fixture = await createFixtureIndex(inject('elasticsearchUrl'));
  api = createApiApp({ redis, prefix, logger: pino({ level: 'silent' }), search: { client: fixture.client, index: fixture.index } });
  await api.app.ready();
});
afterAll(async () => {
  await api.close();
  await fixture.drop();
  await deletePrefix(redis, prefix);
  await redis.quit();
});

async function search(query: Record<string, string | string[]>): Promise<SearchResult> {
  const res = await api.app.inject({ method: 'GET', url: '/v1/search', query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('GET /v1/search', () => {
  it('collapses a syndicated story to one result carrying its copies, with highlights', async () => {
    const res = await search({ q: 'الكرملين باكو' });
    expect(res.total).toBe(3);
    expect(res.stories).toBe(1);
    expect(res.items).toHaveLength(1);
    const [story] = res.items;
    expect(story!.cluster).toMatchObject({ id: STORY, copies: 3 });
    expect(story!.site).toBe('arabic.rt.com');
    expect(story!.cluster.others.map((c) => c.site).sort()).toEqual(['www.alarabiya.net', 'www.aljazeera.net']);
    expect(story!.dir).toBe('rtl');
    expect(story!.highlight.title).toContain('<mark>الكرملين</mark>');
    expect(story!.highlight.text.join(' ')).toContain('<mark>');
  });

  it('analyses Arabic queries like the documents: clitics and the article fold away (analysis-khabar)', async () => {
    // The documents say "ويريفان" and "الكرملين"; the queries below never appear verbatim.
    const yerevan = await search({ q: 'يريفان', lang: 'ar', expand: 'true' });
    expect(yerevan.total).toBeGreaterThanOrEqual(3);
    const kremlin = await search({ q: 'للكرملين', lang: 'ar', expand: 'true' });
    expect(kremlin.total).toBeGreaterThanOrEqual(3);
    expect(kremlin.items.every((i) => i.lang === 'ar')).toBe(true);
  });

  it('lists every copy with expand=true and pages through them with the cursor', async () => {
    expect((await search({ q: 'الكرملين باكو', expand: 'true' })).items.map((i) => i.site).sort()).toEqual(['arabic.rt.com', 'www.alarabiya.net', 'www.aljazeera.net']);
    for (const expand of ['true', 'false']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let first: SearchResult | undefined;
      do {
        const page: SearchResult = await search({ sort: 'date', size: '2', expand, facets: 'false', ...(cursor ? { cursor } : {}) });
        first ??= page;
        seen.push(...page.items.map((i) => i.id));
        cursor = page.cursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(expand === 'true' ? FIXTURES.length : FIXTURES.length - 2);
      expect(first?.total).toBe(FIXTURES.length);
    }
  });

  it('sorts by date, newest first', async () => {
    const dates = (await search({ sort: 'date', expand: 'true', size: '50' })).items.map((i) => i.publishedAt ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it.each([
    [{ lang: 'en' }, (r: SearchResult) => r.items.every((i) => i.lang === 'en' && i.dir === 'ltr') && r.total === 3],
    [{ site: 'www.reuters.com' }, (r: SearchResult) => r.total === 2 && r.items.every((i) => i.site === 'www.reuters.com')],
    [{ site: ['www.reuters.com', 'WWW.BBC.COM'] }, (r: SearchResult) => r.total === 3],
    [{ entity: 'per:dmitry-peskov' }, (r: SearchResult) => r.total === 5],
    [{ entity: 'per:dmitry-peskov,per:vladimir-putin' }, (r: SearchResult) => r.total === 1],
    [{ type: 'ORG', lang: 'en' }, (r: SearchResult) => r.total === 3],
    [{ tag: 'غزة' }, (r: SearchResult) => r.total === 1],
    [{ role: 'near_duplicate' }, (r: SearchResult) => r.total === 1 && r.items[0]?.site === 'www.alarabiya.net'],
    [{ from: new Date(Date.now() - 48 * 3_600_000).toISOString() }, (r: SearchResult) => r.total === 4],
    [{ q: 'Kremlin Peskov', lang: 'en' }, (r: SearchResult) => r.total === 1 && r.items[0]?.site === 'www.reuters.com'],
    [{ q: '"وقف إطلاق النار"' }, (r: SearchResult) => r.total === 1],
  ])('filters %j', async (query, check) => {
    const res = await search({ expand: 'true', ...query });
    expect(check(res), JSON.stringify(res.items.map((i) => [i.site, i.lang]))).toBe(true);
  });

  it('returns facets: entities by type, sites, languages, roles and a timeline', async () => {
    const { facets, total } = await search({});
    expect(facets!.entities['PER']!.find((e) => e.id === 'per:dmitry-peskov')).toMatchObject({ count: 5 });
    expect(facets!.entities['ORG']![0]).toMatchObject({ id: 'org:kremlin', count: 7 });
    expect(facets!.sites.find((s) => s.value === 'www.aljazeera.net')?.count).toBe(3);
    expect(Object.fromEntries(facets!.languages.map((l) => [l.value, l.count]))).toEqual({ ar: 6, en: 3 });
    expect(facets!.roles.map((r) => r.value).sort()).toEqual(['duplicate', 'near_duplicate', 'original']);
    expect(facets!.timeline.buckets.reduce((n, b) => n + b.count, 0)).toBe(total);
  });

  it.each([
    [{ size: '0' }, 'size'],
    [{ size: 'many' }, 'size'],
    [{ from: 'yesterday' }, 'from'],
    [{ from: '2024-02-01', to: '2024-01-01' }, 'from'],
    [{ lang: 'fr' }, 'lang'],
    [{ type: 'PERSON' }, 'type.0'],
    [{ role: 'copy' }, 'role.0'],
    [{ expand: 'maybe' }, 'expand'],
    [{ cursor: 'not-a-cursor' }, 'cursor'],
    [{ colour: 'red' }, '(body)'],
  ])('answers 400 naming the bad parameter for %j', async (query, field) => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/search', query });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('KHABAR_E_VALIDATION');
    expect(res.json().error.problems.map((p: { field: string }) => p.field)).toContain(field);
  });

  it('refuses a cursor issued for another sort mode', async () => {
    const page = await search({ sort: 'date', size: '1', expand: 'true' });
    const res = await api.app.inject({ method: 'GET', url: '/v1/search', query: { sort: 'relevance', size: '1', expand: 'true', cursor: page.cursor! } });
    expect(res.json().error.problems[0].field).toBe('cursor');
  });
});

describe('GET /v1/articles/:id and /v1/entities/:id', () => {
  it('returns a stored article, 404 for an unknown id, 400 for a malformed one', async () => {
    const ok = await api.app.inject({ method: 'GET', url: `/v1/articles/${STORY}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: STORY, site: 'arabic.rt.com', lang: 'ar', persons: ['دميتري بيسكوف'] });
    expect((await api.app.inject({ method: 'GET', url: `/v1/articles/${'0'.repeat(32)}` })).statusCode).toBe(404);
    expect((await api.app.inject({ method: 'GET', url: '/v1/articles/nope' })).statusCode).toBe(400);
  });

  it('summarises an entity: mentions over time, co-occurring entities, names in both languages', async () => {
    const res = await api.app.inject({ method: 'GET', url: `/v1/entities/${encodeURIComponent('per:dmitry-peskov')}` });
    expect(res.statusCode).toBe(200);
    const e = res.json();
    expect(e).toMatchObject({ id: 'per:dmitry-peskov', type: 'PER', articles: 5 });
    expect([...e.names].sort()).toEqual(['Dmitry Peskov', 'دميتري بيسكوف']);
    expect(e.cooccurring[0]).toMatchObject({ id: 'org:kremlin', count: 5 });
    expect(e.cooccurring.map((c: { id: string }) => c.id)).toContain('loc:baku');
    expect(e.timeline.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(5);
    expect(e.latest).toHaveLength(5);
    expect((await api.app.inject({ method: 'GET', url: '/v1/entities/per:nobody' })).statusCode).toBe(404);
    expect((await api.app.inject({ method: 'GET', url: '/v1/entities/per:dmitry-peskov?lang=xx' })).json().error.problems[0].field).toBe('lang');
  });
});

describe('GET /openapi.json', () => {
  it('documents intake and search, with the search parameters taken from the zod schema', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/urls', '/v1/urls/{id}', '/v1/search', '/v1/articles/{id}', '/v1/entities/{id}']));
    const params = doc.paths['/v1/search'].get.parameters.map((p: { name: string }) => p.name);
    expect(params.sort()).toEqual(Object.keys(searchParamsSchema.def.shape ?? {}).sort());
    expect(doc.paths['/v1/urls'].post.requestBody.content['application/json'].schema.anyOf).toHaveLength(2);
  });
});

describe('without the index', () => {
  it('answers 503 KHABAR_E_INDEX_UNAVAILABLE when the alias does not exist', async () => {
    const other = createApiApp({ redis, prefix, logger: pino({ level: 'silent' }), search: { client: fixture.client, index: 'khabar-t-missing-index' } });
    const res = await other.app.inject({ method: 'GET', url: '/v1/search?q=x' });
    await other.close();
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('KHABAR_E_INDEX_UNAVAILABLE');
  });
});

describe('khabar search (CLI command, same query code)', () => {
  it('prints the same results as the API, as JSON or text', async () => {
    const env = { ELASTICSEARCH_URL: inject('elasticsearchUrl'), KHABAR_INDEX_NAME: fixture.index };
    const json = JSON.parse(await searchCommand('الكرملين باكو', { json: true }, env)) as SearchResult;
    const viaApi = await search({ q: 'الكرملين باكو' });
    expect(json.items.map((i) => i.id)).toEqual(viaApi.items.map((i) => i.id));
    const text = await searchCommand('Peskov', { lang: 'en' }, env);
    expect(text).toContain('www.reuters.com');
    expect(text).toContain('[Peskov]');
    expect(text).not.toContain('aljazeera');
    await expect(searchCommand('x', { lang: 'fr' }, env)).rejects.toThrow(/lang/);
  });
});
