/**
 * The demo: local Redis + Elasticsearch, every stage as a process, the fixture news site
 * ingested through the public API, then a summary of what was indexed and one example search.
 * `--keep` leaves everything running afterwards (Ctrl-C stops it).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { Redis } from 'ioredis';
import { StatusStore } from '@khabar/contracts';
import { startFixtureSite } from '@khabar/fixture-site';
import { ensureElasticsearch, ensureRedis, repoCacheDir } from '@khabar/local-infra';
import { LocalStack } from '@khabar/stack';

const keep = process.argv.includes('--keep');
const prefix = '{khabar}';
const index = 'khabar-articles';
const apiPort = Number(process.env['KHABAR_API_PORT'] ?? 8080);
const say = (s: string) => process.stdout.write(`${s}\n`);

say('khabar demo: starting Redis and Elasticsearch (first run downloads Elasticsearch, ~1 min)…');
const [redisSvc, esSvc] = await Promise.all([ensureRedis({ purpose: 'demo', detached: true }), ensureElasticsearch({ purpose: 'demo', detached: true })]);
say(`  redis ${redisSvc.url} (${redisSvc.kind}), elasticsearch ${esSvc.url} (${esSvc.kind})`);

const site = await startFixtureSite({ host: '127.0.0.1', port: 0 });
say(`  fixture news site ${site.url} (${site.pages.length} pages)`);

const runDir = join(repoCacheDir(), 'demo');
await mkdir(runDir, { recursive: true });
const stack = new LocalStack({
  logDir: join(runDir, 'logs'),
  env: {
    REDIS_URL: redisSvc.url,
    ELASTICSEARCH_URL: esSvc.url,
    KHABAR_QUEUE_PREFIX: prefix,
    KHABAR_INDEX_NAME: index,
    KHABAR_ARCHIVE_DIR: join(runDir, 'archive'),
    KHABAR_FETCH_ALLOW_HOSTS: `127.0.0.1:${site.port}`,
    KHABAR_INDEX_REFRESH: 'wait_for',
        // The local fixture site is ours: politeness stays on, without the 1 s per-host pause real sites get.
        KHABAR_FETCH_HOST_DELAY_MS: '0',
        KHABAR_FETCH_HOST_CONCURRENCY: '64',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'info',
  },
  serviceEnv: { api: { KHABAR_API_PORT: String(apiPort), KHABAR_API_HOST: '127.0.0.1' } },
});
await stack.start();
say(`  services started (logs in ${join(runDir, 'logs')})`);

const redis = new Redis(redisSvc.url);
const es = new Client({ node: esSvc.url });
let exitCode = 0;
try {
  const api = `http://127.0.0.1:${apiPort}`;
  await until(async () => (await fetch(`${api}/readyz`)).ok, 60_000, 'the API');
  const urls = site.pages.map((p) => site.urlFor(p.id));
  const res = await fetch(`${api}/v1/urls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ source: 'demo', urls }) });
  const { items } = (await res.json()) as { items: Array<{ id: string; url: string }> };
  say(`\nsubmitted ${items.length} URLs to POST ${api}/v1/urls; waiting for the pipeline…`);

  const status = new StatusStore(redis, prefix);
  const states = await until(async () => {
    const all = await Promise.all(items.map((i) => status.get(i.id)));
    return all.every((s) => s && (s.state === 'indexed' || s.state === 'failed' || s.state === 'skipped')) ? all : undefined;
  }, 180_000, 'every URL to be indexed');

  say('\nindexed documents:');
  for (const item of items) {
    const st = states.find((s) => s?.id === item.id);
    if (st?.state !== 'indexed') {
      exitCode = 1;
      say(`  ✗ ${item.url}  ${st?.state ?? 'unknown'} ${st?.error ? `${st.error.code}: ${st.error.reason}` : ''}`);
      continue;
    }
    const doc = (await es.get<Record<string, unknown>>({ index, id: item.id }))._source ?? {};
    const cluster = doc['cluster'] as { role?: string } | undefined;
    const people = ((doc['persons'] as string[] | undefined) ?? []).slice(0, 3).join(', ');
    say(`  ✓ [${String(doc['lang'])}] ${String(doc['title']).slice(0, 70)}  (${cluster?.role ?? '?'}; ${String(doc['publishedAt'] ?? 'no date')})${people ? `  — ${people}` : ''}`);
  }

  const query = 'بيسكوف';
  const hits = await es.search({ index, query: { multi_match: { query, fields: ['title^2', 'text'] } }, size: 5, _source: ['title', 'url'] });
  say(`\nexample search: ${query} → ${typeof hits.hits.total === 'number' ? hits.hits.total : (hits.hits.total?.value ?? 0)} hits`);
  for (const h of hits.hits.hits) say(`  ${(h._source as { title: string }).title}  ${(h._source as { url: string }).url}`);
  say(`\ntry: curl -s ${api}/v1/urls/${items[0]?.id ?? ''} | head; pnpm -s khabar status; curl -s '${esSvc.url}/${index}/_search?q=الكرملين&size=1'`);
} catch (err) {
  exitCode = 1;
  say(`demo failed: ${err instanceof Error ? err.message : String(err)}\n${await stack.tailLogs(10)}`);
} finally {
  if (keep && exitCode === 0) {
    say('\n--keep: everything stays up; press Ctrl-C to stop.');
    await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  }
  await stack.stop();
  await site.close();
  redis.disconnect();
  await es.close();
  if (!keep) say('\nservices stopped; Redis and Elasticsearch keep running for the CLI (node packages/local-infra/src/main.ts down --purpose demo stops them).');
}
process.exitCode = exitCode;

async function until<T>(fn: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${what}`);
}
