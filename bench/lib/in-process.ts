import { createMemoryDedupIndex } from '../../packages/dedup/src/index.ts';
import { extractFromBytes } from '@khabar/extract';
import { createTagger } from '../../packages/ner/src/index.ts';

/** Ceiling (a): the stages' pure code called one after another in this process; no queues, no ES. */
export interface InProcessResult {
  readonly docs: number;
  /** Documents per CPU-second of one core. */
  readonly docsPerSec: number;
  readonly wallMs: number;
  /** CPU ms per document, per stage. */
  readonly msPerDoc: { readonly extract: number; readonly dedup: number; readonly tag: number; readonly total: number };
  readonly duplicates: number;
  /** Mean JSON size of (article + cluster + entities): what the index queue carries. */
  readonly meanPayloadBytes: number;
  /** One payload of typical size, for the no-op pipeline. */
  readonly samplePayload: Record<string, unknown>;
  /** Every page's article, cluster and entities (to warm Elasticsearch up with realistic documents). */
  readonly payloads: ReadonlyArray<{ readonly id: string; readonly url: string; readonly article: unknown; readonly cluster: unknown; readonly entities: unknown }>;
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export async function runInProcess(pages: ReadonlyArray<{ id: string; url: string; bytes: Buffer }>): Promise<InProcessResult> {
  const tagger = createTagger();
  const index = createMemoryDedupIndex();
  const spent = { extract: 0, dedup: 0, tag: 0 };
  let duplicates = 0;
  let payloadBytes = 0;
  let samplePayload: Record<string, unknown> = {};
  const payloads: Array<{ id: string; url: string; article: unknown; cluster: unknown; entities: unknown }> = [];
  const fetchedAt = new Date();
  const wallStart = performance.now();
  for (const [i, page] of pages.entries()) {
    let t = cpuNow();
    const { article } = extractFromBytes({ bytes: page.bytes, url: page.url, headerCharset: 'utf-8', fetchedAt });
    let t2 = cpuNow();
    spent.extract += t2 - t;
    t = t2;
    const cluster = await index.assign({ id: page.id, text: article.text, publishedAt: article.publishedAt });
    t2 = cpuNow();
    spent.dedup += t2 - t;
    t = t2;
    const entities = tagger.tag(article.text, article.lang);
    spent.tag += cpuNow() - t;
    if (cluster.role !== 'original') duplicates += 1;
    const payload = { id: page.id, url: page.url, article, cluster, entities };
    payloads.push(payload);
    const size = JSON.stringify(payload).length;
    payloadBytes += size;
    if (Math.abs(size - payloadBytes / (i + 1)) < size * 0.2) samplePayload = payload;
  }
  const wallMs = performance.now() - wallStart;
  const n = Math.max(1, pages.length);
  const total = spent.extract + spent.dedup + spent.tag;
  return {
    docs: pages.length,
    wallMs,
    docsPerSec: (pages.length * 1000) / Math.max(total, 1),
    msPerDoc: { extract: spent.extract / n, dedup: spent.dedup / n, tag: spent.tag / n, total: total / n },
    duplicates,
    meanPayloadBytes: payloadBytes / n,
    samplePayload,
    payloads,
  };
}
