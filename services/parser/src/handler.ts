import type { PageArchive } from '@khabar/archive';
import { EXTRACTOR_VERSION, extractFromBytes } from '@khabar/extract';
import { PermanentError } from '@khabar/errors';
import type { StageHandler } from '@khabar/worker-kit';

export interface ParseHandlerDeps {
  readonly archive: PageArchive;
  readonly now?: () => Date;
}

/** Reads the raw page from the archive, decodes and extracts the article. Pure apart from the read. */
export function createParseHandler(deps: ParseHandlerDeps): StageHandler<'parse'> {
  const now = deps.now ?? (() => new Date());
  return async (job, { log }) => {
    const page = await deps.archive.get(job.fetch.archiveKey);
    let extracted;
    try {
      extracted = extractFromBytes({ bytes: page.body, url: job.fetch.finalUrl, headerCharset: job.fetch.headerCharset, fetchedAt: new Date(job.fetch.fetchedAt) });
    } catch (err) {
      const code = (err as { code?: unknown }).code === 'KHABAR_E_EXTRACT_EMPTY' ? 'KHABAR_E_EXTRACT_EMPTY' : 'KHABAR_E_EXTRACT_FAILED';
      throw new PermanentError(code, err instanceof Error ? err.message : String(err), { context: { url: job.url }, cause: err });
    }
    const { article, charset } = extracted;
    log.debug({ charset, title: article.title, lang: article.lang, paragraphs: article.paragraphs.length }, 'extracted');
    return { kind: 'handoff', data: { ...job, article, parsedAt: now().toISOString(), parserVersion: EXTRACTOR_VERSION } };
  };
}
