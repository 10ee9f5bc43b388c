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
  /**
   * URL exactly as submitted. Left out of the stored payload when it equals `url` (most URLs
   * arrive canonical; that saves a URL's bytes per queued job); `parsePayload` fills it back in,
   * so consumers always see it (the schema alone gives '' for "same as url").
   */
  submittedUrl: z.string().default(''),
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
  /** Charset the bytes look like, whatever was declared ("ascii", "utf-8", else chardet's guess), detected by the fetcher. */
  detectedCharset: z.string().nullable().default(null),
  /** SHA-256 (hex) of the body bytes as archived; the fetcher skips re-processing an unchanged page. */
  bodyHash: z.string().nullable().default(null),
});
export type FetchMeta = z.infer<typeof fetchMetaSchema>;

/**
 * Where a fetch continues after a redirect to another host (set by the fetcher, never by
 * producers): that host's robots.txt and politeness gate come first, so the job is re-routed
 * there instead of following the hop inside the first host's lease. `redirects` is every hop
 * followed so far (its last one is `url`): the redirect limit and loop detection carry over.
 */
export const fetchRerouteSchema = z
  .object({
    url: z.string().url(),
    redirects: z.array(z.string().url()).min(1).max(64),
  })
  .refine((r) => r.redirects[r.redirects.length - 1] === r.url, { message: 'url must be the last of redirects', path: ['url'] });
export type FetchReroute = z.infer<typeof fetchRerouteSchema>;

export const fetchJobSchema = base.extend({ reroute: fetchRerouteSchema.optional() });
export const parseJobSchema = base.extend({ fetch: fetchMetaSchema });
export const dedupJobSchema = parseJobSchema.extend({
  article: articleSchema,
  parsedAt: z.string(),
  parserVersion: z.string(),
  /**
   * The article's teasers, related and read-more links are not in this payload but in a side
   * record (LinkStore, keyed by id and parsedAt) that the indexer joins back: only it needs them.
   * false (older jobs, pages without links): the payload's own lists are the whole truth.
   */
  linksStored: z.boolean().default(false),
});
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

interface LooseArticle {
  text?: string;
  paragraphs?: readonly string[];
}
interface LooseMention {
  start: number;
  end: number;
  text?: string;
}
interface LoosePayload {
  url: string;
  submittedUrl?: string | undefined;
  submission?: object | undefined;
  linksStored?: boolean;
  article?: LooseArticle;
  entities?: { mentions?: readonly LooseMention[] };
}

/**
 * Fills in what the stored form leaves out (see compactPayload): a parsed payload's `submittedUrl`
 * '' means "same as url", an article `text` '' the paragraphs joined by blank lines, a mention
 * `text` '' the article text's slice start..end.
 */
export function expandPayload<T extends { url: string; submittedUrl: string }>(data: T): T {
  const d = data as T & LoosePayload;
  let out: T & LoosePayload = d;
  if (d.submittedUrl === '') out = { ...out, submittedUrl: d.url };
  const article = d.article;
  if (article && article.text === '' && article.paragraphs && article.paragraphs.length > 0) out = { ...out, article: { ...article, text: article.paragraphs.join('\n\n') } };
  const text = out.article?.text;
  const mentions = d.entities?.mentions;
  if (text !== undefined && mentions?.some((m) => m.text === '')) {
    out = { ...out, entities: { ...d.entities, mentions: mentions.map((m) => (m.text === '' ? { ...m, text: text.slice(m.start, m.end) } : m)) } };
  }
  return out;
}

/**
 * The stored form of a payload: what can be rebuilt exactly is left out, because every byte is
 * paid for at every hop (serialised, copied into Redis, read back, parsed) and in Redis memory:
 * a `submittedUrl` equal to `url`, an empty `submission` (the schema default brings it back), an
 * article `text` that is exactly its paragraphs joined by blank lines, a mention `text` that is
 * exactly the article text's slice start..end, a `linksStored` of false (the default).
 * expandPayload (through parsePayload) undoes it.
 */
export function compactPayload<T extends LoosePayload>(data: T): T {
  const out: LoosePayload = { ...data };
  if (out.submittedUrl !== undefined && (out.submittedUrl === out.url || out.submittedUrl === '')) delete out.submittedUrl;
  if (out.submission !== undefined && Object.keys(out.submission).length === 0) delete out.submission;
  if (out.linksStored === false) delete out.linksStored;
  const article = out.article;
  const fullText = article?.text;
  if (article && fullText !== undefined && article.paragraphs && article.paragraphs.length > 0 && fullText === article.paragraphs.join('\n\n')) {
    const { text: _joined, ...rest } = article;
    out.article = rest;
  }
  const mentions = out.entities?.mentions;
  if (fullText !== undefined && mentions && mentions.some((m) => m.text !== undefined && m.text === fullText.slice(m.start, m.end))) {
    out.entities = {
      ...out.entities,
      mentions: mentions.map((m) => {
        if (m.text === undefined || m.text !== fullText.slice(m.start, m.end)) return m;
        const { text: _slice, ...rest } = m;
        return rest;
      }),
    };
  }
  return out as T;
}
