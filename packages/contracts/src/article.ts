import { z } from 'zod';

const link = z.object({ title: z.string(), url: z.string() });

/** What the parser extracts from a page; later stages add to it, never rewrite it. */
export const articleSchema = z.object({
  title: z.string(),
  /**
   * The paragraphs joined by blank lines. Job payloads leave it out when it is exactly that join
   * (it would double the article's bytes at every hop); `parsePayload` joins them back.
   */
  text: z.string().default(''),
  paragraphs: z.array(z.string()),
  publishedAt: z.string().nullable(),
  modifiedAt: z.string().nullable().default(null),
  dateSource: z.string().nullable().default(null),
  lang: z.string(),
  dir: z.enum(['rtl', 'ltr']),
  canonicalUrl: z.string(),
  siteName: z.string().nullable().default(null),
  description: z.string().nullable().default(null),
  authors: z.array(z.string()).default([]),
  tags: z.array(z.string()).default([]),
  teasers: z.array(link.extend({ text: z.string().nullable().default(null) })).default([]),
  related: z.array(link).default([]),
  readMore: z.array(link).default([]),
  attribution: z.array(z.string()).default([]),
  leadImage: z.string().nullable().default(null),
  warnings: z.array(z.string()).default([]),
});
export type Article = z.infer<typeof articleSchema>;

export const clusterSchema = z.object({
  /** Document id of the cluster's earliest member (its own id for an original). */
  id: z.string(),
  role: z.enum(['original', 'duplicate', 'near_duplicate']),
  /** Similarity to the original, 1 for exact copies and originals. */
  similarity: z.number().min(0).max(1),
  contentHash: z.string(),
  /** Members in the cluster when this document was deduplicated (kept current on the original's document). */
  size: z.number().int().positive().default(1),
  /** Distinct sites (hostnames) of the cluster's members, sorted; empty when unknown. */
  sources: z.array(z.string()).default([]),
});
export type Cluster = z.infer<typeof clusterSchema>;

export const entityTypeSchema = z.enum(['PER', 'ORG', 'LOC', 'MISC']);
export type EntityType = z.infer<typeof entityTypeSchema>;

export const mentionSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  type: entityTypeSchema,
  /** The mention's surface form; job payloads leave it out when it is the article text's slice start..end. */
  text: z.string().default(''),
  entityId: z.string().nullable(),
});
export type Mention = z.infer<typeof mentionSchema>;

export const entitySchema = z.object({
  /** Knowledge-base id when linked, else `type:normalised name`. */
  id: z.string(),
  linked: z.boolean(),
  type: entityTypeSchema,
  name: z.string(),
  names: z.array(z.string()),
  count: z.number().int().positive(),
  firstOffset: z.number().int().nonnegative(),
  salience: z.number().min(0).max(1),
});
export type Entity = z.infer<typeof entitySchema>;

export const entitiesSchema = z.object({
  entities: z.array(entitySchema),
  mentions: z.array(mentionSchema),
});
export type Entities = z.infer<typeof entitiesSchema>;
