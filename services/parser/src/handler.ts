import type { PageArchive } from '@khabar/archive';
import { hasLinks, withoutLinks, type LinkStore } from '@khabar/contracts';
import { EXTRACTOR_VERSION, extractFromBytes } from '@khabar/extract';
import { PermanentError } from '@khabar/errors';
import type { StageHandler } from '@khabar/worker-kit';
import type { ExtractRequest, ExtractResult } from './extract-pool.ts';
import type { QualityMetrics } from './quality-metrics.ts';

export interface ParseHandlerDeps {
  readonly archive: PageArchive;
  /** Article text longer than this is cut at a paragraph boundary (payloads stay bounded). */
  readonly maxArticleChars?: number;
  readonly now?: () => Date;
  /**
   * Runs the extraction; main passes an `ExtractPool` (worker threads, hard time cap). Default:
   * in-process, no cap (tests). Must reject with a `PermanentError` for pages that cannot be extracted.
   */
  readonly extract?: (request: ExtractRequest) => Promise<ExtractResult>;
  /** Per-site fill rates (body, title, date, author, language, image). */
  readonly quality?: QualityMetrics;
  /**
   * Where the article's link lists go instead of the payload (only the indexer needs them; the
   * dedup and tag hops would carry ~40 % of the payload for nothing). Without it they stay inline.
   */
  readonly links?: Pick<LinkStore, 'put'>;
}

/** In-process extraction with the same error mapping as the pool. */
export function extractInline(request: ExtractRequest): Promise<ExtractResult> {
  try {
    return Promise.resolve(extractFromBytes(request));
  } catch (err) {
    const code = (err as { code?: unknown }).code === 'KHABAR_E_EXTRACT_EMPTY' ? 'KHABAR_E_EXTRACT_EMPTY' : 'KHABAR_E_EXTRACT_FAILED';
    return Promise.reject(new PermanentError(code, err instanceof Error ? err.message : String(err), { context: { url: request.url }, cause: err }));
  }
}

/** Keeps whole paragraphs while they fit; records `text_truncated` when any were dropped. */
export function capArticle<A extends { text: string; paragraphs: string[]; warnings?: string[] }>(article: A, maxChars: number): A {
  if (article.text.length <= maxChars) return article;
  const kept: string[] = [];
  let size = 0;
  for (const p of article.paragraphs) {
    if (size + p.length + 2 > maxChars) break;
    kept.push(p);
    size += p.length + 2;
  }
  if (kept.length === 0) kept.push((article.paragraphs[0] ?? article.text).slice(0, maxChars));
  return { ...article, paragraphs: kept, text: kept.join('\n\n'), warnings: [...(article.warnings ?? []), 'text_truncated'] };
}

/** Reads the raw page from the archive, decodes and extracts the article. Pure apart from the read. */
export function createParseHandler(deps: ParseHandlerDeps): StageHandler<'parse'> {
  const now = deps.now ?? (() => new Date());
  const extract = deps.extract ?? extractInline;
  return async (job, { log }) => {
    const page = await deps.archive.get(job.fetch.archiveKey);
    const extracted = await extract({ bytes: page.body, url: job.fetch.finalUrl, headerCharset: job.fetch.headerCharset, fetchedAt: new Date(job.fetch.fetchedAt) });
    const { charset } = extracted;
    deps.quality?.record(job.fetch.finalUrl, extracted.article);
    const article = capArticle(extracted.article, deps.maxArticleChars ?? 200_000);
    log.debug({ charset, title: article.title, lang: article.lang, paragraphs: article.paragraphs.length }, 'extracted');
    const parsedAt = now().toISOString();
    if (deps.links && hasLinks(article)) {
      // Written before the hand-off: a crash in between re-runs this job, which writes it again.
      await deps.links.put(job.id, parsedAt, article);
      return { kind: 'handoff', data: { ...job, article: withoutLinks(article), parsedAt, parserVersion: EXTRACTOR_VERSION, linksStored: true } };
    }
    return { kind: 'handoff', data: { ...job, article, parsedAt, parserVersion: EXTRACTOR_VERSION } };
  };
}
