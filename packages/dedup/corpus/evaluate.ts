import type { DedupIndex } from '../src/types.ts';
import type { CorpusDocument } from './types.ts';

export interface PairwiseScore {
  readonly precision: number;
  readonly recall: number;
  readonly truePairs: number;
  readonly predictedPairs: number;
  readonly correctPairs: number;
  /** Pairs put together that belong to different stories ("a | b"). */
  readonly falsePairs: readonly string[];
  /** Documents not in the cluster of their story's base document. */
  readonly missed: readonly string[];
}

function pairsOf(groups: Map<string, string[]>): number {
  let n = 0;
  for (const members of groups.values()) n += (members.length * (members.length - 1)) / 2;
  return n;
}

/**
 * Pairwise precision and recall of "same cluster": a pair of documents counts as predicted when
 * the index puts both in one cluster, as true when both come from one base story.
 */
export function scoreClusters(docs: readonly CorpusDocument[], clusterOf: ReadonlyMap<string, string>): PairwiseScore {
  const byCluster = new Map<string, string[]>();
  const byStory = new Map<string, string[]>();
  const storyOf = new Map(docs.map((d) => [d.id, d.story]));
  for (const d of docs) {
    const c = clusterOf.get(d.id) ?? `missing:${d.id}`;
    byCluster.set(c, [...(byCluster.get(c) ?? []), d.id]);
    byStory.set(d.story, [...(byStory.get(d.story) ?? []), d.id]);
  }
  let correct = 0;
  const falsePairs: string[] = [];
  for (const members of byCluster.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i] ?? '';
        const b = members[j] ?? '';
        if (storyOf.get(a) === storyOf.get(b)) correct++;
        else falsePairs.push(`${a} | ${b}`);
      }
    }
  }
  const missed: string[] = [];
  for (const members of byStory.values()) {
    const counts = new Map<string, number>();
    for (const id of members) counts.set(clusterOf.get(id) ?? '', (counts.get(clusterOf.get(id) ?? '') ?? 0) + 1);
    const main = [...counts.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
    for (const id of members) if (clusterOf.get(id) !== main) missed.push(id);
  }
  const predicted = pairsOf(byCluster);
  const truth = pairsOf(byStory);
  return {
    precision: predicted === 0 ? 1 : correct / predicted,
    recall: truth === 0 ? 1 : correct / truth,
    truePairs: truth,
    predictedPairs: predicted,
    correctPairs: correct,
    falsePairs,
    missed,
  };
}

/** Assigns the documents in the given order and scores the clusters the index forms. */
export async function evaluateIndex(index: DedupIndex, docs: readonly CorpusDocument[]): Promise<PairwiseScore> {
  const clusterOf = new Map<string, string>();
  for (const d of docs) {
    const r = await index.assign({ id: d.id, text: d.text, source: d.source });
    clusterOf.set(d.id, r.clusterId);
  }
  return scoreClusters(docs, clusterOf);
}
