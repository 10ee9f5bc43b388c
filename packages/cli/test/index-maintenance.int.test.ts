import { randomBytes } from 'node:crypto';
import { createBulkIndexer, createSearchClient, ensureIndex, maintenanceLockKey, tryAcquireLock } from '@khabar/search-index';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';
import { indexTarget, migrateCommand, rolloverCommand, statusCommand } from '../src/commands/index-maintenance.ts';
import { CliError } from '../src/io.ts';
import { dropIndexBase } from '../../../test/support/elasticsearch.ts';

const esUrl = inject('elasticsearchUrl');
const client = createSearchClient(esUrl);
const redis = testRedis();
const prefix = uniquePrefix('index-cli');
const base = `khabar-t-${randomBytes(4).toString('hex')}`;
const env = { ELASTICSEARCH_URL: esUrl, KHABAR_QUEUE_PREFIX: prefix, KHABAR_INDEX_NAME: base };

beforeAll(async () => {
  await ensureIndex(client, base);
  const bulk = createBulkIndexer({ client, writeAlias: `${base}-write`, flushIntervalMs: 10 });
  await Promise.all(['a', 'b', 'c'].map((id) => bulk.index(id, { id, title: id, indexedAt: new Date().toISOString() })));
  await bulk.close();
});

afterAll(async () => {
  await dropIndexBase(client, base);
  await client.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

async function failure(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe('khabar index', () => {
  it('rollover takes its conditions from flags over KHABAR_INDEX_ROLLOVER_* and reports them on a dry run', async () => {
    const target = indexTarget(env);
    expect(target).toMatchObject({ esUrl, base, prefix });
    const dry = await rolloverCommand(redis, target, { dryRun: true }, { ...env, KHABAR_INDEX_ROLLOVER_MAX_DOCS: '2', KHABAR_INDEX_ROLLOVER_MAX_AGE: '0' });
    expect(dry).toMatchObject({ rolledOver: false, dryRun: true, oldIndex: `${base}-000001` });
    expect(dry.conditions).toEqual({ '[max_docs: 2]': true, '[max_primary_shard_size: 50gb]': false, '[min_docs: 1]': true });
    const flagged = await rolloverCommand(redis, target, { dryRun: true, maxDocs: '100' }, { ...env, KHABAR_INDEX_ROLLOVER_MAX_DOCS: '2' });
    expect(flagged.conditions['[max_docs: 100]']).toBe(false);
    expect((await failure(rolloverCommand(redis, target, { maxAge: 'soon' }, env))).code).toBe('KHABAR_E_BAD_INPUT');
  });

  it('refuses while the maintenance lock is held and checks migrate options', async () => {
    const target = indexTarget(env);
    const held = await tryAcquireLock(redis, maintenanceLockKey(prefix, base), 10_000);
    expect((await failure(rolloverCommand(redis, target, { maxDocs: '1' }, env))).code).toBe('KHABAR_E_INDEX_BUSY');
    expect((await failure(migrateCommand(redis, target, {}))).code).toBe('KHABAR_E_INDEX_BUSY');
    await held!.release();
    expect((await failure(migrateCommand(redis, target, { pageSize: 0 }))).code).toBe('KHABAR_E_BAD_INPUT');
    expect((await failure(rolloverCommand(redis, indexTarget(env, `${base}-none`), { maxDocs: '1' }, env))).code).toBe('KHABAR_E_INDEX_MISSING');
  });

  it('status shows the generations and aliases', async () => {
    const status = await statusCommand(redis, indexTarget(env));
    expect(status).toMatchObject({ base, writeIndex: `${base}-000001`, readDocs: 3, migration: null });
    expect(status.generations.map((g) => [g.index, g.docs, g.read, g.write])).toEqual([[`${base}-000001`, 3, true, true]]);
  });
});
