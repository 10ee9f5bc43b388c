/**
 * pnpm bench — the real pipeline end to end (every service its own process, real Redis and
 * Elasticsearch) on a generated corpus served from 200 loopback hosts, plus three ceilings measured
 * in the same run: (a) the stages' pure code in one process, (b) Elasticsearch bulk-indexing the
 * final documents directly, (c) a no-op pipeline of queue hops only. Prints a report, writes it to
 * bench/results/<timestamp>.json, and ends with one JSON line of figures.
 * Options: see bench/lib/args.ts (`--pages 500` while developing).
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { PIPELINE, QueueSet, StatusStore, submitUrls as enqueueDirect } from '@khabar/contracts';
import { STAGE_NODE_FLAGS, WORKER_ENV, WORKER_NODE_FLAGS } from '@khabar/worker-kit';
import { ensureElasticsearch, ensureRedis, type RunningService } from '@khabar/local-infra';
import { indexNames } from '@khabar/search-index';
import { LocalStack, SERVICES, type ServiceName } from '@khabar/stack';
import { parseArgs } from './lib/args.ts';
import { pageSpec, renderPage, type CorpusOptions } from './lib/corpus.ts';
import { startCorpusServer, type CorpusServer } from './lib/corpus-server.ts';
import { summariseCpuProfiles, type ProfileSummary } from './lib/cpu-profile.ts';
import { documentsOf, readAllDocuments, runEsBulk, warmUpElasticsearch, type EsBulkResult } from './lib/es-bulk.ts';
import { describeEsDelta, esCounterDelta, readEsCounters, startHotThreadSampler, type EsCounters } from './lib/es-stats.ts';
import { hopLatencies } from './lib/hop-latency.ts';
import { runInProcess, type InProcessResult } from './lib/in-process.ts';
import { runFullLoad, runOpenLoop, stageWindows, type LoadContext, type LoadRunResult } from './lib/load-run.ts';
import { runNoopPipeline, runNoopStagePipeline, type NoopResult, type NoopStageOptions, type NoopStageResult } from './lib/noop-pipeline.ts';
import { round } from './lib/percentiles.ts';
import { ProcWindow } from './lib/proc-stats.ts';
import { deleteKeys, redisCpuMs, redisInfoNumber } from './lib/redis-info.ts';
import { loadTextPools } from './lib/text-pools.ts';
import { judge } from './lib/verdict.ts';

const args = parseArgs(process.argv.slice(2));
const say = (s: string) => process.stdout.write(`${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const STAGE_QUEUE: Partial<Record<ServiceName, string>> = { fetcher: 'fetch', parser: 'parse', dedup: 'dedup', tagger: 'tag', indexer: 'index' };

interface StageFigures {
  readonly copies: number;
  readonly concurrency: number | null;
  readonly docsPerSec: number;
  readonly cpuMsPerDoc: number;
  /** Documents per CPU-second: what one core could do for this stage alone. */
  readonly docsPerCoreSec: number;
  readonly peakRssMb: number;
  readonly cpuSharePct: number;
}

const runStartedAt = new Date();
const loadAtStart = loadavg();
say(`khabar bench: ${args.pages} pages over ${args.hosts} hosts; load average ${loadAtStart.map((x) => x.toFixed(2)).join(' ')} on this machine`);
const started: RunningService[] = [];
let corpus: CorpusServer | undefined;
let stack: LocalStack | undefined;
let redis: Redis | undefined;
let es: Client | undefined;
const workDir = await mkdtemp(join(tmpdir(), 'khabar-bench-'));
const prefix = `{bench-${Date.now().toString(36)}}`;
const indexBase = `khabar-bench-${Date.now().toString(36)}`;
const bulkBase = `khabar-benchbulk-${Date.now().toString(36)}`;
let exitCode = 0;

try {
  const [redisSvc, esSvc] = await Promise.all([
    ensureRedis({ purpose: 'test', port: args.redisPort }),
    ensureElasticsearch({ purpose: 'test', port: args.esPort, heap: args.esHeap }),
  ]);
  started.push(redisSvc, esSvc);
  say(`  redis ${redisSvc.url} (${redisSvc.kind}), elasticsearch ${esSvc.url} (${esSvc.kind})`);
  redis = new Redis(redisSvc.url, { maxRetriesPerRequest: null });
  es = new Client({ node: esSvc.url });

  const pools = loadTextPools();
  const corpusOptions: CorpusOptions = { hosts: args.hosts, seed: args.seed };
  corpus = await startCorpusServer(corpusOptions, pools);
  say(`  corpus: ${args.hosts} hosts ${corpus.hosts[0] ?? ''} … ${corpus.hosts.at(-1) ?? ''} port ${corpus.port}`);

  // Redis memory per queued URL: enqueue with no worker running, measure the INFO delta.
  const memPrefix = `${prefix}-mem`;
  const memUrls = Math.min(args.pages, 5000);
  const memBefore = await redisInfoNumber(redis, 'memory', 'used_memory');
  const memQueues = new QueueSet({ connection: redis, prefix: memPrefix });
  const items = Array.from({ length: memUrls }, (_, i) => ({ url: corpus?.urlFor(10_000_000 + i) ?? '', submission: { source: 'bench' } }));
  for (let i = 0; i < items.length; i += 1000) await enqueueDirect({ queues: memQueues, status: new StatusStore(redis, memPrefix) }, items.slice(i, i + 1000));
  const memAfter = await redisInfoNumber(redis, 'memory', 'used_memory');
  await memQueues.close();
  await deleteKeys(redis, memPrefix);
  const redisBytesPerUrl = (memAfter - memBefore) / memUrls;
  const listpackValue = ((await redis.config('GET', 'hash-max-listpack-value')) as string[])[1] ?? '?';
  say(`\nRedis memory per queued URL: ${Math.round(redisBytesPerUrl)} bytes (${memUrls} URLs enqueued with the workers stopped, job + status record; this Redis has hash-max-listpack-value ${listpackValue}, Khabar's Redis 1024)`);

  // Ceilings (a) and (c) before the pipeline, so they have the machine to themselves.
  let inProcess: InProcessResult | undefined;
  let noop: NoopStageResult | undefined;
  let noopBullmq: NoopResult | undefined;
  if (!args.skipCeilings) {
    const sample = Math.min(args.pages, 2000);
    const pages = Array.from({ length: sample }, (_, i) => {
      const spec = pageSpec(corpusOptions, i);
      return { id: `doc-${i}`, url: `http://${spec.host}${spec.path}`, bytes: Buffer.from(renderPage(corpusOptions, pools, spec), 'utf8') };
    });
    const meanKb = pages.reduce((n, p) => n + p.bytes.length, 0) / pages.length / 1024;
    inProcess = await runInProcess(pages);
    say(`\nceiling (a) in process, no queues, no ES (${sample} pages, mean ${meanKb.toFixed(0)} KB): ${inProcess.docsPerSec.toFixed(1)} docs/s per core`);
    say(`  CPU ms/doc: extract ${inProcess.msPerDoc.extract.toFixed(2)}, dedup ${inProcess.msPerDoc.dedup.toFixed(2)}, tag ${inProcess.msPerDoc.tag.toFixed(2)}; ${inProcess.duplicates} duplicates found; index payload ${(inProcess.meanPayloadBytes / 1024).toFixed(1)} KB`);
    const typical = inProcess.samplePayload as { url: string; article: unknown; cluster: NoopStageOptions['sample']['cluster']; entities: unknown };
    noop = await runNoopStagePipeline({
      redis,
      redisUrl: redisSvc.url,
      docs: Math.min(args.pages, 5000),
      sample: { url: typical.url, article: typical.article, cluster: typical.cluster, entities: typical.entities },
      concurrency: 4,
      nodeArgs: args.workerFlags ? WORKER_NODE_FLAGS : [],
      env: args.workerFlags ? WORKER_ENV : {},
      profile: args.profileNoop ? ['fetch', 'parse', 'dedup', 'tag', 'index'] : [],
      profileDir: join(workDir, 'noop-profiles'),
    });
    say(`ceiling (c) no-op pipeline, Khabar's stage worker on ${noop.hops} queues, payloads ${Object.values(noop.payloadBytesByQueue).map((b) => `${(b / 1024).toFixed(1)}`).join(' → ')} KB: ${noop.docsPerSec.toFixed(1)} docs/s, ${noop.cpuMsPerDoc.toFixed(2)} CPU ms/doc (Redis ${noop.redisCpuMsPerDoc.toFixed(2)}; per stage ${Object.entries(noop.stageCpuMsPerDoc).map(([q, ms]) => `${q} ${ms.toFixed(2)}`).join(', ')}; peak RSS ${Math.max(...Object.values(noop.peakRssMb))} MB)`);
    noopBullmq = await runNoopPipeline({ redis, redisUrl: redisSvc.url, docs: Math.min(args.pages, 5000), payload: inProcess.samplePayload, concurrency: 4 });
    say(`  for reference, bare BullMQ workers passing the ${(noopBullmq.payloadBytes / 1024).toFixed(1)} KB index payload through ${noopBullmq.hops} hops: ${noopBullmq.docsPerSec.toFixed(1)} docs/s, ${noopBullmq.cpuMsPerDoc.toFixed(2)} CPU ms/doc (Redis ${noopBullmq.redisCpuMsPerDoc.toFixed(2)})`);
  }

  // A fresh Elasticsearch spends its first minute JIT-compiling; ceiling (b) runs warm, so the
  // pipeline should too (a long-running cluster is warm).
  if (inProcess) {
    const warm = await warmUpElasticsearch(es, `${bulkBase}-warm`, documentsOf(inProcess.payloads));
    say(`\nElasticsearch warmed up: ${warm.docs} in-process documents bulk-indexed into a throwaway index at ${warm.docsPerSec.toFixed(1)} docs/s (not measured)`);
  }
  // What Elasticsearch burns doing nothing (part of its CPU per document below).
  const idleStart = await esCpuMs(es);
  await sleep(5000);
  const esIdleCpuMsPerSec = ((await esCpuMs(es)) - idleStart) / 5;
  say(`Elasticsearch idle: ${esIdleCpuMsPerSec.toFixed(0)} CPU ms per second`);

  // The real pipeline.
  const apiPort = await freePortOn(corpus.port);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const profDir = join(workDir, 'profiles');
  const serviceEnv: Partial<Record<ServiceName, Record<string, string>>> = { api: { KHABAR_API_PORT: String(apiPort), KHABAR_API_HOST: '127.0.0.1' } };
  for (const [stage, n] of Object.entries(args.concurrency)) serviceEnv[stage as ServiceName] = { ...serviceEnv[stage as ServiceName], KHABAR_CONCURRENCY: String(n) };
  stack = new LocalStack({
    logDir: join(workDir, 'logs'),
    env: {
      REDIS_URL: redisSvc.url,
      ELASTICSEARCH_URL: esSvc.url,
      KHABAR_QUEUE_PREFIX: prefix,
      KHABAR_INDEX_NAME: indexBase,
      KHABAR_ARCHIVE_DIR: join(workDir, 'archive'),
      KHABAR_FETCH_ALLOW_HOSTS: corpus.allowHosts(),
      KHABAR_INDEX_REFRESH: 'wait_for',
      KHABAR_SHUTDOWN_TIMEOUT_MS: '10000',
      LOG_LEVEL: args.logLevel,
      ...(args.workerFlags ? WORKER_ENV : {}),
    },
    serviceEnv,
    nodeArgs: Object.fromEntries(SERVICES.map((s) => [s, [...(args.workerFlags ? (STAGE_NODE_FLAGS[s] ?? WORKER_NODE_FLAGS) : []), ...(args.profile.includes(s) ? ['--cpu-prof', '--cpu-prof-dir', join(profDir, s)] : [])]])),
  });
  await stack.start();
  for (const s of SERVICES) for (let k = 1; k < (args.copies[s] ?? 1); k += 1) stack.spawn(s);
  const queues = PIPELINE.map((q) => new Queue(q, { connection: redis as Redis, prefix }));
  await waitReady(apiUrl, queues, args.copies);
  say(`\npipeline up: ${SERVICES.map((s) => `${s}×${args.copies[s] ?? 1}`).join(' ')}; concurrency ${JSON.stringify(args.concurrency)} (indexer: its default)`);

  const procs = stack.running();
  const window = new ProcWindow();
  window.begin(procs.map((p) => p.child.pid ?? 0));
  const redisCpuStart = await redisCpuMs(redis);
  const rejectedStart = await esWriteRejections(es);
  const esCpuStart = await esCpuMs(es);
  const esCountersStart = await readEsCounters(es);
  const hotThreads = args.esHotThreads ? startHotThreadSampler(es) : undefined;
  let elapsed = 0;
  const ctx: LoadContext = {
    apiUrl,
    redis,
    prefix,
    queues,
    timeoutMs: 30 * 60_000,
    onTick: () => {
      window.sample();
      elapsed += 1;
      if (elapsed % 10 === 0) void printDepths(queues, elapsed);
    },
  };
  const urls = Array.from({ length: args.pages }, (_, i) => corpus?.urlFor(i) ?? '');
  say(`full load: ${urls.length} URLs submitted at once through POST /v1/urls`);
  const full = await runFullLoad(ctx, urls);
  window.sample();
  const redisCpuFull = (await redisCpuMs(redis)) - redisCpuStart;
  const rejectedFull = (await esWriteRejections(es)) - rejectedStart;
  const esCpuFull = (await esCpuMs(es)) - esCpuStart;
  const esFull = esCounterDelta(esCountersStart, await readEsCounters(es));
  const esHot = await hotThreads?.stop();
  const windows = await stageWindows(redis, prefix, PIPELINE);
  printLoad('full load', full);

  const stages: Partial<Record<ServiceName, StageFigures>> = {};
  const totalCpu = procs.reduce((n, p) => n + window.cpuMsOf(p.child.pid ?? 0), 0) + redisCpuFull;
  for (const s of SERVICES) {
    const mine = procs.filter((p) => p.name === s);
    const cpu = mine.reduce((n, p) => n + window.cpuMsOf(p.child.pid ?? 0), 0);
    const q = STAGE_QUEUE[s];
    const w = q ? windows[q] : undefined;
    // Every URL passes every stage once (failures too); completed sets are trimmed (RETENTION), so
    // a stage's docs/s is the rate of its last retained completions.
    const cpuMsPerDoc = cpu / Math.max(1, full.submitted);
    stages[s] = {
      copies: mine.length,
      concurrency: s === 'api' ? null : (args.concurrency[s] ?? (s === 'indexer' ? 64 : 4)),
      docsPerSec: w ? (w.completed * 1000) / Math.max(1, w.spanMs) : full.submitted / Math.max(0.001, (full.endedAt - full.startedAt) / 1000),
      cpuMsPerDoc,
      docsPerCoreSec: 1000 / Math.max(0.001, cpuMsPerDoc),
      peakRssMb: Math.max(0, ...mine.map((p) => window.peakRssOf(p.child.pid ?? 0))) / 1_048_576,
      cpuSharePct: (cpu / Math.max(1, totalCpu)) * 100,
    };
  }
  say('\nper stage at full load:      docs/s   CPU ms/doc  docs/core-s  peak RSS  CPU share');
  for (const s of SERVICES) {
    const f = stages[s];
    if (f) say(`  ${`${s}×${f.copies}`.padEnd(24)} ${f.docsPerSec.toFixed(1).padStart(8)} ${f.cpuMsPerDoc.toFixed(2).padStart(11)} ${f.docsPerCoreSec.toFixed(0).padStart(12)} ${f.peakRssMb.toFixed(0).padStart(6)} MB ${f.cpuSharePct.toFixed(1).padStart(8)} %`);
  }
  const redisMsPerDoc = redisCpuFull / Math.max(1, full.indexed);
  say(`  ${'redis'.padEnd(24)} ${''.padStart(8)} ${redisMsPerDoc.toFixed(2).padStart(11)} ${''.padStart(12)} ${''.padStart(9)} ${((redisCpuFull / Math.max(1, totalCpu)) * 100).toFixed(1).padStart(8)} %`);
  const esMsPerDoc = esCpuFull / Math.max(1, full.indexed);
  const esIdleMsPerDoc = (esIdleCpuMsPerSec * (full.endedAt - full.startedAt)) / 1000 / Math.max(1, full.indexed);
  say(`  ${'elasticsearch'.padEnd(24)} ${''.padStart(8)} ${esMsPerDoc.toFixed(2).padStart(11)}  (not in the CPU share; ${esIdleMsPerDoc.toFixed(2)} of it is what it burns idle)`);
  say(`  Elasticsearch bulk (write pool) rejections: ${rejectedFull}`);
  say(`  Elasticsearch during the full load: ${describeEsDelta(esFull, full.indexed)}`);
  const hotTotal = Object.values(esHot?.cpuMsByPool ?? {}).reduce((a, b) => a + b, 0);
  if (esHot) say(`    CPU by thread (hot-threads samples, ${(esHot.sampledMs / 1000).toFixed(0)} s): ${Object.entries(esHot.cpuMsByPool).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k} ${((v / Math.max(1, hotTotal)) * 100).toFixed(0)} %`).join(', ')}`);

  // Half load, open loop, on fresh pages.
  const halfRate = full.docsPerSec / 2;
  const halfCount = Math.max(20, Math.round(halfRate * args.halfSeconds));
  const halfUrls = Array.from({ length: halfCount }, (_, i) => corpus?.urlFor(args.pages + i) ?? '');
  say(`\nhalf load: ${halfCount} new URLs offered open-loop at ${halfRate.toFixed(1)}/s for ~${args.halfSeconds} s`);
  elapsed = 0;
  const half = await runOpenLoop(ctx, halfUrls, halfRate);
  printLoad('half load', half);
  const halfHops = await hopLatencies(queues, half.ids);
  say('  by queue (BullMQ job times; wait = added → taken, run = taken → finished):');
  for (const h of halfHops) say(`    ${h.queue.padEnd(6)} wait p50 ${String(h.waitMs.p50).padStart(5)} ms, p95 ${String(h.waitMs.p95).padStart(5)} ms; run p50 ${String(h.runMs.p50).padStart(5)} ms, p95 ${String(h.runMs.p95).padStart(5)} ms (${h.jobs} jobs)`);
  const rejected = (await esWriteRejections(es)) - rejectedStart;

  await stack.stop();
  stack = undefined;
  const profiles: Record<string, ProfileSummary> = {};
  for (const stage of args.profile) {
    const dir = join(profDir, stage);
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.cpuprofile'));
    if (files.length === 0) {
      say(`\nno CPU profile was written by ${stage}`);
      continue;
    }
    const profile = await summariseCpuProfiles(files.map((f) => join(dir, f)));
    profiles[stage] = profile;
    say(`\nCPU profile of ${stage} (${profile.threads} thread(s), ${profile.totalMs.toFixed(0)} ms, ${profile.busyPct} % busy), self time:`);
    for (const f of profile.topFrames) say(`  ${f.selfPct.toFixed(1).padStart(5)} %  ${f.frame}`);
    say('  by module:');
    for (const f of profile.byModule) say(`  ${f.selfPct.toFixed(1).padStart(5)} %  ${f.frame}`);
  }

  if (args.profileNoop) {
    for (const q of PIPELINE) {
      const dir = join(workDir, 'noop-profiles', q);
      const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.cpuprofile'));
      if (files.length === 0) continue;
      const profile = await summariseCpuProfiles(files.map((f) => join(dir, f)));
      profiles[`noop-${q}`] = profile;
      say(`\nCPU profile of the no-op ${q} stage (${profile.totalMs.toFixed(0)} ms, ${profile.busyPct} % busy), self time:`);
      for (const f of profile.topFrames) say(`  ${f.selfPct.toFixed(1).padStart(5)} %  ${f.frame}`);
    }
  }

  // Ceiling (b): the pipeline's own documents, bulk-indexed directly.
  let esBulk: EsBulkResult | undefined;
  let esBulkCounters: EsCounters | undefined;
  if (!args.skipCeilings) {
    const docs = await readAllDocuments(es, indexNames(indexBase).readAlias);
    const before = await readEsCounters(es);
    esBulk = await runEsBulk(es, bulkBase, docs);
    esBulkCounters = esCounterDelta(before, await readEsCounters(es));
    say(`\nceiling (b) Elasticsearch bulk, ${esBulk.docs} final documents, ${esBulk.batchSize}/request, 2 in flight: ${esBulk.docsPerSec.toFixed(1)} docs/s, ${esBulk.rejected} rejected`);
    say(`  Elasticsearch during ceiling (b): ${describeEsDelta(esBulkCounters, esBulk.docs)}`);
  }

  // The verdict.
  const ceilings = { inProcess: inProcess?.docsPerSec ?? Number.NaN, esBulk: esBulk?.docsPerSec ?? Number.NaN, noop: noop?.docsPerSec ?? Number.NaN };
  const smallest = Object.entries(ceilings).filter(([, v]) => Number.isFinite(v)).sort((a, b) => a[1] - b[1])[0];
  const stageComputeMs = inProcess?.msPerDoc.total ?? Number.NaN;
  const queueOverheadRatio = (noop?.cpuMsPerDoc ?? Number.NaN) / stageComputeMs;
  const pipelineCpuPerDoc = totalCpu / Math.max(1, full.indexed);
  // What 2 idle cores could do if CPU were the only limit (services + Redis + Elasticsearch).
  const cpuBoundOn2Cores = 2000 / (pipelineCpuPerDoc + esMsPerDoc);
  const slowest = SERVICES.filter((s) => s !== 'api').map((s) => ({ s, f: stages[s] })).sort((a, b) => (b.f?.cpuMsPerDoc ?? 0) / (b.f?.copies ?? 1) - (a.f?.cpuMsPerDoc ?? 0) / (a.f?.copies ?? 1))[0];
  say('\nsummary');
  say(`  end to end ${full.docsPerSec.toFixed(1)} docs/s = ${smallest ? `${((full.docsPerSec / smallest[1]) * 100).toFixed(0)} % of the smallest ceiling (${smallest[0]}, ${smallest[1].toFixed(1)} docs/s)` : 'n/a (ceilings skipped)'}`);
  say(`  queue overhead (no-op hops through Khabar's stage worker, CPU incl. Redis) = ${(queueOverheadRatio * 100).toFixed(0)} % of summed stage compute (${stageComputeMs.toFixed(2)} ms/doc in process); bare BullMQ hops ${((noopBullmq?.cpuMsPerDoc ?? Number.NaN) / stageComputeMs * 100).toFixed(0)} %`);
  say(`  whole pipeline CPU ${pipelineCpuPerDoc.toFixed(2)} ms/doc (all services + Redis) vs ${stageComputeMs.toFixed(2)} ms/doc in process`);
  say(`  CPU-bound estimate on 2 idle cores: ${cpuBoundOn2Cores.toFixed(1)} docs/s (${(pipelineCpuPerDoc + esMsPerDoc).toFixed(1)} CPU ms/doc incl. Elasticsearch ${esMsPerDoc.toFixed(1)})`);
  say(`  busiest stage per process: ${slowest?.s ?? '?'} (${slowest?.f?.cpuMsPerDoc.toFixed(2) ?? '?'} CPU ms/doc, ${slowest?.f?.cpuSharePct.toFixed(0) ?? '?'} % of pipeline CPU)`);
  const { targets, why } = judge({
    e2eDocsPerSec: full.docsPerSec,
    pipelineCpuMsPerDoc: pipelineCpuPerDoc,
    redisCpuMsPerDoc: redisMsPerDoc,
    esCpuMsPerDoc: esMsPerDoc,
    inProcessMsPerDoc: stageComputeMs,
    inProcessParts: inProcess ? { extract: inProcess.msPerDoc.extract, dedup: inProcess.msPerDoc.dedup, tag: inProcess.msPerDoc.tag } : {},
    noopCpuMsPerDoc: noop?.cpuMsPerDoc ?? Number.NaN,
    noopRedisCpuMsPerDoc: noop?.redisCpuMsPerDoc ?? Number.NaN,
    noopCpuMsPerHop: noop?.stageCpuMsPerDoc ?? {},
    stages: SERVICES.flatMap((s) => {
      const f = stages[s];
      return f ? [{ name: s, cpuMsPerDoc: f.cpuMsPerDoc, copies: f.copies, peakRssMb: f.peakRssMb }] : [];
    }),
    p95HalfLoadMs: half.latencyMs.p95,
    halfLoadHops: halfHops.map((h) => ({ queue: h.queue, waitP95Ms: h.waitMs.p95, runP95Ms: h.runMs.p95 })),
    redisBytesPerUrl,
  });
  say(`  targets: ${Object.entries(targets).map(([k, ok]) => `${ok ? '✓' : '✗'} ${k}`).join(', ')}`);
  if (why.length > 0) say('  what holds back each missed target:');
  for (const line of why) say(`  - ${line}`);

  const figures = {
    pages: args.pages,
    e2eDocsPerSec: round(full.docsPerSec),
    p95LatencyMs: round(half.latencyMs.p95, 0),
    inProcessDocsPerSec: round(ceilings.inProcess),
    esBulkDocsPerSec: round(ceilings.esBulk),
    noopDocsPerSec: round(ceilings.noop),
    queueOverheadRatio: round(queueOverheadRatio, 3),
    queueOverheadRatioBullmqOnly: round((noopBullmq?.cpuMsPerDoc ?? Number.NaN) / stageComputeMs, 3),
    noopBullmqDocsPerSec: round(noopBullmq?.docsPerSec ?? Number.NaN),
    workerNodeFlags: args.workerFlags
      ? [...Object.entries(WORKER_ENV).map(([k, v]) => `${k}=${v}`), ...WORKER_NODE_FLAGS, ...Object.entries(STAGE_NODE_FLAGS).map(([stage, flags]) => `(${stage}: ${flags.join(' ')})`)].join(' ')
      : '',
    e2eFractionOfSmallestCeiling: smallest ? round(full.docsPerSec / smallest[1], 3) : null,
    smallestCeiling: smallest?.[0] ?? null,
    latencyFullLoadMs: full.latencyMs,
    latencyHalfLoadMs: half.latencyMs,
    halfLoadDocsPerSec: round(half.docsPerSec),
    pipelineCpuMsPerDoc: round(pipelineCpuPerDoc, 2),
    esCpuMsPerDoc: round(esMsPerDoc, 2),
    esIdleCpuMsPerDoc: round(esIdleMsPerDoc, 2),
    cpuBoundDocsPerSecOn2Cores: round(cpuBoundOn2Cores),
    loadAverageAtStart: round(loadAtStart[0] ?? 0, 2),
    redisBytesPerQueuedUrl: Math.round(redisBytesPerUrl),
    esBulkRejections: rejected,
    maxWorkerRssMb: round(Math.max(...SERVICES.map((s) => stages[s]?.peakRssMb ?? 0))),
    slowestStage: slowest?.s ?? null,
  };
  const report = {
    startedAt: runStartedAt.toISOString(),
    loadAverageAtStart: loadAtStart,
    args,
    figures,
    targets,
    missedTargets: why,
    full: { ...full, ids: undefined },
    half: { ...half, ids: undefined, hops: halfHops },
    stages,
    redisCpuMsPerDoc: redisMsPerDoc,
    inProcess: inProcess ? { ...inProcess, samplePayload: undefined, payloads: undefined } : null,
    noop: noop ?? null,
    noopBullmq: noopBullmq ?? null,
    esBulk: esBulk ?? null,
    esFullLoad: { ...esFull, hotThreads: esHot ?? null },
    esBulkCeilingCounters: esBulkCounters ?? null,
    profiles,
  };
  const resultsDir = join(import.meta.dirname, 'results');
  await mkdir(resultsDir, { recursive: true });
  const file = join(resultsDir, `${runStartedAt.toISOString().replace(/:/gu, '-').replace(/\.\d+Z$/u, 'Z')}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  say(`\nreport written to ${file}`);
  say(JSON.stringify(figures));
} catch (err) {
  exitCode = 1;
  say(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  if (stack) say(shortLines(await stack.tailLogs(15)));
} finally {
  await stack?.stop().catch(() => undefined);
  await corpus?.close().catch(() => undefined);
  if (es) {
    for (const base of [indexBase, bulkBase]) {
      const names = indexNames(base);
      await es.indices.delete({ index: names.pattern }).catch(() => undefined);
      await es.indices.deleteIndexTemplate({ name: names.template }).catch(() => undefined);
    }
    await es.close();
  }
  if (redis) {
    await deleteKeys(redis, prefix).catch(() => undefined);
    redis.disconnect();
  }
  await Promise.all(started.map((s) => s.stop().catch(() => undefined)));
  await rm(workDir, { recursive: true, force: true });
}
process.exitCode = exitCode;

function printLoad(label: string, r: LoadRunResult): void {
  const l = r.latencyMs;
  say(`${label}: ${r.indexed}/${r.submitted} indexed (${JSON.stringify(r.states)}) at ${r.docsPerSec.toFixed(1)} docs/s${r.offeredPerSec ? ` (offered ${r.offeredPerSec.toFixed(1)}/s)` : ''}`);
  say(`  enqueue→searchable latency: p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms`);
}

async function esWriteRejections(client: Client): Promise<number> {
  const stats = await client.nodes.stats({ metric: 'thread_pool' });
  return Object.values(stats.nodes).reduce((n, node) => n + (node.thread_pool?.['write']?.rejected ?? 0), 0);
}

async function printDepths(qs: readonly Queue[], seconds: number): Promise<void> {
  const depths = await Promise.all(qs.map(async (q) => {
    const c = await q.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
    return `${q.name} ${Object.values(c).reduce((a, b) => a + b, 0)}`;
  }));
  say(`  … ${seconds} s, in queues: ${depths.join(', ')}`);
}

function shortLines(text: string): string {
  return text.split('\n').map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l)).join('\n');
}

async function esCpuMs(client: Client): Promise<number> {
  const stats = await client.nodes.stats({ metric: 'process' });
  return Object.values(stats.nodes).reduce((n, node) => n + (node.process?.cpu?.total_in_millis ?? 0), 0);
}

async function waitReady(api: string, qs: readonly Queue[], copies: Partial<Record<ServiceName, number>>): Promise<void> {
  const deadline = Date.now() + 180_000;
  const want = PIPELINE.map((q) => copies[(Object.entries(STAGE_QUEUE).find(([, v]) => v === q)?.[0] ?? 'api') as ServiceName] ?? 1);
  for (;;) {
    const apiOk = await fetch(`${api}/readyz`).then((r) => r.ok, () => false);
    const workers = await Promise.all(qs.map((q) => q.getWorkersCount()));
    if (apiOk && workers.every((n, i) => n >= (want[i] ?? 1))) return;
    if (Date.now() > deadline) throw new Error(`services not ready after 180 s (api ${apiOk}, workers ${workers.join(',')})`);
    await sleep(300);
  }
}

/** A free port on 127.0.0.1 other than `avoid`. */
async function freePortOn(avoid: number): Promise<number> {
  const { createServer } = await import('node:net');
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    if (port !== avoid) return port;
  }
}
