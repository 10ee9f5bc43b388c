export {
  extractArticle,
  extractFromBytes,
  EXTRACTOR_VERSION,
  type ExtractedArticle,
  type ExtractInput,
  type ExtractFromBytesInput,
} from './extract-article.ts';
export { decodeHtml, type DecodedHtml } from './decode.ts';
export { ExtractionError, type ExtractionErrorCode } from './errors.ts';
export type { Teaser } from './content.ts';
export type { Link } from './dom-walk.ts';
