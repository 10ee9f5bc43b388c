/** Role of a document in its cluster; mirrors `clusterSchema.role` in @khabar/contracts. */
export type DedupRole = 'original' | 'duplicate' | 'near_duplicate';

export interface DedupDocument {
  readonly id: string;
  readonly text: string;
  readonly publishedAt?: string | null;
  /** Site (hostname) the document comes from; listed in the cluster's `sources`. */
  readonly source?: string | null;
  /**
   * Id of the page's canonical document when this URL is another spelling of it (AMP, mobile,
   * rel=canonical on the same site). The canonical document takes the text and this one becomes
   * its exact duplicate.
   */
  readonly canonicalId?: string | null;
}

/** Structurally the `Cluster` contract, except that the id field is named `clusterId`. */
export interface DedupAssignment {
  /** Id of the cluster's first assigned document (its own id for an original). */
  readonly clusterId: string;
  readonly role: DedupRole;
  /** Estimated Jaccard similarity to the original (1 for originals and exact copies). */
  readonly similarity: number;
  readonly contentHash: string;
  /** Members of the cluster after this assignment (current size when an assignment is replayed). */
  readonly size: number;
  /** Distinct sources of the cluster's members, sorted. */
  readonly sources: readonly string[];
}

export interface DedupIndex {
  /**
   * Puts the document in a cluster and says how. Idempotent per document id: assigning an id
   * again returns the first answer unchanged, whatever the text.
   */
  assign(doc: DedupDocument): Promise<DedupAssignment>;
}

/** Same shape as `Cluster` in @khabar/contracts (article.ts `clusterSchema`). */
export interface ClusterContract {
  readonly id: string;
  readonly role: DedupRole;
  readonly similarity: number;
  readonly contentHash: string;
  readonly size: number;
  readonly sources: readonly string[];
}

/** Maps an assignment to the `Cluster` contract shape (the contract names the cluster id `id`). */
export function toCluster(assignment: DedupAssignment): ClusterContract {
  return {
    id: assignment.clusterId, role: assignment.role, similarity: assignment.similarity, contentHash: assignment.contentHash,
    size: assignment.size,
    sources: assignment.sources,
  };
}
