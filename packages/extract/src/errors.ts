export type ExtractionErrorCode = 'KHABAR_E_EXTRACT_EMPTY' | 'KHABAR_E_EXTRACT_FAILED';

/**
 * Raised only when a page holds no usable text at all. Both codes are permanent (retrying the same
 * bytes gives the same answer); the worker maps them to `PermanentError` from @khabar/errors.
 */
export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;
  readonly url: string;

  constructor(code: ExtractionErrorCode, message: string, url: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExtractionError';
    this.code = code;
    this.url = url;
  }
}
