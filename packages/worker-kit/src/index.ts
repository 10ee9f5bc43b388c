export { createLogger, REDACT_PATHS, type Logger, type LoggerSettings } from './logger.ts';
export {
  createRedisConnection,
  assertNoEviction,
  assertClusterPrefix,
  hashTagOf,
  masterConnections,
  isCluster,
  type RedisConnection,
  type RedisConnectionOptions,
} from './redis.ts';
export { JobFailure, computeBackoff, MAX_BACKOFF_MS } from './backoff.ts';
export {
  createStageWorker,
  ACTIVE_STATUS_DELAY_MS,
  type StageWorker,
  type StageWorkerOptions,
  type StageHandler,
  type StageResult,
  type StageContext,
  type NextQueueOf,
} from './stage-worker.ts';
export { createStageMetrics, type StageMetrics, type JobOutcome } from './metrics.ts';
export { startHealthServer, type HealthServerOptions } from './health-server.ts';
export { installGracefulShutdown, type ShutdownOptions, type ProcessLike } from './shutdown.ts';
export { runStageService, type StageServiceOptions, type StageServiceConfig } from './stage-service.ts';
export { STAGE_NODE_FLAGS, WORKER_ENV, WORKER_NODE_FLAGS } from './node-flags.ts';
