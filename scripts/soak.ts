/**
 * pnpm soak --minutes N: runs the whole pipeline (every stage a process, local Redis and
 * Elasticsearch) for N minutes while feeding it fresh URLs from the fixture site, and prints a line
 * per minute: URLs in, documents out, failed, backlog, Redis memory, RSS per service. Outside CI.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { Redis } from 'ioredis';
import { QueueSet, StatusStore, fetchBacklog, submitUrls } from '@khabar/contracts';
import { startFixtureSite } from '@khabar/fixture-site';
import { ensureElasticsearch, ensureRedis, repoCacheDir } from '@khabar/local-infra';
import { LocalStack } from '@khabar/stack';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const minutes = arg('minutes', 10);
const perMinute = arg('rate', 600);
const prefix = `{khabar-soak}`;
const index = 'khabar-soak';

const [redisSvc, esSvc] = await Promise.all([ensureRedis({ purpose: 'demo', detached: true }), ensureElasticsearch({ purpose: 'demo', detached: true })]);
const site = await startFixtureSite({ port: 0 });
const dir = join(repoCacheDir(), 'soak');
await mkdir(dir, { recursive: true });
const stack = new LocalStack({
  logDir: join(dir, 'logs'),
  env: {
    REDIS_URL: redisSvc.url,
    ELASTICSEARCH_URL: esSvc.url,
    KHABAR_QUEUE_PREFIX: prefix,
    KHABAR_INDEX_NAME: index,
    KHABAR_ARCHIVE_DIR: join(dir, 'archive'),
    KHABAR_FETCH_ALLOW_HOSTS: `127.0.0.1:${site.port}`,
    KHABAR_FETCH_HOST_DELAY_MS: '0',
    KHABAR_FETCH_HOST_CONCURRENCY: '16',
    LOG_LEVEL: 'warn',
  },
});
await stack.start();
const redis = new Redis(redisSvc.url);
const es = new Client({ node: esSvc.url });
const queues = new QueueSet({ connection: redis, prefix });
const status = new StatusStore(redis, prefix);
const pages = [...site.pages, ...site.heldoutPages];
let submitted = 0;
const rss = async (pid: number | undefined) => {
  const s = await readFile(`/proc/${pid ?? 0}/status`, 'utf8').catch(() => '');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0) / 1024);
};
const started = Date.now();
process.stdout.write(`soak: ${minutes} min at ${perMinute} URLs/min; logs in ${join(dir, 'logs')}\n`);
try {
  for (let minute = 1; minute <= minutes; minute++) {
    const batch = Array.from({ length: perMinute }, (_, i) => ({ url: `${site.urlFor(pages[(submitted + i) % pages.length]!.id)}?soak=${started}-${submitted + i}`, submission: { source: 'soak' } }));
    for (let i = 0; i < batch.length; i += 100) await submitUrls({ queues, status }, batch.slice(i, i + 100));
    submitted += batch.length;
    await new Promise((r) => setTimeout(r, 60_000));
    await es.indices.refresh({ index }).catch(() => undefined);
    const docs = await es.count({ index }).then((r) => r.count, () => 0);
    const failed = (await queues.get('fetch').getFailedCount()) + (await queues.get('parse').getFailedCount()) + (await queues.get('index').getFailedCount());
    const memory = /used_memory:(\d+)/.exec(await redis.info('memory'))?.[1];
    const mem = await Promise.all(stack.running().map(async (p) => `${p.name}=${await rss(p.child.pid)}MB`));
    process.stdout.write(`min ${minute}: in ${submitted}, documents ${docs}, failed ${failed}, backlog ${await fetchBacklog(queues)}, redis ${Math.round(Number(memory ?? 0) / 1_048_576)} MB, ${mem.join(' ')}\n`);
  }
} finally {
  await stack.stop();
  await queues.close();
  redis.disconnect();
  await es.close();
  await site.close();
}
