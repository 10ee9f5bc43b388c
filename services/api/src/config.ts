import { boolVar, elasticsearchEnv, intVar, loggingEnv, redisEnv } from '@khabar/config';
import { z } from 'zod';

export const apiEnv = {
  ...redisEnv,
  ...elasticsearchEnv,
  ...loggingEnv,
  KHABAR_API_HOST: z.string().default('0.0.0.0').describe('Address the API listens on.'),
  KHABAR_API_PORT: intVar(8080, 0, 65535).describe('Port the API listens on.'),
  KHABAR_API_BODY_LIMIT_BYTES: intVar(1_048_576, 1024, 64 * 1_048_576).describe('Largest request body the API accepts (413 beyond).'),
  KHABAR_API_AUTH: z.enum(['off', 'required']).default('off').describe('API keys on /v1 routes: "required" in production (create keys with `khabar apikey create`), "off" for local development.'),
  KHABAR_API_MAX_BACKLOG: intVar(100_000, 0, 100_000_000).describe('Answer 429 with Retry-After to new URLs while this many fetch jobs wait (0: no limit).'),
  KHABAR_RECRAWL_INTERVAL_MS: intVar(0, 0, 365 * 24 * 3_600_000).describe('A known URL re-submitted this long after it was last processed is fetched again (conditionally); 0 never re-fetches on resubmission.'),
  KHABAR_ADMIN_CLIENTS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((c) => c.trim()).filter((c) => c !== ''))
    .pipe(z.array(z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'client names are 1-64 letters, digits, dot, dash or underscore')))
    .describe('Comma-separated API clients (`khabar apikey create <client>`) whose keys open the queue UI on /admin/queues; empty leaves the UI off.'),
  KHABAR_QUEUE_UI_READ_ONLY: boolVar(false).describe('Queue UI without retry, clean, pause or remove actions.'),
  KHABAR_SHUTDOWN_TIMEOUT_MS: intVar(10_000, 1000, 600_000).describe('How long open requests may take after SIGTERM.'),
};
