import { Client } from '@elastic/elasticsearch';

export interface SearchClientOptions {
  /** API key (base64 `id:key`), used instead of credentials in the URL. */
  readonly apiKey?: string;
  /** Per-request timeout; a bulk that times out is retried by the bulk indexer. Default 30 s. */
  readonly requestTimeoutMs?: number;
}

/**
 * An Elasticsearch v8 client for `url`. `user:password@` in the URL becomes basic auth (and is
 * taken out of the node URL so it never shows up in logged connection errors).
 */
export function createSearchClient(url: string, options: SearchClientOptions = {}): Client {
  const node = new URL(url);
  const username = decodeURIComponent(node.username);
  const password = decodeURIComponent(node.password);
  node.username = '';
  node.password = '';
  const auth = options.apiKey ? { apiKey: options.apiKey } : username ? { username, password } : undefined;
  return new Client({
    node: node.toString().replace(/\/$/, ''),
    ...(auth ? { auth } : {}),
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    maxRetries: 1,
  });
}
