import type { Client } from '@elastic/elasticsearch';
import { classifyItemStatus, describeEsError, retryDelayMs } from './bulk-classify.ts';
import { IndexMaintenanceError } from './maintenance-error.ts';
import { decideCopy, type CopyTie, type VersionFacts } from './newest-wins.ts';

/** A document read from a source generation. */
export interface SourceDocument {
  readonly id: string;
  readonly source: Record<string, unknown> & VersionFacts;
}

export interface CopyCounts {
  created: number;
  replaced: number;
  skipped: number;
}

/** Rounds of read-decide-write for documents whose conditional write lost a race (409) or met 429/5xx. */
const MAX_ROUNDS = 8;

interface Current {
  readonly facts: VersionFacts;
  readonly seqNo: number;
  readonly primaryTerm: number;
}

/**
 * Copies `documents` into `target` so that the newest version of each one wins (decideCopy,
 * equal `indexedAt` settled by `tie`):
 * a real-time read of what the target holds, then `create` for absent ids and `index` with
 * `if_seq_no`/`if_primary_term` for older ones. A writer that changes a document between the
 * read and the write makes the conditional write fail with 409; that document is read and
 * decided again, so a copy never overwrites a newer write. Mapping rejections stop the migration
 * (the new template refuses an old document: fix the template, then resume).
 */
export async function copyDocuments(
  client: Client,
  target: string,
  documents: readonly SourceDocument[],
  tie: CopyTie = 'bigger-cluster',
  counts: CopyCounts = { created: 0, replaced: 0, skipped: 0 },
): Promise<CopyCounts> {
  // The same id twice (one per old generation, from writes that bypassed Khabar): keep the newer.
  const byId = new Map<string, SourceDocument>();
  for (const doc of documents) {
    const seen = byId.get(doc.id);
    if (!seen || decideCopy(doc.source, seen.source) === 'replace') byId.set(doc.id, doc);
  }
  let todo = [...byId.values()];
  for (let round = 1; todo.length > 0; round++) {
    if (round > MAX_ROUNDS) throw new IndexMaintenanceError('KHABAR_E_INDEX_MIGRATION', `${todo.length} documents could not be copied into ${target} after ${MAX_ROUNDS} rounds (first: ${todo[0]?.id}); resume the migration`);
    if (round > 1) await new Promise((r) => setTimeout(r, retryDelayMs(round - 1, 100)));
    const current = await readCurrent(client, target, todo.map((d) => d.id));
    const operations: object[] = [];
    const sent: SourceDocument[] = [];
    for (const doc of todo) {
      const here = current.get(doc.id);
      const decision = decideCopy(doc.source, here?.facts, tie);
      if (decision === 'skip') {
        counts.skipped += 1;
        continue;
      }
      operations.push(
        decision === 'create'
          ? { create: { _index: target, _id: doc.id } }
          : { index: { _index: target, _id: doc.id, if_seq_no: here?.seqNo, if_primary_term: here?.primaryTerm } },
        doc.source,
      );
      sent.push(doc);
    }
    if (sent.length === 0) return counts;
    const answer = await client.bulk({ operations });
    const again: SourceDocument[] = [];
    sent.forEach((doc, position) => {
      const item = answer.items[position];
      const result = item?.create ?? item?.index;
      if (!result) return again.push(doc);
      if (result.status === 409 || classifyItemStatus(result.status) === 'retry') return again.push(doc);
      if (classifyItemStatus(result.status) === 'reject') {
        throw new IndexMaintenanceError('KHABAR_E_INDEX_MIGRATION', `${target} rejected document ${doc.id}: ${describeEsError(result.error)}; fix the template (templates/) and resume the migration`);
      }
      if (item?.create) counts.created += 1;
      else counts.replaced += 1;
      return undefined;
    });
    todo = again;
  }
  return counts;
}

async function readCurrent(client: Client, target: string, ids: readonly string[]): Promise<Map<string, Current>> {
  const answer = await client.mget<VersionFacts>({ index: target, ids: [...ids], _source_includes: ['indexedAt', 'cluster.size'], realtime: true });
  const out = new Map<string, Current>();
  for (const doc of answer.docs) {
    if ('error' in doc) throw new Error(`reading ${doc._id} from ${target} failed: ${doc.error.type}: ${doc.error.reason ?? ''}`);
    if (doc.found && doc._seq_no !== undefined && doc._primary_term !== undefined) out.set(doc._id, { facts: doc._source ?? {}, seqNo: doc._seq_no, primaryTerm: doc._primary_term });
  }
  return out;
}
