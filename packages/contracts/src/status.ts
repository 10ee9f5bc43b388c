import type { Redis } from 'ioredis';
import type { ErrorCode } from '@khabar/errors';
import { DEFAULT_PREFIX, type QueueName } from './queues.ts';

/** Where a URL is in the pipeline, as GET /v1/urls/:id and `khabar status` report it. */
export const URL_STATES = ['queued', 'fetching', 'parsing', 'deduplicating', 'tagging', 'indexing', 'indexed', 'failed', 'skipped'] as const;
export type UrlState = (typeof URL_STATES)[number];

export const ACTIVE_STATE: Readonly<Record<QueueName, UrlState>> = {
  fetch: 'fetching',
  parse: 'parsing',
  dedup: 'deduplicating',
  tag: 'tagging',
  index: 'indexing',
};

export interface UrlStatus {
  readonly id: string;
  readonly url: string;
  readonly state: UrlState;
  /** Queue the URL is in, or was in when it failed. */
  readonly stage: QueueName | null;
  readonly submittedAt: string;
  readonly updatedAt: string;
  readonly attempts: number;
  readonly error: { readonly code: ErrorCode; readonly reason: string } | null;
}

/** Status records outlive the jobs (jobs are trimmed); one small hash per known URL. */
export class StatusStore {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(redis: Redis, prefix: string = DEFAULT_PREFIX) {
    this.redis = redis;
    this.prefix = prefix;
  }

  key(id: string): string {
    return `${this.prefix}:url:${id}`;
  }

  /** Records a new submission; returns false (and changes nothing) when the URL is already known. */
  async create(id: string, url: string, now: Date = new Date()): Promise<boolean> {
    const created = await this.redis.hsetnx(this.key(id), 'url', url);
    if (created === 0) return false;
    const at = now.toISOString();
    await this.redis.hset(this.key(id), { state: 'queued', stage: 'fetch', submittedAt: at, updatedAt: at, attempts: '0' });
    return true;
  }

  async set(id: string, state: UrlState, stage: QueueName | null, extra: { attempts?: number; error?: { code: ErrorCode; reason: string } | null } = {}): Promise<void> {
    const fields: Record<string, string> = { state, stage: stage ?? '', updatedAt: new Date().toISOString() };
    if (extra.attempts !== undefined) fields['attempts'] = String(extra.attempts);
    if (extra.error) {
      fields['errorCode'] = extra.error.code;
      fields['errorReason'] = extra.error.reason;
    }
    const pipeline = this.redis.multi().hset(this.key(id), fields);
    if (extra.error === null || (state !== 'failed' && state !== 'skipped')) pipeline.hdel(this.key(id), 'errorCode', 'errorReason');
    await pipeline.exec();
  }

  async get(id: string): Promise<UrlStatus | null> {
    const h = await this.redis.hgetall(this.key(id));
    if (!h['url']) return null;
    const code = h['errorCode'] as ErrorCode | undefined;
    return {
      id,
      url: h['url'],
      state: (h['state'] ?? 'queued') as UrlState,
      stage: (h['stage'] || null) as QueueName | null,
      submittedAt: h['submittedAt'] ?? '',
      updatedAt: h['updatedAt'] ?? '',
      attempts: Number(h['attempts'] ?? 0),
      error: code ? { code, reason: h['errorReason'] ?? '' } : null,
    };
  }
}
