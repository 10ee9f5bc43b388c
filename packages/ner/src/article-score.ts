import { unlinkedId } from './entity-id.ts';
import type { EntityType, TagResult } from './types.ts';

/** A hand-annotated article (test/fixtures/articles/*.json). */
export interface GoldArticle {
  readonly lang: string;
  readonly source: string;
  readonly text: string;
  /** `id` is the KB/gazetteer id, or null for a name the KB does not know (expected id: `unlinkedId(type, names[0])`). */
  readonly entities: ReadonlyArray<{ readonly id: string | null; readonly type: EntityType; readonly names: readonly string[] }>;
}

export interface ArticleScore {
  readonly gold: number;
  readonly predicted: number;
  /** Predicted entities whose id and type are a gold entity's. */
  readonly found: number;
  /** Gold entities with a KB id, and how many of them were found under that id. */
  readonly goldLinked: number;
  readonly foundLinked: number;
  /** Mentions whose text is a gold name, and how many of them carry that entity's id. */
  readonly mentionsChecked: number;
  readonly mentionsLinked: number;
  readonly missed: string[];
  readonly spurious: string[];
}

/** Article-level scoring: entities found (by id and type) and mentions linked to the right id. */
export function scoreArticle(result: TagResult, gold: GoldArticle): ArticleScore {
  const goldIds = new Map<string, { type: EntityType; linked: boolean }>();
  const byName = new Map<string, string>();
  for (const e of gold.entities) {
    const id = e.id ?? unlinkedId(e.type, e.names[0] ?? '');
    goldIds.set(id, { type: e.type, linked: e.id !== null });
    for (const n of e.names) byName.set(n, id);
  }
  const predicted = new Map(result.entities.map((e) => [e.id, e.type]));
  let found = 0;
  let foundLinked = 0;
  const spurious: string[] = [];
  for (const [id, type] of predicted) {
    const g = goldIds.get(id);
    if (g && g.type === type) {
      found++;
      if (g.linked) foundLinked++;
    } else spurious.push(`${type} ${id}`);
  }
  const missed = [...goldIds].filter(([id, g]) => predicted.get(id) !== g.type).map(([id, g]) => `${g.type} ${id}`);
  let mentionsChecked = 0;
  let mentionsLinked = 0;
  for (const m of result.mentions) {
    const id = byName.get(m.text);
    if (id === undefined) continue;
    mentionsChecked++;
    if (m.entityId === id) mentionsLinked++;
  }
  const goldLinked = [...goldIds.values()].filter((g) => g.linked).length;
  return { gold: goldIds.size, predicted: predicted.size, found, goldLinked, foundLinked, mentionsChecked, mentionsLinked, missed, spurious };
}
