import { archiveEnv, boolVar, intVar, loggingEnv, redisEnv, workerEnv } from '@khabar/config';
import { z } from 'zod';

export const fetcherEnv = {
  ...redisEnv,
  ...loggingEnv,
  ...workerEnv,
  ...archiveEnv,
  KHABAR_FETCH_USER_AGENT: z.string().min(3).default('KhabarBot/0.1 (+https://github.com/khabar-news/khabar)').describe('User-Agent sent to sites: an honest name and a contact URL. Its product token (before "/") is matched against robots.txt groups.'),
  KHABAR_FETCH_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .describe('Comma-separated host[:port] list exempt from the private-address guard (tests, private deployments).'),
  KHABAR_FETCH_TIMEOUT_MS: intVar(30_000, 1_000, 600_000).describe('Deadline for one whole fetch, body included.'),
  KHABAR_FETCH_MAX_BYTES: intVar(5 * 1_048_576, 1024, 512 * 1_048_576).describe('Largest response body on the wire.'),
  KHABAR_FETCH_MAX_DECODED_BYTES: intVar(10 * 1_048_576, 1024, 1024 * 1_048_576).describe('Largest body after decompression (stops gzip bombs).'),
  KHABAR_FETCH_MAX_REDIRECTS: intVar(5, 0, 20).describe('Redirects followed before giving up.'),
  KHABAR_FETCH_POLITENESS: boolVar(true).describe('Per-host limits shared by every fetcher through Redis (concurrency, delay, circuit breaker). Turn off only for benchmarks.'),
  KHABAR_FETCH_HOST_CONCURRENCY: intVar(2, 1, 64).describe('Requests in flight per host, across all fetchers.'),
  KHABAR_FETCH_HOST_DELAY_MS: intVar(1_000, 0, 600_000).describe('Smallest gap between two requests to one host (robots.txt Crawl-delay raises it; AutoThrottle adapts above it).'),
  KHABAR_FETCH_HOST_MAX_DELAY_MS: intVar(60_000, 0, 3_600_000).describe('Largest delay AutoThrottle may reach for a slow or throttling host.'),
  KHABAR_FETCH_AUTOTHROTTLE_TARGET: intVar(1, 1, 64).describe('AutoThrottle target: requests a host should serve at once on average (delay → latency / target).'),
  KHABAR_FETCH_CIRCUIT_FAILURES: intVar(5, 1, 1_000).describe('Consecutive failures (5xx, 429, timeouts, network) that open a host\'s circuit.'),
  KHABAR_FETCH_CIRCUIT_COOLDOWN_MS: intVar(60_000, 100, 86_400_000).describe('How long an open circuit keeps a host closed; doubles while the host keeps failing. Its URLs wait, they do not fail.'),
  KHABAR_FETCH_HOST_SEND_TIMEOUT_MS: intVar(15_000, 0, 600_000).describe('Longest time from a host-gate grant to the request being on the wire (DNS, connect, write); until the fetcher confirms the send, no other request to the host starts, so gaps hold at the server. A grant never confirmed counts as sent after this. 0: count grants as starts (no confirmation).'),
  KHABAR_FETCH_INPROCESS_WAIT_MS: intVar(250, 0, 10_000).describe('Host waits up to this long are slept inside the worker; longer ones put the job back as delayed.'),
  KHABAR_FETCH_ROBOTS: boolVar(true).describe('Obey robots.txt (RFC 9309).'),
  KHABAR_FETCH_ROBOTS_TTL_MS: intVar(24 * 3_600_000, 1_000, 24 * 3_600_000).describe('How long a robots.txt is cached (at most 24 h).'),
  KHABAR_FETCH_ROBOTS_UNAVAILABLE_TTL_MS: intVar(10 * 60_000, 1_000, 24 * 3_600_000).describe('How long a site whose robots.txt answered 5xx or was unreachable stays closed before robots.txt is asked again.'),
  KHABAR_FETCH_METRICS_MAX_HOSTS: intVar(50, 0, 10_000).describe('Hosts named in metric labels (the first seen); the rest are counted as "other".'),
  KHABAR_ARCHIVE_RETENTION_DAYS: intVar(0, 0, 36_500).describe('Archived raw pages older than this many days are deleted by the fetchers (0 keeps them forever).'),
};
