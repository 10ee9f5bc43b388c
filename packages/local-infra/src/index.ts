export { ensureRedis, REDIS_DEFAULT_PORTS } from './redis.ts';
export { ensureElasticsearch, elasticsearchHealthy, ELASTICSEARCH_DEFAULT_PORTS } from './elasticsearch.ts';
export { ELASTICSEARCH_VERSION } from './elasticsearch-install.ts';
export { KHABAR_PLUGIN, pluginSourceDir } from './elasticsearch-plugin.ts';
export { repoCacheDir } from './cache-dir.ts';
export type { RunningService, Purpose, EnsureRedisOptions, EnsureElasticsearchOptions, LaunchOptions } from './types.ts';
