import { PermanentError, type RetryLaterError } from '@khabar/errors';
import { CorruptEntryError, decodePage } from './page-codec.ts';
import type { ArchivedPage } from './types.ts';

/** An entry that is not there (or never can be read): permanent, whichever store holds the archive. */
export function missingEntry(key: string, reason: string, cause?: unknown): PermanentError {
  return new PermanentError('KHABAR_E_ARCHIVE_MISSING', `archive entry ${key} ${reason}`, { context: { key }, ...(cause === undefined ? {} : { cause }) });
}

/**
 * Decodes an entry's stored bytes: a corrupt entry is missing (refetching is the only cure); any
 * other failure is the store's own I/O error, built by the store (it knows its error context).
 */
export async function decodeEntry(key: string, stored: Uint8Array, ioError: (action: string, key: string, err: unknown) => RetryLaterError): Promise<ArchivedPage> {
  try {
    return await decodePage(stored);
  } catch (err) {
    if (err instanceof CorruptEntryError) throw missingEntry(key, `is unreadable: ${err.message}`, err);
    throw ioError('decode', key, err);
  }
}
