import type { Cluster, Redis } from 'ioredis';
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

/**
 * Creates the record only if the URL is unknown, in one round trip: 1 created, 0 known. A new
 * record leaves out what `get` can infer (stage `fetch`, 0 attempts): every byte counts ×100,000.
 */
const CREATE_SCRIPT = `if redis.call('HSETNX', KEYS[1], 'url', ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'state', 'queued', 'submittedAt', ARGV[2], 'updatedAt', ARGV[2])
return 1`;

/**
 * Writes a record's fields (ARGV[2..]) and, when ARGV[1] is 1, removes its error; with a second key
 * it first checks that key (the next stage's job) does not exist, and writes nothing if it does:
 * 1 written, 0 not. One command instead of two or three: a stage hop's bookkeeping is counted in
 * commands (each costs the worker a socket write and Redis a dispatch), not in bytes.
 */
const SET_SCRIPT = `if #KEYS > 1 and redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
if ARGV[1] == '1' then redis.call('HDEL', KEYS[1], 'errorCode', 'errorReason') end
return 1`;

/** Stored times are epoch milliseconds (an integer costs Redis 9 bytes, an ISO string 25); older records hold ISO strings. */
function toIso(stored: string | undefined): string {
  if (stored === undefined || stored === '') return '';
  return /^\d+$/u.test(stored) ? new Date(Number(stored)).toISOString() : stored;
}

interface StatusCommands {
  khabarStatusSet(numKeys: number, ...keysThenArgs: string[]): Promise<number>;
}

/** What `StatusStore.set` may write besides the state: the attempt count, and an error (null clears it). */
export interface StatusExtra {
  readonly attempts?: number;
  readonly error?: { readonly code: ErrorCode; readonly reason: string } | null;
}

/**
 * Status records outlive the jobs (jobs are trimmed); one small hash per known URL: ~300 bytes
 * with the key when Redis keeps it a listpack (`hash-max-listpack-value` ≥ the URL's length,
 * 1024 in Khabar's Redis settings), ~580 as a hash table.
 */
export class StatusStore {
  private readonly redis: Redis | Cluster;
  private readonly prefix: string;

  constructor(redis: Redis | Cluster, prefix: string = DEFAULT_PREFIX) {
    this.redis = redis;
    this.prefix = prefix;
    // Defined once per connection (EVALSHA, the script sent only when Redis lacks it); the key
    // count is the first argument of each call.
    if (typeof (redis as unknown as Partial<StatusCommands>).khabarStatusSet !== 'function') redis.defineCommand('khabarStatusSet', { lua: SET_SCRIPT });
  }

  key(id: string): string {
    return `${this.prefix}:url:${id}`;
  }

  /** Records a new submission; returns false (and changes nothing) when the URL is already known. */
  async create(id: string, url: string, now: Date = new Date()): Promise<boolean> {
    return (await this.redis.eval(CREATE_SCRIPT, 1, this.key(id), url, String(now.getTime()))) === 1;
  }

  async set(id: string, state: UrlState, stage: QueueName | null, extra: StatusExtra = {}): Promise<void> {
    await this.write([this.key(id)], state, stage, extra);
  }

  /**
   * `set`, unless `guardKey` exists (the next stage's job: a replayed document whose job is still
   * there): then nothing is written and the result is false. Saves a stage hop the separate EXISTS.
   */
  async setUnlessExists(guardKey: string, id: string, state: UrlState, stage: QueueName | null, extra: StatusExtra = {}): Promise<boolean> {
    return (await this.write([this.key(id), guardKey], state, stage, extra)) === 1;
  }

  private async write(keys: readonly string[], state: UrlState, stage: QueueName | null, extra: StatusExtra): Promise<number> {
    const args = ['state', state, 'stage', stage ?? '', 'updatedAt', String(Date.now())];
    if (extra.attempts !== undefined) args.push('attempts', String(extra.attempts));
    if (extra.error) args.push('errorCode', extra.error.code, 'errorReason', extra.error.reason);
    const clearError = extra.error === null || (state !== 'failed' && state !== 'skipped');
    // One script, not MULTI: on a connection BullMQ shares, every ioredis pipeline copies
    // BullMQ's dozens of script commands onto itself.
    return await (this.redis as unknown as StatusCommands).khabarStatusSet(keys.length, ...keys, clearError ? '1' : '0', ...args);
  }

  async get(id: string): Promise<UrlStatus | null> {
    const h = await this.redis.hgetall(this.key(id));
    if (!h['url']) return null;
    const code = h['errorCode'] as ErrorCode | undefined;
    return {
      id,
      url: h['url'],
      state: (h['state'] ?? 'queued') as UrlState,
      // No stage field: a record never moved since it was created, so the URL waits for its fetch.
      stage: (h['stage'] === undefined ? 'fetch' : h['stage'] || null) as QueueName | null,
      submittedAt: toIso(h['submittedAt']),
      updatedAt: toIso(h['updatedAt']),
      attempts: Number(h['attempts'] ?? 0),
      error: code ? { code, reason: h['errorReason'] ?? '' } : null,
    };
  }
}
