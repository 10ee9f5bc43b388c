import type { ChildProcess } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFixtureSite } from '@khabar/fixture-site';
import { TestPipeline } from '../support/pipeline.ts';
import { freePort } from '../support/wait.ts';
import { startRedisServer } from '../support/redis-server.ts';

const REDIS_SECRET = 'seeded-redis-secret-7f3a9c';
const ES_SECRET = 'seeded-es-secret-51bd2e';

/** Issue: "secrets never logged (pino redaction + a test that greps the logs of a full run for the seeded secrets)". */
describe('secrets never reach the logs', () => {
  let site: Awaited<ReturnType<typeof startFixtureSite>>;
  let redisProc: ChildProcess;
  let pipeline: TestPipeline;

  beforeAll(async () => {
    site = await startFixtureSite({ port: 0 });
    const port = await freePort();
    const redisUrl = `redis://:${REDIS_SECRET}@127.0.0.1:${port}`;
    redisProc = await startRedisServer(port, ['--appendonly', 'no', '--requirepass', REDIS_SECRET], redisUrl);
    const es = new URL(inject('elasticsearchUrl'));
    // The test node runs without security, so it ignores the credentials; the services still carry them everywhere.
    const esWithCreds = `http://khabar_indexer:${ES_SECRET}@${es.host}`;
    pipeline = new TestPipeline({ label: 'secrets', redisUrl, elasticsearchUrl: inject('elasticsearchUrl'), indexerElasticsearchUrl: esWithCreds, allowHosts: [`127.0.0.1:${site.port}`], extraEnv: { LOG_LEVEL: 'debug' } });
    await pipeline.start();
  });
  afterAll(async () => {
    await pipeline?.close();
    redisProc?.kill('SIGTERM');
    await site?.close();
  });

  it('a full run at debug level logs neither the Redis password nor the Elasticsearch password', async () => {
    const ids = await pipeline.submit(site.pages.slice(0, 4).map((p) => site.urlFor(p.id)));
    const states = await pipeline.settle(ids, 120_000);
    expect([...states.values()]).toEqual(ids.map(() => 'indexed'));
    const logDir = pipeline.stack.running()[0]!.logFile.replace(/\/[^/]+$/, '');
    await pipeline.stack.stop();
    let bytes = 0;
    for (const file of await readdir(logDir)) {
      const text = await readFile(join(logDir, file), 'utf8');
      bytes += text.length;
      expect(text, file).not.toContain(REDIS_SECRET);
      expect(text, file).not.toContain(ES_SECRET);
    }
    expect(bytes, 'the services did log (at debug level)').toBeGreaterThan(2_000);
  });
});
