import { describe, expect, it } from 'vitest';
import { renderCompose } from '../support/compose.ts';

const root = new URL('../../', import.meta.url);
const composePath = new URL('docker-compose.yml', root).pathname;
const clusterPath = new URL('infra/elasticsearch/compose.cluster.yml', root).pathname;

interface Service {
  environment?: Record<string, string>;
  ports?: unknown[];
  volumes?: unknown[];
  image?: string;
}
interface ComposeFile {
  services: Record<string, Service>;
}

/** docker-compose.yml with the cluster override applied (rendered by docker-compose where installed). */
const rendered = (): ComposeFile => renderCompose<ComposeFile>([composePath, clusterPath]);

describe('three-node Elasticsearch override (infra/elasticsearch/compose.cluster.yml)', () => {
  const s = rendered().services;
  const nodes = ['elasticsearch', 'es02', 'es03'];

  it('forms one cluster of three master-eligible nodes that find each other', () => {
    const names = nodes.map((n) => s[n]?.environment?.['node.name']);
    expect(names).toEqual(['es01', 'es02', 'es03']);
    for (const n of nodes) {
      const env = s[n]?.environment ?? {};
      expect(env['discovery.type'], n).toBe('multi-node');
      expect(env['cluster.name'], n).toBe('khabar');
      expect(env['cluster.initial_master_nodes']?.split(','), n).toEqual(['es01', 'es02', 'es03']);
      expect(env['discovery.seed_hosts']?.split(',').sort(), n).toEqual(['elasticsearch', 'es02', 'es03']);
      expect(s[n]?.image, n).toBe('khabar-elasticsearch:8.19.7');
    }
  });

  it('keeps security on with transport TLS between nodes', () => {
    for (const n of nodes) {
      const env = s[n]?.environment ?? {};
      expect(env['xpack.security.enabled'], n).toBe('true');
      expect(env['xpack.security.transport.ssl.enabled'], n).toBe('true');
      expect(env['xpack.security.transport.ssl.certificate_authorities'], n).toBe('certs/ca/ca.crt');
    }
  });

  it('publishes only the first node, on loopback, and gives each node its own data volume', () => {
    expect(s['es02']?.ports ?? []).toEqual([]);
    expect(s['es03']?.ports ?? []).toEqual([]);
    const dataVolumes = nodes.map((n) => JSON.stringify(s[n]?.volumes).match(/es-data[-0-9]*/)?.[0]);
    expect(new Set(dataVolumes).size).toBe(3);
  });

  it('gives new index generations a replica, so one node can fail without losing a shard', () => {
    expect(s['indexer']?.environment?.['KHABAR_INDEX_REPLICAS']).toBe('1');
  });
});
