import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const composePath = new URL('docker-compose.yml', root).pathname;

interface ComposeService {
  image?: string;
  command?: string[] | string;
  ports?: unknown[];
  healthcheck?: { test: unknown };
  environment?: Record<string, string>;
  read_only?: boolean;
  stop_grace_period?: string;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}

function hasDockerCompose(): boolean {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The configuration compose would run: rendered by docker-compose where installed, else parsed. */
function rendered(): ComposeFile {
  if (hasDockerCompose()) {
    const out = execFileSync('docker-compose', ['-f', composePath, 'config'], { encoding: 'utf8', env: { ...process.env, REDIS_PASSWORD: 'seeded-secret' } });
    return parse(out) as ComposeFile;
  }
  return parse(readFileSync(composePath, 'utf8'), { merge: true }) as ComposeFile;
}

describe('docker-compose.yml', () => {
  const compose = rendered();
  const s = compose.services;

  it('runs every stage, Redis, Elasticsearch and Kibana', () => {
    for (const name of ['api', 'fetcher', 'parser', 'dedup', 'tagger', 'indexer', 'redis', 'elasticsearch', 'kibana']) expect(s[name], name).toBeDefined();
    for (const name of ['api', 'fetcher', 'parser', 'dedup', 'tagger', 'indexer']) {
      expect(JSON.stringify(s[name]?.command)).toContain(`services/${name}/src/main.ts`);
      expect(s[name]?.healthcheck, name).toBeDefined();
      expect(s[name]?.read_only, name).toBe(true);
    }
  });

  it('keeps Redis private, durable and non-evicting', () => {
    const redis = s['redis'] as ComposeService;
    expect(redis.ports ?? []).toEqual([]);
    const cmd = Array.isArray(redis.command) ? redis.command.join(' ') : String(redis.command);
    expect(cmd).toMatch(/--appendonly yes/);
    expect(cmd).toMatch(/--maxmemory-policy noeviction/);
    expect(cmd).toMatch(/--requirepass/);
  });

  it('uses the same Elasticsearch version as the tests', async () => {
    const { ELASTICSEARCH_VERSION } = await import('@khabar/local-infra');
    expect(s['elasticsearch']?.image).toBe(`docker.elastic.co/elasticsearch/elasticsearch:${ELASTICSEARCH_VERSION}`);
  });

  it('stops workers within compose\'s grace period', () => {
    for (const name of ['fetcher', 'parser', 'dedup', 'tagger', 'indexer']) {
      const drainMs = Number(s[name]?.environment?.['KHABAR_SHUTDOWN_TIMEOUT_MS']);
      expect(drainMs).toBeGreaterThan(0);
      expect(drainMs / 1000).toBeLessThan(Number.parseInt(String(s[name]?.stop_grace_period ?? '10s'), 10));
    }
  });

  it('validates with docker-compose config where installed', () => {
    if (!hasDockerCompose()) return;
    expect(() => execFileSync('docker-compose', ['-f', composePath, 'config', '-q'], { stdio: 'pipe' })).not.toThrow();
  });
});
