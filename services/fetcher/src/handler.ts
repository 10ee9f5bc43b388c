import type { FetchClient } from '@khabar/fetch';
import type { PageArchive } from '@khabar/archive';
import type { StageHandler } from '@khabar/worker-kit';

export interface FetchHandlerDeps {
  readonly client: FetchClient;
  readonly archive: PageArchive;
  readonly now?: () => Date;
}

/**
 * Fetches the page with the safe client and stores the raw response in the archive; only the
 * archive key and fetch metadata travel on to the parser, never the body. A retry re-fetches and
 * writes a new archive entry, which is harmless.
 */
export function createFetchHandler(deps: FetchHandlerDeps): StageHandler<'fetch'> {
  const now = deps.now ?? (() => new Date());
  return async (job, { log }) => {
    const result = await deps.client.fetchPage(job.url);
    const fetchedAt = now().toISOString();
    const archiveKey = await deps.archive.put({
      docId: job.id,
      url: result.finalUrl,
      fetchedAt,
      status: result.status,
      headers: result.headers,
      body: result.body,
    });
    log.debug({ status: result.status, bytes: result.bytes, elapsedMs: result.elapsedMs }, 'fetched');
    return {
      kind: 'handoff',
      data: {
        ...job,
        fetch: {
          finalUrl: result.finalUrl,
          status: result.status,
          contentType: result.contentType,
          headerCharset: result.headerCharset,
          bytes: result.bytes,
          fetchedAt,
          redirects: result.redirects.length,
          archiveKey,
          etag: result.etag,
          lastModified: result.lastModified,
        },
      },
    };
  };
}
