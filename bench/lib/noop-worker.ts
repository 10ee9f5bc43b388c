/**
 * One hop of the no-op pipeline (ceiling c): a BullMQ worker on `noop-<hop>` that passes each
 * payload unchanged to `noop-<hop+1>`, with the production queues' retention and concurrency.
 * Run as its own process by noop-pipeline.ts: argv = redisUrl prefix hop hops concurrency.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { RETENTION } from '@khabar/contracts';

const [redisUrl = '', prefix = '', hopArg = '0', hopsArg = '5', concurrencyArg = '4'] = process.argv.slice(2);
const hop = Number(hopArg);
const hops = Number(hopsArg);
const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
const next = hop + 1 < hops ? new Queue(`noop-${hop + 1}`, { connection, prefix, }) : undefined;
const worker = new Worker(
  `noop-${hop}`,
  async (job) => {
    if (next) await next.add('noop', job.data as object, { jobId: job.id ?? '' });
  },
  { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix, concurrency: Number(concurrencyArg), ...RETENTION.fetch },
);
await worker.waitUntilReady();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void (async () => {
    await worker.close();
    await next?.close();
    connection.disconnect();
    process.exit(0);
  })();
});
