import { z } from 'zod';
import { articleSchema, clusterSchema, entitiesSchema } from './article.ts';
import type { QueueName } from './queues.ts';

const docId = z.string().regex(/^[0-9a-f]{32}$/, 'must be a 32-hex-character document id');

/** Metadata an upstream system attaches to a URL; carried unchanged to the indexed document. */
export const submissionSchema = z.object({
  source: z.string().min(1).max(200).optional(),
  priority: z.number().int().min(1).max(10).optional(),
  tags: z.array(z.string().min(1).max(100)).max(50).optional(),
  meta: z.record(z.string().max(100), z.string().max(1000)).optional(),
});
export type Submission = z.infer<typeof submissionSchema>;

const base = z.object({
  v: z.literal(1),
  /** Document id: hash of the canonical URL (see @khabar/urls documentIdFor). */
  id: docId,
  /** Canonical URL the id was derived from. */
  url: z.string().url(),
  /** URL exactly as submitted. */
  submittedUrl: z.string(),
  submittedAt: z.string(),
  submission: submissionSchema.default({}),
});

export const fetchMetaSchema = z.object({
  finalUrl: z.string(),
  status: z.number().int(),
  contentType: z.string(),
  /** Charset named by the Content-Type header, if any (the parser decodes). */
  headerCharset: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  fetchedAt: z.string(),
  redirects: z.number().int().nonnegative(),
  /** Key of the raw response in the page archive; bodies never travel through Redis. */
  archiveKey: z.string(),
  etag: z.string().nullable().default(null),
  lastModified: z.string().nullable().default(null),
  /** Charset the document declares itself (BOM or <meta> in the first 4 KB), sniffed by the fetcher. */
  metaCharset: z.string().nullable().default(null),
  /** SHA-256 (hex) of the body bytes as archived; the fetcher skips re-processing an unchanged page. */
  bodyHash: z.string().nullable().default(null),
});
export type FetchMeta = z.infer<typeof fetchMetaSchema>;

export const fetchJobSchema = base;
export const parseJobSchema = base.extend({ fetch: fetchMetaSchema });
export const dedupJobSchema = parseJobSchema.extend({ article: articleSchema, parsedAt: z.string(), parserVersion: z.string() });
export const tagJobSchema = dedupJobSchema.extend({ cluster: clusterSchema });
export const indexJobSchema = tagJobSchema.extend({ entities: entitiesSchema });

export type FetchJob = z.infer<typeof fetchJobSchema>;
export type ParseJob = z.infer<typeof parseJobSchema>;
export type DedupJob = z.infer<typeof dedupJobSchema>;
export type TagJob = z.infer<typeof tagJobSchema>;
export type IndexJob = z.infer<typeof indexJobSchema>;

/** The payload schema of every queue; the compiler checks this map is complete. */
export const PAYLOAD_SCHEMAS = {
  fetch: fetchJobSchema,
  parse: parseJobSchema,
  dedup: dedupJobSchema,
  tag: tagJobSchema,
  index: indexJobSchema,
} as const satisfies Record<QueueName, z.ZodType>;

export type PayloadOf<Q extends QueueName> = z.infer<(typeof PAYLOAD_SCHEMAS)[Q]>;
/** What a producer passes in: defaults may be omitted. */
export type PayloadInputOf<Q extends QueueName> = z.input<(typeof PAYLOAD_SCHEMAS)[Q]>;
