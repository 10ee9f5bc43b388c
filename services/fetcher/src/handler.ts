import { createHash } from 'node:crypto';
import { pageCharsets, type FetchClient, type FetchResult } from '@khabar/fetch';
import type { PageArchive } from '@khabar/archive';
import { hostKeyOf, type FetchMetrics, type FetchValidators, type ValidatorStore } from '@khabar/politeness';
import type { PayloadOf } from '@khabar/contracts';
import type { StageHandler } from '@khabar/worker-kit';
import { deferJob, type Defer } from './defer.ts';
import { createHostAccess, type Attempt, type PolitenessDeps, type RequestHooks, type RobotsDeps } from './host-access.ts';
import { judgeFetchError, statusClassOf } from './outcome.ts';

export interface FetchHandlerDeps {
  readonly client: FetchClient;
  readonly archive: PageArchive;
  /** Shared per-host limits (Redis); without it every URL is fetched at once (tests, benchmarks). */
  readonly politeness?: PolitenessDeps;
  /** robots.txt checks; without it every URL is allowed. */
  readonly robots?: RobotsDeps;
  /** ETag / Last-Modified / body hash per URL, for conditional re-fetches. */
  readonly validators?: ValidatorStore;
  readonly metrics?: FetchMetrics;
  /** How a job is put back to wait for its host (default: BullMQ moveToDelayed + DelayedError). */
  readonly defer?: Defer;
  readonly now?: () => Date;
}

type Reroute = NonNullable<PayloadOf<'fetch'>['reroute']>;

function sha256(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Fetches the page with the safe client — after robots.txt and the host's politeness gate allow
 * it — and stores the raw response in the archive; only the archive key and fetch metadata travel
 * on to the parser, never the body. A URL fetched before is asked for with If-None-Match /
 * If-Modified-Since; a 304 or a body identical to last time ends the job as `indexed` without
 * re-processing. A retry re-fetches and writes a new archive entry, which is harmless.
 * A redirect to another host is re-routed: the job continues at the hop, through that host's
 * robots.txt and gate, with the chain so far (redirect limit and loop detection carry over).
 */
export function createFetchHandler(deps: FetchHandlerDeps): StageHandler<'fetch'> {
  const now = deps.now ?? (() => new Date());
  const access = { politeness: deps.politeness, robots: deps.robots, metrics: deps.metrics, defer: deps.defer ?? deferJob };
  return async (job, ctx) => {
    const { log } = ctx;
    const previous = deps.validators ? await deps.validators.get(job.id) : null;
    /** One leg of the fetch: robots.txt, gate and request on one host, from `reroute` if set. */
    const fetchLeg = async (reroute: Reroute | undefined): Promise<FetchResult> => {
      const target = reroute?.url ?? job.url;
      const host = hostKeyOf(target);
      const init = {
        etag: previous?.etag ?? null,
        lastModified: previous?.lastModified ?? null,
        ...(reroute === undefined ? {} : { chain: { url: job.url, redirects: reroute.redirects } }),
      };
      const request = async (hooks: RequestHooks): Promise<Attempt<FetchResult>> => {
        const started = performance.now();
        try {
          const value = await deps.client.fetchPage(target, { ...init, ...hooks });
          deps.metrics?.response(host, statusClassOf(value.status), value.elapsedMs / 1000, value.bytes);
          return { ok: true, value, outcome: 'ok', latencyMs: value.elapsedMs };
        } catch (error) {
          const latencyMs = performance.now() - started;
          const verdict = judgeFetchError(error);
          deps.metrics?.response(host, verdict.statusClass, latencyMs / 1000, 0);
          if (verdict.statusClass === 'blocked') deps.metrics?.ssrfBlocked();
          return { ok: false, error, outcome: verdict.outcome, latencyMs };
        }
      };
      return createHostAccess(access, target, host, job.id, ctx).fetch(request);
    };
    let reroute = job.reroute;
    let result = await fetchLeg(reroute);
    // A redirect to another host ended the leg (its lease is released by now). The hop and the
    // chain so far are saved in the job first, so a deferral, retry or crash resumes there.
    while (result.redirectTo !== undefined) {
      reroute = { url: result.redirectTo, redirects: result.redirects };
      await ctx.job.updateData({ ...(ctx.job.data as object), reroute });
      log.debug({ to: reroute.url, redirects: reroute.redirects.length }, 'redirected to another host: re-routed there');
      result = await fetchLeg(reroute);
    }
    const { reroute: _done, ...doc } = job;
    const fetchedAt = now().toISOString();
    const validators: FetchValidators = {
      etag: result.etag ?? previous?.etag ?? null,
      lastModified: result.lastModified ?? previous?.lastModified ?? null,
      bodyHash: result.notModified ? (previous?.bodyHash ?? null) : sha256(result.body),
      fetchedAt,
    };
    if (result.notModified || (previous?.bodyHash != null && previous.bodyHash === validators.bodyHash)) {
      await deps.validators?.set(job.id, validators);
      log.info({ status: result.status, notModified: result.notModified }, 'page unchanged since last fetch: not re-processed');
      return { kind: 'done', state: 'indexed' };
    }
    const archiveKey = await deps.archive.put({
      docId: job.id,
      url: result.finalUrl,
      fetchedAt,
      status: result.status,
      headers: result.headers,
      body: result.body,
    });
    // The validators are recorded by the indexer once this version is in the index: recording them
    // here would let a retry after a crash further down take the page for "unchanged" and skip it.
    log.debug({ status: result.status, bytes: result.bytes, elapsedMs: result.elapsedMs }, 'fetched');
    // Declared (header, BOM/<meta>) and detected charsets side by side; the parser decodes.
    const charsets = pageCharsets(result.body, result.headerCharset);
    return {
      kind: 'handoff',
      data: {
        ...doc,
        fetch: {
          finalUrl: result.finalUrl,
          status: result.status,
          contentType: result.contentType,
          ...charsets,
          bytes: result.bytes,
          fetchedAt,
          redirects: result.redirects.length,
          archiveKey,
          etag: result.etag,
          lastModified: result.lastModified,
          bodyHash: validators.bodyHash,
        },
      },
    };
  };
}
