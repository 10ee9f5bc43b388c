import { describe, expect, it } from 'vitest';
import { ConfigError, describeEnv, loadConfig, parseRedisUrl, redactConfig, redisEnv } from '../src/index.ts';

describe('parseRedisUrl', () => {
  it('keeps a single-server URL as it is', () => {
    expect(parseRedisUrl('redis://khabar:pw@redis:6379/0')).toEqual({ kind: 'single', url: 'redis://khabar:pw@redis:6379/0' });
    expect(parseRedisUrl('rediss://cache.example:6380')).toEqual({ kind: 'single', url: 'rediss://cache.example:6380' });
  });
  it('reads cluster seed nodes, credentials (percent-decoded) and TLS', () => {
    expect(parseRedisUrl('redis+cluster://127.0.0.1:7000,127.0.0.1:7001,[::1]:7002')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '127.0.0.1', port: 7000 },
        { host: '127.0.0.1', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      tls: false,
    });
    expect(parseRedisUrl('rediss+cluster://khabar:p%40ss@redis-0.redis:6379/')).toEqual({
      kind: 'cluster',
      nodes: [{ host: 'redis-0.redis', port: 6379 }],
      username: 'khabar',
      password: 'p@ss',
      tls: true,
    });
    expect(parseRedisUrl('redis+cluster://:only-password@a:1')).toMatchObject({ password: 'only-password' });
    expect(parseRedisUrl('redis+cluster://:only-password@a:1')).not.toHaveProperty('username');
  });
  it('names what is wrong', () => {
    expect(() => parseRedisUrl('redis+cluster://')).toThrow(/at least one host:port/);
    expect(() => parseRedisUrl('redis+cluster://a:7000,b')).toThrow(/cluster node "b" is not host:port/);
    expect(() => parseRedisUrl('redis+cluster://a:70000')).toThrow(/not host:port/);
    expect(() => parseRedisUrl('redis+cluster://a:7000/3')).toThrow(/only database 0/);
    expect(() => parseRedisUrl('http://redis:6379')).toThrow(/scheme "http:"/);
    expect(() => parseRedisUrl('nope')).toThrow(/not a URL/);
    expect(() => parseRedisUrl('redis://u:secret@[bad')).toThrow(/not a URL/);
    expect(() => parseRedisUrl('redis://u:secret@[bad')).not.toThrow(/secret/);
  });
});

describe('REDIS_URL in the config schema', () => {
  it('accepts a cluster URL and rejects a bad one with the reason', () => {
    expect(loadConfig(redisEnv, { REDIS_URL: 'redis+cluster://127.0.0.1:7000,127.0.0.1:7001' }).REDIS_URL).toBe('redis+cluster://127.0.0.1:7000,127.0.0.1:7001');
    try {
      loadConfig(redisEnv, { REDIS_URL: 'redis+cluster://a:7000,b' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.join('\n')).toMatch(/REDIS_URL: cluster node "b" is not host:port/);
    }
  });
  it('redacts cluster credentials for logging and documents the cluster form', () => {
    expect(JSON.stringify(redactConfig({ REDIS_URL: 'redis+cluster://khabar:s3cret@a:1,b:2' }))).not.toContain('s3cret');
    expect(describeEnv(redisEnv).join('\n')).toContain('redis+cluster://');
  });
});
