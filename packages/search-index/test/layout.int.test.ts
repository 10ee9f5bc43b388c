import { randomBytes } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createSearchClient, ensureIndex, rolloverIndex } from '../src/index.ts';
import { dropIndexBase } from '../../../test/support/elasticsearch.ts';

let client: Client;
let base: string;

beforeEach(() => {
  client = createSearchClient(inject('elasticsearchUrl'));
  base = `khabar-layout-${randomBytes(4).toString('hex')}`;
});

afterEach(async () => {
  await dropIndexBase(client, base);
  await client.close();
});

async function indexSettings(index: string): Promise<{ shards: string | undefined; replicas: string | undefined; autoExpand: string | undefined }> {
  const response = await client.indices.getSettings({ index, flat_settings: true });
  const flat = (response[index]?.settings ?? {}) as Record<string, string | undefined>;
  return { shards: flat['index.number_of_shards'], replicas: flat['index.number_of_replicas'], autoExpand: flat['index.auto_expand_replicas'] };
}

describe('index layout on a real cluster', () => {
  it('the default layout auto-expands replicas, so a single node stays green', async () => {
    await ensureIndex(client, base);
    expect(await indexSettings(`${base}-000001`)).toMatchObject({ shards: '1', autoExpand: '0-1', replicas: '0' });
    const health = await client.cluster.health({ index: `${base}-000001`, wait_for_status: 'green', timeout: '10s' });
    expect(health.status).toBe('green');
  });

  it('shards and replicas set by the deployment reach the first generation and every rollover', async () => {
    await ensureIndex(client, base, { shards: 3, replicas: '0' });
    expect(await indexSettings(`${base}-000001`)).toMatchObject({ shards: '3', replicas: '0', autoExpand: 'false' });
    await client.index({ index: `${base}-write`, id: 'a', document: { id: 'a', title: 'x' }, refresh: true });
    const rolled = await rolloverIndex(client, base, { maxDocs: 1 });
    expect(rolled.rolledOver).toBe(true);
    expect(await indexSettings(`${base}-000002`)).toMatchObject({ shards: '3', replicas: '0' });
  });

  it('the merge policy for a trickle of small refreshes reaches new generations and an existing write index', async () => {
    const merge = async (index: string): Promise<Record<string, string | undefined>> => {
      const response = await client.indices.getSettings({ index, flat_settings: true });
      const flat = (response[index]?.settings ?? {}) as Record<string, string | undefined>;
      return { floor: flat['index.merge.policy.floor_segment'], perTier: flat['index.merge.policy.segments_per_tier'] };
    };
    await ensureIndex(client, base);
    expect(await merge(`${base}-000001`)).toEqual({ floor: '100kb', perTier: '30' });
    // an index made before the template had it (same template version): ensureIndex brings it over
    await client.indices.putSettings({ index: `${base}-000001`, settings: { 'index.merge.policy.floor_segment': null, 'index.merge.policy.segments_per_tier': null, 'index.merge.policy.max_merge_at_once': null } });
    expect(await merge(`${base}-000001`)).toEqual({ floor: undefined, perTier: undefined });
    await ensureIndex(client, base);
    expect(await merge(`${base}-000001`)).toEqual({ floor: '100kb', perTier: '30' });
  });
});
