/** Every queue in Khabar. Stages talk only through these. */
export const QUEUES = {
  fetch: 'fetch',
  parse: 'parse',
  dedup: 'dedup',
  tag: 'tag',
  index: 'index',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Pipeline order: the stage that consumes each queue and the queue it hands off to. */
export const PIPELINE: readonly QueueName[] = ['fetch', 'parse', 'dedup', 'tag', 'index'];

export function nextQueue(queue: QueueName): QueueName | undefined {
  return PIPELINE[PIPELINE.indexOf(queue) + 1];
}

/** BullMQ key prefix. Braces make every key of a queue hash to one Redis Cluster slot. */
export const DEFAULT_PREFIX = '{khabar}';
