import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client } from '@elastic/elasticsearch';
import { Redis } from 'ioredis';
import { StatusStore } from '@khabar/contracts';
import { startFixtureSite } from '@khabar/fixture-site';
import { LocalStack } from '@khabar/stack';
import { canonicalizeUrl, documentIdFor } from '@khabar/urls';
import { deletePrefix, uniquePrefix } from '../support/redis.ts';
import { freePort, waitFor } from '../support/wait.ts';

type Site = Awaited<ReturnType<typeof startFixtureSite>>;

interface IndexedDoc {
  id: string;
  url: string;
  title: string;
  text: string;
  lang: string;
  publishedAt: string | null;
  dateSource?: string | null;
  cluster: { id: string; role: string };
  persons: string[];
  organizations: string[];
  locations: string[];
  entities: Array<{ id: string; type: string; name: string; names: string[] }>;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the whole pipeline, every stage its own process', () => {
  let site: Site;
  let stack: LocalStack;
  let redis: Redis;
  let es: Client;
  let workDir: string;
  let apiUrl: string;
  let parserMetricsPort = 0;
  const prefix = uniquePrefix('e2e');
  const index = `khabar-e2e-${Date.now().toString(36)}`;

  beforeAll(async () => {
    site = await startFixtureSite({ host: '127.0.0.1', port: 0 });
    redis = new Redis(inject('redisUrl'));
    es = new Client({ node: inject('elasticsearchUrl') });
    workDir = await mkdtemp(join(tmpdir(), 'khabar-e2e-'));
    const apiPort = await freePort();
    apiUrl = `http://127.0.0.1:${apiPort}`;
    parserMetricsPort = await freePort();
    stack = new LocalStack({
      logDir: join(workDir, 'logs'),
      env: {
        REDIS_URL: inject('redisUrl'),
        ELASTICSEARCH_URL: inject('elasticsearchUrl'),
        KHABAR_QUEUE_PREFIX: prefix,
        KHABAR_INDEX_NAME: index,
        KHABAR_ARCHIVE_DIR: join(workDir, 'archive'),
        KHABAR_FETCH_ALLOW_HOSTS: `127.0.0.1:${site.port}`,
        KHABAR_INDEX_REFRESH: 'wait_for',
        // The local fixture site is ours: politeness stays on, without the 1 s per-host pause real sites get.
        KHABAR_FETCH_HOST_DELAY_MS: '0',
        KHABAR_FETCH_HOST_CONCURRENCY: '64',
        KHABAR_LOCK_DURATION_MS: '4000',
        KHABAR_STALLED_INTERVAL_MS: '2000',
        KHABAR_SHUTDOWN_TIMEOUT_MS: '5000',
        LOG_LEVEL: 'info',
      },
      serviceEnv: {
        api: { KHABAR_API_PORT: String(apiPort), KHABAR_API_HOST: '127.0.0.1' },
        parser: { KHABAR_HTTP_PORT: String(parserMetricsPort), KHABAR_HTTP_HOST: '127.0.0.1' },
      },
    });
    await stack.start();
    await waitFor('the API to be ready', async () => (await fetch(`${apiUrl}/readyz`)).ok, 60_000);
  });

  afterAll(async () => {
    await stack?.stop();
    await site?.close();
    await es?.indices.delete({ index: `${index}-*` }).catch(() => undefined);
    await es?.indices.deleteIndexTemplate({ name: `${index}-template` }).catch(() => undefined);
    await es?.close();
    if (redis) {
      await deletePrefix(redis, prefix);
      await redis.quit();
    }
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  async function submit(urls: string[]): Promise<string[]> {
    const res = await fetch(`${apiUrl}/v1/urls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ source: 'e2e', urls }) });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { items: Array<{ id: string }> };
    return body.items.map((i) => i.id);
  }

  async function waitUntilSettled(ids: string[], timeoutMs: number): Promise<Map<string, string>> {
    const status = new StatusStore(redis, prefix);
    let last = new Map<string, string>();
    return waitFor(
      `${ids.length} URLs to be indexed or failed`,
      async () => {
        const states = new Map<string, string>();
        for (const id of ids) states.set(id, (await status.get(id))?.state ?? 'missing');
        last = states;
        return [...states.values()].every((s) => s === 'indexed' || s === 'failed') ? states : undefined;
      },
      timeoutMs,
      250,
    ).catch(async (err: unknown) => {
      const histogram: Record<string, number> = {};
      for (const s of last.values()) histogram[s] = (histogram[s] ?? 0) + 1;
      throw new Error(`${String(err)}\nstates: ${JSON.stringify(histogram)}\n${await stack.tailLogs(40)}`);
    });
  }

  it('indexes every fixture page with clean body, metadata, entities and duplicate marking', async () => {
    const pages = site.pages;
    expect(pages.length).toBeGreaterThanOrEqual(10);
    const ids = await submit(pages.map((p) => site.urlFor(p.id)));
    const states = await waitUntilSettled(ids, 120_000);
    const failed = [...states].filter(([, s]) => s !== 'indexed');
    expect(failed, `not indexed: ${JSON.stringify(failed)}`).toEqual([]);

    const byPage = new Map<string, IndexedDoc>();
    for (const page of pages) {
      const id = documentIdFor(canonicalizeUrl(site.urlFor(page.id)));
      const doc = await es.get<IndexedDoc>({ index, id });
      expect(doc.found, page.id).toBe(true);
      byPage.set(page.id, doc._source as IndexedDoc);
    }

    for (const page of pages) {
      const doc = byPage.get(page.id) as IndexedDoc;
      const exp = page.expected;
      expect(norm(doc.title), page.id).toBe(norm(exp.title));
      expect(doc.lang, page.id).toBe(exp.lang);
      if (exp.publishedAt) {
        const got = doc.publishedAt ? Date.parse(doc.publishedAt) : Number.NaN;
        const want = Date.parse(exp.publishedAt);
        if (doc.dateSource?.endsWith('+assumed-utc')) {
          // The page shows a local time without naming its zone: the extractor reads it as UTC and
          // says so. Day and minute must still be right: the two instants differ by whole hours.
          expect(Math.abs(got - want) % 3_600_000, `${page.id}: ${doc.publishedAt}`).toBe(0);
          expect(Math.abs(got - want), page.id).toBeLessThanOrEqual(14 * 3_600_000);
        } else {
          expect(doc.publishedAt, page.id).toBe(new Date(want).toISOString());
        }
      }
      const body = norm(doc.text);
      for (const p of exp.paragraphs) expect(body, `${page.id}: body lacks a paragraph`).toContain(norm(p));
      for (const s of exp.mustNotContain) expect(body, `${page.id}: boilerplate leaked`).not.toContain(norm(s));
    }

    // Per-site extraction quality is exported by the parser (a layout change shows as a drop).
    const metrics = await (await fetch(`http://127.0.0.1:${parserMetricsPort}/metrics`)).text();
    expect(metrics).toMatch(/khabar_parser_articles_total\{[^}]*domain="127\.0\.0\.1"[^}]*\} \d+/);
    expect(metrics).toMatch(/khabar_parser_field_filled_total\{[^}]*field="date"[^}]*\} \d+/);

    // Entities: the seed article names Peskov twice (once in full) and the Kremlin, Baku, Yerevan.
    const seed = pages.find((p) => p.expected.paragraphs.some((para) => para.includes('دميتري بيسكوف')));
    expect(seed, 'a fixture page is built around the seed article').toBeDefined();
    const seedDoc = byPage.get(seed!.id) as IndexedDoc;
    const peskov = seedDoc.entities.filter((e) => e.type === 'PER' && e.names.some((n) => n.includes('بيسكوف')));
    expect(peskov, 'both Peskov mentions link to one entity').toHaveLength(1);
    expect(seedDoc.locations.join(' ')).toMatch(/باكو|Baku/);
    expect(seedDoc.locations.join(' ')).toMatch(/يريفان|Yerevan/);

    // Syndicated copies are indexed, and marked as duplicates of the earlier copy.
    const copies = pages.filter((p) => p.expected.duplicateOf);
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const doc = byPage.get(copy.id) as IndexedDoc;
      const original = byPage.get(copy.expected.duplicateOf as string) as IndexedDoc;
      expect(doc.cluster.id, `${copy.id} clustered with ${copy.expected.duplicateOf}`).toBe(original.cluster.id);
      // Either copy may arrive first; exactly one of the pair is the cluster's original.
      expect([doc.cluster.role, original.cluster.role].filter((r) => r === 'original'), copy.id).toHaveLength(1);
    }
  });

  it('loses no URL and duplicates no document when workers are SIGKILLed mid-run', async () => {
    const pages = site.pages.filter((p) => !p.expected.duplicateOf);
    const urls = Array.from({ length: 8 }, (_, copy) => pages.map((p) => `${site.urlFor(p.id)}?copy=${copy}`)).flat();
    const ids = await submit(urls);
    expect(new Set(ids).size).toBe(urls.length);
    const status = new StatusStore(redis, prefix);
    // Kill each worker kind once some documents are through, then start a replacement.
    for (const name of ['fetcher', 'parser', 'dedup', 'tagger', 'indexer'] as const) {
      await waitFor(`progress before killing ${name}`, async () => {
        const some = await Promise.all(ids.slice(0, 40).map((id) => status.get(id)));
        return some.some((s) => s && s.state !== 'queued');
      }, 30_000, 20);
      await stack.kill(name, 'SIGKILL');
      stack.spawn(name);
    }
    const states = await waitUntilSettled(ids, 150_000);
    expect([...states.values()].filter((s) => s !== 'indexed')).toEqual([]);
    await es.indices.refresh({ index });
    for (const id of ids) {
      const hits = await es.search({ index, query: { ids: { values: [id] } }, size: 2 });
      expect(hits.hits.hits.length, id).toBe(1);
    }
    const all = await es.count({ index, query: { term: { source: 'e2e' } } });
    expect(all.count).toBe(ids.length + site.pages.length);
  }, 240_000);
});
