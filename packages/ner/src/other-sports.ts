import type { Mention } from './types.ts';

/** The football competitions the KB names by words other sports share ("World Cup", «كأس العالم», "Champions League"). */
const FOOTBALL_COMPETITIONS: ReadonlySet<string> = new Set(['misc:fifa-world-cup', 'misc:uefa-champions-league', 'misc:afc-champions-league', 'misc:caf-champions-league']);

/** A sport or discipline just before the name: "Rugby League World Cup", "biathlon World Cup", "Basketball Champions League". */
const SPORT_BEFORE_EN =
  /\b(?:rugby(?: league| union| sevens)?|cricket|twenty20|t20|odi|basketball|(?:ice |field )?hockey|ski(?:ing)?|alpine|nordic|biathlon|cross-country|cyclo-cross|cycling|track|bmx|swimming|diving|gymnastics|fencing|shooting|archery|judo|wrestling|chess|golf|netball|handball|volleyball|sailing|rowing|snowboard|freestyle|luge|bobsleigh|skeleton|(?:speed |figure )?skating|triathlon|climbing|equestrian|show jumping|dressage|kabaddi|polo|squash|badminton|table tennis|darts|snooker|motocross|canoe(?: slalom| sprint)?|kayak|taekwondo|karate|boxing|weightlifting|athletics|women's|futsal|beach soccer|esports|ehf|fiba|fivb|world rugby)\s+$/iu;
/** Words of other sports in an article; and of football, which keeps the football reading. */
const OTHER_SPORT_EN = /\b(?:tries|scrum|scrum-half|fly-half|wickets?|innings|batsman|batter|bowler|slalom|downhill|giant slalom|biathlete|biathlon|skier|peloton|cyclo-cross|rebounds|three-pointers?|touchdowns?|puck|rink|handball|basketball|volleyball|rugby|cricket)\b/giu;
const FOOTBALL_EN = /\b(?:FIFA|UEFA|soccer|goalkeeper|striker|midfielder|offside|Premier League|La ?Liga|Serie A|Bundesliga)\b/u;
/** A sport after the Arabic name: «كأس العالم لكرة السلة», «دوري أبطال أوروبا لكرة اليد». */
const SPORT_AFTER_AR = /^ (?:(?:لكرة|للكرة) (?:السلة|اليد|الطائرة|الماء|الطاولة|المضرب)|لل(?:رجبي|ركبي|كريكيت|كريكت|تزلج|دراجات|شطرنج|سباحة|جمباز|رماية|مبارزة|هوكي|تنس|جودو|كاراتيه|تايكوندو|ملاكمة|مصارعة)|لألعاب القوى)(?![\p{L}\p{M}])/u;
/** «دوري أبطال آسيا 2», «… الثاني», "Champions League Two": another competition. */
const SECOND_TIER = /^ (?:2|الثاني|Two)(?![\p{L}\p{M}\p{N}])/u;

/**
 * The football competitions a name of another sport's was read as: "World Cup" in a rugby,
 * cricket or skiing report, "Basketball Champions League", «كأس العالم لكرة السلة», «دوري أبطال آسيا
 * 2». Such a name is no KB competition, and not one the KB holds: the mentions returned are
 * dropped. English: a sport word right before it, or an article with another sport's words and no
 * football ones; Arabic: a sport right after it, or one named after «كأس العالم» elsewhere in an
 * article that never says «لكرة القدم». Pure.
 */
export function otherSportCompetitions(text: string, mentions: readonly Mention[], arabic: boolean): Set<Mention> {
  const out = new Set<Mention>();
  const candidates = mentions.filter((m) => m.type === 'MISC' && m.entityId !== null && FOOTBALL_COMPETITIONS.has(m.entityId));
  if (candidates.length === 0) return out;
  const otherArticle = arabic
    ? /كأس العالم (?:لكرة|للكرة) (?:السلة|اليد|الطائرة)/u.test(text) && !/(?:لكرة|للكرة) القدم/u.test(text)
    : (text.match(OTHER_SPORT_EN)?.length ?? 0) >= 2 && !FOOTBALL_EN.test(text);
  for (const m of candidates) {
    const after = text.slice(m.end, m.end + 40);
    if (SECOND_TIER.test(after)) out.add(m);
    else if (arabic ? SPORT_AFTER_AR.test(after) : SPORT_BEFORE_EN.test(text.slice(Math.max(0, m.start - 30), m.start))) out.add(m);
    else if (otherArticle && (arabic ? m.entityId === 'misc:fifa-world-cup' : true)) out.add(m);
  }
  return out;
}
