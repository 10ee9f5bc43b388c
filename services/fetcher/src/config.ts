import { archiveEnv, intVar, loggingEnv, redisEnv, workerEnv } from '@khabar/config';
import { z } from 'zod';

export const fetcherEnv = {
  ...redisEnv,
  ...loggingEnv,
  ...workerEnv,
  ...archiveEnv,
  KHABAR_FETCH_USER_AGENT: z.string().min(3).default('KhabarBot/0.1 (+https://github.com/khabar-news/khabar)').describe('User-Agent sent to sites: an honest name and a contact URL.'),
  KHABAR_FETCH_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .describe('Comma-separated host[:port] list exempt from the private-address guard (tests, private deployments).'),
  KHABAR_FETCH_TIMEOUT_MS: intVar(30_000, 1_000, 600_000).describe('Deadline for one whole fetch, body included.'),
  KHABAR_FETCH_MAX_BYTES: intVar(5 * 1_048_576, 1024, 512 * 1_048_576).describe('Largest response body on the wire.'),
  KHABAR_FETCH_MAX_DECODED_BYTES: intVar(10 * 1_048_576, 1024, 1024 * 1_048_576).describe('Largest body after decompression (stops gzip bombs).'),
  KHABAR_FETCH_MAX_REDIRECTS: intVar(5, 0, 20).describe('Redirects followed before giving up.'),
};
