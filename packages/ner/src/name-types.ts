import { isLinked, type EntityInfo } from './build-entities.ts';
import { unlinkedId } from './entity-id.ts';
import type { EntityType, Mention } from './types.ts';

/** Words after which a name is a place. */
const PLACE_BEFORE = /(?:\b(?:in|at|from|near|In|At|From|Near)|(?:^|\s)[وف]?(?:في|من|إلى|مدينة|بمدينة))\s+$/u;

/**
 * A name the KB does not know is one entity in an article, so it has one type: where the model
 * (and the rules) read the same unlinked name as a person in one sentence and a company or a
 * place in others ("food-delivery company Jahez" … "Jahez said" … "in new Jahez"), every
 * mention takes the type most of them have (a tie with the organisation's reading going to it;
 * on another tie each keeps its own).
 * Pure: returns the mentions to retype, with their new ids.
 */
export function oneTypePerName(mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>, article = ''): Map<Mention, { type: EntityType; entityId: string }> {
  const byText = new Map<string, Mention[]>();
  for (const m of mentions) {
    if (m.entityId === null || info.get(m.entityId)?.linked !== false || m.entityId !== unlinkedId(m.type, m.text)) continue;
    byText.set(m.text, [...(byText.get(m.text) ?? []), m]);
  }
  const out = new Map<Mention, { type: EntityType; entityId: string }>();
  for (const [name, group] of byText) {
    const counts = new Map<EntityType, number>();
    for (const m of group) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
    if (counts.size < 2) continue;
    const [first, second] = [...counts].sort((a, b) => b[1] - a[1] || Number(b[0] === 'ORG') - Number(a[0] === 'ORG'));
    // A tie goes to the organisation (a company the model also reads as a person or a place);
    // between a person and a place nothing changes ("the city of Florence. Florence, his sister").
    const best = first && second && (first[1] > second[1] || first[0] === 'ORG') ? first[0] : undefined;
    if (!best) continue;
    // (A place after "in", "at", «في», «مدينة» stays one: "Heidenheim drew 1-1 … In Heidenheim, a town".)
    for (const m of group) if (m.type !== best && !(m.type === 'LOC' && PLACE_BEFORE.test(article.slice(Math.max(0, m.start - 14), m.start)))) out.set(m, { type: best, entityId: unlinkedId(best, name) });
  }
  return out;
}

/**
 * Corporate roles between a name and the person holding them: "Lyten chief executive Dan Cook",
 * "Jefferies analyst …". Not "spokesman", "coach", "chairman", "manager": news writes a person's
 * spokesman or coach so ("Khan spokesman Zulfi Bukhari", "Sinner coach Darren Cahill"), and
 * "appointed Okafor chairman".
 */
const BODY_ROLE_AFTER_EN =
  /^(?:'s?)?\s+(?:chief\s+executive(?:\s+officer)?|managing\s+director|chief\s+financial\s+officer|chief\s+operating\s+officer|CEO|CFO|COO|analyst|economist|strategist),?\s+\p{Lu}/u;

/**
 * English: a name the KB does not know, read as a person, that a body's role and its holder follow
 * ("Lyten chief executive Dan Cook") is an organisation, and so is every other mention of it the
 * model read as a person ("Lyten said"). Names of one or two words only. Pure: returns the
 * mentions to retype, with their new ids.
 */
export function roleHolderBodiesEn(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): Map<Mention, { type: EntityType; entityId: string }> {
  const unknownPeople = mentions.filter((m) => m.type === 'PER' && m.entityId !== null && info.get(m.entityId)?.linked === false && m.text.trim().split(/\s+/u).length <= 2);
  const bodies = new Set(unknownPeople.filter((m) => BODY_ROLE_AFTER_EN.test(text.slice(m.end, m.end + 40))).map((m) => m.text));
  const out = new Map<Mention, { type: EntityType; entityId: string }>();
  for (const m of unknownPeople) if (bodies.has(m.text)) out.set(m, { type: 'ORG', entityId: unlinkedId('ORG', m.text) });
  return out;
}

/**
 * English: a name written as dotted initials keeps its last dot ("U.S.", "U.N."), as the article gold
 * writes it, also where that dot ends the sentence ("in the U.S."); so does a person's "Jr." or
 * "Sr." ("Ferdinand Marcos Jr."). Returns the mentions, those names grown by one character.
 */
export function withInitialsDot(text: string, mentions: Mention[]): Mention[] {
  for (const m of mentions) {
    const dotted = /^(?:\p{Lu}\.)+\p{Lu}$/u.test(m.text) || (m.type === 'PER' && /\s(?:Jr|Sr)$/u.test(m.text));
    if (text[m.end] === '.' && dotted) Object.assign(m, { end: m.end + 1, text: `${m.text}.` });
  }
  return mentions;
}

/** A company's head word, bare or behind proclitics, right before its name («مجموعة سافران», «لشركة بيون»). */
const COMPANY_HEAD_BEFORE_AR = /(?:^|[\s«"(])[وف]?[بل]?(?:مجموعة|مجموعتي|شركة|شركتي|مصرف|بنك|علامة|منصة)\s+$/u;
const COMPANY_HEADS_AR = new Set(['مجموعة', 'شركة', 'مؤسسة', 'مصرف', 'بنك', 'علامة', 'منصة']);

/**
 * Arabic: a name the KB does not know, read as a person right after a company's head word
 * («مجموعة سافران»), or the first word after the head of a body named in the article («مؤسسة كوندور
 * إلكترونيكس» … «وقالت كوندور»), is the company, and so is every other mention of it the model
 * read as a person. Names of one to three words. Pure: returns the mentions to retype, with their
 * new ids.
 */
export function companyHeadBodiesAr(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): Map<Mention, { type: EntityType; entityId: string }> {
  const unknown = (m: Mention): boolean => m.entityId !== null && info.get(m.entityId)?.linked === false && m.text.trim().split(/\s+/u).length <= 3;
  const bodies = new Set(mentions.filter((m) => m.type !== 'LOC' && unknown(m) && COMPANY_HEAD_BEFORE_AR.test(text.slice(Math.max(0, m.start - 12), m.start))).map((m) => m.text));
  for (const m of mentions) {
    const words = m.type === 'ORG' ? m.text.trim().split(/\s+/u) : [];
    if (words.length >= 3 && COMPANY_HEADS_AR.has(words[0] ?? '') && words[1] !== undefined && !words[1].startsWith('ال')) bodies.add(words[1]);
  }
  const out = new Map<Mention, { type: EntityType; entityId: string }>();
  for (const m of mentions) if (m.type === 'PER' && unknown(m) && bodies.has(m.text)) out.set(m, { type: 'ORG', entityId: unlinkedId('ORG', m.text) });
  return out;
}

/**
 * Words that open a place's name, never a person's in the gold: Spanish and Portuguese ("San
 * Isidro", "São Félix", "Los Mochis", "Puerto Madryn", "Rio Grande", "Cerro Rico"), English ("New
 * Annan", "Port Alfred", "Fort Portal", "Mount Elgon", "Lake Naivasha", "Cape Coast", "St Helens",
 * "North Kivu", "Upper Nile"), Malay ("Bandar Baru", "Kuala Selangor", "Sungai Buloh") and Arabic
 * ("Wadi Rum", "Jebel Ali").
 */
const PLACE_OPENERS_EN: ReadonlySet<string> = new Set(['San', 'Santa', 'Santo', 'São', 'Sao', 'Los', 'Las', 'Lo', 'Puerto', 'Nueva', 'Nuevo',
  'New', 'Port', 'Fort', 'Mount', 'Lake', 'Cape', 'Bandar', 'Kampung',
  'Rio', 'Río', 'Saint', 'St', 'St.', 'Villa', 'Ciudad', 'Cerro', 'Sierra', 'Kuala', 'Sungai', 'Bukit', 'Pulau', 'Wadi', 'Jebel', 'Jabal',
  'North', 'South', 'East', 'West', 'Upper', 'Lower']);

/**
 * English: an unlinked person whose name ends in a venue's word ("Smart Araneta Coliseum") is a
 * place, in "Institute", "Laboratory" … a body; one whose name opens with "San", "Santa", "São",
 * "Los", "New", "Port" … is a place ("near the town of San Isidro", "plants in New Annan"): over the article sets' gold,
 * 73 names open with "San" … "Lo" and 597 with the words added in session 31 (531 places, 66
 * bodies: "South" 124, "North" 62, "West" 38 …), and none is a person's.
 * Pure: returns the mentions to retype, with their new ids.
 */
export function placeOpenersEn(mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): Map<Mention, { type: EntityType; entityId: string }> {
  const out = new Map<Mention, { type: EntityType; entityId: string }>();
  for (const m of mentions) {
    if (m.type !== 'PER' || isLinked(m, info)) continue;
    const words = m.text.split(' ');
    const [first, second] = words;
    const last = words[words.length - 1] ?? '';
    const type = words.length > 1 && PLACE_ENDS_EN.has(last) ? 'LOC' : words.length > 1 && BODY_ENDS_EN.has(last) ? 'ORG' : null;
    if (type !== null) {
      out.set(m, { type, entityId: unlinkedId(type, m.text) });
      continue;
    }
    if (first === undefined || second === undefined || !PLACE_OPENERS_EN.has(first) || !/^\p{Lu}/u.test(second)) continue;
    out.set(m, { type: 'LOC', entityId: unlinkedId('LOC', m.text) });
  }
  return out;
}
/** Last words of names that are always places in the gold, never people's ("Smart Araneta Coliseum"). */
const PLACE_ENDS_EN: ReadonlySet<string> = new Set(['Stadium', 'Arena', 'Coliseum', 'Station', 'Gardens', 'Mall', 'Airport', 'Bridge', 'Highway', 'Dam']);
/** Last words of names that are always bodies in the gold ("Cavendish Laboratory", "… Institute"). */
const BODY_ENDS_EN: ReadonlySet<string> = new Set(['Institute', 'Laboratory', 'Library', 'Ministry', 'Agency', 'Authority', 'Commission']);

/**
 * A person's office, maybe with what it is for, then a comma: the name after it is the holder's
 * ("The state commissioner for trade and commerce, Ngozi Eze, said").
 */
const OFFICE_BEFORE_EN =
  /\b(?:commissioner|minister|secretary|director|spokes(?:man|woman|person)|chair(?:man|woman|person)|governor|mayor|president|manager|coordinator|adviser|advisor|ambassador|envoy|lawmaker|senator|professor|researcher|economist|analyst|farmer|grower|trader|fisherman)(?: (?:for|of|at) [a-z]+(?: (?:and|of|for) [a-z]+)*)?,\s$/u;

/** What follows a person named after "said": ", the …", ", who …", ", chief executive of …". */
const SAID_APPOSITION_EN = /^, (?:the|a|an|who|whose|chief|head|director|deputy|president|chairman|chairwoman|chairperson|spokesman|spokeswoman|spokesperson|secretary|manager|founder|owner|professor|senior|general)\b/u;

/**
 * English: an unlinked name of two or three words read as a body, between a person's office and a
 * comma or "said" ("The state commissioner for trade and commerce, Ngozi Eze, said") is the person
 * holding it, and so is a name between "said" and an apposition ("said Nomvula Dlamini-Mkhize, the
 * agency's manager"), and the family name alone after either ("Eze said"). Pure: returns the
 * mentions to retype, with their new ids.
 */
export function officeHoldersEn(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): Map<Mention, { type: EntityType; entityId: string }> {
  const out = new Map<Mention, { type: EntityType; entityId: string }>();
  for (const m of mentions) {
    const words = m.text.split(' ');
    if (m.type !== 'ORG' || isLinked(m, info) || words.length < 2 || words.length > 3) continue;
    const office = words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w)) && OFFICE_BEFORE_EN.test(text.slice(Math.max(0, m.start - 80), m.start)) && /^(?:,|\s+said\b)/u.test(text.slice(m.end, m.end + 6));
    // "said Nomvula Dlamini-Mkhize, the agency's manager": over the article sets' gold, a name between
    // "said" and such an apposition is a person 676 times, a body 3 times (one word each).
    const quoted = words.every((w) => /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}\p{Ll}+)?$/u.test(w)) && /\bsaid $/u.test(text.slice(Math.max(0, m.start - 5), m.start)) && SAID_APPOSITION_EN.test(text.slice(m.end, m.end + 40));
    if (!office && !quoted) continue;
    const to = { type: 'PER' as const, entityId: unlinkedId('PER', m.text) };
    out.set(m, to);
    // The family name alone later on is the same person ("Eze said"), also where read as the body.
    const family = words[words.length - 1];
    for (const o of mentions) if (o.start > m.end && (o.type === 'PER' || o.type === 'ORG') && o.text === family && !isLinked(o, info)) out.set(o, to);
  }
  return out;
}

/**
 * English: an unlinked name between "the" and "union" ("The Sierpien 80 union said") is the union's
 * name: over the article sets' gold, ten names stand so and all ten are bodies. Pure: returns the
 * mentions to retype, with their new ids.
 */
export function unionNamesEn(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, EntityInfo>): Map<Mention, { type: EntityType; entityId: string }> {
  const out = new Map<Mention, { type: EntityType; entityId: string }>();
  for (const m of mentions) {
    if (m.type === 'ORG' || isLinked(m, info)) continue;
    if (!/(?:^|[^\p{L}])[Tt]he $/u.test(text.slice(Math.max(0, m.start - 5), m.start)) || !/^ unions?(?![\p{L}])/u.test(text.slice(m.end, m.end + 8))) continue;
    out.set(m, { type: 'ORG', entityId: unlinkedId('ORG', m.text) });
  }
  return out;
}

/** A local government named by its place: "(Anloga) District Assembly", "(Kisumu) County Government". */
const LOCAL_BODY_TAIL_EN = /^ (?:District|Municipal|Metropolitan|County|City|Town|Regional|Shire|Borough) (?:Assembly|Council|Government)$/u;

/**
 * English: a mention that is only the place opening a local government's name, linked to that
 * body because the article named it in full ("The Anloga District Assembly met. … officers to
 * Anloga"), is the place. `placeIdOf` gives a gazetteer id for the name, or null. Pure: returns
 * the mentions to retype, with their new ids.
 */
export function placesOfLocalBodiesEn(mentions: readonly Mention[], placeIdOf: (name: string) => string | null): Map<Mention, { type: EntityType; entityId: string }> {
  const out = new Map<Mention, { type: EntityType; entityId: string }>();
  for (const m of mentions) {
    if (m.type !== 'ORG' || m.entityId === null) continue;
    const whole = mentions.find((o) => o.entityId === m.entityId && o.text.startsWith(m.text) && LOCAL_BODY_TAIL_EN.test(o.text.slice(m.text.length)));
    if (!whole) continue;
    out.set(m, { type: 'LOC', entityId: placeIdOf(m.text) ?? unlinkedId('LOC', m.text) });
  }
  return out;
}

/**
 * Last words of a public or trade body named by its place ("Killybegs Fishermen's Organisation",
 * "Wote Water and Sewerage Company"). Not universities, colleges or institutes: "an entomologist at
 * Gadjah Mada" is the university named short.
 */
const LOCAL_BODY_ENDS_EN: ReadonlySet<string> = new Set(['Organisation', 'Organization', 'Authority', 'Council', 'Commission', 'Agency', 'Association', 'Company', 'Corporation', 'Union',
  'Board', 'Department', 'Committee', 'Society', 'Cooperative', 'Co-operative', 'Federation', 'Assembly', 'Court', 'Office', 'Service', 'Services', 'Trust', 'Chamber', 'Police', 'Government']);
/** Words before a place's name: "graded fish in Killybegs", "sells at Wote market", "a plant near Zonkwa". */
const PLACE_PREPOSITION_BEFORE_EN = /\b(?:in|at|near|from|to|around|across|outside|inside|into|between|towards|toward|via|through|beyond)\s+(?:the\s+)?$/u;
/** Last words of a region's name: "Kaduna State officials said" is the state, not its agency. */
const REGION_ENDS_EN: ReadonlySet<string> = new Set(['State', 'County', 'Province', 'Region', 'District', 'Governorate', 'Municipality', 'Prefecture']);

/**
 * English: the place a local body is named by, said alone ("The Killybegs Fishermen's Organisation
 * … who has graded fish in Killybegs"), which the model reads as the body and partial names would
 * link to it. An unlinked organisation whose words open another organisation of the article ending
 * in a body's word is the place after a preposition of place, or when it ends in "State", "County"
 * … (over the article sets' gold, such a prefix said alone is a place 2,496 times and the same body
 * 106 times, nearly all companies and clubs: "Novo", "Dynamo", "Lloyds"). Pure: returns the mentions
 * to retype, with their new ids (`placeIdOf`: the gazetteer's, else unlinked).
 */
export function placePrefixesEn(
  text: string,
  mentions: readonly Mention[],
  info: ReadonlyMap<string, EntityInfo>,
  placeIdOf: (name: string) => string | null,
): Map<Mention, { type: EntityType; entityId: string }> {
  const out = new Map<Mention, { type: EntityType; entityId: string }>();
  for (const m of mentions) {
    if (m.type !== 'ORG' || isLinked(m, info) || !/^\p{Lu}/u.test(m.text)) continue;
    const opens = mentions.some((full) => {
      if (full.type !== 'ORG' || full.start === m.start || !full.text.startsWith(`${m.text} `)) return false;
      const words = full.text.split(/\s+/u);
      return LOCAL_BODY_ENDS_EN.has(words[words.length - 1] ?? '');
    });
    if (!opens) continue;
    const words = m.text.split(/\s+/u);
    const region = words.length > 1 && REGION_ENDS_EN.has(words[words.length - 1] ?? '');
    if (!region && !PLACE_PREPOSITION_BEFORE_EN.test(text.slice(Math.max(0, m.start - 16), m.start))) continue;
    // "Kaduna State": the gazetteer's row of the whole name, else of the place (as `withAdminUnitsEn` links it).
    const id = placeIdOf(m.text) ?? (region ? placeIdOf(words.slice(0, -1).join(' ')) : null);
    out.set(m, { type: 'LOC', entityId: id ?? unlinkedId('LOC', m.text) });
  }
  return out;
}
