/**
 * node bench/es-writes.ts [--pages 2000] — what Elasticsearch spends per document under the
 * write patterns that matter: the indexer's (small bulks at the pipeline's rate, `refresh=wait_for`,
 * so about one new segment per second) with Elasticsearch's default merge policy and with the
 * template's, against 500-document bulks (ceiling (b) of `pnpm bench`). The documents are the
 * corpus pages run through extraction and NER in this process. Elasticsearch is warmed up first
 * (JIT) and its idle CPU is reported; CPU by thread pool comes from `_nodes/hot_threads` samples.
 */
import { Client } from '@elastic/elasticsearch';
import { ensureElasticsearch } from '@khabar/local-infra';
import { ensureIndex, indexNames } from '@khabar/search-index';
import { pageSpec, renderPage } from './lib/corpus.ts';
import { documentsOf, warmUpElasticsearch } from './lib/es-bulk.ts';
import { describeEsDelta, esCounterDelta, parseHotThreads, readEsCounters } from './lib/es-stats.ts';
import { runInProcess } from './lib/in-process.ts';
import { loadTextPools } from './lib/text-pools.ts';

interface Plan {
  readonly name: string;
  /** Documents per bulk request. */
  readonly batch: number;
  /** Documents per second offered (Infinity: as fast as two requests in flight allow). */
  readonly rate: number;
  readonly refresh: false | 'wait_for';
  /** Bulk requests in flight at most (default 2). */
  readonly inFlight?: number;
  /** Index settings put on the fresh index before writing (null clears the template's value). */
  readonly settings?: Record<string, string | number | null>;
}

const DEFAULT_MERGE = { 'index.merge.policy.floor_segment': null, 'index.merge.policy.segments_per_tier': null, 'index.merge.policy.max_merge_at_once': null };
const PLANS: readonly Plan[] = [
  { name: 'indexer-like, Elasticsearch default merge policy', batch: 25, rate: 50, refresh: 'wait_for', settings: DEFAULT_MERGE },
  { name: 'indexer-like, template merge policy', batch: 25, rate: 50, refresh: 'wait_for' },
  // The indexer's defaults since KHABAR_BULK_MAX_IN_FLIGHT: a request every 200 ms (flush
  // interval) at 50 docs/s, up to 8 of them waiting for the refresh at once.
  { name: 'indexer-like, 200 ms flushes, 8 in flight', batch: 10, rate: 50, refresh: 'wait_for', inFlight: 8 },
  { name: '500-document bulks, no refresh wait', batch: 500, rate: Number.POSITIVE_INFINITY, refresh: false },
];

const argv = process.argv.slice(2);
const pagesAt = argv.indexOf('--pages');
const pageCount = pagesAt >= 0 ? Number(argv[pagesAt + 1]) : 2000;
const say = (s: string) => process.stdout.write(`${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const pools = loadTextPools();
const corpus = { hosts: 200, seed: 1 };
const pages = Array.from({ length: pageCount }, (_, i) => {
  const spec = pageSpec(corpus, i);
  return { id: `doc-${i}`, url: `http://${spec.host}${spec.path}`, bytes: Buffer.from(renderPage(corpus, pools, spec), 'utf8') };
});
const docs = documentsOf((await runInProcess(pages)).payloads);
say(`${docs.length} documents from the corpus (extraction + NER in process)`);

const es = await ensureElasticsearch({ purpose: 'test' });
const client = new Client({ node: es.url });
const stamp = Date.now().toString(36);
try {
  await warmUpElasticsearch(client, `khabar-eswrites-warm-${stamp}`, docs);
  const idle = await readEsCounters(client);
  await sleep(5000);
  say(`Elasticsearch warmed up; idle ${(((await readEsCounters(client)).cpuMs - idle.cpuMs) / 5).toFixed(0)} CPU ms per second`);
  for (const [n, plan] of PLANS.entries()) say(`\n${await runPlan(plan, `khabar-eswrites-${n}-${stamp}`)}`);
} finally {
  await client.indices.delete({ index: `khabar-eswrites-*-${stamp}-*` }).catch(() => undefined);
  for (const name of (await client.indices.getIndexTemplate({ name: `khabar-eswrites-*-${stamp}-template` }).catch(() => ({ index_templates: [] }))).index_templates) {
    await client.indices.deleteIndexTemplate({ name: name.name }).catch(() => undefined);
  }
  await client.close();
  await es.stop();
}

async function runPlan(plan: Plan, base: string): Promise<string> {
  await ensureIndex(client, base);
  const { writeAlias, firstIndex } = indexNames(base);
  if (plan.settings) await client.indices.putSettings({ index: firstIndex, settings: plan.settings });
  const hot: Record<string, number> = {};
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const text = await client.nodes.hotThreads({ threads: 40, interval: '1s', ignore_idle_threads: true }).catch(() => '');
      for (const [pool, ms] of Object.entries(parseHotThreads(String(text)))) hot[pool] = (hot[pool] ?? 0) + ms;
    }
  })();
  const before = await readEsCounters(client);
  const started = performance.now();
  let inFlight = 0;
  const requests: Promise<unknown>[] = [];
  for (let next = 0; next < docs.length; next += plan.batch) {
    const due = started + ((next + plan.batch) / plan.rate) * 1000;
    if (Number.isFinite(due) && due > performance.now()) await sleep(due - performance.now());
    while (inFlight >= (plan.inFlight ?? 2)) await sleep(5);
    inFlight += 1;
    const batch = docs.slice(next, next + plan.batch);
    requests.push(client.bulk({ operations: batch.flatMap((d) => [{ index: { _index: writeAlias, _id: d.id } }, d.source as object]), refresh: plan.refresh }).finally(() => {
      inFlight -= 1;
    }));
  }
  await Promise.all(requests);
  const seconds = (performance.now() - started) / 1000;
  const delta = esCounterDelta(before, await readEsCounters(client));
  sampling = false;
  await sampler;
  const total = Object.values(hot).reduce((a, b) => a + b, 0);
  const pools = Object.entries(hot).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${((v / Math.max(1, total)) * 100).toFixed(0)} %`).join(', ');
  return `${plan.name} (${plan.batch}/request, ${Number.isFinite(plan.rate) ? `${plan.rate} docs/s offered` : 'unpaced'}, refresh ${String(plan.refresh)}): ${docs.length} docs in ${seconds.toFixed(1)} s\n    ${describeEsDelta(delta, docs.length)}\n    CPU by thread pool (hot threads): ${pools}`;
}
