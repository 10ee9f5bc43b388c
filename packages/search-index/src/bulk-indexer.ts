import type { Client } from '@elastic/elasticsearch';
import { PermanentError, RetryLaterError } from '@khabar/errors';
import { readAliasView } from './aliases.ts';
import { classifyItemStatus, classifyRequestError, describeEsError, retryDelayMs } from './bulk-classify.ts';
import { locateDocuments } from './locate.ts';

/** The part of a pino logger the indexer uses. */
export interface BulkLogger {
  debug(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface BulkIndexerOptions {
  readonly client: Client;
  /** Write alias (`<base>-write`): new documents go to the index it points at when their bulk is sent. */
  readonly writeAlias: string;
  /**
   * Read alias (`<base>`, default: the write alias without `-write`). A document whose id is
   * already in another generation behind it is rewritten there, never copied into the write index.
   */
  readonly readAlias?: string;
  readonly logger?: BulkLogger;
  /** Documents per bulk request at most (default 500). */
  readonly maxBatchDocs?: number;
  /** NDJSON bytes per bulk request at most (default 5 MiB); a bigger single document goes alone. */
  readonly maxBatchBytes?: number;
  /** Longest a document waits for its batch to fill (default 200 ms). */
  readonly flushIntervalMs?: number;
  /** Refresh policy of bulk requests; `wait_for` makes a document searchable before index() resolves. */
  readonly refresh?: boolean | 'wait_for';
  /** Internal retries of one document after 429/5xx/timeouts before it fails with RetryLaterError (default 3). */
  readonly maxRetries?: number;
  /** First internal retry delay, doubled each time (default 200 ms). */
  readonly retryBaseDelayMs?: number;
  /**
   * Bulk requests in flight at once (default 8). A `wait_for` request keeps its slot until the
   * next refresh, so with a small limit documents queue behind requests that only wait, and miss
   * the refresh those requests are waiting for (measured: half-load p95 2.1 s with 2).
   */
  readonly maxConcurrentRequests?: number;
}

export interface BulkIndexer {
  /**
   * Queues `document` under `_id = id` (op `index`: a second call overwrites, so reprocessing is
   * idempotent) and resolves once Elasticsearch acknowledged THIS document. Rejects with
   * RetryLaterError(KHABAR_E_INDEX_UNAVAILABLE) when ES stays unavailable/overloaded after internal
   * retries, PermanentError(KHABAR_E_INDEX_MAPPING) with ES's reason when it rejects the document.
   */
  index(id: string, document: object): Promise<void>;
  /** Sends everything queued now and waits until every queued document is settled. */
  flush(): Promise<void>;
  /** Flushes, then refuses new documents. */
  close(): Promise<void>;
}

interface Item {
  readonly id: string;
  readonly source: string;
  readonly bytes: number;
  attempts: number;
  enqueuedAt: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly settled: Promise<void>;
}

/** Batches documents by count, bytes and time into `_bulk` requests and settles each one individually. */
export function createBulkIndexer(options: BulkIndexerOptions): BulkIndexer {
  const { client, writeAlias, logger } = options;
  const readAlias = options.readAlias ?? writeAlias.replace(/-write$/, '');
  const maxDocs = options.maxBatchDocs ?? 500;
  const maxBytes = options.maxBatchBytes ?? 5 * 1024 * 1024;
  const flushIntervalMs = options.flushIntervalMs ?? 200;
  const maxRetries = options.maxRetries ?? 3;
  const retryBaseMs = options.retryBaseDelayMs ?? 200;
  const maxInFlight = options.maxConcurrentRequests ?? 8;

  const pending: Item[] = [];
  const unsettled = new Set<Item>();
  /** The newest unsettled item per id: a second write of an id waits for the first (see send()). */
  const lastOfId = new Map<string, Item>();
  let pendingBytes = 0;
  let inFlight = 0;
  let flushing = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const batchFull = (): boolean => pending.length >= maxDocs || pendingBytes >= maxBytes;
  const oldestDue = (): boolean => pending.length > 0 && Date.now() >= (pending[0]?.enqueuedAt ?? 0) + flushIntervalMs;

  function enqueue(item: Item): void {
    pending.push(item);
    pendingBytes += item.bytes;
    kick();
  }

  function takeBatch(): Item[] {
    const batch: Item[] = [];
    let bytes = 0;
    while (pending.length > 0 && batch.length < maxDocs) {
      const next = pending[0] as Item;
      if (batch.length > 0 && bytes + next.bytes > maxBytes) break;
      pending.shift();
      pendingBytes -= next.bytes;
      bytes += next.bytes;
      batch.push(next);
    }
    return batch;
  }

  function kick(): void {
    while (pending.length > 0 && inFlight < maxInFlight && (flushing > 0 || batchFull() || oldestDue())) {
      const batch = takeBatch();
      inFlight += 1;
      void send(batch)
        .catch((error: unknown) => {
          // Defensive: send() classifies every failure itself; never leave a caller hanging.
          for (const item of batch) {
            if (unsettled.has(item)) settle(item, new RetryLaterError('KHABAR_E_INDEX_UNAVAILABLE', `bulk failed: ${String(error)}`, { cause: error }));
          }
        })
        .finally(() => {
          inFlight -= 1;
          kick();
        });
    }
    armTimer();
  }

  function armTimer(): void {
    if (timer || pending.length === 0 || inFlight >= maxInFlight) return;
    const wait = Math.max(0, (pending[0]?.enqueuedAt ?? 0) + flushIntervalMs - Date.now());
    timer = setTimeout(() => {
      timer = undefined;
      kick();
    }, wait);
  }

  function settle(item: Item, error?: Error): void {
    unsettled.delete(item);
    if (lastOfId.get(item.id) === item) lastOfId.delete(item.id);
    if (error) item.reject(error);
    else item.resolve();
  }

  function retryOrFail(item: Item, why: string, context: Record<string, unknown>): void {
    item.attempts += 1;
    if (item.attempts > maxRetries) {
      settle(item, new RetryLaterError('KHABAR_E_INDEX_UNAVAILABLE', `Elasticsearch did not accept document ${item.id}: ${why}`, { context: { id: item.id, attempts: item.attempts, ...context } }));
      return;
    }
    const delay = retryDelayMs(item.attempts, retryBaseMs);
    logger?.warn({ id: item.id, attempt: item.attempts, delayMs: delay, reason: why }, 'bulk item will be retried');
    setTimeout(() => {
      item.enqueuedAt = Date.now() - flushIntervalMs; // due at once: it already waited
      enqueue(item);
    }, delay);
  }

  /**
   * Where each document of the batch goes: the generation behind the read alias that already
   * holds its id (real-time lookup, so unrefreshed writes count), else the write index. Both are
   * read after every document of the batch was queued, and a write of an id starts only after the
   * previous write of that id settled, so a rollover can never split one id over two generations.
   * `undefined` when the write alias is missing (retried, like ES's 404 for a missing alias).
   */
  async function targetsOf(batch: readonly Item[]): Promise<Map<Item, string> | undefined> {
    const view = await readAliasView(client, readAlias, writeAlias);
    if (view.writeIndex === undefined) return undefined;
    const others = view.readIndices.filter((index) => index !== view.writeIndex);
    const located = await locateDocuments(client, batch.map((item) => item.id), others);
    return new Map(batch.map((item) => [item, located.get(item.id) ?? (view.writeIndex as string)]));
  }

  async function send(batch: Item[]): Promise<void> {
    const started = Date.now();
    let response;
    try {
      const targets = await targetsOf(batch);
      if (!targets) {
        for (const item of batch) retryOrFail(item, `write alias ${writeAlias} does not exist`, { status: 404 });
        return;
      }
      const operations: string[] = [];
      for (const item of batch) operations.push(JSON.stringify({ index: { _index: targets.get(item), _id: item.id } }), item.source);
      response = await client.bulk<string, string>({
        operations,
        ...(options.refresh === undefined ? {} : { refresh: options.refresh }),
      });
    } catch (error) {
      const outcome = classifyRequestError(error);
      const why = error instanceof Error ? error.message : String(error);
      for (const item of batch) {
        if (outcome === 'retry') retryOrFail(item, why, { request: 'failed' });
        else settle(item, new PermanentError('KHABAR_E_INDEX_MAPPING', `bulk request rejected: ${why}`, { context: { id: item.id } }));
      }
      return;
    }
    logger?.debug({ docs: batch.length, tookMs: Date.now() - started, errors: response.errors }, 'bulk sent');
    batch.forEach((item, position) => {
      const result = response.items[position]?.index;
      if (!result) {
        retryOrFail(item, 'missing from the bulk response', {});
        return;
      }
      const outcome = classifyItemStatus(result.status);
      const reason = describeEsError(result.error);
      if (outcome === 'ok') settle(item);
      else if (outcome === 'retry') retryOrFail(item, `status ${result.status}: ${reason}`, { status: result.status });
      else {
        logger?.warn({ id: item.id, status: result.status, reason }, 'document rejected by Elasticsearch');
        settle(item, new PermanentError('KHABAR_E_INDEX_MAPPING', `Elasticsearch rejected document ${item.id}: ${reason}`, { context: { id: item.id, status: result.status, type: result.error?.type } }));
      }
    });
  }

  async function flush(): Promise<void> {
    flushing += 1;
    try {
      while (unsettled.size > 0) {
        kick();
        await Promise.all([...unsettled].map((item) => item.settled));
      }
    } finally {
      flushing -= 1;
    }
  }

  return {
    index(id, document) {
      if (closed) return Promise.reject(new Error('bulk indexer is closed'));
      let source: string;
      try {
        source = JSON.stringify(document);
      } catch (error) {
        return Promise.reject(new PermanentError('KHABAR_E_INDEX_MAPPING', `document ${id} cannot be serialised: ${String(error)}`, { cause: error }));
      }
      let resolve!: () => void;
      let reject!: (error: Error) => void;
      const done = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const item: Item = {
        id,
        source,
        // The action line ({"index":{"_index":…,"_id":…}}) is written at send time; ~100 bytes.
        bytes: 100 + Buffer.byteLength(source) + 2,
        attempts: 0,
        enqueuedAt: Date.now(),
        resolve,
        reject,
        settled: done.then(() => undefined, () => undefined),
      };
      unsettled.add(item);
      // Writes of one id go out one after the other, in call order (the latest content wins).
      const previous = lastOfId.get(id);
      lastOfId.set(id, item);
      if (previous) void previous.settled.then(() => enqueue(item));
      else enqueue(item);
      return done;
    },
    flush,
    async close() {
      closed = true;
      await flush();
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
