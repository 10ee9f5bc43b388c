import type { Entity, EntityType, Mention } from './types.ts';

export interface EntityInfo {
  readonly linked: boolean;
  readonly type: EntityType;
  /** Display name for the text's language; null means "longest surface form seen". */
  readonly name: string | null;
}

/** Whether a mention's id is one the article has linked to the KB or the gazetteer. */
export function isLinked(m: { readonly entityId: string | null }, info: ReadonlyMap<string, EntityInfo>): boolean {
  return m.entityId !== null && info.get(m.entityId)?.linked === true;
}

/** End of the first paragraph: first line break, else the whole text. */
function firstParagraphEnd(text: string): number {
  const trimmed = text.length - text.trimStart().length;
  const nl = text.indexOf('\n', trimmed);
  return nl === -1 ? text.length : nl;
}

/**
 * Groups mentions by entity and scores salience: 0.35 for position of the first mention,
 * 0.45 for frequency relative to the most frequent entity, 0.2 for appearing in the first paragraph.
 */
export function buildEntities(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): Entity[] {
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    if (m.entityId === null) continue;
    const list = groups.get(m.entityId) ?? [];
    list.push(m);
    groups.set(m.entityId, list);
  }
  const maxCount = Math.max(1, ...[...groups.values()].map((g) => g.length));
  const paraEnd = firstParagraphEnd(text);
  const len = Math.max(1, text.length);
  const out: Entity[] = [];
  for (const [id, list] of groups) {
    const first = list[0];
    const meta = info.get(id);
    if (!first || !meta) continue;
    const names = [...new Set(list.map((m) => m.text))];
    const longest = names.reduce((a, b) => (b.length > a.length ? b : a), '');
    const firstOffset = first.start;
    const score = 0.35 * (1 - firstOffset / len) + 0.45 * (list.length / maxCount) + (firstOffset < paraEnd ? 0.2 : 0);
    out.push({
      id,
      linked: meta.linked,
      type: meta.type,
      name: meta.name ?? longest,
      names,
      count: list.length,
      firstOffset,
      salience: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000,
    });
  }
  return out.sort((a, b) => b.salience - a.salience || a.firstOffset - b.firstOffset);
}
