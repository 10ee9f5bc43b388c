import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { ensureElasticsearch, ensureRedis, type RunningService } from '../src/index.ts';
import { KHABAR_PLUGIN, loadedPlugins } from '../src/elasticsearch-plugin.ts';

// These tests ARE the infrastructure: they exercise the local-process path on their own ports,
// so they ignore REDIS_URL / ELASTICSEARCH_URL and any Docker engine while they run.
const saved = { redis: process.env['REDIS_URL'], es: process.env['ELASTICSEARCH_URL'], docker: process.env['KHABAR_NO_DOCKER'] };
beforeAll(() => {
  delete process.env['REDIS_URL'];
  delete process.env['ELASTICSEARCH_URL'];
  process.env['KHABAR_NO_DOCKER'] = '1';
});
afterAll(() => {
  restore('REDIS_URL', saved.redis);
  restore('ELASTICSEARCH_URL', saved.es);
  restore('KHABAR_NO_DOCKER', saved.docker);
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

async function ping(url: string): Promise<string> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {}); // surfaced by connect()/ping() instead
  try {
    await client.connect();
    return await client.ping();
  } finally {
    client.disconnect();
  }
}

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function health(url: string): Promise<string> {
  const res = await fetch(`${url}/_cluster/health?wait_for_status=yellow&timeout=5s`);
  return ((await res.json()) as { status: string }).status;
}

describe('ensureRedis', () => {
  it('starts redis-server on the requested port, reuses it, and stop() ends it', async () => {
    const first = await ensureRedis({ purpose: 'test', port: 6395 });
    let second: RunningService | undefined;
    try {
      expect(first).toMatchObject({ url: 'redis://127.0.0.1:6395', kind: 'process' });
      expect(await ping(first.url)).toBe('PONG');
      second = await ensureRedis({ purpose: 'test', port: 6395 });
      expect(second).toMatchObject({ url: first.url, kind: 'reused' });
      await second.stop(); // releases its lease only: the first still holds one
      expect(await ping(first.url)).toBe('PONG');
    } finally {
      await first.stop();
    }
    await expect(ping(first.url)).rejects.toThrow();
  });

  it('keeps a service shared with another process until that process lets go too', async () => {
    const owner = await ensureRedis({ purpose: 'test', port: 6396 });
    const child = spawn(process.execPath, [fileURLToPath(new URL('./fixtures/hold-redis.ts', import.meta.url)), '6396'], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    try {
      expect(owner.kind).toBe('process');
      await waitFor(() => out.includes('\n'));
      expect(out.trim()).toBe('reused');
      await owner.stop(); // the child still holds a lease
      expect(await ping(owner.url)).toBe('PONG');
      child.stdin.end();
      await once(child, 'exit');
      expect(out).toContain('released');
      await expect(ping(owner.url)).rejects.toThrow(); // the last user stopped it
    } finally {
      child.kill('SIGKILL');
      await owner.stop();
    }
  });

  it('uses REDIS_URL as is when set', async () => {
    process.env['REDIS_URL'] = 'redis://127.0.0.1:1/9';
    try {
      const service = await ensureRedis({ purpose: 'test' });
      expect(service).toMatchObject({ url: 'redis://127.0.0.1:1/9', kind: 'env' });
      await service.stop();
    } finally {
      delete process.env['REDIS_URL'];
    }
  });
});

describe('ensureElasticsearch', () => {
  it('starts a single-node cluster from the cached distribution, reuses it, and stop() ends it', async () => {
    const [first, concurrent] = await Promise.all([
      ensureElasticsearch({ purpose: 'test', port: 9255, heap: '512m' }),
      ensureElasticsearch({ purpose: 'test', port: 9255, heap: '512m' }),
    ]);
    const owner = first.kind === 'process' ? first : concurrent;
    const sharer = first.kind === 'process' ? concurrent : first;
    try {
      expect([first.kind, concurrent.kind].sort()).toEqual(['process', 'reused']);
      expect(owner.url).toBe('http://127.0.0.1:9255');
      expect(['green', 'yellow']).toContain(await health(owner.url));
      // Started with the plugin built from the current sources (its version is their hash).
      expect((await loadedPlugins(owner.url))?.find((p) => p.name === KHABAR_PLUGIN)?.version).toMatch(/^[0-9a-f]{16}$/);
      const analyzed = await fetch(`${owner.url}/_analyze`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tokenizer: 'standard', filter: ['khabar_arabic_normalization', 'khabar_arabic_stem'], text: 'والكرملين' }),
      });
      expect(((await analyzed.json()) as { tokens: { token: string }[] }).tokens.map((t) => t.token)).toEqual(['كرمل']);
      const again = await ensureElasticsearch({ purpose: 'test', port: 9255 });
      expect(again.kind).toBe('reused');
      await Promise.all([again.stop(), sharer.stop()]);
      // The owner still holds a lease: releasing the others must not stop the node.
      expect(['green', 'yellow']).toContain(await health(owner.url));
    } finally {
      await owner.stop();
    }
    await expect(fetch(`${owner.url}/_cluster/health`)).rejects.toThrow();
  }, 240_000);

  it('fails with the tail of the node log when Elasticsearch cannot start', async () => {
    const attempt = ensureElasticsearch({ purpose: 'test', port: 9256, heap: 'lots' });
    await expect(attempt).rejects.toThrow(/exited before becoming healthy; last 30 log lines[\s\S]*(Xms|heap|Invalid)/i);
  }, 120_000);
});
