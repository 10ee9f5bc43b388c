/**
 * pnpm bench:dedup — issue 5 figures for the duplicate index:
 * 1. pairwise precision / recall of "same cluster" on the labelled corpus (packages/dedup/corpus:
 *    42 hand-written base stories × 8 rule-derived copies), in story order and in shuffled
 *    arrival orders, with the in-memory index and the Redis index (they must agree);
 * 2. Redis memory per indexed document (MEMORY USAGE over the index's keys, and the INFO
 *    used_memory delta) and sequential assign latency, at 10k, 100k and 1M documents;
 * 3. the same at the largest size in steady state under expiry (documents spread over the
 *    retention, three live generations; BENCH_DEDUP_STEADY sets the size, 0 skips it).
 *    The scale load is synthetic fingerprints (random texts: 80% originals, 10% near copies,
 *    10% exact copies, 40 sites); latency is measured with real corpus texts (fingerprinting
 *    included) and with precomputed fingerprints (the Redis round trip alone).
 * The index runs with its default retention (DEFAULT_RETENTION_DAYS): the load takes minutes, so it
 * lands in one time generation (half the retention: 3.5 days of documents in production).
 * Starts its own redis-server on BENCH_REDIS_PORT (6399) with hash-max-listpack-entries 512,
 * unless REDIS_URL is set; deletes only its own keys. BENCH_DEDUP_MAX caps the scale (default 1M).
 * The last line printed is one JSON object with every figure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import { Redis } from 'ioredis';
import {
  compactLength,
  createDedupIndex,
  createMemoryDedupIndex,
  DEFAULT_DEDUP_PARAMS,
  DEFAULT_RETENTION_DAYS,
  type Fingerprint,
  type RedisDedupIndex,
} from '../packages/dedup/src/index.ts';
import { corpusDocuments, evaluateIndex, shuffled, type PairwiseScore } from '../packages/dedup/corpus/index.ts';
import { percentile, round } from './lib/percentiles.ts';
import { deleteKeys, redisInfoNumber } from './lib/redis-info.ts';

const port = Number(process.env['BENCH_REDIS_PORT'] ?? 6399);
const maxDocs = Number(process.env['BENCH_DEDUP_MAX'] ?? 1_000_000);
const checkpoints = [10_000, 100_000, 1_000_000].filter((n) => n <= maxDocs);

async function startRedis(): Promise<{ url: string; child: ChildProcess | null }> {
  if (process.env['REDIS_URL']) return { url: process.env['REDIS_URL'], child: null };
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--hash-max-listpack-entries', '512'], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      await probe.quit();
      return { url, child };
    } catch {
      probe.disconnect();
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error(`redis-server did not start on port ${port}`);
}

const { url, child } = await startRedis();
const redis = new Redis(url, { maxRetriesPerRequest: null });
const listpackLimit = Number((await redis.config('GET', 'hash-max-listpack-entries'))[1] ?? 0);
const runId = randomBytes(4).toString('hex');

try {
  // 1. Quality on the labelled corpus.
  const docs = corpusDocuments();
  const fmt = (s: PairwiseScore) => `P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  (pairs: ${s.correctPairs}/${s.predictedPairs} predicted correct, ${s.truePairs} true)`;
  const storyOrder = await evaluateIndex(createMemoryDedupIndex(), docs);
  const redisStoryOrder = await evaluateIndex(createDedupIndex({ redis, prefix: `{bench-dedup-${runId}-q0}` }), docs);
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const shuffledScores: PairwiseScore[] = [];
  for (const seed of seeds) shuffledScores.push(await evaluateIndex(createMemoryDedupIndex(), shuffled(docs, seed)));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const shuffledP = mean(shuffledScores.map((s) => s.precision));
  const shuffledR = mean(shuffledScores.map((s) => s.recall));
  const langs = new Set(docs.map((d) => d.lang));
  console.log(`corpus: ${docs.length} documents, ${new Set(docs.map((d) => d.story)).size} base stories (${[...langs].map((l) => `${l} ${docs.filter((d) => d.lang === l).length}`).join(', ')}), ${new Set(docs.map((d) => d.topic)).size} topics`);
  console.log(`params: ${DEFAULT_DEDUP_PARAMS.numPerm} min-hashes × 4 bits, ${DEFAULT_DEDUP_PARAMS.bands} bands × ${DEFAULT_DEDUP_PARAMS.rows} rows, threshold ${DEFAULT_DEDUP_PARAMS.threshold}`);
  console.log(`story order (base story first), memory index: ${fmt(storyOrder)}`);
  console.log(`story order, Redis index:                   ${fmt(redisStoryOrder)}`);
  console.log(`shuffled arrival, mean of ${seeds.length} orders:      P ${shuffledP.toFixed(4)}  R ${shuffledR.toFixed(4)}  (worst P ${Math.min(...shuffledScores.map((s) => s.precision)).toFixed(4)}, worst R ${Math.min(...shuffledScores.map((s) => s.recall)).toFixed(4)})`);
  if (storyOrder.falsePairs.length) console.log(`  false pairs (story order): ${storyOrder.falsePairs.slice(0, 5).join('; ')}`);
  if (storyOrder.missed.length) console.log(`  missed (story order): ${storyOrder.missed.join(', ')}`);
  await deleteKeys(redis, `{bench-dedup-${runId}-q0}`);

  // 2. Scale: memory and latency.
  if (!process.env['REDIS_URL'] || listpackLimit < 512) console.log(`hash-max-listpack-entries: ${listpackLimit}${listpackLimit < 512 ? ' (below 512: full hashes become hashtables, memory figures will be higher)' : ''}`);
  const prefix = `{bench-dedup-${runId}}`;
  const index = createDedupIndex({ redis, prefix });
  const sigBytes = compactLength(DEFAULT_DEDUP_PARAMS.numPerm);
  let seed = 0x2545f491;
  const rand = (): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const sites = Array.from({ length: 40 }, (_, i) => `site-${i}.example`);
  const recent: Fingerprint[] = [];
  const randomFingerprint = (): Fingerprint => ({
    contentHash: createHash('sha256').update(randomBytes(16)).digest('hex'),
    signature: randomBytes(sigBytes),
    bands: Array.from({ length: DEFAULT_DEDUP_PARAMS.bands }, () => Math.floor(rand() * 4294967296).toString(16).padStart(8, '0')),
  });
  const nearCopy = (fp: Fingerprint): Fingerprint => {
    const signature = Buffer.from(fp.signature ?? randomBytes(sigBytes));
    for (let i = 0; i < sigBytes; i += 4) signature[i] = Math.floor(rand() * 256);
    return {
      contentHash: createHash('sha256').update(randomBytes(16)).digest('hex'),
      signature,
      bands: fp.bands.map((b, i) => (i % 3 === 0 ? Math.floor(rand() * 4294967296).toString(16).padStart(8, '0') : b)),
    };
  };
  const nextDoc = (n: number): { id: string; source: string; fp: Fingerprint } => {
    const r = rand();
    const base = recent[Math.floor(rand() * recent.length)];
    let fp: Fingerprint;
    if (r < 0.1 && base) fp = { ...base };
    else if (r < 0.2 && base) fp = nearCopy(base);
    else fp = randomFingerprint();
    if (recent.length < 5000) recent.push(fp);
    else recent[n % 5000] = fp;
    return { id: createHash('sha256').update(`${runId}:${n}`).digest('hex').slice(0, 32), source: sites[Math.floor(rand() * sites.length)] ?? 'x', fp };
  };

  async function memoryUsage(prefix: string): Promise<{ bytes: number; keys: number; byKind: Record<string, number> }> {
    let cursor = '0';
    let bytes = 0;
    let keys = 0;
    const byKind: Record<string, number> = {};
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
      cursor = next;
      const pipe = redis.pipeline();
      for (const k of batch) pipe.memory('USAGE', k, 'SAMPLES', '0');
      const replies = (await pipe.exec()) ?? [];
      replies.forEach(([err, v], i) => {
        if (err) return;
        // generation keys (g<G>:h0:…, g<G>:l1:…) are grouped by structure: h = content hashes, l = LSH buckets, d = exact-copy entries
        const kind = (batch[i] ?? '').slice(prefix.length + ':dedup:'.length).replace(/^g\d+:/, '').split(':')[0]?.replace(/\d+$/, '') ?? '?';
        byKind[kind] = (byKind[kind] ?? 0) + Number(v);
        bytes += Number(v);
        keys += 1;
      });
    } while (cursor !== '0');
    return { bytes, keys, byKind };
  }

  async function scriptStats(): Promise<{ calls: number; usec: number }> {
    const info = await redis.info('commandstats');
    const m = /cmdstat_evalsha:calls=(\d+),usec=(\d+)/.exec(info);
    return { calls: Number(m?.[1] ?? 0), usec: Number(m?.[2] ?? 0) };
  }

  const probeTexts = docs.map((d) => d.text);
  async function latency(index: RedisDedupIndex, n: number | string): Promise<{ textP50: number; textP99: number; redisP50: number; redisP99: number; scriptUsec: number }> {
    const before = await scriptStats();
    const withText: number[] = [];
    const redisOnly: number[] = [];
    for (let i = 0; i < 400; i++) {
      const text = `${probeTexts[i % probeTexts.length] ?? ''}\n\nprobe ${n} ${i} ${runId} ${i * 7919}`;
      const t0 = performance.now();
      await index.assign({ id: createHash('md5').update(`probe:${n}:${i}`).digest('hex'), text, source: 'probe.example' });
      withText.push(performance.now() - t0);
      const fp = i % 2 ? randomFingerprint() : nearCopy(recent[i % recent.length] ?? randomFingerprint());
      const t1 = performance.now();
      await index.assignFingerprint({ id: createHash('md5').update(`probe-fp:${n}:${i}`).digest('hex'), source: 'probe.example' }, fp);
      redisOnly.push(performance.now() - t1);
    }
    const after = await scriptStats();
    const scriptUsec = round((after.usec - before.usec) / Math.max(1, after.calls - before.calls), 1);
    return { scriptUsec, textP50: round(percentile(withText, 50), 3), textP99: round(percentile(withText, 99), 3), redisP50: round(percentile(redisOnly, 50), 3), redisP99: round(percentile(redisOnly, 99), 3) };
  }

  const baseline = await redisInfoNumber(redis, 'memory', 'used_memory');
  const scale: Record<string, unknown>[] = [];
  let inserted = 0;
  let roles = { original: 0, duplicate: 0, near_duplicate: 0 };
  const loadStart = performance.now();
  for (const target of checkpoints) {
    while (inserted < target) {
      const batch: Promise<void>[] = [];
      const end = Math.min(target, inserted + 2000);
      for (; inserted < end; inserted++) {
        const d = nextDoc(inserted);
        batch.push(index.assignFingerprint({ id: d.id, source: d.source }, d.fp).then((r) => void (roles = { ...roles, [r.role]: roles[r.role] + 1 })));
      }
      await Promise.all(batch);
    }
    const used = (await redisInfoNumber(redis, 'memory', 'used_memory')) - baseline;
    const mem = await memoryUsage(prefix);
    const lat = await latency(index, target);
    const perDoc = round(mem.bytes / target, 1);
    const byKind = Object.fromEntries(Object.entries(mem.byKind).map(([k, v]) => [k, round(v / target, 1)]));
    const row = { docs: target, bytesPerDocMemoryUsage: perDoc, bytesPerDocUsedMemory: round(used / target, 1), keys: mem.keys, byKind, ...lat };
    scale.push(row);
    console.log(
      `${String(target).padStart(9)} docs: ${perDoc} B/doc (MEMORY USAGE; INFO used_memory delta ${row.bytesPerDocUsedMemory} B/doc; ${mem.keys} keys; ${Object.entries(byKind).map(([k, v]) => `${k} ${v}`).join(', ')})` +
        `  assign p50/p99: text ${lat.textP50}/${lat.textP99} ms, fingerprint ${lat.redisP50}/${lat.redisP99} ms; script ${lat.scriptUsec} µs of Redis CPU per assign  [load ${round((performance.now() - loadStart) / 1000, 0)} s]`,
    );
  }
  console.log(`synthetic roles: ${JSON.stringify(roles)}`);
  const first = scale[0] as { textP50: number; redisP50: number; scriptUsec: number } | undefined;
  const last = scale[scale.length - 1] as { textP50: number; redisP50: number; scriptUsec: number } | undefined;
  const ratio = first && last ? { text: round(last.textP50 / first.textP50, 2), fingerprint: round(last.redisP50 / first.redisP50, 2), script: round(last.scriptUsec / first.scriptUsec, 2) } : null;
  if (ratio) console.log(`at ${checkpoints[checkpoints.length - 1]} / at ${checkpoints[0]}: latency p50 text ${ratio.text}×, fingerprint ${ratio.fingerprint}×; Redis CPU per assign ${ratio.script}× (load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  await deleteKeys(redis, prefix);

  // 3. Steady state under expiry: the same load spread evenly over one retention period (clock
  // moved by the bench), so every document is live and lookups read three generations.
  const steadyDocs = Number(process.env['BENCH_DEDUP_STEADY'] ?? checkpoints[checkpoints.length - 1] ?? 0);
  let steady: Record<string, unknown> | null = null;
  if (steadyDocs > 0) {
    const retention = DEFAULT_RETENTION_DAYS * 86_400;
    const period = retention / 2;
    const start = 20_000 * period + period / 2; // mid-generation: the window then spans three
    let now = start;
    const steadyPrefix = `{bench-dedup-${runId}-steady}`;
    const steadyIndex = createDedupIndex({ redis, prefix: steadyPrefix, clock: () => now * 1000 });
    recent.length = 0;
    for (let n = 0; n < steadyDocs; ) {
      now = start + Math.floor(((retention - 2) * n) / steadyDocs);
      const batch: Promise<unknown>[] = [];
      for (const end = Math.min(steadyDocs, n + 2000); n < end; n++) {
        const d = nextDoc(10_000_000 + n);
        batch.push(steadyIndex.assignFingerprint({ id: d.id, source: d.source }, d.fp));
      }
      await Promise.all(batch);
    }
    now = start + retention - 2;
    const mem = await memoryUsage(steadyPrefix);
    const lat = await latency(steadyIndex, 'steady');
    steady = { docs: steadyDocs, generations: 3, bytesPerDocMemoryUsage: round(mem.bytes / steadyDocs, 1), keys: mem.keys, ...lat };
    console.log(
      `steady state, ${steadyDocs} docs over ${DEFAULT_RETENTION_DAYS} days (3 live generations): ${steady['bytesPerDocMemoryUsage']} B/doc (MEMORY USAGE; ${mem.keys} keys)` +
        `  assign p50/p99: text ${lat.textP50}/${lat.textP99} ms, fingerprint ${lat.redisP50}/${lat.redisP99} ms; script ${lat.scriptUsec} µs of Redis CPU per assign`,
    );
    await deleteKeys(redis, steadyPrefix);
  }
  console.log(
    JSON.stringify({
      bench: 'dedup',
      corpus: { documents: docs.length, storyOrder: { precision: round(storyOrder.precision, 4), recall: round(storyOrder.recall, 4) }, redisStoryOrder: { precision: round(redisStoryOrder.precision, 4), recall: round(redisStoryOrder.recall, 4) }, shuffled: { orders: seeds.length, precision: round(shuffledP, 4), recall: round(shuffledR, 4) } },
      params: DEFAULT_DEDUP_PARAMS,
      listpackLimit,
      scale,
      latencyRatio: ratio,
      roles,
      steady,
    }),
  );
} finally {
  await redis.quit();
  child?.kill();
}
