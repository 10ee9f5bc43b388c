export { redisEnv, elasticsearchEnv, loggingEnv, workerEnv, archiveEnv, dedupIndexEnv, intVar, boolVar } from './pieces.ts';
export { loadConfig, redactConfig, describeEnv, ConfigError, type EnvShape, type ConfigOf } from './load.ts';
export { parseRedisUrl, redactUrl, type RedisTarget } from './redis-url.ts';
