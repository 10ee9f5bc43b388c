export { createFetchClient, DEFAULT_USER_AGENT, DEFAULT_ALLOWED_CONTENT_TYPES } from './fetch-client.ts';
export type { FetchClient, FetchClientOptions, FetchInit, FetchResult } from './types.ts';
export {
  isBlockedAddress,
  blockedRange,
  checkTarget,
  checkResolvedAddresses,
  resolveAndCheck,
  createTargetPolicy,
  DEFAULT_ALLOWED_PORTS,
  type LookupFn,
  type ResolvedAddress,
  type TargetPolicy,
  type AllowList,
} from './address-guard.ts';
export { parseContentType, parseRetryAfter, type ContentType } from './response-meta.ts';
export { detectCharset, pageCharsets, sniffMetaCharset, type PageCharsets } from './charsets.ts';
