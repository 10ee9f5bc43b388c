/** The fields of an article that order its versions (see decideCopy). */
export interface VersionFacts {
  readonly indexedAt?: unknown;
  readonly cluster?: { readonly size?: unknown } | null;
}

export type CopyDecision = 'create' | 'replace' | 'skip';

const time = (facts: VersionFacts): number => {
  const parsed = typeof facts.indexedAt === 'string' ? Date.parse(facts.indexedAt) : Number.NaN;
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
};
const size = (facts: VersionFacts): number => (typeof facts.cluster?.size === 'number' ? facts.cluster.size : 0);

/**
 * Who wins when both sides carry the same full write (equal `indexedAt`), i.e. they differ only by
 * partial updates (cluster size and role). `source`: before the alias swap nobody but the
 * migration writes the target, so a source document that changed again is the newer one.
 * `bigger-cluster`: after the swap the target is live and its own updates win, except that a
 * bigger `cluster.size` (which only grows) is kept.
 */
export type CopyTie = 'source' | 'bigger-cluster';

/**
 * Whether a migration's copy of a document may land on what the target index already holds.
 * Every full write of an article stamps `indexedAt`, and writes of one id never overlap (the
 * index queue runs one job per id; the bulk indexer serialises an id), so a later `indexedAt` is a
 * newer version; equal ones are settled by `tie`.
 */
export function decideCopy(incoming: VersionFacts, current: VersionFacts | undefined, tie: CopyTie = 'bigger-cluster'): CopyDecision {
  if (current === undefined) return 'create';
  const incomingTime = time(incoming);
  const currentTime = time(current);
  if (incomingTime !== currentTime) return incomingTime > currentTime ? 'replace' : 'skip';
  if (tie === 'source') return 'replace';
  return size(incoming) > size(current) ? 'replace' : 'skip';
}
