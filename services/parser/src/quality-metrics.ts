import { Counter, Histogram, type Registry } from 'prom-client';
import { QUALITY_FIELDS, computeFillFlags, createDomainLabeler, siteOf, type ArticleLike } from './fill-flags.ts';

export interface QualityMetrics {
  /** Counts one extracted article against its site (by the URL that was fetched). */
  record(url: string, article: ArticleLike): void;
}

export interface QualityMetricsOptions {
  readonly maxDomains?: number;
  readonly minArticles?: number;
}

/**
 * Per-site extraction quality on a Prometheus registry. Fill rate of a field for a site is
 * `rate(khabar_parser_field_filled_total{domain,field}) / rate(khabar_parser_articles_total{domain})`;
 * a site whose layout changed shows up as a drop. Label cardinality is bounded (top domains, rest "other").
 */
export function createQualityMetrics(registry: Registry, options: QualityMetricsOptions = {}): QualityMetrics {
  const label = createDomainLabeler({ maxDomains: options.maxDomains ?? 100, minArticles: options.minArticles ?? 3 });
  const articles = new Counter({ name: 'khabar_parser_articles_total', help: 'Articles extracted, by site', labelNames: ['domain'], registers: [registry] });
  const filled = new Counter({
    name: 'khabar_parser_field_filled_total',
    help: `Articles whose field was filled, by site and field (${QUALITY_FIELDS.join(', ')})`,
    labelNames: ['domain', 'field'],
    registers: [registry],
  });
  const bodyChars = new Histogram({
    name: 'khabar_parser_body_chars',
    help: 'Length of the extracted article text in characters, by site',
    labelNames: ['domain'],
    buckets: [0, 100, 300, 1000, 2000, 4000, 8000, 16000, 50000],
    registers: [registry],
  });
  return {
    record(url, article) {
      const domain = label(siteOf(url));
      const flags = computeFillFlags(article);
      articles.inc({ domain });
      for (const field of QUALITY_FIELDS) {
        filled.inc({ domain, field }, flags[field] ? 1 : 0);
      }
      bodyChars.observe({ domain }, article.text.length);
    },
  };
}
