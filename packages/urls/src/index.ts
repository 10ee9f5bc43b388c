export {
  canonicalizeUrl,
  documentIdFor,
  isDocumentId,
  DEFAULT_TRACKING_PARAMS,
  MAX_URL_LENGTH,
  type CanonicalizeOptions,
} from './canonical.ts';
export { checkSubmittedUrl, type UrlCheck, type UrlProblem } from './validate.ts';
export { regularPageUrl, resolveCanonicalUrl, registrableDomain, isSameSite, isSamePage } from './page-variants.ts';
