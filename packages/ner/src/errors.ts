/**
 * Stable codes for the NER package. KHABAR_E_NER_BAD_DATA is a deployment fault (a malformed or
 * missing data file): never retryable. Not yet in @khabar/errors' catalogue (owned elsewhere).
 */
export type NerErrorCode = 'KHABAR_E_NER_BAD_DATA';

export class KhabarNerError extends Error {
  readonly code: NerErrorCode;

  constructor(code: NerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KhabarNerError';
    this.code = code;
  }
}
