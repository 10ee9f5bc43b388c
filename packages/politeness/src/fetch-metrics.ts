import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type StatusClass = '2xx' | '3xx' | '304' | '4xx' | '5xx' | '429' | 'network' | 'timeout' | 'blocked' | 'other';

export interface FetchMetrics {
  /** One finished request (page or robots.txt) on `host`. */
  response(host: string, statusClass: StatusClass, seconds: number, bytes: number): void;
  robotsDenied(host: string): void;
  ssrfBlocked(): void;
  deferred(reason: 'delay' | 'concurrency' | 'circuit' | 'robots'): void;
  circuit(host: string, open: boolean): void;
}

/**
 * Bounds label cardinality: the first `max` hosts seen keep their name, later ones share "other".
 * (First-seen rather than a moving top-N: label sets never change meaning between scrapes.)
 */
export function createHostLabeler(max: number): (host: string) => string {
  const known = new Set<string>();
  return (host) => {
    if (known.has(host)) return host;
    if (known.size < max) {
      known.add(host);
      return host;
    }
    return 'other';
  };
}

/** The fetcher's Prometheus metrics, registered into `registry` (the worker kit's, when it passes one). */
export function createFetchMetrics(registry: Registry, options: { readonly maxHosts?: number } = {}): FetchMetrics {
  const label = createHostLabeler(options.maxHosts ?? 50);
  const registers = [registry];
  const responses = new Counter({ name: 'khabar_fetch_responses_total', help: 'Fetches by host (top hosts, else "other") and status class', labelNames: ['host', 'class'], registers });
  const latency = new Histogram({
    name: 'khabar_fetch_duration_seconds',
    help: 'Time of one fetch (all redirect hops and the body), by status class',
    labelNames: ['class'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers,
  });
  const bytes = new Counter({ name: 'khabar_fetch_bytes_total', help: 'Body bytes received on the wire, by host', labelNames: ['host'], registers });
  const robots = new Counter({ name: 'khabar_fetch_robots_denied_total', help: 'URLs refused by robots.txt, by host', labelNames: ['host'], registers });
  const ssrf = new Counter({ name: 'khabar_fetch_ssrf_blocked_total', help: 'Fetches refused by the address guard', registers });
  const deferred = new Counter({ name: 'khabar_fetch_deferred_total', help: 'Jobs put back to wait for their host, by reason', labelNames: ['reason'], registers });
  const circuit = new Gauge({ name: 'khabar_fetch_circuit_open', help: '1 while this process last saw the host circuit open', labelNames: ['host'], registers });
  const opened = new Counter({ name: 'khabar_fetch_circuit_opened_total', help: 'Times a host circuit was opened by this process', labelNames: ['host'], registers });
  return {
    response(host, statusClass, seconds, n) {
      const h = label(host);
      responses.inc({ host: h, class: statusClass });
      latency.observe({ class: statusClass }, seconds);
      if (n > 0) bytes.inc({ host: h }, n);
    },
    robotsDenied: (host) => robots.inc({ host: label(host) }),
    ssrfBlocked: () => ssrf.inc(),
    deferred: (reason) => deferred.inc({ reason }),
    circuit(host, open) {
      const h = label(host);
      circuit.set({ host: h }, open ? 1 : 0);
      if (open) opened.inc({ host: h });
    },
  };
}
