export { createLogger, REDACT_PATHS, type Logger, type LoggerSettings } from './logger.ts';
export { createRedis, assertNoEviction } from './redis.ts';
export { JobFailure, computeBackoff, MAX_BACKOFF_MS } from './backoff.ts';
export {
  createStageWorker,
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
