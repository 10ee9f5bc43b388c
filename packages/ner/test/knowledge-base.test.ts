import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTagger, KhabarNerError } from '../src/index.ts';
import { parseKb, parsePlaces } from '../src/knowledge-base.ts';
import { compileMatcher } from '../src/matcher.ts';
import { tokenize } from '../src/tokenize.ts';

const kbText = readFileSync(new URL('../data/kb.tsv', import.meta.url), 'utf8');
const placesText = readFileSync(new URL('../data/places.tsv', import.meta.url), 'utf8');

describe('knowledge base file', () => {
  const kb = parseKb(kbText);

  it('holds at least 300 people, organisations and other non-place entries', () => {
    expect(kb.filter((e) => e.type !== 'LOC').length).toBeGreaterThanOrEqual(300);
    expect(kb.filter((e) => e.type === 'PER').length).toBeGreaterThanOrEqual(150);
  });

  it('uses stable slug ids with a type prefix matching the type column', () => {
    for (const e of kb) {
      expect(e.id).toMatch(/^(per|org|loc|misc):[a-z0-9][a-z0-9-]*$/);
      expect(e.id.split(':')[0]).toBe(e.type.toLowerCase());
    }
  });

  it('writes the Arabic name in Arabic script and the English name in Latin script', () => {
    for (const e of kb) {
      // A name that is also a common word may carry a qualifier in brackets: «تدمر (سوريا)».
      expect(e.ar, e.id).toMatch(/^[\u0600-\u06FF\s\d]+( \([\u0600-\u06FF\s]+\))?$/);
      // Company names may hold an ampersand ("AT&T").
      expect(e.en, e.id).toMatch(/^[\p{Script=Latin}\d\s.'\-+&]+( \([\p{Script=Latin}\s]+\))?$/u);
    }
  });

  it('gives no alias to two different entries', () => {
    const seen = new Map<string, string>();
    for (const e of kb) {
      for (const alias of new Set(e.aliases)) {
        // A model-confirmed form may be shared only by rows that tell it apart with cue words.
        const key = alias.includes('@') ? alias.toLowerCase() : alias.replace(/^~/, '').toLowerCase();
        expect(seen.get(key) ?? e.id, `${alias} in ${e.id}`).toBe(e.id);
        seen.set(key, e.id);
      }
    }
  });

  it('knows the English news spellings of places upstream transliterates (Raqqa, Taiz, Côte d\'Ivoire)', () => {
    const places = parsePlaces(placesText);
    const owner = (name: string): string[] => places.filter((p) => p.aliases.includes(name)).map((p) => p.id);
    expect(owner('Raqqa')).toEqual(['loc:Q283368']);
    expect(owner('Taiz')).toEqual(['loc:Q466216']);
    expect(owner("Côte d'Ivoire")).toEqual(['loc:CIV']);
    expect(owner('Sulaymaniyah')).toEqual(['loc:Q191204']);
  });

  it('gives «القدس» to Jerusalem, not to Qods in Iran', () => {
    const owners = parsePlaces(placesText).filter((p) => p.aliases.includes('القدس')).map((p) => p.id);
    expect(owners).toEqual(['loc:Q192232']);
  });

  it('leaves «الفاو» (the FAO, and Al-Faw in Iraq) to the model: confirmed in both files, plain in neither', () => {
    const all = [...kb, ...parsePlaces(placesText)];
    expect(all.filter((e) => e.aliases.includes('الفاو')).map((e) => e.id)).toEqual([]);
    expect(all.filter((e) => e.aliases.includes('~الفاو')).map((e) => e.id)).toEqual(['org:fao', 'loc:Q1164081']);
  });

  it('ships compiled places with ids and both names', () => {
    const places = parsePlaces(placesText);
    expect(places.length).toBeGreaterThan(5000);
    expect(places.find((p) => p.id === 'loc:AFG')?.ar).toBe('أفغانستان');
    // Common words the gazetteer lists as places are filtered out at build time.
    expect(places.some((p) => p.aliases.includes('غرب') || p.aliases.includes('العاصمة'))).toBe(false);
  });
});

describe('bad data files', () => {
  it('rejects a KB line without an Arabic name, with a stable code', () => {
    expect(() => parseKb('per:x\tPER\tX Person\n')).toThrow(expect.objectContaining({ code: 'KHABAR_E_NER_BAD_DATA' }));
    expect(() => parseKb('org:x\tORG\tX Corp\tإكس كورب\tXC|~\n')).toThrow(expect.objectContaining({ code: 'KHABAR_E_NER_BAD_DATA', message: expect.stringContaining('kb.tsv:1: "~" must be followed') }));
    expect(parseKb('org:x\tORG\tX Corp\tإكس كورب\tXC|~إكس\n')[0]?.aliases).toEqual(['X Corp', 'إكس كورب', 'XC', '~إكس']);
    expect(() => parseKb('org:x\tORG\tX Corp\tإكس كورب\t~إكس@\n')).toThrow(expect.objectContaining({ code: 'KHABAR_E_NER_BAD_DATA', message: expect.stringContaining('must be followed by cue words') }));
    expect(() => parseKb('org:x\tORG\tX Corp\tإكس كورب\tإكس@جدة\n')).toThrow(expect.objectContaining({ code: 'KHABAR_E_NER_BAD_DATA', message: expect.stringContaining('only follow a model-confirmed') }));
    expect(() => parseKb('org:x\tORG\tX Corp\tإكس كورب\t~@جدة\n')).toThrow(expect.objectContaining({ code: 'KHABAR_E_NER_BAD_DATA', message: expect.stringContaining('"~" must be followed') }));
  });

  it('rejects duplicate ids and unknown types', () => {
    expect(() => parseKb('org:a\tORG\tA Org\tمنظمة\norg:a\tORG\tA Org\tمنظمة\n')).toThrow(/duplicate id org:a/);
    expect(() => parseKb('org:a\tCOMPANY\tA Org\tمنظمة\n')).toThrow(KhabarNerError);
  });

  it('reports a missing data file instead of crashing later', () => {
    expect(() => createTagger({ kbPath: '/nonexistent/kb.tsv' })).toThrow(expect.objectContaining({ code: 'KHABAR_E_NER_BAD_DATA' }));
  });

  it('reports a missing or corrupt model file from createTagger', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-ner-model-'));
    expect(() => createTagger({ modelDir: dir })).toThrow(expect.objectContaining({ code: 'KHABAR_E_NER_BAD_DATA' }));
    writeFileSync(join(dir, 'ner-ar.model.gz'), 'not gzip');
    expect(() => createTagger({ modelDir: dir })).toThrow(/cannot gunzip/);
  });

  it('loads custom KB and gazetteer paths', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-ner-'));
    writeFileSync(join(dir, 'kb.tsv'), 'org:acme\tORG\tAcme Widgets\tأكمي للأدوات\tAcme\n');
    writeFileSync(join(dir, 'places.tsv'), 'loc:springfield\tسبرينغفيلد\tSpringfield\t\n');
    // Rules only: the statistical model would (rightly) also find Moscow, as an unlinked place.
    const tagger = createTagger({ kbPath: join(dir, 'kb.tsv'), gazetteerPath: join(dir, 'places.tsv'), statistical: false });
    expect(tagger.tag('Acme opened in Springfield, not Moscow.', 'en').mentions.map((m) => m.entityId)).toEqual(['org:acme', 'loc:springfield']);
    const withModel = createTagger({ kbPath: join(dir, 'kb.tsv'), gazetteerPath: join(dir, 'places.tsv') });
    expect(withModel.tag('Acme opened in Springfield, not Moscow.', 'en').mentions.map((m) => m.entityId)).toEqual(['org:acme', 'loc:springfield', 'loc:moscow']);
  });

  it('links a model-confirmed form shared by two entries to the one whose cue words the article holds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-ner-'));
    writeFileSync(join(dir, 'kb.tsv'), 'org:al-ahly\tORG\tAl Ahly\tالأهلي المصري\t~الأهلي\norg:al-ahli-saudi\tORG\tAl Ahli Saudi\tالأهلي السعودي\t~الأهلي@جدة روشن\n');
    writeFileSync(join(dir, 'places.tsv'), 'loc:jed\tجدة\tJeddah\t\tcity\nloc:cai\tالقاهرة\tCairo\t\tcity\nloc:oujda\tوجدة\tOujda\t\tcity\n');
    const tagger = createTagger({ kbPath: join(dir, 'kb.tsv'), gazetteerPath: join(dir, 'places.tsv') });
    const ids = (text: string): Array<string | null> => tagger.tag(text, 'ar').mentions.map((m) => m.entityId);
    expect(ids('وفاز الأهلي على ضيفه بهدفين نظيفين في المباراة التي أقيمت في القاهرة مساء الجمعة.')).toEqual(['org:al-ahly', 'loc:cai']);
    expect(ids('وفاز الأهلي على ضيفه بهدفين نظيفين في المباراة التي أقيمت في جدة مساء الجمعة.')).toEqual(['org:al-ahli-saudi', 'loc:jed']);
    // A cue behind a proclitic counts too, but not inside a word that is a name itself (Oujda).
    expect(ids('وقال مدرب الأهلي إن فريقه لعب جيدا في المباراة، وعاد إلى القاهرة ثم لجدة.')).toContain('org:al-ahli-saudi');
    expect(ids('وتوجه الأهلي إلى وجدة لمواجهة المولودية في مباراة الجمعة.')).toContain('org:al-ahly');
  });

  it('links a body an organisation rule finds by a cued KB form («مجلس النواب» in an Iraqi article)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-ner-'));
    writeFileSync(join(dir, 'kb.tsv'), 'org:iraq-parliament\tORG\tCouncil of Representatives of Iraq\tمجلس النواب العراقي\t~مجلس النواب@العراق بغداد\n');
    writeFileSync(join(dir, 'places.tsv'), 'loc:baghdad\tبغداد\tBaghdad\t\tcity\nloc:cairo\tالقاهرة\tCairo\t\tcity\n');
    const tagger = createTagger({ kbPath: join(dir, 'kb.tsv'), gazetteerPath: join(dir, 'places.tsv'), statistical: false });
    const ids = (text: string): Array<string | null> => tagger.tag(text, 'ar').mentions.map((m) => m.entityId);
    expect(ids('وقال رئيس مجلس النواب في بغداد إن الجلسة انتهت.')).toContain('org:iraq-parliament');
    expect(ids('وقال رئيس مجلس النواب في القاهرة إن الجلسة انتهت.')).not.toContain('org:iraq-parliament');
  });

  it('reads a cue as written: in capitals, capitalised, with the Arabic article', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-ner-'));
    writeFileSync(join(dir, 'kb.tsv'), 'org:us-congress\tORG\tUS Congress\tالكونغرس الأمريكي\t~Congress@US Washington\norg:al-ahli-saudi\tORG\tAl Ahli Saudi\tالأهلي السعودي\t~الأهلي@الرياض\n');
    writeFileSync(join(dir, 'places.tsv'), 'loc:ka\tكارناتاكا\tKarnataka\t\tregion\n');
    const tagger = createTagger({ kbPath: join(dir, 'kb.tsv'), gazetteerPath: join(dir, 'places.tsv') });
    const ids = (text: string, lang: string): Array<string | null> => tagger.tag(text, lang).mentions.map((m) => m.entityId);
    expect(ids('In Karnataka, Congress won a majority, a party leader told us.', 'en')).not.toContain('org:us-congress');
    expect(ids('In Karnataka, Congress won a majority, US officials said.', 'en')).toContain('org:us-congress');
    expect(ids('وفاز الأهلي على ضيفه بهدفين، وسجل اللاعب رياض الهدف الأول.', 'ar')).not.toContain('org:al-ahli-saudi');
    expect(ids('وفاز الأهلي على ضيفه بهدفين في الرياض مساء الجمعة.', 'ar')).toContain('org:al-ahli-saudi');
  });

  it('gives a model-confirmed form the KB and the gazetteer share to the KB entry', () => {
    const entries = [...parseKb('loc:tyre\tLOC\tTyre\tمدينة صور\t~صور\n'), ...parsePlaces('loc:Q82070\t~صور\tTyre\t\tcity\n')];
    const matcher = compileMatcher(entries);
    const text = 'وصلوا إلى صور';
    const tokens = tokenize(text);
    const at = tokens.findIndex((t) => t.text === 'صور');
    expect(entries[matcher.confirm(tokens, at, at, 'LOC') ?? -1]?.id).toBe('loc:tyre');
    // Two gazetteer rows alone stay ambiguous.
    const rows = compileMatcher(parsePlaces('loc:Q1\t~صور\tTyre\t\tcity\nloc:Q2\t~صور\tSour\t\tcity\n'));
    expect(rows.confirm(tokens, at, at, 'LOC')).toBeNull();
  });

  it('lets a model-confirmed KB form of a place shadow a gazetteer place of the same name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-ner-'));
    writeFileSync(join(dir, 'kb.tsv'), 'loc:santiago-de-chile\tLOC\tSantiago de Chile\tسانتياغو دي تشيلي\t~Santiago\n');
    writeFileSync(join(dir, 'places.tsv'), 'loc:Q1\tسانتياغو\tSantiago\t\tregion\nloc:Q2\tفالبارايسو\tValparaiso\t\tcity\n');
    const text = 'Thousands of students marched in Santiago on Tuesday, and more in Valparaiso.';
    // Without the model the ambiguous form links nowhere; the gazetteer row no longer takes it.
    const rules = createTagger({ kbPath: join(dir, 'kb.tsv'), gazetteerPath: join(dir, 'places.tsv'), statistical: false });
    expect(rules.tag(text, 'en').mentions.map((m) => m.entityId)).toEqual(['loc:Q2']);
    const tagger = createTagger({ kbPath: join(dir, 'kb.tsv'), gazetteerPath: join(dir, 'places.tsv') });
    expect(tagger.tag(text, 'en').mentions.map((m) => m.entityId)).toEqual(['loc:santiago-de-chile', 'loc:Q2']);
    // The Arabic form is the gazetteer row's alone: the KB confirms only "Santiago".
    expect(tagger.tag('تظاهر آلاف الطلاب في سانتياغو يوم الثلاثاء.', 'ar').mentions.map((m) => m.entityId)).toEqual(['loc:Q1']);
  });
});
