import { createHash } from 'node:crypto';
import type { QueueSet, StatusStore, Submission } from '@khabar/contracts';
import { pageCharsets, parseContentType } from '@khabar/fetch';
import { openPageArchive, type ArchiveSettings, type OpenedArchive } from '@khabar/archive';
import { archiveEnv, loadConfig } from '@khabar/config';

/** The part of @khabar/archive's PageArchive that reparse reads (structural, so any archive fits). */
export interface ArchiveReader {
  list(options?: { readonly since?: Date }): AsyncIterable<{ readonly key: string; readonly docId: string; readonly fetchedAt: string }>;
  get(key: string): Promise<{ readonly url: string; readonly fetchedAt: string; readonly status: number; readonly headers: Record<string, string>; readonly body: Uint8Array }>;
}

/**
 * The archive `khabar reparse` reads, from the same settings the services use: the S3-compatible
 * bucket when `KHABAR_ARCHIVE_S3_BUCKET` is set, else the folder (`--archive-dir` overrides
 * `KHABAR_ARCHIVE_DIR`). Close it when done.
 */
export function openReparseArchive(env: Readonly<Record<string, string | undefined>>, archiveDir?: string): OpenedArchive {
  const settings: ArchiveSettings = loadConfig(archiveEnv, env);
  return openPageArchive(archiveDir ? { ...settings, KHABAR_ARCHIVE_DIR: archiveDir } : settings);
}

export interface ReparseDeps {
  readonly queues: QueueSet;
  readonly status: StatusStore;
  readonly archive: ArchiveReader;
}

/** Which archived pages to parse again: given document ids, or every page fetched since a time. */
export type ReparseTarget = { readonly ids: readonly string[] } | { readonly since: Date };

export interface ReparseResult {
  readonly queued: string[];
  readonly skipped: Array<{ readonly id: string; readonly reason: string }>;
}

const PENDING = new Set(['waiting', 'prioritized', 'delayed', 'active', 'waiting-children']);

/** The newest archive entry per document among those the target names. */
async function latestEntries(archive: ArchiveReader, target: ReparseTarget): Promise<Map<string, { key: string; fetchedAt: string }>> {
  const wanted = 'ids' in target ? new Set(target.ids) : null;
  const latest = new Map<string, { key: string; fetchedAt: string }>();
  for await (const e of archive.list('since' in target ? { since: target.since } : {})) {
    if (wanted && !wanted.has(e.docId)) continue;
    const seen = latest.get(e.docId);
    if (!seen || e.fetchedAt > seen.fetchedAt) latest.set(e.docId, { key: e.key, fetchedAt: e.fetchedAt });
  }
  return latest;
}

/**
 * `khabar reparse <id…> | --since ISO`: queues `parse` jobs for archived pages again, without
 * re-fetching — after a parser fix, say. Parse job ids are the document ids, so a finished (or
 * failed) parse job of the document is removed first; a document already waiting to be parsed
 * is left alone. The submission metadata comes from the fetch job while BullMQ still keeps it.
 */
export async function reparse(deps: ReparseDeps, target: ReparseTarget): Promise<ReparseResult> {
  const result: ReparseResult = { queued: [], skipped: [] };
  const latest = await latestEntries(deps.archive, target);
  if ('ids' in target) for (const id of target.ids) if (!latest.has(id)) result.skipped.push({ id, reason: 'no archived page' });
  const parseQueue = deps.queues.get('parse');
  for (const [id, entry] of latest) {
    const known = await deps.status.get(id);
    if (!known) {
      result.skipped.push({ id, reason: 'unknown document id (no status record)' });
      continue;
    }
    const existing = await parseQueue.getJob(id);
    if (existing) {
      const state = await existing.getState();
      if (PENDING.has(state)) {
        result.skipped.push({ id, reason: `already ${state} in the parse queue` });
        continue;
      }
      await existing.remove();
    }
    const page = await deps.archive.get(entry.key);
    const fetchJob = await deps.queues.get('fetch').getJob(id);
    const submission = (fetchJob?.data as { submission?: Submission } | undefined)?.submission ?? {};
    const contentType = parseContentType(page.headers['content-type']);
    await deps.queues.enqueue('parse', {
      v: 1,
      id,
      url: known.url,
      submittedUrl: (fetchJob?.data as { submittedUrl?: string } | undefined)?.submittedUrl ?? known.url,
      submittedAt: known.submittedAt || page.fetchedAt,
      submission,
      fetch: {
        finalUrl: page.url,
        status: page.status,
        contentType: contentType.mediaType,
        // Declared (header, BOM/<meta>) and detected charsets, as the fetcher records them.
        ...pageCharsets(page.body, contentType.charset),
        bytes: page.body.byteLength,
        fetchedAt: page.fetchedAt,
        redirects: 0,
        archiveKey: entry.key,
        etag: page.headers['etag'] ?? null,
        lastModified: page.headers['last-modified'] ?? null,
        bodyHash: createHash('sha256').update(page.body).digest('hex'),
      },
    });
    await deps.status.set(id, 'queued', 'parse', { attempts: 0, error: null });
    result.queued.push(id);
  }
  return result;
}
