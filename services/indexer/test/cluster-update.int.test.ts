import { randomBytes } from 'node:crypto';
import { createSearchClient, ensureIndex } from '@khabar/search-index';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../../test/support/wait.ts';
import { updateOriginalCluster, type ClusterUpdateTarget } from '../src/cluster-update.ts';
import { dropIndexBase } from '../../../test/support/elasticsearch.ts';

let client: ReturnType<typeof createSearchClient>;
let base: string;
let target: ClusterUpdateTarget;

// One index for the file (creating one is the slow part); every test uses its own document ids.
beforeAll(async () => {
  client = createSearchClient(inject('elasticsearchUrl'));
  base = `khabar-cu-${randomBytes(4).toString('hex')}`;
  await ensureIndex(client, base);
  target = { client, readAlias: base, writeAlias: `${base}-write` };
});

afterAll(async () => {
  await dropIndexBase(client, base);
  await client.close();
});

async function indexOriginal(id: string, size: number, refresh: boolean): Promise<void> {
  await client.index({
    index: `${base}-write`,
    id,
    document: { id, title: 'original', cluster: { id, role: 'original', similarity: 1, contentHash: 'c0ffee', size, sources: ['a.example'] } },
    refresh,
  });
}

async function clusterOf(id: string): Promise<unknown> {
  const got = await client.get<{ cluster: unknown }>({ index: `${base}-000001`, id });
  return got._source?.cluster;
}

describe('updateOriginalCluster (real Elasticsearch)', () => {
  it('writes the grown size and sources onto the original, and never shrinks them', async () => {
    const id = randomBytes(16).toString('hex');
    await indexOriginal(id, 1, true);
    expect(await updateOriginalCluster(target, { id, role: 'near_duplicate', size: 3, sources: ['a.example', 'b.example'] })).toBe('updated');
    expect(await clusterOf(id)).toMatchObject({ id, role: 'original', size: 3, sources: ['a.example', 'b.example'] });
    // a copy indexed late, carrying an older size
    expect(await updateOriginalCluster(target, { id, role: 'duplicate', size: 2, sources: ['a.example'] })).toBe('stale');
    expect(await clusterOf(id)).toMatchObject({ size: 3, sources: ['a.example', 'b.example'] });
  });

  it('finds an original that is not searchable yet (real-time get on the write alias)', async () => {
    const id = randomBytes(16).toString('hex');
    await indexOriginal(id, 1, false);
    expect(await updateOriginalCluster(target, { id, role: 'duplicate', size: 2, sources: ['a.example', 'c.example'] })).toBe('updated');
    expect(await clusterOf(id)).toMatchObject({ size: 2, sources: ['a.example', 'c.example'] });
  });

  it('updates an original that a rollover left in an older index generation', async () => {
    const id = randomBytes(16).toString('hex');
    await indexOriginal(id, 1, true);
    await client.indices.rollover({ alias: `${base}-write` });
    expect(await client.exists({ index: `${base}-000002`, id })).toBe(false);
    expect(await updateOriginalCluster(target, { id, role: 'duplicate', size: 2, sources: ['a.example', 'b.example'] })).toBe('updated');
    expect(await updateOriginalCluster(target, { id, role: 'duplicate', size: 3, sources: ['a.example', 'b.example'] })).toBe('updated');
    const got = await client.get<{ cluster: unknown }>({ index: `${base}-000001`, id });
    expect(got._source?.cluster).toMatchObject({ size: 3 });
  });

  it('ignores an original that is not indexed, and originals themselves', async () => {
    const id = randomBytes(16).toString('hex');
    expect(await updateOriginalCluster(target, { id, role: 'duplicate', size: 2, sources: [] })).toBe('original-missing');
    expect(await updateOriginalCluster(target, { id, role: 'original', size: 1, sources: [] })).toBe('not-needed');
    expect((await client.count({ index: base, query: { ids: { values: [id] } } })).count).toBe(0);
  });

  it('fails with a retryable stable code when Elasticsearch is unreachable', async () => {
    const down = createSearchClient(`http://127.0.0.1:${await freePort()}`);
    try {
      await expect(updateOriginalCluster({ client: down, readAlias: base, writeAlias: `${base}-write` }, { id: 'x', role: 'duplicate', size: 2, sources: [] })).rejects.toMatchObject({
        code: 'KHABAR_E_INDEX_UNAVAILABLE',
        retryable: true,
      });
    } finally {
      await down.close();
    }
  });
});
