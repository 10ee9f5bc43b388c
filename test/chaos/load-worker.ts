/**
 * A fetch-stage worker process for the load test (test/chaos/load.test.ts): Khabar's stage worker
 * (payload contract, status records, retention, metrics, /metrics endpoint) with a minimal fetch
 * handler: GET the URL from the local fixture server and end the job `skipped` (the fixture
 * answers a non-HTML body, which the fetcher records as skipped too), or fail it for good on a 4xx. The real fetcher's per-host politeness
 * would stretch 100,000 URLs over many minutes; the load test is about the queue layer.
 * argv: redisUrl prefix concurrency keepCompleted keepFailed. Prints `ready <metricsPort>`.
 */
import { Redis } from 'ioredis';
import { PermanentError } from '@khabar/errors';
import { createLogger, createStageMetrics, createStageWorker, startHealthServer } from '@khabar/worker-kit';

const [redisUrl = '', prefix = '', concurrency = '16', keepCompleted = '1000', keepFailed = '1000'] = process.argv.slice(2);
const logger = createLogger({ service: 'load-worker', level: 'warn' });
const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
const metrics = createStageMetrics('load-worker');
const stage = createStageWorker({
  queue: 'fetch',
  connection,
  prefix,
  logger,
  metrics,
  concurrency: Number(concurrency),
  retention: { removeOnComplete: { count: Number(keepCompleted), age: 3600 }, removeOnFail: { count: Number(keepFailed), age: 3600 } },
  handler: async (job) => {
    const res = await fetch(job.url);
    await res.arrayBuffer();
    if (res.status >= 400) throw new PermanentError('KHABAR_E_FETCH_HTTP_4XX', `the site answered ${res.status}`);
    if ((res.headers.get('content-type') ?? '').includes('html')) throw new PermanentError('KHABAR_E_INTERNAL', 'the load fixture serves no HTML');
    return { kind: 'done', state: 'skipped' };
  },
});
const health = await startHealthServer({ host: '127.0.0.1', port: 0, registry: metrics.registry, ready: async () => (await connection.ping()) === 'PONG' });
await stage.worker.waitUntilReady();
process.stdout.write(`ready ${health.port}\n`);
process.once('SIGTERM', () => {
  void (async () => {
    await stage.close(5_000);
    await health.close();
    connection.disconnect();
    process.exit(0);
  })();
});
