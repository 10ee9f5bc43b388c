import { ARABIC_STORIES } from './stories-ar.ts';
import { ENGLISH_STORIES } from './stories-en.ts';
import type { BaseStory, CorpusDocument, VariantKind } from './types.ts';

/**
 * The labelled corpus: every base story plus seven derived copies, labelled by construction
 * (same base story = same cluster), never by the algorithm. Site templates are shared between
 * stories, so copies of different stories on one site are "same template" hard negatives; stories
 * of one topic (same people and places) are the other kind.
 */
interface SiteTemplate {
  readonly name: string;
  readonly header: string;
  readonly footer: string;
  /** A context paragraph this site adds to wire copy. */
  readonly extra: string;
}

const AR_SITES: readonly SiteTemplate[] = [
  {
    name: 'akhbar-alyawm.example',
    header: 'أخبار اليوم | الرئيسية | عاجل',
    footer: 'تابعوا آخر الأخبار عبر قناتنا على تلغرام\nجميع الحقوق محفوظة لموقع أخبار اليوم',
    extra: 'ويتابع موقع أخبار اليوم تطورات هذا الملف أولا بأول، وسيوافي قراءه بكل جديد فور ورود معلومات إضافية من مصادره.',
  },
  {
    name: 'alwatan-news.example',
    header: 'الوطن نيوز - أخبار عربية وعالمية',
    footer: 'المصدر: وكالات\nاقرأ أيضا: أبرز عناوين الصحف الصادرة صباح اليوم',
    extra: 'وتأتي هذه التطورات في وقت تشهد فيه المنطقة تحولات متسارعة على الصعيدين السياسي والاقتصادي، بحسب مراقبين.',
  },
  {
    name: 'sada-elbalad.example',
    header: 'صدى البلد | أخبار',
    footer: 'لمزيد من الأخبار حمل تطبيق صدى البلد\nكلمات مفتاحية: أخبار، عاجل، تقارير',
    extra: 'وكانت تقارير إعلامية سابقة قد تناولت الموضوع ذاته، مشيرة إلى أن الأيام المقبلة قد تحمل مستجدات مهمة.',
  },
  {
    name: 'arabi-post.example',
    header: 'عربي بوست',
    footer: 'شارك هذا الخبر على مواقع التواصل الاجتماعي\nالمصدر: عربي بوست مع وكالات',
    extra: 'ولم يصدر حتى الآن أي تعليق رسمي إضافي، فيما تواصلت ردود الفعل على مواقع التواصل الاجتماعي.',
  },
];

const EN_SITES: readonly SiteTemplate[] = [
  {
    name: 'daily-wire-news.example',
    header: 'Daily Wire News | World | Latest',
    footer: 'Sign up for our morning newsletter\nAll rights reserved',
    extra: 'This story has been updated with additional details and will be updated again as more information becomes available.',
  },
  {
    name: 'the-courier.example',
    header: 'The Courier - International',
    footer: 'Reporting by our correspondents; editing by the news desk\nRead more: the top stories of the day',
    extra: 'The developments come at a time of growing uncertainty, with analysts warning that the coming weeks could prove decisive.',
  },
];

const ARABIC_SPELLING: readonly (readonly [RegExp, string])[] = [
  [/أ/g, 'ا'],
  [/إ/g, 'ا'],
  [/ة /g, 'ه '],
  [/ى /g, 'ي '],
  [/"/g, '«'],
];

/** Spelling noise a republishing site introduces: hamza and teh marbuta variants, diacritics, tatweel. */
function respellArabic(text: string): string {
  let out = text;
  for (const [pattern, replacement] of ARABIC_SPELLING) out = out.replace(pattern, replacement);
  let word = 0;
  return out.replace(/[\u0621-\u064A]{4,}/g, (w) => {
    word += 1;
    if (word % 5 === 0) return `${w.slice(0, 2)}\u0640${w.slice(2)}`;
    if (word % 7 === 0) return `${w.slice(0, 1)}\u064E${w.slice(1, 3)}\u0650${w.slice(3)}`;
    return w;
  });
}

function respellEnglish(text: string): string {
  return text.replace(/'/g, '\u2019').replace(/ the /g, ' the  ').replace(/, /g, ' , ');
}

function wrap(site: SiteTemplate, paragraphs: readonly string[]): string {
  return [site.header, ...paragraphs, site.footer].join('\n\n');
}

function variants(story: BaseStory, index: number): CorpusDocument[] {
  const sites = story.lang === 'ar' ? AR_SITES : EN_SITES;
  const site = (k: number): SiteTemplate => sites[(index + k) % sites.length] ?? (sites[0] as SiteTemplate);
  const respell = story.lang === 'ar' ? respellArabic : respellEnglish;
  const full = [story.lead, ...story.body];
  const withoutMiddle = [story.lead, ...story.body.filter((_, i) => i !== 1)];
  const make = (variant: VariantKind, source: string, paragraphs: readonly string[] | string): CorpusDocument => ({
    id: `${story.id}/${variant}`,
    story: story.id,
    topic: story.topic,
    lang: story.lang,
    variant,
    source,
    text: typeof paragraphs === 'string' ? paragraphs : paragraphs.join('\n\n'),
  });
  const wire = story.lang === 'ar' ? 'wire-ar.example' : 'wire-en.example';
  return [
    make('base', wire, full),
    make('boilerplate', site(0).name, wrap(site(0), full)),
    make('rewritten-lead', site(1).name, [story.rewrittenLead, ...story.body]),
    make('added-paragraph', site(2).name, [...full.slice(0, 3), site(2).extra, ...full.slice(3)]),
    make('dropped-paragraph', site(3).name, withoutMiddle),
    make('spelling', `${site(1).name}`, respell(full.join('\n\n'))),
    make('truncated', site(2).name, [...full.slice(0, 3), story.lang === 'ar' ? 'اقرأ المزيد' : 'Read more']),
    make('combined', site(3).name, respell(wrap(site(3), [story.rewrittenLead, ...story.body.slice(0, -1), site(3).extra]))),
  ];
}

export const BASE_STORIES: readonly BaseStory[] = [...ARABIC_STORIES, ...ENGLISH_STORIES];

/** Every labelled document, base stories first then their copies, in story order. */
export function corpusDocuments(): CorpusDocument[] {
  return BASE_STORIES.flatMap((story, i) => variants(story, i));
}

/** Deterministic shuffle (mulberry32), for arrival orders where a copy may come before the base story. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let t = seed >>> 0;
  const next = (): number => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
