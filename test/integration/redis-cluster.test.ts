import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client } from '@elastic/elasticsearch';
import type { Redis } from 'ioredis';
import { PIPELINE, StatusStore } from '@khabar/contracts';
import { startFixtureSite } from '@khabar/fixture-site';
import { LocalStack } from '@khabar/stack';
import { assertNoEviction, createRedisConnection, isCluster, masterConnections, type RedisConnection } from '@khabar/worker-kit';
import { runCli } from '../support/cli.ts';
import { startRedisCluster, type LocalRedisCluster } from '../support/redis-cluster.ts';
import { uniquePrefix } from '../support/redis.ts';
import { freePort, waitFor } from '../support/wait.ts';

type Site = Awaited<ReturnType<typeof startFixtureSite>>;

/** Every key on every master of the cluster (the cluster belongs to this file alone). */
async function allKeys(conn: RedisConnection): Promise<Map<string, string>> {
  const owner = new Map<string, string>();
  for (const node of await masterConnections(conn)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'COUNT', 1000);
      cursor = next;
      for (const k of keys) owner.set(k, `${node.options.host}:${node.options.port}`);
    } while (cursor !== '0');
  }
  return owner;
}

async function setPolicy(node: Redis, policy: string): Promise<void> {
  await node.config('SET', 'maxmemory-policy', policy);
}

/**
 * Khabar on a real Redis Cluster (3 masters, no replicas, started here): the start-up check on
 * every master, the whole pipeline as separate processes with REDIS_URL=redis+cluster://…, the
 * CLI, the queue UI, and where every key lands.
 */
describe('Khabar on a real 3-master Redis Cluster', () => {
  let cluster: LocalRedisCluster;
  let conn: RedisConnection;
  let site: Site;
  let stack: LocalStack | undefined;
  let es: Client;
  let workDir: string;
  const prefix = uniquePrefix('cluster');
  const index = `khabar-cluster-${Date.now().toString(36)}`;

  beforeAll(async () => {
    cluster = await startRedisCluster({ masters: 3 });
    conn = createRedisConnection(cluster.url, { name: 'khabar-cluster-test' });
    es = new Client({ node: inject('elasticsearchUrl') });
    workDir = await mkdtemp(join(tmpdir(), 'khabar-cluster-'));
  });

  afterAll(async () => {
    await stack?.stop();
    await site?.close();
    await es?.indices.delete({ index: `${index}-*` }).catch(() => undefined);
    await es?.indices.deleteIndexTemplate({ name: `${index}-template` }).catch(() => undefined);
    await es?.close();
    conn?.disconnect();
    await cluster?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('connects as a cluster and checks the eviction policy of every master at start-up', async () => {
    expect(isCluster(conn)).toBe(true);
    const masters = await masterConnections(conn);
    expect(masters.map((m) => m.options.port).sort()).toEqual(cluster.nodes.map((n) => n.port).sort());
    await expect(assertNoEviction(conn)).resolves.toBeUndefined();
    // Each master in turn: one evicting master is enough to refuse.
    for (const master of masters) {
      await setPolicy(master, 'allkeys-lru');
      await expect(assertNoEviction(conn)).rejects.toThrow(`maxmemory-policy is "allkeys-lru" on cluster master 127.0.0.1:${master.options.port}; Khabar needs "noeviction"`);
      await setPolicy(master, 'noeviction');
    }
    await expect(assertNoEviction(conn)).resolves.toBeUndefined();
  });

  it('a worker process started on a cluster with one evicting master exits non-zero instead of starting', async () => {
    const masters = await masterConnections(conn);
    const last = masters[masters.length - 1]!;
    await setPolicy(last, 'volatile-lru');
    try {
      const probe = new LocalStack({ logDir: join(workDir, 'evict-logs'), services: ['tagger'], env: { REDIS_URL: cluster.url, KHABAR_QUEUE_PREFIX: prefix } });
      await probe.start();
      const [proc] = probe.running('tagger');
      expect(await proc!.exited).not.toBe(0);
      expect(await readFile(proc!.logFile, 'utf8')).toContain(`"volatile-lru" on cluster master 127.0.0.1:${last.options.port}`);
      await probe.stop();
    } finally {
      await setPolicy(last, 'noeviction');
    }
  });

  it('a process refuses a queue prefix without a hash tag on a cluster (CROSSSLOT otherwise)', async () => {
    const probe = new LocalStack({ logDir: join(workDir, 'prefix-logs'), services: ['api'], env: { REDIS_URL: cluster.url, KHABAR_QUEUE_PREFIX: 'khabar-untagged' } });
    await probe.start();
    const [proc] = probe.running('api');
    expect(await proc!.exited).not.toBe(0);
    expect(await readFile(proc!.logFile, 'utf8')).toContain('KHABAR_QUEUE_PREFIX "khabar-untagged" must contain a Redis Cluster hash tag');
    await probe.stop();
  });

  it('runs every service through the cluster: each submitted URL ends indexed, exactly once; CLI and queue UI read the cluster', async () => {
    site = await startFixtureSite({ host: '127.0.0.1', port: 0 });
    const env = { REDIS_URL: cluster.url, KHABAR_QUEUE_PREFIX: prefix };
    // Keys made by the CLI through the cluster (api-keys: a MULTI over two keys).
    const intake = await runCli(['apikey', 'create', 'upstream', '--scope', 'intake'], { env });
    expect(intake.code, intake.stderr).toBe(0);
    const intakeKey = (JSON.parse(intake.stdout) as { key: string }).key;
    const admin = await runCli(['apikey', 'create', 'ops', '--scope', 'search'], { env });
    expect(admin.code, admin.stderr).toBe(0);
    const adminKey = (JSON.parse(admin.stdout) as { key: string }).key;

    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    stack = new LocalStack({
      logDir: join(workDir, 'logs'),
      env: {
        ...env,
        ELASTICSEARCH_URL: inject('elasticsearchUrl'),
        KHABAR_INDEX_NAME: index,
        KHABAR_ARCHIVE_DIR: join(workDir, 'archive'),
        KHABAR_ARCHIVE_RETENTION_DAYS: '30',
        KHABAR_FETCH_ALLOW_HOSTS: `127.0.0.1:${site.port}`,
        KHABAR_INDEX_REFRESH: 'wait_for',
        KHABAR_FETCH_HOST_DELAY_MS: '0',
        KHABAR_FETCH_HOST_CONCURRENCY: '64',
        KHABAR_LOCK_DURATION_MS: '4000',
        KHABAR_STALLED_INTERVAL_MS: '2000',
        KHABAR_SHUTDOWN_TIMEOUT_MS: '5000',
      },
      serviceEnv: { api: { KHABAR_API_PORT: String(apiPort), KHABAR_API_HOST: '127.0.0.1', KHABAR_API_AUTH: 'required', KHABAR_ADMIN_CLIENTS: 'ops' } },
    });
    await stack.start();
    await waitFor('the API to be ready', async () => (await fetch(`${apiUrl}/readyz`)).ok, 60_000);

    // Every fixture page, plus query-string copies of some (new URLs, same text: duplicates).
    const urls = [...site.pages.map((p) => site.urlFor(p.id)), ...site.pages.slice(0, 5).map((p) => `${site.urlFor(p.id)}?copy=1`)];
    const res = await fetch(`${apiUrl}/v1/urls`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': intakeKey }, body: JSON.stringify({ source: 'cluster', urls }) });
    expect(res.status).toBe(202);
    const ids = ((await res.json()) as { items: Array<{ id: string }> }).items.map((i) => i.id);
    expect(new Set(ids).size).toBe(urls.length);

    const statusRedis = createRedisConnection(cluster.url);
    const status = new StatusStore(statusRedis, prefix);
    let last: Array<[string, string]> = [];
    await waitFor(`${ids.length} URLs to be indexed`, async () => {
      last = [];
      for (const id of ids) last.push([id, (await status.get(id))?.state ?? 'missing']);
      return last.every(([, s]) => s === 'indexed' || s === 'failed' || s === 'skipped');
    }, 180_000, 500).catch(async (err: unknown) => {
      throw new Error(`${String(err)}\n${JSON.stringify(last)}\n${await stack!.tailLogs(40)}`);
    });
    expect(last.filter(([, s]) => s !== 'indexed'), 'not indexed').toEqual([]);

    await es.indices.refresh({ index });
    expect((await es.count({ index })).count).toBe(ids.length);
    const docs = await es.mget({ index, ids, _source: false });
    expect(docs.docs.filter((d) => !('found' in d) || !d.found).map((d) => d._id)).toEqual([]);

    // `khabar status` against the cluster: every queue, and the index stage completed every URL.
    const cli = await runCli(['status'], { env });
    expect(cli.code, cli.stderr).toBe(0);
    const views = JSON.parse(cli.stdout) as Array<{ queue: string; counts: Record<string, number> }>;
    expect(views.map((v) => v.queue)).toEqual([...PIPELINE]);
    expect(views.find((v) => v.queue === 'index')?.counts['completed']).toBe(ids.length);
    for (const v of views) expect(v.counts['failed'], v.queue).toBe(0);
    const keys = await runCli(['apikey', 'list'], { env });
    expect(keys.code, keys.stderr).toBe(0);
    expect((JSON.parse(keys.stdout) as Array<{ client: string }>).map((k) => k.client)).toEqual(['ops', 'upstream']);
    const one = await runCli(['status', ids[0]!], { env });
    expect(one.code, one.stderr).toBe(0);
    expect((JSON.parse(one.stdout) as { state: string }).state).toBe('indexed');

    // The queue UI on the same cluster: admin only, counts as Redis has them.
    expect((await fetch(`${apiUrl}/admin/queues/api/queues`, { headers: { 'x-api-key': intakeKey } })).status).toBe(403);
    const board = await fetch(`${apiUrl}/admin/queues/api/queues`, { headers: { 'x-api-key': adminKey } });
    expect(board.status).toBe(200);
    const listed = ((await board.json()) as { queues: Array<{ name: string; counts: Record<string, number> }> }).queues;
    expect(listed.map((q) => q.name).sort()).toEqual([...PIPELINE].sort());
    expect(listed.find((q) => q.name === 'index')?.counts['completed']).toBe(ids.length);
    statusRedis.disconnect();
  });

  it('keeps every key Khabar wrote in the single slot of the hash-tagged prefix', async () => {
    const owner = await allKeys(conn);
    const keys = [...owner.keys()];
    expect(keys.length).toBeGreaterThan(50);
    // Nothing outside the prefix: no stray key without the hash tag.
    expect(keys.filter((k) => !k.startsWith(prefix))).toEqual([]);
    const anyNode = (await masterConnections(conn))[0]!;
    const slot = Number(await anyNode.cluster('KEYSLOT', prefix));
    const slots = new Set<number>();
    for (const k of keys) slots.add(Number(await anyNode.cluster('KEYSLOT', k)));
    expect([...slots]).toEqual([slot]);
    expect(new Set(owner.values()).size).toBe(1);
    const byFamily: Record<string, number> = {};
    for (const k of keys) {
      const family = k.slice(prefix.length).split(':').slice(0, 2).map((part, i) => (i === 1 && /^[0-9a-f]{16,}|^\d+$/.test(part) ? '<id>' : part)).join(':');
      byFamily[family] = (byFamily[family] ?? 0) + 1;
    }
    console.log(`[cluster] ${keys.length} keys after the run, all in slot ${slot} on master ${[...owner.values()][0]} of ${cluster.nodes.length}: ${JSON.stringify(byFamily)}`);
    // Every family of keys the audit lists was written during the run.
    const families = [':url:', ':dedup:', ':polite:', ':robots:', ':fetchmeta:', ':lock:', ':apikey:', ':apiclient:', ':ratelimit:', ':fetch:', ':parse:', ':dedup:', ':tag:', ':index:'];
    for (const f of families) expect(keys.some((k) => k.startsWith(`${prefix}${f}`)), f).toBe(true);
  });
});
