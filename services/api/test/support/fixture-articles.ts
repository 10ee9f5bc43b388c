import { createHash, randomBytes } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import { createBulkIndexer, createSearchClient, ensureIndex, toDocument } from '@khabar/search-index';
import { buildIndexJob } from '../../../../packages/search-index/test/build-index-job.ts';
import { dropIndexBase } from '../../../../test/support/elasticsearch.ts';

type Ent = readonly [id: string, type: 'PER' | 'ORG' | 'LOC' | 'MISC', name: string];

interface Fixture {
  readonly url: string;
  readonly lang: 'ar' | 'en';
  readonly title: string;
  readonly text: string;
  /** Hours before the fixture set's `now`. */
  readonly hoursAgo: number;
  readonly entities: readonly Ent[];
  readonly cluster?: { readonly of: string; readonly role: 'duplicate' | 'near_duplicate'; readonly similarity: number };
  readonly tags?: readonly string[];
  readonly source?: string;
}

const PESKOV_AR: Ent = ['per:dmitry-peskov', 'PER', 'دميتري بيسكوف'];
const KREMLIN_AR: Ent = ['org:kremlin', 'ORG', 'الكرملين'];
const PUTIN_AR: Ent = ['per:vladimir-putin', 'PER', 'فلاديمير بوتين'];
const BAKU_AR: Ent = ['loc:baku', 'LOC', 'باكو'];
const YEREVAN_AR: Ent = ['loc:yerevan', 'LOC', 'يريفان'];
const PESKOV_EN: Ent = ['per:dmitry-peskov', 'PER', 'Dmitry Peskov'];
const KREMLIN_EN: Ent = ['org:kremlin', 'ORG', 'Kremlin'];
const PUTIN_EN: Ent = ['per:vladimir-putin', 'PER', 'Vladimir Putin'];

const KREMLIN_STORY_AR = 'أعرب المتحدث باسم الكرملين دميتري بيسكوف عن قلق موسكو لاستمرار التوتر بين باكو ويريفان، داعيا الطرفين إلى ضبط النفس.';

/** Realistic Arabic and English articles: one story syndicated to three Arabic sites, others alone. */
export const FIXTURES: readonly Fixture[] = [
  { url: 'https://arabic.rt.com/world/1410-peskov-baku-yerevan/', lang: 'ar', title: 'الكرملين قلق من التوتر بين باكو ويريفان', text: `${KREMLIN_STORY_AR}\n\nوقال بيسكوف للصحفيين إن موسكو مستعدة للوساطة.`, hoursAgo: 26, entities: [PESKOV_AR, KREMLIN_AR, BAKU_AR, YEREVAN_AR], tags: ['القوقاز'], source: 'rt-feed' },
  { url: 'https://www.aljazeera.net/news/2024/peskov-baku', lang: 'ar', title: 'الكرملين قلق من التوتر بين باكو ويريفان', text: `${KREMLIN_STORY_AR}\n\nوقال بيسكوف للصحفيين إن موسكو مستعدة للوساطة.`, hoursAgo: 24, entities: [PESKOV_AR, KREMLIN_AR, BAKU_AR, YEREVAN_AR], cluster: { of: 'https://arabic.rt.com/world/1410-peskov-baku-yerevan/', role: 'duplicate', similarity: 1 }, source: 'rss' },
  { url: 'https://www.alarabiya.net/arab-and-world/2024/kremlin-caucasus', lang: 'ar', title: 'موسكو تبدي قلقها من التوتر بين باكو ويريفان', text: `${KREMLIN_STORY_AR}\n\nوأضاف بيسكوف أن الكرملين يتابع الوضع عن كثب.`, hoursAgo: 21, entities: [PESKOV_AR, KREMLIN_AR, BAKU_AR, YEREVAN_AR], cluster: { of: 'https://arabic.rt.com/world/1410-peskov-baku-yerevan/', role: 'near_duplicate', similarity: 0.86 }, source: 'rss' },
  { url: 'https://arabic.rt.com/russia/1411-putin-uae/', lang: 'ar', title: 'بوتين يستقبل رئيس الإمارات في الكرملين', text: 'استقبل الرئيس الروسي فلاديمير بوتين في الكرملين رئيس دولة الإمارات محمد بن زايد، وبحث الجانبان التعاون في مجال الطاقة.', hoursAgo: 70, entities: [PUTIN_AR, KREMLIN_AR, ['per:mohammed-bin-zayed', 'PER', 'محمد بن زايد'], ['loc:uae', 'LOC', 'الإمارات']], tags: ['روسيا'], source: 'rt-feed' },
  { url: 'https://www.aljazeera.net/news/2024/cairo-gaza-summit', lang: 'ar', title: 'قمة في القاهرة لبحث وقف إطلاق النار في غزة', text: 'تستضيف القاهرة قمة بمشاركة جامعة الدول العربية لبحث وقف إطلاق النار في غزة وإدخال المساعدات الإنسانية.', hoursAgo: 120, entities: [['loc:cairo', 'LOC', 'القاهرة'], ['loc:gaza', 'LOC', 'غزة'], ['org:arab-league', 'ORG', 'جامعة الدول العربية']], tags: ['غزة'], source: 'rss' },
  { url: 'https://www.aljazeera.net/news/2024/peskov-talks', lang: 'ar', title: 'بيسكوف: الكرملين يرحب بالمحادثات', text: 'قال المتحدث باسم الكرملين دميتري بيسكوف إن الرئيس فلاديمير بوتين يرحب بأي محادثات جادة.', hoursAgo: 240, entities: [PESKOV_AR, KREMLIN_AR, PUTIN_AR], source: 'rss' },
  { url: 'https://www.reuters.com/world/europe/kremlin-concerned-baku-yerevan-2024/', lang: 'en', title: 'Kremlin concerned about tension between Baku and Yerevan', text: 'Kremlin spokesman Dmitry Peskov said on Thursday that Moscow was concerned about the continuing tension between Azerbaijan and Armenia.\n\nPeskov said Russia was ready to mediate.', hoursAgo: 25, entities: [PESKOV_EN, KREMLIN_EN, ['loc:baku', 'LOC', 'Baku'], ['loc:yerevan', 'LOC', 'Yerevan']], tags: ['Europe'], source: 'wire' },
  { url: 'https://www.bbc.com/news/world-europe-putin-energy', lang: 'en', title: 'Putin hosts UAE president for energy talks', text: 'Russian President Vladimir Putin hosted the president of the United Arab Emirates at the Kremlin for talks on energy cooperation.', hoursAgo: 68, entities: [PUTIN_EN, KREMLIN_EN, ['loc:uae', 'LOC', 'United Arab Emirates']], tags: ['Europe'], source: 'rss' },
  { url: 'https://www.reuters.com/world/middle-east/cairo-summit-gaza-ceasefire/', lang: 'en', title: 'Arab League summit in Cairo seeks Gaza ceasefire', text: 'Arab League leaders met in Cairo to push for a ceasefire in Gaza and more humanitarian aid.', hoursAgo: 118, entities: [['org:arab-league', 'ORG', 'Arab League'], ['loc:cairo', 'LOC', 'Cairo'], ['loc:gaza', 'LOC', 'Gaza']], source: 'wire' },
];

export const idOf = (url: string): string => createHash('sha256').update(url).digest('hex').slice(0, 32);

/** The fixture documents as the indexer would store them, published relative to `now`. */
export function fixtureDocuments(now = new Date()) {
  return FIXTURES.map((f) => {
    const id = idOf(f.url);
    const publishedAt = new Date(now.getTime() - f.hoursAgo * 3_600_000).toISOString();
    const paragraphs = f.text.split('\n\n');
    const job = buildIndexJob({
      url: f.url,
      id,
      submission: { source: f.source ?? 'rss', tags: [], priority: 5 },
      article: {
        title: f.title,
        text: f.text,
        paragraphs,
        publishedAt,
        lang: f.lang,
        dir: f.lang === 'ar' ? 'rtl' : 'ltr',
        canonicalUrl: f.url,
        tags: [...(f.tags ?? [])],
      },
      cluster: f.cluster ? { id: idOf(f.cluster.of), role: f.cluster.role, similarity: f.cluster.similarity, contentHash: 'c0ffee' } : { id, role: 'original', similarity: 1, contentHash: id.slice(0, 16) },
      entities: {
        entities: f.entities.map(([eid, type, name], n) => ({ id: eid, linked: true, type, name, names: [name], count: 1, firstOffset: n * 10, salience: 1 - n * 0.1 })),
        mentions: [],
      },
    });
    return toDocument(job, now);
  });
}

export interface FixtureIndex {
  readonly client: Client;
  /** Read alias holding the fixture documents. */
  readonly index: string;
  drop(): Promise<void>;
}

/** A fresh `<base>` index (real template, ensureIndex) filled with the fixtures through the bulk indexer. */
export async function createFixtureIndex(elasticsearchUrl: string, now = new Date()): Promise<FixtureIndex> {
  const client = createSearchClient(elasticsearchUrl);
  const base = `khabar-t-api-${randomBytes(4).toString('hex')}`;
  await ensureIndex(client, base);
  const bulk = createBulkIndexer({ client, writeAlias: `${base}-write`, refresh: 'wait_for', flushIntervalMs: 10 });
  await Promise.all(fixtureDocuments(now).map((doc) => bulk.index(doc.id, doc)));
  await bulk.close();
  return {
    client,
    index: base,
    async drop() {
      await dropIndexBase(client, base);
      await client.close();
    },
  };
}
