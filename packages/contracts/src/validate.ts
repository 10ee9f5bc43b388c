import { ContractViolationError, type ContractIssue } from '@khabar/errors';
import type { z } from 'zod';
import { PAYLOAD_SCHEMAS, expandPayload, type PayloadOf } from './payloads.ts';
import type { QueueName } from './queues.ts';

export function toContractIssues(error: z.ZodError): ContractIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Parses a job's data for its queue or throws a permanent ContractViolationError naming the issues. */
export function parsePayload<Q extends QueueName>(queue: Q, data: unknown): PayloadOf<Q> {
  const result = PAYLOAD_SCHEMAS[queue].safeParse(data);
  if (!result.success) throw new ContractViolationError(queue, toContractIssues(result.error));
  return expandPayload(result.data) as PayloadOf<Q>;
}
