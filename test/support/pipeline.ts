import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { Redis } from 'ioredis';
import { QueueSet, StatusStore } from '@khabar/contracts';
import { LocalStack, type ServiceName } from '@khabar/stack';
import { deletePrefix, uniquePrefix } from './redis.ts';
import { freePort, waitFor } from './wait.ts';

export interface PipelineOptions {
  readonly redisUrl: string;
  readonly elasticsearchUrl: string;
  /** Elasticsearch URL the indexer uses (a proxy in outage tests); defaults to elasticsearchUrl. */
  readonly indexerElasticsearchUrl?: string;
  readonly allowHosts: readonly string[];
  readonly label: string;
  readonly extraEnv?: Readonly<Record<string, string>>;
  readonly services?: readonly ServiceName[];
}

/** A whole pipeline as processes on a unique queue prefix and index, cleaned up by `close()`. */
export class TestPipeline {
  readonly prefix: string;
  readonly index: string;
  readonly redis: Redis;
  readonly es: Client;
  readonly status: StatusStore;
  stack!: LocalStack;
  apiUrl = '';
  private dir = '';
  private readonly options: PipelineOptions;

  constructor(options: PipelineOptions) {
    this.options = options;
    this.prefix = uniquePrefix(options.label);
    this.index = `khabar-${options.label}-${Date.now().toString(36)}`;
    this.redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.redis.on('error', () => undefined); // outages are the point of some tests; commands still reject
    this.es = new Client({ node: options.elasticsearchUrl });
    this.status = new StatusStore(this.redis, this.prefix);
  }

  async start(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), `khabar-${this.options.label}-`));
    const apiPort = await freePort();
    this.apiUrl = `http://127.0.0.1:${apiPort}`;
    this.stack = new LocalStack({
      logDir: join(this.dir, 'logs'),
      ...(this.options.services ? { services: this.options.services } : {}),
      env: {
        REDIS_URL: this.options.redisUrl,
        ELASTICSEARCH_URL: this.options.elasticsearchUrl,
        KHABAR_QUEUE_PREFIX: this.prefix,
        KHABAR_INDEX_NAME: this.index,
        KHABAR_ARCHIVE_DIR: join(this.dir, 'archive'),
        KHABAR_FETCH_ALLOW_HOSTS: this.options.allowHosts.join(','),
        KHABAR_INDEX_REFRESH: 'wait_for',
        // The local fixture site is ours: politeness stays on, without the 1 s per-host pause real sites get.
        KHABAR_FETCH_HOST_DELAY_MS: '0',
        KHABAR_FETCH_HOST_CONCURRENCY: '64',
        KHABAR_LOCK_DURATION_MS: '4000',
        KHABAR_STALLED_INTERVAL_MS: '2000',
        KHABAR_SHUTDOWN_TIMEOUT_MS: '5000',
        ...this.options.extraEnv,
      },
      serviceEnv: {
        api: { KHABAR_API_PORT: String(apiPort), KHABAR_API_HOST: '127.0.0.1' },
        indexer: { ELASTICSEARCH_URL: this.options.indexerElasticsearchUrl ?? this.options.elasticsearchUrl },
      },
    });
    await this.stack.start();
    if (!this.options.services || this.options.services.includes('api')) {
      await waitFor('the API to be ready', async () => (await fetch(`${this.apiUrl}/readyz`)).ok, 60_000);
    }
  }

  private queueSet: QueueSet | undefined;

  /** Producers on this pipeline's prefix (closed by close()). */
  queues(): QueueSet {
    this.queueSet ??= new QueueSet({ connection: this.redis, prefix: this.prefix });
    return this.queueSet;
  }

  async submit(urls: readonly string[], source = this.options.label): Promise<string[]> {
    const res = await fetch(`${this.apiUrl}/v1/urls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ source, urls }) });
    if (res.status !== 202) throw new Error(`submit answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { items: Array<{ id: string }> }).items.map((i) => i.id);
  }

  async states(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const id of ids) out.set(id, (await this.status.get(id))?.state ?? 'missing');
    return out;
  }

  /** Waits until every id is indexed, failed or skipped; the error lists states and log tails. */
  async settle(ids: readonly string[], timeoutMs: number): Promise<Map<string, string>> {
    let last = new Map<string, string>();
    return waitFor(`${ids.length} URLs to settle`, async () => {
      last = await this.states(ids);
      return [...last.values()].every((s) => s === 'indexed' || s === 'failed' || s === 'skipped') ? last : undefined;
    }, timeoutMs, 300).catch(async (err: unknown) => {
      const histogram: Record<string, number> = {};
      for (const s of last.values()) histogram[s] = (histogram[s] ?? 0) + 1;
      throw new Error(`${String(err)}\nstates: ${JSON.stringify(histogram)}\n${await this.stack.tailLogs(30)}`);
    });
  }

  /** Exactly one document per id in the index, and nothing else from this run. */
  async documentCounts(ids: readonly string[]): Promise<{ total: number; missing: string[] }> {
    await this.es.indices.refresh({ index: this.index });
    const total = (await this.es.count({ index: this.index })).count;
    const missing: string[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const res = await this.es.mget({ index: this.index, ids: chunk, _source: false });
      for (const d of res.docs) if (!('found' in d) || !d.found) missing.push(d._id);
    }
    return { total, missing };
  }

  async close(): Promise<void> {
    await this.stack?.stop();
    await this.queueSet?.close();
    await this.es.indices.delete({ index: `${this.index}-*` }).catch(() => undefined);
    await this.es.indices.deleteIndexTemplate({ name: `${this.index}-template` }).catch(() => undefined);
    await this.es.close();
    await deletePrefix(this.redis, this.prefix).catch(() => undefined);
    this.redis.disconnect();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}

/** Resident memory of a process in bytes (Linux /proc). */
export async function rssBytes(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}
