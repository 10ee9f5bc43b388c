/**
 * One stage of the no-op stage pipeline (ceiling c): Khabar's own stage worker (payload contract,
 * status records, hand-off, retention, metrics) on a real queue name, with a handler that does no
 * work: it adds the next stage's precomputed fields to the payload and hands it on. Run as its own
 * process by noop-pipeline.ts: argv = redisUrl prefix queue concurrency fieldsJsonFile.
 */
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { LinkStore, type ArticleLinks, type QueueName } from '@khabar/contracts';
import { createLogger, createStageMetrics, createStageWorker, type StageHandler, type StageResult } from '@khabar/worker-kit';

const [redisUrl = '', prefix = '', queueArg = 'fetch', concurrencyArg = '4', fieldsFile = ''] = process.argv.slice(2);
const queue = queueArg as QueueName;
/** Fields each stage adds (parse: fetch meta, dedup: article…, tag: cluster, index: entities). */
const added = JSON.parse(readFileSync(fieldsFile, 'utf8')) as Record<string, Record<string, unknown>>;
const NEXT: Record<QueueName, QueueName | undefined> = { fetch: 'parse', parse: 'dedup', dedup: 'tag', tag: 'index', index: undefined };
const next = NEXT[queue];
const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
// The link lists' side record, as the parser writes it and the indexer reads and deletes it.
const linkStore = new LinkStore(new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix);
const dedupFields = added['dedup'] ?? {};
const handler: StageHandler<QueueName> = async (payload) => {
  if (queue === 'parse' && dedupFields['linksStored'] === true) await linkStore.put(payload.id, String(dedupFields['parsedAt']), added['links'] as unknown as ArticleLinks);
  if (queue === 'index' && 'linksStored' in payload && payload.linksStored) {
    if (!(await linkStore.get(payload.id, payload.parsedAt))) throw new Error(`no link record for ${payload.id}`);
    await linkStore.delete(payload.id, payload.parsedAt);
  }
  if (!next) return { kind: 'done', state: 'indexed' };
  return { kind: 'handoff', data: { ...payload, ...added[next] } } as StageResult<QueueName>;
};
const stage = createStageWorker({
  queue,
  connection,
  prefix,
  logger: createLogger({ service: `noop-${queue}`, level: 'info' }),
  handler,
  concurrency: Number(concurrencyArg),
  metrics: createStageMetrics(`noop-${queue}`),
});
await stage.worker.waitUntilReady();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void stage.close(5_000).then(() => process.exit(0));
});
