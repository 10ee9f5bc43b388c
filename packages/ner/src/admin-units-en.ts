import { isLinked, type EntityInfo } from './build-entities.ts';
import { isMatchReportEn } from './city-clubs.ts';
import { unlinkedId } from './entity-id.ts';
import type { Mention } from './types.ts';

/** A unit word that English names write after a place as part of its name ("Borno State", "Quezon City"). */
const UNIT_AFTER = /^ (State|Region|County|Province|City|Governorate|Prefecture|Oblast)(?![\p{L}\p{N}'’-])/u;
/** US states named like the city the KB holds, which news writes "Washington state" to tell apart. */
const STATE_OF_CITY: ReadonlySet<string> = new Set(['Washington', 'New York']);
/** Words after the unit that make a body of it ("Lagos State Government", "Kano State University"). */
const BODY_AFTER =
  /^ +(?:University|Council|Assembly|Government|Police|Command|Polytechnic|College|School|Ministry|Department|Board|Commission|Agency|Authority|Club|FC|Football|Hospital|House|Court|Executive|Legislature|Emergency|Water|Electricity|Transport|Health|Secretary|Comptroller|Senator|Senate|Representative|Attorney|Treasurer|Auditor|Prosecutor|Trooper|Troopers|Capitol|Fair|Park|Prison|Airport|Hall|Centre|Center|Museum|Library|Theatre|Theater|Orchestra|Opera|Line|Route|Highway)(?![\p{L}\p{N}])/u;

/**
 * English: a place the tagger read, then a capitalised unit word, is one place: "Borno State",
 * "Kurdistan Region", "Kakamega County", "Uva Province", "Quezon City" (as the gold and the news
 * write them), not the place and a stray word; unless the unit word opens a body's name ("Lagos
 * State Government"), another mention holds it, or a match report names a club ("Melbourne City").
 * The grown name takes the id of its whole name (`idOf`); else, where the place was read as a
 * gazetteer row of another kind (`kindOf`) and one row of the name has the unit's kind, that row
 * (`placeOf`: "West Coast Region", not the town); else the place's own id, as the gold links a
 * province named like its capital ("Kharkiv Oblast") and a city its region holds ("Davao City").
 * A country grows only where the whole name is known ("Kuwait City"; not "US State Secretary").
 * Pure: returns the mentions, each such place grown; `info` learns the new unlinked ids (the
 * caller links a KB or gazetteer id new to the article).
 */
export function withAdminUnitsEn(
  text: string,
  mentions: readonly Mention[],
  info: Map<string, EntityInfo>,
  idOf: (name: string) => string | null,
  kindOf: (id: string) => string | undefined,
  placeOf: (name: string, kind: 'region' | 'city') => string | null,
  report = isMatchReportEn(text),
): Mention[] {
  // (A club's name in a match report, "Melbourne City", "Leicester City", is no city.)
  return mentions.map((m) => {
    if (m.type !== 'LOC') return m;
    const after = text.slice(m.end, m.end + 60);
    // "Washington state", "New York state": the US states news tells from their cities so; the
    // lower-case word is no part of the name, so only the id changes ("a Gulf state" is no state).
    if (STATE_OF_CITY.has(m.text) && /^ state(?![\p{L}\p{N}'’-])/u.test(after) && m.entityId !== null && kindOf(m.entityId) === undefined && info.get(m.entityId)?.linked === true) {
      const state = placeOf(m.text, 'region');
      return state === null || BODY_AFTER.test(after.slice(6)) ? m : { ...m, entityId: state };
    }
    const unit = UNIT_AFTER.exec(after)?.[1];
    if (!unit || BODY_AFTER.test(after.slice(unit.length + 1)) || (unit === 'City' && report)) return m;
    const end = m.end + 1 + unit.length;
    if (mentions.some((o) => o !== m && o.start < end && m.end < o.end)) return m;
    const surface = text.slice(m.start, end);
    const known = idOf(surface);
    // A country grows only into a place of its own name ("Kuwait City"): "US State Secretary" is no
    // place. Nor does a city into "X City" (a club: "Birmingham City", "Melbourne City"): only a
    // region's name does ("Quezon City", "Davao City").
    if (!known && m.entityId !== null && (/^loc:[A-Z]{3}$/u.test(m.entityId) || (unit === 'City' && kindOf(m.entityId) !== 'region'))) return m;
    // A gazetteer row read for the place but of another kind gives way to the one row of the
    // name and the unit's kind; else the place's id stands (a province named like its capital is
    // one place with it, and a city the region of its name holds).
    const kind = unit === 'City' ? 'city' : 'region';
    const rowKind = m.entityId === null ? undefined : kindOf(m.entityId);
    // (A KB city before "State" is its state: "Washington State", "New York State".)
    const kbCity = rowKind === undefined && unit === 'State' && isLinked(m, info);
    const other = (rowKind !== undefined && rowKind !== kind) || kbCity ? placeOf(m.text, kind) : null;
    const linked = isLinked(m, info);
    const id = known ?? other ?? (linked ? m.entityId : null) ?? unlinkedId('LOC', surface);
    if (id === unlinkedId('LOC', surface) && !info.has(id)) info.set(id, { linked: false, type: 'LOC', name: null });
    return { ...m, end, text: surface, entityId: id };
  });
}
