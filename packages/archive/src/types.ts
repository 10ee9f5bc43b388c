/** One fetched page as the fetcher hands it to the archive. */
export interface ArchiveRecord {
  /** Document id (hash of the canonical URL); 2–128 characters of [A-Za-z0-9_-]. */
  readonly docId: string;
  /** The URL the body came from (after redirects). */
  readonly url: string;
  /** ISO-8601 time of the fetch; with docId it names the entry. */
  readonly fetchedAt: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Raw body bytes, stored exactly (no charset decoding). */
  readonly body: Uint8Array;
}

/** What `get` returns: the record as it was put. */
export type ArchivedPage = ArchiveRecord;

export interface ArchiveEntry {
  readonly key: string;
  readonly docId: string;
  /** Normalised ISO-8601 time taken from the key (millisecond precision, UTC). */
  readonly fetchedAt: string;
}

export interface ListOptions {
  /** Only entries fetched at or after this time. */
  readonly since?: Date;
}

/**
 * Raw page storage outside Redis. Keys are derived from (docId, fetchedAt), so writing the same
 * fetch twice (a retried job) overwrites the entry with identical content. Implementations: the
 * file archive here; an S3-compatible one can implement the same interface.
 *
 * Errors: a missing or unreadable entry is PermanentError KHABAR_E_ARCHIVE_MISSING (re-fetch the
 * URL); storage failures are RetryLaterError KHABAR_E_ARCHIVE_IO.
 */
export interface PageArchive {
  /** Stores the page; resolves to its archive key once it is durably in place. */
  put(record: ArchiveRecord): Promise<string>;
  get(key: string): Promise<ArchivedPage>;
  /** Removes the entry; deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every entry (optionally only recent ones), in key order per document. */
  list(options?: ListOptions): AsyncIterable<ArchiveEntry>;
  /** Deletes entries fetched before `olderThan`; resolves to how many were deleted. */
  prune(olderThan: Date): Promise<number>;
}
