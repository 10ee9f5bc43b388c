import type { EntityInfo } from './build-entities.ts';
import { isMatchReportEn } from './city-clubs.ts';
import { unlinkedId } from './entity-id.ts';
import type { Mention } from './types.ts';

/**
 * A plural nickname after a city: "San Francisco Giants", "New York Mets", "Chicago Bulls", "Dallas
 * Cowboys", "Boston Red Sox". One or two capitalised words right after the city (the last a plural
 * or "Sox"), then no further capitalised word.
 */
const NICKNAME_AFTER = /^ ((?:\p{Lu}[\p{Ll}]+ )?(?:\p{Lu}[\p{Ll}'’]*[\p{Ll}]s|Sox))(?![\p{L}\p{N}'’-])(?! +\p{Lu})/u;
/**
 * A club's singular name after a city: "Melbourne Victory", "Philadelphia Union", "Leeds United"
 * (not "City": "Kansas City", "Gaza City" are places).
 */
const SINGULAR_AFTER = /^ (Victory|United|Union|Athletic|Albion|Galaxy|Dynamo)(?![\p{L}\p{N}'’-])(?! +\p{Lu})/u;
/** Plurals that name no team after a city: places ("Heights", "Islands"), events ("Olympics", "Talks"). */
const NOT_NICKNAMES = new Set([
  'heights', 'hills', 'islands', 'mountains', 'falls', 'highlands', 'lakes', 'plains', 'springs', 'towers', 'gardens', 'docks',
  'tracts', 'territories', 'provinces', 'regions', 'districts', 'villages', 'camps', 'wetlands', 'marshes', 'dunes', 'valleys', 'keys',
  'narrows', 'shoals', 'reefs', 'isles', 'fields', 'lotes', 'flats', 'sands', 'waters', 'straits',
  'olympics', 'games', 'championships', 'awards', 'talks', 'accords', 'protocols', 'riots', 'attacks', 'bombings', 'protests', 'floods',
  'municipalities', 'suburbs', 'residents', 'officials', 'authorities', 'police', 'news', 'times', 'airways', 'airlines', 'ports',
]);

const SPANISH_ARTICLES = new Set(['los', 'las', 'les', 'des', 'del', 'de', 'la', 'el']);

/**
 * English: a city the tagger read as a place, followed by a team's plural nickname, is the team: one
 * organisation mention over both, unlinked ("San Francisco Giants", not San Francisco). Countries
 * (three-letter place ids) are left alone ("Qatar Airways" is in the KB; a national team is named
 * otherwise). Pure: returns the mentions, with each such place replaced.
 */
export function withCityTeams(text: string, mentions: readonly Mention[], info: Map<string, EntityInfo>, report = isMatchReportEn(text)): Mention[] {
  const starts = new Set(mentions.map((m) => m.start));
  // A singular name after a city only in a match report ("Moscow Victory celebrations" is not a club).
  return mentions.map((m) => {
    if (m.type !== 'LOC' || m.entityId === null || /^loc:[A-Z]{3}$/u.test(m.entityId)) return m;
    const hit = NICKNAME_AFTER.exec(text.slice(m.end, m.end + 40)) ?? (report ? SINGULAR_AFTER.exec(text.slice(m.end, m.end + 40)) : null);
    const nickname = hit?.[1];
    if (!nickname || starts.has(m.end + 1)) return m;
    const words = nickname.toLowerCase().split(' ');
    // ("San Miguel Los Lotes": a Spanish article opens a place's second name.)
    if (NOT_NICKNAMES.has(words.at(-1) ?? '') || (words.length > 1 && SPANISH_ARTICLES.has(words[0] ?? ''))) return m;
    const surface = text.slice(m.start, m.end + 1 + nickname.length);
    const id = unlinkedId('ORG', surface);
    if (!info.has(id)) info.set(id, { linked: false, type: 'ORG', name: null });
    return { start: m.start, end: m.start + surface.length, type: 'ORG', text: surface, entityId: id };
  });
}

/** Plural last words of organisations that are no nickname of them ("Gulf Airlines" is not "Airlines"). */
const NOT_TEAM_NICKNAMES = new Set([
  ...NOT_NICKNAMES,
  'holdings', 'industries', 'systems', 'services', 'resources', 'communications', 'motors', 'partners', 'brothers', 'securities',
  'networks', 'technologies', 'pharmaceuticals', 'studios', 'forces', 'guards', 'affairs', 'nations', 'states', 'emirates', 'works',
  'mines', 'minerals', 'metals', 'chemicals', 'foods', 'stores', 'labs', 'laboratories', 'investments', 'properties', 'hotels',
  'shipyards', 'railways', 'roads', 'democrats', 'republicans', 'socialists', 'greens', 'liberals', 'conservatives', 'communists',
  'nationalists', 'patriots', 'workers', 'unions', 'associations', 'committees', 'councils', 'courts', 'ministries',
]);

/** Singular last words of clubs' names that news uses alone for the club ("Melbourne Victory" … "Victory", "Philadelphia Union" … "Union"). */
const SINGULAR_NICKNAMES = new Set(['City', 'United', 'Victory', 'Union', 'Athletic', 'Albion', 'Galaxy', 'Dynamo', 'Thunder', 'Heat', 'Magic', 'Jazz', 'Lightning']);

/**
 * English: a team named later by its plural nickname alone ("Orlando Pirates" … "Pirates", "Kaizer
 * Chiefs" … "Chiefs", "Remo Stars" … "Stars") is the team. The nickname is the last word of an
 * organisation of two or more words, capitalised and plural, and no word organisations end in
 * ("Holdings", "Forces", "Democrats"), or a club's singular last word ("Victory", "Union", "City");
 * a nickname two organisations of the article share is left alone. Pure: returns the one-word organisation mentions to re-id.
 */
export function nicknameLinks(mentions: readonly Mention[]): Map<Mention, string> {
  const owners = new Map<string, string | null>();
  for (const m of mentions) {
    if (m.type !== 'ORG' || m.entityId === null) continue;
    const words = m.text.trim().split(/\s+/u);
    const last = words.at(-1) ?? '';
    const plural = /^\p{Lu}\p{Ll}+s$/u.test(last) && !NOT_TEAM_NICKNAMES.has(last.toLowerCase());
    if (words.length < 2 || (!plural && !SINGULAR_NICKNAMES.has(last))) continue;
    const key = unlinkedId('ORG', last);
    const prev = owners.get(key);
    owners.set(key, prev === undefined || prev === m.entityId ? m.entityId : null);
  }
  const out = new Map<Mention, string>();
  for (const m of mentions) {
    const to = m.type === 'ORG' && m.entityId !== null && !/\s/u.test(m.text.trim()) ? owners.get(m.entityId) : undefined;
    if (to) out.set(m, to);
  }
  return out;
}
