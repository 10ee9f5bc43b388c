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
  /**
   * Gold entities the KB did not hold when the gold was written (id null) that the tagger linked to
   * a KB entry added since: counted as found under that id (see `kbGrowth`).
   */
  readonly linkedSinceGold: readonly string[];
  readonly missed: string[];
  readonly spurious: string[];
}

export interface ScoreOptions {
  /**
   * Ids the KB or gazetteer gained after the gold was written (see `kbGrowth`). Without it scoring
   * is strict: an entity the gold left unlinked must come out unlinked.
   */
  readonly addedSinceGold?: (id: string) => boolean;
}

/**
 * How a gold entity's names read as mentions: as written, and for an Arabic name with the article
 * also as it reads behind a fused «لل» («للتحالف الدولي» gives the mention «تحالف الدولي», which the
 * gold lists restored as «التحالف الدولي»).
 */
function goldSurfaces(gold: GoldArticle, names: readonly string[]): string[] {
  if (gold.lang !== 'ar') return [...names];
  return names.flatMap((n) => (n.startsWith('ال') && n.length > 3 ? [n, n.slice(2)] : [n]));
}

/**
 * For each gold entity written without an id (the KB did not hold it then), the KB id the tagger
 * gave it instead, when that id was added after the gold was written and the link is unambiguous:
 * every mention carrying the id reads as one of this gold entity's names, with its type, and the
 * id is no other gold entity's. A KB that grows after the gold was written must not turn right
 * links into errors; an id the KB already held then (the gold chose not to link it: "Georgia" the
 * US state is not loc:GEO) and a KB name matched inside a longer gold name («الحزب الديمقراطي» in
 * «الحزب الديمقراطي الكردستاني») do not qualify.
 */
function kbGrowth(result: TagResult, gold: GoldArticle, addedSinceGold: (id: string) => boolean): Map<string, string> {
  const goldIds = new Set(gold.entities.flatMap((e) => (e.id ? [e.id] : [])));
  const byName = new Map<string, GoldArticle['entities'][number]>();
  for (const e of gold.entities) for (const n of goldSurfaces(gold, e.names)) if (!byName.has(n) || e.names.includes(n)) byName.set(n, e);
  const surfaces = new Map<string, Set<string>>();
  for (const m of result.mentions) {
    if (!m.entityId) continue;
    const set = surfaces.get(m.entityId) ?? new Set<string>();
    set.add(m.text);
    surfaces.set(m.entityId, set);
  }
  const out = new Map<string, string>();
  for (const entity of result.entities) {
    if (!entity.linked || goldIds.has(entity.id) || !addedSinceGold(entity.id)) continue;
    const owners = new Set([...(surfaces.get(entity.id) ?? [])].map((s) => byName.get(s)));
    const [owner] = owners;
    if (owners.size !== 1 || !owner || owner.id !== null || owner.type !== entity.type) continue;
    const unlinked = unlinkedId(owner.type, owner.names[0] ?? '');
    if (![...out.values()].includes(unlinked)) out.set(entity.id, unlinked);
  }
  return out;
}

/** Article-level scoring: entities found (by id and type) and mentions linked to the right id. */
export function scoreArticle(result: TagResult, gold: GoldArticle, options: ScoreOptions = {}): ArticleScore {
  const goldIds = new Map<string, { type: EntityType; linked: boolean }>();
  const byName = new Map<string, string>();
  for (const e of gold.entities) {
    const id = e.id ?? unlinkedId(e.type, e.names[0] ?? '');
    goldIds.set(id, { type: e.type, linked: e.id !== null });
    for (const n of goldSurfaces(gold, e.names)) if (!byName.has(n) || e.names.includes(n)) byName.set(n, id);
  }
  const grown = options.addedSinceGold ? kbGrowth(result, gold, options.addedSinceGold) : new Map<string, string>();
  const asGold = (id: string): string => grown.get(id) ?? id;
  const predicted = new Map(result.entities.map((e) => [asGold(e.id), e.type]));
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
    if (m.entityId !== null && asGold(m.entityId) === id) mentionsLinked++;
  }
  const goldLinked = [...goldIds.values()].filter((g) => g.linked).length;
  return { gold: goldIds.size, predicted: predicted.size, found, goldLinked, foundLinked, mentionsChecked, mentionsLinked, linkedSinceGold: [...grown.keys()], missed, spurious };
}
