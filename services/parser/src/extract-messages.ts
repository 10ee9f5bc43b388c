import type { ExtractedArticle } from '@khabar/extract';

/** One page to extract, as posted to an extract thread. */
export interface ThreadRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly url: string;
  readonly headerCharset: string | null;
  /** ISO timestamp (relative dates are resolved against it). */
  readonly fetchedAt: string;
}

export type ThreadReply =
  | { readonly id: number; readonly ok: true; readonly article: ExtractedArticle; readonly charset: string }
  | { readonly id: number; readonly ok: false; readonly code: string | null; readonly message: string };
