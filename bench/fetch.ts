/**
 * pnpm bench:fetch — the fetcher against many local hosts: 50 sites on 127.0.0.1 (one port each,
 * so 50 distinct hosts), 20 pages each, fetched by 2 real fetcher processes (LocalStack), first
 * with politeness on (Redis host gate: 2 per host, 20 ms minimum delay, robots.txt), then off.
 * Prints pages/s and fetcher CPU per page (user+system of the fetcher processes, start-up
 * excluded; Redis and the sites are not counted) for both, and the politeness overhead.
 * The last line printed is one JSON object with every figure.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { QueueSet, StatusStore, submitUrls } from '@khabar/contracts';
import { ensureRedis } from '@khabar/local-infra';
import { LocalStack } from '@khabar/stack';

const HOSTS = 50;
const PAGES_PER_HOST = 20;
const FETCHERS = 2;
const CONCURRENCY = 16;
const TOTAL = HOSTS * PAGES_PER_HOST;

const PARAGRAPH = '<p>قال المتحدث باسم الكرملين دميتري بيسكوف إن موسكو تتابع الوضع عن كثب، مضيفا أن الاتصالات مستمرة على مختلف المستويات.</p>\n';
const BODY = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر</title></head><body><nav>${'<a href="/x">قسم</a>'.repeat(80)}</nav><article><h1>خبر عاجل</h1>${PARAGRAPH.repeat(120)}</article></body></html>`;

async function startSites(): Promise<{ servers: Server[]; origins: string[] }> {
  const servers: Server[] = [];
  const origins: string[] = [];
  for (let i = 0; i < HOSTS; i++) {
    const server = createServer((req, res) => {
      if (req.url === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
        return;
      }
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(BODY), 5);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    origins.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  return { servers, origins };
}

/** user+system CPU seconds of a process, from /proc (Linux). */
async function cpuSeconds(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
}

interface RunFigures {
  readonly pagesPerSecond: number;
  readonly cpuMsPerPage: number;
  readonly seconds: number;
}

async function run(label: string, politeness: boolean, redisUrl: string, origins: string[]): Promise<RunFigures> {
  const prefix = `{khabar-bench-${label}-${Date.now()}}`;
  const dir = await mkdtemp(join(tmpdir(), `khabar-bench-fetch-${label}-`));
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = new QueueSet({ connection: redis, prefix });
  const stack = new LocalStack({
    services: Array.from({ length: FETCHERS }, () => 'fetcher' as const),
    logDir: join(dir, 'logs'),
    env: {
      REDIS_URL: redisUrl,
      KHABAR_QUEUE_PREFIX: prefix,
      KHABAR_ARCHIVE_DIR: join(dir, 'archive'),
      KHABAR_FETCH_ALLOW_HOSTS: origins.map((o) => o.replace('http://', '')).join(','),
      KHABAR_CONCURRENCY: String(CONCURRENCY),
      KHABAR_FETCH_POLITENESS: String(politeness),
      KHABAR_FETCH_ROBOTS: String(politeness),
      KHABAR_FETCH_HOST_DELAY_MS: '20',
      KHABAR_FETCH_HOST_CONCURRENCY: '2',
      KHABAR_FETCH_AUTOTHROTTLE_TARGET: '2',
      LOG_LEVEL: 'info',
    },
  });
  try {
    await stack.start();
    const procs = stack.running('fetcher');
    const ready = async (): Promise<boolean> => (await Promise.all(procs.map((p) => readFile(p.logFile, 'utf8').catch(() => '')))).every((t) => t.includes('worker started'));
    while (!(await ready())) await new Promise((r) => setTimeout(r, 100));
    const pids = procs.map((p) => p.child.pid);
    const cpuBefore = (await Promise.all(pids.map(cpuSeconds))).reduce((a, b) => a + b, 0);
    const items = origins.flatMap((origin) => Array.from({ length: PAGES_PER_HOST }, (_, i) => ({ url: `${origin}/news/${i}`, submission: { source: 'bench' } })));
    const started = performance.now();
    await submitUrls({ queues, status: new StatusStore(redis, prefix) }, items);
    const parse = queues.get('parse');
    while ((await parse.count()) < TOTAL) {
      if (performance.now() - started > 300_000) throw new Error(`${label}: only ${await parse.count()} of ${TOTAL} pages after 300 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = (await Promise.all(pids.map(cpuSeconds))).reduce((a, b) => a + b, 0);
    const figures = { pagesPerSecond: TOTAL / seconds, cpuMsPerPage: ((cpuAfter - cpuBefore) * 1000) / TOTAL, seconds };
    console.log(`${label.padEnd(14)} ${TOTAL} pages in ${seconds.toFixed(2)} s: ${figures.pagesPerSecond.toFixed(0)} pages/s, ${figures.cpuMsPerPage.toFixed(2)} ms fetcher CPU per page`);
    return figures;
  } finally {
    await stack.stop(10_000);
    await queues.close();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  }
}

const infra = await ensureRedis({ purpose: 'test' });
const { servers, origins } = await startSites();
try {
  console.log(`fetch benchmark: ${HOSTS} local hosts × ${PAGES_PER_HOST} pages (${(BODY.length / 1024).toFixed(0)} KB each), ${FETCHERS} fetchers × ${CONCURRENCY} concurrency`);
  const on = await run('politeness on', true, infra.url, origins);
  const off = await run('politeness off', false, infra.url, origins);
  const overhead = {
    cpuMsPerPage: on.cpuMsPerPage - off.cpuMsPerPage,
    cpuPercent: off.cpuMsPerPage > 0 ? ((on.cpuMsPerPage - off.cpuMsPerPage) / off.cpuMsPerPage) * 100 : 0,
    throughputPercent: off.pagesPerSecond > 0 ? ((off.pagesPerSecond - on.pagesPerSecond) / off.pagesPerSecond) * 100 : 0,
  };
  console.log(`politeness overhead: ${overhead.cpuMsPerPage.toFixed(2)} ms CPU per page (${overhead.cpuPercent.toFixed(0)} %), throughput ${overhead.throughputPercent.toFixed(0)} % lower`);
  console.log(JSON.stringify({ bench: 'fetch', hosts: HOSTS, pages: TOTAL, fetchers: FETCHERS, concurrency: CONCURRENCY, politenessOn: on, politenessOff: off, overhead }));
} finally {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  await infra.stop();
}
