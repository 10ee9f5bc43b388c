import type { Cluster, Redis } from 'ioredis';
import type { Article } from './article.ts';
import { RETENTION } from './job-options.ts';
import { DEFAULT_PREFIX, PIPELINE } from './queues.ts';

/** An article's link lists: only the indexer needs them, so they skip the dedup and tag hops. */
export type ArticleLinks = Pick<Article, 'teasers' | 'related' | 'readMore'>;

const DAY_S = 86_400;

/**
 * How long a side record outlives its parse: longer than any job that may still carry its
 * reference is kept for a retry (failed jobs, 14 days), plus a day. The indexer deletes the
 * record as soon as the document is in the index, so only records of jobs that never got there
 * (failed, or superseded by a newer parse) wait for this expiry.
 */
export const LINKS_TTL_SECONDS = Math.max(...PIPELINE.map((q) => {
  const keep = RETENTION[q].removeOnFail;
  return 'age' in keep ? (keep.age ?? 0) : 0;
})) + DAY_S;

/** Link lists from a stored record or document, with absent lists empty. */
export function linksFrom(stored: Partial<ArticleLinks>): ArticleLinks {
  return { teasers: stored.teasers ?? [], related: stored.related ?? [], readMore: stored.readMore ?? [] };
}

export function hasLinks(links: ArticleLinks): boolean {
  return links.teasers.length > 0 || links.related.length > 0 || links.readMore.length > 0;
}

/** The article without its link lists (the schema's defaults, [], come back when it is parsed). */
export function withoutLinks<A extends ArticleLinks>(article: A): Omit<A, keyof ArticleLinks> {
  const { teasers: _t, related: _r, readMore: _m, ...rest } = article;
  return rest;
}

/**
 * Side records of link lists, written by the parser and read (then deleted) by the indexer; the
 * dedup, tag and index payloads say `linksStored: true` instead of carrying them.
 *
 * One record per parse: the key is the document id plus the parse time (`parsedAt`, which every
 * later payload of that parse carries), so a replay of a later stage finds its own parse's record
 * and a newer parse of the same page never overwrites or deletes an older one still in flight.
 * Writing a record again (a retried parse with the same time) is harmless; a record whose parse
 * never reaches the indexer expires after LINKS_TTL_SECONDS.
 */
export class LinkStore {
  private readonly redis: Redis | Cluster;
  private readonly prefix: string;

  constructor(redis: Redis | Cluster, prefix: string = DEFAULT_PREFIX) {
    this.redis = redis;
    this.prefix = prefix;
  }

  key(id: string, parsedAt: string): string {
    const time = Date.parse(parsedAt);
    return `${this.prefix}:links:${id}:${Number.isNaN(time) ? parsedAt : String(time)}`;
  }

  async put(id: string, parsedAt: string, links: ArticleLinks): Promise<void> {
    const { teasers, related, readMore } = links;
    await this.redis.set(this.key(id, parsedAt), JSON.stringify({ teasers, related, readMore }), 'EX', LINKS_TTL_SECONDS);
  }

  /** The record, or null when there is none (deleted after indexing, or expired). */
  async get(id: string, parsedAt: string): Promise<ArticleLinks | null> {
    const raw = await this.redis.get(this.key(id, parsedAt));
    if (raw === null) return null;
    return linksFrom(JSON.parse(raw) as Partial<ArticleLinks>);
  }

  async delete(id: string, parsedAt: string): Promise<void> {
    await this.redis.unlink(this.key(id, parsedAt));
  }
}
