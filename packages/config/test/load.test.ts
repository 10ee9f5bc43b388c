import { describe, expect, it } from 'vitest';
import { ConfigError, describeEnv, loadConfig, redactConfig, redisEnv, workerEnv } from '../src/index.ts';

describe('loadConfig', () => {
  it('applies defaults and coerces numbers', () => {
    const c = loadConfig({ ...redisEnv, ...workerEnv }, { KHABAR_CONCURRENCY: '8' });
    expect(c.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(c.KHABAR_CONCURRENCY).toBe(8);
  });
  it('names every bad variable at once', () => {
    try {
      loadConfig({ ...redisEnv, ...workerEnv }, { REDIS_URL: 'nope', KHABAR_CONCURRENCY: '0' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('REDIS_URL');
      expect(problems).toContain('KHABAR_CONCURRENCY');
    }
  });
  it('redacts credentials and secrets for logging', () => {
    const r = redactConfig({ REDIS_URL: 'redis://khabar:s3cret@redis:6379', ELASTICSEARCH_API_KEY: 'abc', LOG_LEVEL: 'info' });
    expect(JSON.stringify(r)).not.toContain('s3cret');
    expect(JSON.stringify(r)).not.toContain('abc');
    expect(r['LOG_LEVEL']).toBe('info');
  });
  it('describes variables with defaults for .env.example', () => {
    expect(describeEnv(redisEnv)).toContain('# REDIS_URL=redis://127.0.0.1:6379');
  });
});
