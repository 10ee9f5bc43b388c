import { RetryLaterError } from '@khabar/errors';
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
  /** `accepted`: a new job was queued; `known`: already submitted (no second job); `recrawl`: known, and due to be fetched again. */
  readonly outcome: 'accepted' | 'known' | 'recrawl';
  readonly state: UrlState;
}

export interface IntakeDeps {
  readonly queues: QueueSet;
  readonly status: StatusStore;
  readonly now?: () => Date;
  /** Refuse new URLs while this many fetch jobs are already waiting (0 or absent: no limit). */
  readonly maxBacklog?: number;
  /**
   * A known URL that ended (indexed or skipped) at least this long ago is fetched again when
   * re-submitted (conditionally: ETag/Last-Modified; unchanged pages are not re-indexed).
   * Absent: a known URL is never re-fetched by resubmission.
   */
  readonly recrawlAfterMs?: number;
}

/** Seconds an upstream should wait before resubmitting when the backlog is full. */
export const BACKPRESSURE_RETRY_AFTER_S = 30;

/** Current fetch backlog: jobs not yet picked up (waiting, prioritized, delayed). */
export async function fetchBacklog(queues: QueueSet): Promise<number> {
  const counts = await queues.get('fetch').getJobCounts('waiting', 'prioritized', 'delayed');
  return (counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0) + (counts['delayed'] ?? 0);
}

/**
 * Registers each URL and queues it for fetching. The id is derived from the canonical URL, so
 * the same page submitted twice (even with tracking parameters) maps to one id and one job.
 * A URL whose status is still `queued` is re-added: the job id makes that a no-op when the job
 * exists, and it closes the window where a crash between the two writes would lose the URL.
 */
export async function submitUrls(deps: IntakeDeps, items: readonly IntakeItem[]): Promise<IntakeResult[]> {
  const now = deps.now ?? (() => new Date());
  if (deps.maxBacklog && deps.maxBacklog > 0) {
    const backlog = await fetchBacklog(deps.queues);
    if (backlog + items.length > deps.maxBacklog) {
      throw new RetryLaterError('KHABAR_E_BACKPRESSURE', `fetch backlog is ${backlog} URLs (limit ${deps.maxBacklog}); nothing was queued, retry later`, {
        retryAfterMs: BACKPRESSURE_RETRY_AFTER_S * 1000,
        context: { backlog, limit: deps.maxBacklog },
      });
    }
  }
  const results: IntakeResult[] = [];
  // Items are independent (their ids differ, or the same id resolves the same way in any order),
  // so a slice of them is in flight at once: the Redis round trips overlap instead of queuing.
  for (let i = 0; i < items.length; i += INTAKE_PARALLELISM) {
    results.push(...(await Promise.all(items.slice(i, i + INTAKE_PARALLELISM).map((item) => submitOne(deps, item, now())))));
  }
  return results;
}

/** URLs registered at once by one submitUrls call. */
const INTAKE_PARALLELISM = 64;

async function submitOne(deps: IntakeDeps, item: IntakeItem, at: Date): Promise<IntakeResult> {
  const canonicalUrl = canonicalizeUrl(item.url);
  const id = documentIdFor(canonicalUrl);
  const created = await deps.status.create(id, canonicalUrl, at);
  const current = created ? null : await deps.status.get(id);
  const state: UrlState = current?.state ?? 'queued';
  const recrawl =
    !created && deps.recrawlAfterMs !== undefined && current !== null && (state === 'indexed' || state === 'skipped') && at.getTime() - Date.parse(current.updatedAt) >= deps.recrawlAfterMs;
  if (recrawl) {
    await (await deps.queues.get('fetch').getJob(id))?.remove();
    await deps.status.set(id, 'queued', 'fetch', { attempts: 0, error: null });
  }
  if (created || state === 'queued' || recrawl) {
    // submittedUrl is stored only when it differs from the canonical URL (QueueSet.enqueue).
    await deps.queues.enqueue(
      'fetch',
      { v: 1, id, url: canonicalUrl, submittedUrl: item.url, submittedAt: at.toISOString(), submission: item.submission },
      { priority: 11 - (item.submission.priority ?? DEFAULT_PRIORITY) },
    );
  }
  return { id, url: item.url, canonicalUrl, outcome: created ? 'accepted' : recrawl ? 'recrawl' : 'known', state: recrawl ? 'queued' : state };
}
