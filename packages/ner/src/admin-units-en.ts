import type { EntityInfo } from './build-entities.ts';
import { isMatchReportEn } from './city-clubs.ts';
import { unlinkedId } from './entity-id.ts';
import type { Mention } from './types.ts';

/** A unit word that English names write after a place as part of its name ("Borno State", "Quezon City"). */
const UNIT_AFTER = /^ (State|Region|County|Province|City|Governorate|Prefecture|Oblast)(?![\p{L}\p{N}'’-])/u;
/** Words after the unit that make a body of it ("Lagos State Government", "Kano State University"). */
const BODY_AFTER = /^ +(?:University|Council|Assembly|Government|Police|Command|Polytechnic|College|School|Ministry|Department|Board|Commission|Agency|Authority|Club|FC|Football|Hospital|House|Court|Executive|Legislature|Emergency|Water|Electricity|Transport|Health)(?![\p{L}\p{N}])/u;

/**
 * English: a place the tagger read, then a capitalised unit word, is one place: "Borno State",
 * "Kurdistan Region", "Kakamega County", "Uva Province", "Quezon City" (as the gold and the news
 * write them), not the place and a stray word; unless the unit word opens a body's name ("Lagos
 * State Government"), another mention holds it, or a match report names a club ("Melbourne City").
 * The grown name takes the id of its whole name (`idOf`), else the place's own id where the
 * gazetteer row is of the unit's kind (`kindOf`: "Borno" is a region row, so "Borno State" keeps
 * it), else the one row of that name and kind (`placeOf`: "West Coast Region", not the town), else none ("Quezon" is the province row, not Quezon City; the KB's "Palm Beach" is the town,
 * not Palm Beach County). Pure: returns the mentions, each such place grown; `info` learns the new
 * unlinked ids.
 */
export function withAdminUnitsEn(
  text: string,
  mentions: readonly Mention[],
  info: Map<string, EntityInfo>,
  idOf: (name: string) => string | null,
  kindOf: (id: string) => string | undefined,
  placeOf: (name: string, kind: 'region' | 'city') => string | null,
): Mention[] {
  // A club's name in a match report ("Melbourne City", "Leicester City") is no city.
  const report = isMatchReportEn(text);
  return mentions.map((m) => {
    if (m.type !== 'LOC') return m;
    const after = text.slice(m.end, m.end + 60);
    const unit = UNIT_AFTER.exec(after)?.[1];
    if (!unit || BODY_AFTER.test(after.slice(unit.length + 1)) || (unit === 'City' && report)) return m;
    const end = m.end + 1 + unit.length;
    if (mentions.some((o) => o !== m && o.start < end && m.end < o.end)) return m;
    const surface = text.slice(m.start, end);
    const known = idOf(surface);
    // The place's own id where its row is of the unit's kind: the gazetteer's "Borno" is the state, "Davao" the region (not Davao City), the KB's "Palm Beach" the town.
    const kind = unit === 'City' ? 'city' : 'region';
    const kept = m.entityId !== null && kindOf(m.entityId) === kind ? m.entityId : placeOf(m.text, kind);
    const id = known ?? kept ?? unlinkedId('LOC', surface);
    if (!known && !info.has(id)) info.set(id, { linked: false, type: 'LOC', name: null });
    return { ...m, end, text: surface, entityId: id };
  });
}
