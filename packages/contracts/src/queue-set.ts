import { Queue, type JobsOptions } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import { DEFAULT_JOB_OPTIONS, EVENTS_MAX_LEN, jobIdFor } from './job-options.ts';
import { PAYLOAD_SCHEMAS, compactPayload, expandPayload, type PayloadInputOf, type PayloadOf } from './payloads.ts';
import { DEFAULT_PREFIX, PIPELINE, type QueueName } from './queues.ts';
import { ContractViolationError } from '@khabar/errors';
import { toContractIssues } from './validate.ts';

export interface QueueSetOptions {
  readonly connection: Redis | Cluster;
  readonly prefix?: string;
}

/**
 * Typed producers for every queue, sharing one Redis connection. `enqueue` validates the payload
 * (a producer bug fails loudly at the producer, not three stages later) and derives the job id
 * from the document id, so adding the same document twice is a no-op. Jobs carry their attempts
 * and backoff but not their retention: the stage workers apply RETENTION (it would cost ~90 bytes
 * in every queued job's options otherwise).
 */
export class QueueSet {
  readonly prefix: string;
  private readonly connection: Redis | Cluster;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(options: QueueSetOptions) {
    this.connection = options.connection;
    this.prefix = options.prefix ?? DEFAULT_PREFIX;
  }

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: this.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS[name],
        streams: { events: { maxLen: EVENTS_MAX_LEN } },
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  all(): Queue[] {
    return PIPELINE.map((name) => this.get(name));
  }

  async enqueue<Q extends QueueName>(name: Q, data: PayloadInputOf<Q>, options: JobsOptions = {}): Promise<PayloadOf<Q>> {
    const parsed = PAYLOAD_SCHEMAS[name].safeParse(data);
    if (!parsed.success) throw new ContractViolationError(name, toContractIssues(parsed.error));
    const stored = compactPayload(parsed.data);
    await this.get(name).add(name, stored, { ...options, jobId: jobIdFor(name, stored.id) });
    return expandPayload(stored) as PayloadOf<Q>;
  }

  /** The Redis key of a document's job in `name` (it exists while BullMQ keeps the job). */
  jobKey(name: QueueName, documentId: string): string {
    return this.get(name).toKey(jobIdFor(name, documentId));
  }

  /**
   * Makes room to hand a document on to `name`: a finished (completed or failed) job of the same
   * document there is removed, so the stage runs again with the new input (a replay, or this stage
   * re-running after its worker died); a job still waiting or running is left alone. Returns
   * whether the caller should add its job.
   */
  async prepareHandoff(name: QueueName, documentId: string): Promise<'add' | 'pending'> {
    const queue = this.get(name);
    const jobId = jobIdFor(name, documentId);
    // Most documents reach a stage for the first time: one EXISTS says so without reading a job.
    if ((await this.connection.exists(queue.toKey(jobId))) === 0) return 'add';
    const existing = await queue.getJob(jobId);
    if (!existing) return 'add';
    const state = await existing.getState();
    if (state === 'completed' || state === 'failed' || state === 'unknown') {
      await existing.remove().catch(() => undefined);
      return 'add';
    }
    return 'pending';
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
