import type { Cluster, Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { ConfigOf } from '@khabar/config';
import { createFetchClient, type FetchClient } from '@khabar/fetch';
import { openPageArchive, type OpenedArchive } from '@khabar/archive';
import { createFetchMetrics, createHostGate, createRobotsPolicy, createValidatorStore } from '@khabar/politeness';
import type { fetcherEnv } from './config.ts';
import type { FetchHandlerDeps } from './handler.ts';
import { ROBOTS_CONTENT_TYPES, robotsFetcherFor } from './robots-fetcher.ts';

export type FetcherConfig = ConfigOf<typeof fetcherEnv>;

export interface FetcherDeps {
  readonly handler: FetchHandlerDeps;
  readonly clients: readonly FetchClient[];
  /** The page archive the settings name (file or S3-compatible); closed at shutdown. */
  readonly archive: OpenedArchive;
}

/** Everything the fetch handler needs, built from the service's settings (no env, no signals). */
export function createFetcherDeps(config: FetcherConfig, redis: Redis | Cluster, registry: Registry): FetcherDeps {
  const common = {
    userAgent: config.KHABAR_FETCH_USER_AGENT,
    allowHosts: config.KHABAR_FETCH_ALLOW_HOSTS,
    totalTimeoutMs: config.KHABAR_FETCH_TIMEOUT_MS,
    maxRedirects: config.KHABAR_FETCH_MAX_REDIRECTS,
  };
  const client = createFetchClient({ ...common, maxBodyBytes: config.KHABAR_FETCH_MAX_BYTES, maxDecodedBytes: config.KHABAR_FETCH_MAX_DECODED_BYTES });
  // robots.txt: same guard and redirects, plain text accepted, RFC 9309's 500 KiB parsed at least.
  const robotsClient = createFetchClient({ ...common, maxBodyBytes: 512 * 1024, maxDecodedBytes: 1024 * 1024, allowedContentTypes: ROBOTS_CONTENT_TYPES });
  const prefix = config.KHABAR_QUEUE_PREFIX;
  const archive = openPageArchive(config);
  const handler: FetchHandlerDeps = {
    client,
    archive: archive.archive,
    validators: createValidatorStore({ redis, prefix }),
    metrics: createFetchMetrics(registry, { maxHosts: config.KHABAR_FETCH_METRICS_MAX_HOSTS }),
    ...(config.KHABAR_FETCH_POLITENESS
      ? {
          politeness: {
            inProcessWaitMs: config.KHABAR_FETCH_INPROCESS_WAIT_MS,
            gate: createHostGate({
              redis,
              prefix,
              settings: {
                maxConcurrency: config.KHABAR_FETCH_HOST_CONCURRENCY,
                minDelayMs: config.KHABAR_FETCH_HOST_DELAY_MS,
                maxDelayMs: config.KHABAR_FETCH_HOST_MAX_DELAY_MS,
                targetConcurrency: config.KHABAR_FETCH_AUTOTHROTTLE_TARGET,
                failureThreshold: config.KHABAR_FETCH_CIRCUIT_FAILURES,
                coolDownMs: config.KHABAR_FETCH_CIRCUIT_COOLDOWN_MS,
                // A fetch never outlives its total deadline; a dead fetcher's lease frees its slot soon after.
                leaseMs: config.KHABAR_FETCH_TIMEOUT_MS + 5_000,
                sendTimeoutMs: config.KHABAR_FETCH_HOST_SEND_TIMEOUT_MS,
              },
            }),
          },
        }
      : {}),
    ...(config.KHABAR_FETCH_ROBOTS
      ? {
          robots: {
            fetcher: robotsFetcherFor(robotsClient),
            policy: createRobotsPolicy({
              redis,
              prefix,
              settings: { userAgent: config.KHABAR_FETCH_USER_AGENT, ttlMs: config.KHABAR_FETCH_ROBOTS_TTL_MS, unavailableTtlMs: config.KHABAR_FETCH_ROBOTS_UNAVAILABLE_TTL_MS },
            }),
          },
        }
      : {}),
  };
  return { handler, clients: [client, robotsClient], archive };
}
