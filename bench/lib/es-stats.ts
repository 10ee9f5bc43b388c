import type { Client } from '@elastic/elasticsearch';

/**
 * Elasticsearch node counters that explain its CPU: how many documents were indexed and in how
 * many bulk shard requests, how many gets (real-time ones can force a refresh), refreshes, flushes,
 * merges and searches, and the thread pools' completed tasks. Summed over the nodes.
 */
export interface EsCounters {
  readonly cpuMs: number;
  readonly indexTotal: number;
  readonly indexTimeMs: number;
  readonly bulkShardRequests: number;
  readonly bulkTimeMs: number;
  readonly getTotal: number;
  readonly getTimeMs: number;
  readonly refreshTotal: number;
  readonly refreshTimeMs: number;
  readonly externalRefreshTotal: number;
  readonly flushTotal: number;
  readonly mergeTotal: number;
  readonly mergeTimeMs: number;
  readonly mergedDocs: number;
  readonly searchQueries: number;
  readonly searchTimeMs: number;
  readonly translogOps: number;
  readonly gcCollections: number;
  readonly gcTimeMs: number;
  /** Completed tasks per thread pool (write, get, search, refresh, flush, management, …). */
  readonly pools: Readonly<Record<string, number>>;
}

interface NodeStats {
  process?: { cpu?: { total_in_millis?: number } };
  indices?: {
    indexing?: { index_total?: number; index_time_in_millis?: number };
    bulk?: { total_operations?: number; total_time_in_millis?: number };
    get?: { total?: number; time_in_millis?: number };
    refresh?: { total?: number; total_time_in_millis?: number; external_total?: number };
    flush?: { total?: number };
    merges?: { total?: number; total_time_in_millis?: number; total_docs?: number };
    search?: { query_total?: number; query_time_in_millis?: number };
    translog?: { operations?: number };
  };
  jvm?: { gc?: { collectors?: Record<string, { collection_count?: number; collection_time_in_millis?: number }> } };
  thread_pool?: Record<string, { completed?: number }>;
}

export async function readEsCounters(client: Client): Promise<EsCounters> {
  const stats = await client.nodes.stats({ metric: ['process', 'indices', 'thread_pool', 'jvm'] });
  const nodes = Object.values(stats.nodes) as NodeStats[];
  const sum = (pick: (n: NodeStats) => number | undefined): number => nodes.reduce((t, n) => t + (pick(n) ?? 0), 0);
  const pools: Record<string, number> = {};
  for (const n of nodes) for (const [name, pool] of Object.entries(n.thread_pool ?? {})) pools[name] = (pools[name] ?? 0) + (pool.completed ?? 0);
  const gc = (field: 'collection_count' | 'collection_time_in_millis'): number => sum((n) => Object.values(n.jvm?.gc?.collectors ?? {}).reduce((t, c) => t + (c[field] ?? 0), 0));
  return {
    cpuMs: sum((n) => n.process?.cpu?.total_in_millis),
    indexTotal: sum((n) => n.indices?.indexing?.index_total),
    indexTimeMs: sum((n) => n.indices?.indexing?.index_time_in_millis),
    bulkShardRequests: sum((n) => n.indices?.bulk?.total_operations),
    bulkTimeMs: sum((n) => n.indices?.bulk?.total_time_in_millis),
    getTotal: sum((n) => n.indices?.get?.total),
    getTimeMs: sum((n) => n.indices?.get?.time_in_millis),
    refreshTotal: sum((n) => n.indices?.refresh?.total),
    refreshTimeMs: sum((n) => n.indices?.refresh?.total_time_in_millis),
    externalRefreshTotal: sum((n) => n.indices?.refresh?.external_total),
    flushTotal: sum((n) => n.indices?.flush?.total),
    mergeTotal: sum((n) => n.indices?.merges?.total),
    mergeTimeMs: sum((n) => n.indices?.merges?.total_time_in_millis),
    mergedDocs: sum((n) => n.indices?.merges?.total_docs),
    searchQueries: sum((n) => n.indices?.search?.query_total),
    searchTimeMs: sum((n) => n.indices?.search?.query_time_in_millis),
    translogOps: sum((n) => n.indices?.translog?.operations),
    gcCollections: gc('collection_count'),
    gcTimeMs: gc('collection_time_in_millis'),
    pools,
  };
}

/** `after - before`, field by field (thread pools: only the ones that did work). */
export function esCounterDelta(before: EsCounters, after: EsCounters): EsCounters {
  const pools: Record<string, number> = {};
  for (const [name, done] of Object.entries(after.pools)) {
    const d = done - (before.pools[name] ?? 0);
    if (d !== 0) pools[name] = d;
  }
  const out: Record<string, number> = {};
  for (const key of Object.keys(after) as Array<keyof EsCounters>) {
    if (key !== 'pools') out[key] = (after[key] as number) - (before[key] as number);
  }
  return { ...(out as unknown as Omit<EsCounters, 'pools'>), pools };
}

/** One line for the report: per-document costs and the counts behind them. */
export function describeEsDelta(d: EsCounters, docs: number): string {
  const per = (n: number): string => (n / Math.max(1, docs)).toFixed(2);
  const pools = Object.entries(d.pools).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `CPU ${per(d.cpuMs)} ms/doc; indexed ${d.indexTotal} docs in ${d.bulkShardRequests} bulk shard requests (${(d.indexTotal / Math.max(1, d.bulkShardRequests)).toFixed(1)}/request)`,
    `gets ${d.getTotal} (${per(d.getTotal)}/doc), refreshes ${d.refreshTotal} (external ${d.externalRefreshTotal}, ${d.refreshTimeMs} ms), flushes ${d.flushTotal}, merges ${d.mergeTotal} (${d.mergeTimeMs} ms, ${d.mergedDocs} docs), searches ${d.searchQueries}, GC ${d.gcCollections} (${d.gcTimeMs} ms)`,
    `thread pools (completed): ${pools}`,
  ].join('\n    ');
}

/** Which thread pool (write, refresh, merge, get, …) a hot thread belongs to, from its name. */
export function poolOfThread(name: string): string {
  const pool = /\]\[([a-z_]+)\]\[T#\d+\]/u.exec(name)?.[1];
  if (pool) return pool;
  if (/merge/iu.test(name)) return 'merge';
  return name.replace(/^elasticsearch\[[^\]]*\]/u, '').replace(/\d+/gu, '#').slice(0, 40) || 'other';
}

/** CPU ms per thread pool in one `_nodes/hot_threads` answer. */
export function parseHotThreads(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  // "12.5% [cpu=10.2%, other=2.3%] (125ms out of 1s) cpu usage by thread 'elasticsearch[node][write][T#2]'"
  for (const m of text.matchAll(/\[cpu=([\d.]+)%[^\]]*\] \([\d.]+m?s out of ([\d.]+)(m?s)\) cpu usage by thread '([^']+)'/gu)) {
    const intervalMs = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    const pool = poolOfThread(m[4] ?? '');
    out[pool] = (out[pool] ?? 0) + (Number(m[1]) / 100) * intervalMs;
  }
  return out;
}

/**
 * Samples Elasticsearch's busiest threads (1 s windows back to back) until stopped: CPU by thread
 * pool, i.e. what Elasticsearch spends its CPU on while the pipeline runs.
 */
export function startHotThreadSampler(client: Client): { stop(): Promise<{ sampledMs: number; cpuMsByPool: Record<string, number> }> } {
  const cpuMsByPool: Record<string, number> = {};
  let sampledMs = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const text = await client.nodes.hotThreads({ threads: 40, interval: '1s', ignore_idle_threads: true, type: 'cpu' });
        sampledMs += 1000;
        for (const [pool, ms] of Object.entries(parseHotThreads(String(text)))) cpuMsByPool[pool] = (cpuMsByPool[pool] ?? 0) + ms;
      } catch {
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { sampledMs, cpuMsByPool };
    },
  };
}
