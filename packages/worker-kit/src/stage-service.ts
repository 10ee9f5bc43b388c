import type { ConfigOf } from '@khabar/config';
import type { loggingEnv, redisEnv, workerEnv } from '@khabar/config';
import type { QueueName } from '@khabar/contracts';
import type { Logger } from './logger.ts';
import { assertClusterPrefix, assertNoEviction, createRedisConnection } from './redis.ts';
import { createStageWorker, type StageHandler } from './stage-worker.ts';
import { createStageMetrics, type StageMetrics } from './metrics.ts';
import { startHealthServer } from './health-server.ts';
import { installGracefulShutdown, type ProcessLike } from './shutdown.ts';

export type StageServiceConfig = ConfigOf<typeof redisEnv & typeof loggingEnv & typeof workerEnv>;

export interface StageServiceOptions<Q extends QueueName> {
  readonly service: string;
  readonly queue: Q;
  readonly config: StageServiceConfig;
  readonly logger: Logger;
  readonly handler: StageHandler<Q>;
  /** Closed after the worker has drained, in order (archives, Elasticsearch clients, …). */
  readonly resources?: ReadonlyArray<{ readonly name: string; readonly close: () => Promise<unknown> }>;
  /** Extra readiness check (e.g. Elasticsearch answers); Redis is always checked. */
  readonly ready?: () => Promise<boolean>;
  /** A registry built by main (to add stage-specific metrics to it); created here otherwise. */
  readonly metrics?: StageMetrics;
}

/**
 * Everything a stage's main does after building its handler: Redis, the worker, the health and
 * metrics endpoint, and graceful shutdown (stop taking jobs, drain in-flight ones under the time
 * limit, close resources, exit). The process is passed in, so this stays testable.
 */
export async function runStageService<Q extends QueueName>(proc: ProcessLike, options: StageServiceOptions<Q>): Promise<void> {
  const { config, logger, queue } = options;
  const redis = createRedisConnection(config.REDIS_URL, { name: `khabar-${options.service}` });
  assertClusterPrefix(redis, config.KHABAR_QUEUE_PREFIX);
  await assertNoEviction(redis);
  const metrics = options.metrics ?? createStageMetrics(options.service);
  const stage = createStageWorker({
    queue,
    connection: redis,
    prefix: config.KHABAR_QUEUE_PREFIX,
    logger,
    handler: options.handler,
    concurrency: config.KHABAR_CONCURRENCY,
    lockDurationMs: config.KHABAR_LOCK_DURATION_MS,
    stalledIntervalMs: config.KHABAR_STALLED_INTERVAL_MS,
    metrics,
  });
  const health =
    config.KHABAR_HTTP_PORT > 0
      ? await startHealthServer({
          host: config.KHABAR_HTTP_HOST,
          port: config.KHABAR_HTTP_PORT,
          registry: metrics.registry,
          ready: async () => (await redis.ping()) === 'PONG' && (options.ready ? await options.ready() : true),
        })
      : undefined;
  metrics.watchQueue(stage.queues.get(queue));
  logger.info({ queue, concurrency: config.KHABAR_CONCURRENCY, healthPort: health?.port }, 'worker started');

  installGracefulShutdown(proc, {
    logger,
    timeoutMs: config.KHABAR_SHUTDOWN_TIMEOUT_MS + 5_000,
    steps: [
      {
        name: 'worker',
        run: async () => {
          const { drained } = await stage.close(config.KHABAR_SHUTDOWN_TIMEOUT_MS);
          logger.info({ drained }, drained ? 'in-flight jobs finished' : 'drain timed out; unfinished jobs return to the queue');
        },
      },
      ...(options.resources ?? []).map((r) => ({ name: r.name, run: r.close })),
      ...(health ? [{ name: 'health', run: () => health.close() }] : []),
      { name: 'redis', run: () => redis.quit() },
    ],
  });
}
