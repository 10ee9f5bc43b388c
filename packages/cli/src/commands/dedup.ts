import type { Readable, Writable } from 'node:stream';
import { createMemoryDedupIndex, type DedupDocument } from '@khabar/dedup';
import { canonicalizeUrl, documentIdFor, isSamePage, resolveCanonicalUrl } from '@khabar/urls';
import { CliError, parseJsonLine, readLines, writeJsonLine } from '../io.ts';

function str(row: Record<string, unknown>, key: string): string | null {
  const v = row[key];
  return typeof v === 'string' && v !== '' ? v : null;
}

/**
 * What the dedup service would ask the index about one input line: the article text (not the
 * title), the site of its canonical URL as source, and the canonical page's id when `url` is an
 * AMP/mobile URL or declares (`canonicalUrl`) another page of its site.
 */
export function toDedupDocument(row: Record<string, unknown>, line: number): DedupDocument {
  const id = str(row, 'id');
  const text = row['text'];
  if (id === null || typeof text !== 'string') throw new CliError('KHABAR_E_BAD_INPUT', `line ${line}: needs "id" and "text" strings`);
  const publishedAt = str(row, 'publishedAt');
  const url = str(row, 'url');
  if (url === null) return { id, text, publishedAt };
  let canonical: string;
  let page: string;
  try {
    page = canonicalizeUrl(url);
    canonical = resolveCanonicalUrl(page, str(row, 'canonicalUrl'));
  } catch {
    throw new CliError('KHABAR_E_BAD_INPUT', `line ${line}: "url" is not a URL`);
  }
  const canonicalId = isSamePage(canonical, page) ? null : documentIdFor(canonical);
  return { id, text, publishedAt, source: new URL(canonical).hostname, canonicalId: canonicalId === id ? null : canonicalId };
}

/**
 * `khabar dedup --jsonl`: documents in arrival order ({"id","url","canonicalUrl"?,"text",
 * "publishedAt"?} per line), one cluster assignment per line, with the service's algorithm and
 * thresholds over an in-memory index.
 */
export async function dedupJsonl(input: Readable, out: Writable): Promise<void> {
  const index = createMemoryDedupIndex();
  let n = 0;
  for await (const line of readLines(input)) {
    n += 1;
    const doc = toDedupDocument(parseJsonLine(line, n), n);
    const result = await index.assign(doc);
    await writeJsonLine(out, { id: doc.id, clusterId: result.clusterId, role: result.role, similarity: result.similarity, size: result.size, sources: result.sources });
  }
}
