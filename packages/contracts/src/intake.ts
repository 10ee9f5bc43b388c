import { canonicalizeUrl, documentIdFor } from '@khabar/urls';
import type { Submission } from './payloads.ts';
import type { QueueSet } from './queue-set.ts';
import type { StatusStore, UrlState } from './status.ts';

export interface IntakeItem {
  /** A URL already checked with checkSubmittedUrl (the API and CLI reject bad ones first). */
  readonly url: string;
  readonly submission: Submission;
}

/** Submission priority 1 (lowest) to 10 (most urgent); BullMQ ranks 1 first, so it gets 11 - p. */
export const DEFAULT_PRIORITY = 5;

export interface IntakeResult {
  readonly id: string;
  readonly url: string;
  readonly canonicalUrl: string;
  /** `accepted`: a new job was queued; `known`: the URL was already submitted (no second job). */
  readonly outcome: 'accepted' | 'known';
  readonly state: UrlState;
}

export interface IntakeDeps {
  readonly queues: QueueSet;
  readonly status: StatusStore;
  readonly now?: () => Date;
}

/**
 * Registers each URL and queues it for fetching. The id is derived from the canonical URL, so
 * the same page submitted twice (even with tracking parameters) maps to one id and one job.
 * A URL whose status is still `queued` is re-added: the job id makes that a no-op when the job
 * exists, and it closes the window where a crash between the two writes would lose the URL.
 */
export async function submitUrls(deps: IntakeDeps, items: readonly IntakeItem[]): Promise<IntakeResult[]> {
  const now = deps.now ?? (() => new Date());
  const results: IntakeResult[] = [];
  for (const item of items) {
    const canonicalUrl = canonicalizeUrl(item.url);
    const id = documentIdFor(canonicalUrl);
    const at = now();
    const created = await deps.status.create(id, canonicalUrl, at);
    const current = created ? null : await deps.status.get(id);
    const state: UrlState = current?.state ?? 'queued';
    if (created || state === 'queued') {
      await deps.queues.enqueue(
        'fetch',
        { v: 1, id, url: canonicalUrl, submittedUrl: item.url, submittedAt: at.toISOString(), submission: item.submission },
        { priority: 11 - (item.submission.priority ?? DEFAULT_PRIORITY) },
      );
    }
    results.push({ id, url: item.url, canonicalUrl, outcome: created ? 'accepted' : 'known', state });
  }
  return results;
}
