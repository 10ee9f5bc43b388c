import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasDockerCompose, renderCompose } from '../support/compose.ts';

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

/** The configuration compose would run: rendered by docker-compose where installed, else parsed. */
const rendered = (): ComposeFile => renderCompose<ComposeFile>([composePath], { REDIS_PASSWORD: 'seeded-secret' });

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

  it('keeps Redis private, durable, non-evicting and behind an ACL user', () => {
    const redis = s['redis'] as ComposeService & { entrypoint?: string[] };
    expect(redis.ports ?? []).toEqual([]);
    const start = readFileSync(new URL('infra/redis/start.sh', root), 'utf8');
    expect(JSON.stringify(redis.entrypoint)).toContain('/khabar/start.sh');
    expect(start).toMatch(/--appendonly yes/);
    expect(start).toMatch(/--maxmemory-policy noeviction/);
    expect(start).toMatch(/^user default off$/m);
    expect(start).toMatch(/^user khabar on >\$\{KHABAR_REDIS_PASSWORD\} ~\{khabar\}\* .*-@dangerous/m);
    for (const name of ['api', 'fetcher', 'parser', 'dedup', 'tagger', 'indexer']) {
      expect(s[name]?.environment?.['REDIS_URL'], name).toMatch(/^redis:\/\/khabar:[^@]+@redis:6379$/);
    }
  });

  it('turns Elasticsearch security on, with separate least-privilege users', () => {
    const es = s['elasticsearch'] as ComposeService;
    expect(es.environment?.['xpack.security.enabled']).toBe('true');
    const indexerUrl = s['indexer']?.environment?.['ELASTICSEARCH_URL'] ?? '';
    const apiUrl = s['api']?.environment?.['ELASTICSEARCH_URL'] ?? '';
    expect(indexerUrl).toMatch(/^http:\/\/khabar_indexer:/);
    expect(apiUrl).toMatch(/^http:\/\/khabar_analyst:/);
    const setup = readFileSync(new URL('infra/elasticsearch-setup/setup.sh', root), 'utf8');
    expect(setup).toMatch(/role\/khabar_analyst" -d '\{"cluster":\["monitor"\],"indices":\[\{"names":\["khabar-\*"\],"privileges":\["read","view_index_metadata"\]/);
    expect(setup).not.toMatch(/khabar_indexer[^\n]*"all"/);
  });

  it('runs services as non-root with read-only filesystems and publishes only on localhost', () => {
    for (const name of ['api', 'fetcher', 'parser', 'dedup', 'tagger', 'indexer']) {
      const svc = s[name] as ComposeService & { user?: string; cap_drop?: string[] };
      expect(svc.user, name).toBe('node');
      expect(svc.cap_drop, name).toEqual(['ALL']);
    }
    for (const [name, svc] of Object.entries(s)) {
      for (const p of svc.ports ?? []) {
        const spec = typeof p === 'string' ? p : JSON.stringify(p);
        expect(spec, `${name} publishes ${spec}`).toMatch(/127\.0\.0\.1/);
      }
    }
  });

  it('ships the Grafana dashboard and Prometheus scrape config it mounts', () => {
    const dash = JSON.parse(readFileSync(new URL('infra/grafana/dashboards/khabar-pipeline.json', root), 'utf8')) as { panels: Array<{ targets: Array<{ expr: string }> }> };
    const exprs = dash.panels.flatMap((p) => p.targets.map((t) => t.expr)).join('\n');
    for (const metric of ['khabar_jobs_total', 'khabar_queue_jobs', 'khabar_queue_oldest_waiting_seconds', 'khabar_job_duration_seconds_bucket']) expect(exprs).toContain(metric);
    expect(readFileSync(new URL('infra/prometheus/prometheus.yml', root), 'utf8')).toContain('port: 9464');
  });

  it('uses the same Elasticsearch version as the tests', async () => {
    const { ELASTICSEARCH_VERSION } = await import('@khabar/local-infra');
    const es = s['elasticsearch'] as ComposeService & { build?: { args?: Record<string, string> } };
    expect(es.image).toBe(`khabar-elasticsearch:${ELASTICSEARCH_VERSION}`);
    expect(es.build?.args?.['ES_VERSION']).toBe(ELASTICSEARCH_VERSION);
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
