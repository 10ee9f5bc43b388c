import { Worker } from 'node:worker_threads';
import type { ExtractedArticle } from '@khabar/extract';
import { PermanentError } from '@khabar/errors';
import type { ThreadReply, ThreadRequest } from './extract-messages.ts';

export interface ExtractRequest {
  readonly bytes: Uint8Array;
  readonly url: string;
  readonly headerCharset: string | null;
  readonly fetchedAt: Date;
}

export interface ExtractResult {
  readonly article: ExtractedArticle;
  readonly charset: string;
}

export interface ExtractPool {
  /**
   * Extracts one page in a worker thread. Rejects with a `PermanentError`:
   * `KHABAR_E_EXTRACT_FAILED` ("timed out after N ms") when the page is not done within the cap
   * (the thread is terminated and replaced), `KHABAR_E_EXTRACT_EMPTY` when the page has no text.
   */
  run(request: ExtractRequest): Promise<ExtractResult>;
  /** Terminates every thread; pending runs reject. */
  close(): Promise<void>;
}

export interface ExtractPoolOptions {
  /** Threads kept alive (about one per parse job in flight). */
  readonly size: number;
  /** Hard per-page cap in milliseconds: past it the thread is killed and the job fails for good. */
  readonly timeoutMs: number;
  /** Heap cap per thread: a page that needs more fails (KHABAR_E_EXTRACT_FAILED) instead of taking the process down. */
  readonly maxHeapMb?: number;
  /** The thread script (tests swap in a misbehaving one); it must post `{ ready: true }` once loaded. */
  readonly threadUrl?: URL;
}

interface Waiter {
  readonly request: ExtractRequest;
  readonly resolve: (r: ExtractResult) => void;
  readonly reject: (e: unknown) => void;
}

const THREAD_URL = new URL('./extract-thread.ts', import.meta.url);

/**
 * Extract threads to run: `configured` (KHABAR_EXTRACT_THREADS), or one per two cores when 0
 * (rounded up), never more than the jobs in flight. Extraction is CPU-bound and the parser is a
 * fifth of the pipeline's CPU, sharing the machine with the other stages: a thread beyond what it
 * can keep busy only adds a V8 heap (~45–60 MB resident). A machine given to parsers alone sets
 * KHABAR_EXTRACT_THREADS to its cores.
 */
export function extractThreadCount(concurrency: number, configured: number, cores: number): number {
  return Math.max(1, Math.min(concurrency, configured > 0 ? configured : Math.ceil(cores / 2)));
}

function failure(code: string | null, message: string, url: string, cause?: unknown): PermanentError {
  const c = code === 'KHABAR_E_EXTRACT_EMPTY' ? 'KHABAR_E_EXTRACT_EMPTY' : 'KHABAR_E_EXTRACT_FAILED';
  return new PermanentError(c, message, { context: { url }, cause });
}

/**
 * A small pool of extract threads with a hard time cap per page. A deadline checked inside the
 * walk could not stop a runaway regular expression or a parser stuck in one call; terminating the
 * thread can, so one hostile page costs at most `timeoutMs` and never stalls the worker.
 */
export function createExtractPool(options: ExtractPoolOptions): ExtractPool {
  const size = Math.max(1, Math.floor(options.size));
  const idle: Worker[] = [];
  const queue: Waiter[] = [];
  let live = 0;
  let nextId = 1;
  let closed = false;
  const all = new Set<Worker>();
  /** Resolves once the thread has loaded the extractor: the cap counts extraction time only. */
  const ready = new WeakMap<Worker, Promise<void>>();

  const spawn = (): Worker => {
    const w = new Worker(options.threadUrl ?? THREAD_URL, { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 } });
    all.add(w);
    live += 1;
    ready.set(w, new Promise<void>((resolve) => {
      const onReady = (m: unknown): void => {
        if (typeof m === 'object' && m !== null && 'ready' in m) {
          w.off('message', onReady);
          resolve();
        }
      };
      w.on('message', onReady);
      w.once('exit', () => resolve());
    }));
    w.once('exit', () => {
      all.delete(w);
    });
    return w;
  };

  const retire = (w: Worker): void => {
    live -= 1;
    all.delete(w);
    void w.terminate();
  };

  const release = (w: Worker): void => {
    const next = queue.shift();
    if (next !== undefined) dispatch(w, next);
    else idle.push(w);
  };

  const dispatch = (w: Worker, job: Waiter): void => {
    const loaded = ready.get(w);
    if (loaded === undefined) start(w, job);
    else void loaded.then(() => {
      ready.delete(w);
      start(w, job);
    });
  };

  const start = (w: Worker, job: Waiter): void => {
    if (closed) {
      job.reject(failure(null, 'extract pool is closed', job.request.url));
      return;
    }
    const id = nextId++;
    const { request } = job;
    const cleanup = (): void => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
    };
    const replace = (): void => {
      retire(w);
      if (closed) return;
      const next = queue.shift();
      if (next !== undefined) dispatch(spawn(), next);
    };
    const onMessage = (reply: ThreadReply | { ready: true }): void => {
      if (!('id' in reply) || reply.id !== id) return;
      cleanup();
      if (reply.ok) job.resolve({ article: reply.article, charset: reply.charset });
      else job.reject(failure(reply.code, reply.message, request.url));
      if (closed) retire(w);
      else release(w);
    };
    const onError = (err: Error): void => {
      cleanup();
      job.reject(failure(null, `extract thread crashed: ${err.message}`, request.url, err));
      replace();
    };
    const onExit = (): void => {
      cleanup();
      job.reject(failure(null, 'extract thread exited', request.url));
      replace();
    };
    const timer = setTimeout(() => {
      cleanup();
      job.reject(failure(null, `timed out after ${options.timeoutMs} ms`, request.url));
      replace();
    }, options.timeoutMs);
    w.on('message', onMessage);
    w.once('error', onError);
    w.once('exit', onExit);
    const message: ThreadRequest = { id, bytes: request.bytes, url: request.url, headerCharset: request.headerCharset, fetchedAt: request.fetchedAt.toISOString() };
    w.postMessage(message);
  };

  return {
    run(request) {
      if (closed) return Promise.reject(failure(null, 'extract pool is closed', request.url));
      return new Promise<ExtractResult>((resolve, reject) => {
        const job: Waiter = { request, resolve, reject };
        const w = idle.pop();
        if (w !== undefined) dispatch(w, job);
        else if (live < size) dispatch(spawn(), job);
        else queue.push(job);
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(failure(null, 'extract pool is closed', job.request.url));
      idle.length = 0;
      await Promise.all([...all].map((w) => w.terminate()));
      all.clear();
      live = 0;
    },
  };
}
