import { createFetchClient, pageCharsets } from '@khabar/fetch';

export interface FetchCommandOptions {
  readonly allowHosts: readonly string[];
  readonly userAgent?: string;
}

/** `khabar fetch <url>`: one fetch with the service's client and policies, as a JSON record. */
export async function fetchOnce(url: string, options: FetchCommandOptions): Promise<Record<string, unknown>> {
  const client = createFetchClient({ allowHosts: [...options.allowHosts], ...(options.userAgent ? { userAgent: options.userAgent } : {}) });
  try {
    const r = await client.fetchPage(url);
    const { metaCharset, detectedCharset } = pageCharsets(r.body, r.headerCharset);
    return {
      url: r.url,
      finalUrl: r.finalUrl,
      status: r.status,
      redirects: r.redirects,
      contentType: r.contentType,
      charset: r.headerCharset,
      // What the page declares itself (BOM or <meta>) and what its bytes look like (detection).
      metaCharset,
      detectedCharset,
      bytes: r.bytes,
      decodedBytes: r.decodedBytes,
      elapsedMs: r.elapsedMs,
      notModified: r.notModified,
    };
  } finally {
    await client.close();
  }
}
