import { z } from 'zod';

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export const CLUSTER_ROLES = ['original', 'duplicate', 'near_duplicate'] as const;
export const SORTS = ['relevance', 'date'] as const;
export const INTERVALS = ['hour', 'day', 'week', 'month'] as const;
export type TimelineInterval = (typeof INTERVALS)[number];

/** A query-string value that may be repeated (`?site=a&site=b`) or comma-separated (`?site=a,b`). */
const list = (item: z.ZodType<string, string>) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== ''))
    .pipe(z.array(item).max(20, 'at most 20 values'));

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO-8601 date (2024-01-31) or date-time')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be a real date');

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Query parameters of `GET /v1/search`, shared with `khabar search`. Every field is optional;
 * no `q` means "everything matching the filters, newest first".
 */
export const searchParamsSchema = z
  .object({
    q: z.string().trim().max(500, 'at most 500 characters').optional().describe('Full-text query (title and text). Supports "quoted phrases", -exclusions and OR.'),
    lang: z.enum(['ar', 'en']).optional().describe('Only articles in this language; also picks the analyzed fields the query runs against.'),
    site: list(z.string().regex(/^[a-z0-9.-]+$/i, 'must be a host name')).optional().describe('Only these sites (host names, repeat or comma-separate).'),
    from: isoDate.optional().describe('Published at or after (ISO-8601 date or date-time).'),
    to: isoDate.optional().describe('Published at or before (ISO-8601; a bare date includes that whole day).'),
    entity: list(z.string().min(1).max(300)).optional().describe('Only articles mentioning ALL of these entity ids.'),
    type: list(z.enum(ENTITY_TYPES)).optional().describe('Only articles mentioning an entity of one of these types.'),
    tag: list(z.string().min(1).max(512)).optional().describe('Only articles carrying one of these tags (page tags or submission tags).'),
    role: list(z.enum(CLUSTER_ROLES)).optional().describe('Only these duplicate-cluster roles.'),
    cluster: z.string().min(1).max(64).optional().describe('Only the copies of this story (cluster id); use with expand=true.'),
    sort: z.enum(SORTS).optional().describe('relevance (default when q is given) or date (newest first; the default otherwise).'),
    size: z.coerce.number().int().min(1).max(100).default(20).describe('Results per page, 1 to 100.'),
    cursor: z.string().max(2000).optional().describe('The opaque `cursor` of the previous page.'),
    expand: flag.default(false).describe('true lists every copy; by default one result per story (duplicate cluster).'),
    interval: z.enum(INTERVALS).optional().describe('Bucket of the volume-over-time facet; by default from the span of from/to (day without one).'),
    facets: flag.default(true).describe('false skips the facets (faster paging).'),
  })
  .strict()
  .refine((p) => !p.from || !p.to || Date.parse(p.from) <= Date.parse(p.to), { message: 'must not be after "to"', path: ['from'] });

export type SearchParamsInput = z.input<typeof searchParamsSchema>;
export type SearchParams = z.output<typeof searchParamsSchema>;

export function parseSearchParams(query: unknown): ReturnType<typeof searchParamsSchema.safeParse> {
  return searchParamsSchema.safeParse(query ?? {});
}

export const entityParamsSchema = z
  .object({
    lang: z.enum(['ar', 'en']).optional().describe('Only articles in this language.'),
    from: isoDate.optional().describe('Published at or after.'),
    to: isoDate.optional().describe('Published at or before.'),
    interval: z.enum(INTERVALS).optional().describe('Bucket of the mentions-over-time chart; by default from the span of from/to (day without one).'),
  })
  .strict();
export type EntityParams = z.output<typeof entityParamsSchema>;
