import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const dir = new URL('../../infra/k8s/', import.meta.url);
interface K8sObject {
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}
const objects: K8sObject[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml') && f !== 'prometheus-adapter-rules.yaml' && f !== 'kustomization.yaml')
  .flatMap((f) => parseAllDocuments(readFileSync(new URL(f, dir), 'utf8')).map((d) => d.toJS() as K8sObject));

describe('infra/k8s manifests', () => {
  const deployments = objects.filter((o) => o.kind === 'Deployment');
  it('has a hardened Deployment per stage with probes', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['khabar-api', 'khabar-dedup', 'khabar-fetcher', 'khabar-indexer', 'khabar-parser', 'khabar-tagger']);
    const config = objects.find((o) => o.kind === 'ConfigMap')?.data ?? {};
    for (const d of deployments) {
      const pod = (d.spec?.['template'] as { spec: Record<string, unknown> }).spec;
      expect((pod['securityContext'] as { runAsNonRoot: boolean }).runAsNonRoot, d.metadata.name).toBe(true);
      const [c] = pod['containers'] as Array<Record<string, unknown>>;
      expect((c?.['securityContext'] as { readOnlyRootFilesystem: boolean }).readOnlyRootFilesystem).toBe(true);
      expect(c?.['readinessProbe']).toBeDefined();
      expect(Number(pod['terminationGracePeriodSeconds']) * 1000).toBeGreaterThan(Number(config['KHABAR_SHUTDOWN_TIMEOUT_MS']));
    }
  });
  it('autoscales every worker on its queue backlog', () => {
    const hpas = objects.filter((o) => o.kind === 'HorizontalPodAutoscaler');
    const queues = hpas.map((h) => ((h.spec?.['metrics'] as Array<{ external: { metric: { selector: { matchLabels: { queue: string } } } } }>)[0]?.external.metric.selector.matchLabels.queue)).sort();
    expect(queues).toEqual(['dedup', 'fetch', 'index', 'parse', 'tag']);
  });
  it('keeps every key under one hash tag for Redis Cluster', () => {
    expect(objects.find((o) => o.kind === 'ConfigMap')?.data?.['KHABAR_QUEUE_PREFIX']).toBe('{khabar}');
  });
});
