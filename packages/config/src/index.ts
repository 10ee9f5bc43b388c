export { redisEnv, elasticsearchEnv, loggingEnv, workerEnv, archiveEnv, intVar, boolVar } from './pieces.ts';
export { loadConfig, redactConfig, describeEnv, ConfigError, type EnvShape, type ConfigOf } from './load.ts';
