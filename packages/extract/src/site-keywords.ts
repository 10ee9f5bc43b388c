import { normalizeForMatch, normalizeWhitespace } from '@khabar/text';

/** Section and furniture words that a site puts in the `<meta keywords>` of every page. */
const SECTION_WORDS = new Set([
  'أخبار', 'اخبار', 'الأخبار', 'الاخبار', 'خبر', 'عاجل', 'أخبار عاجلة', 'الرئيسية', 'محليات', 'اقتصاد', 'سياسة', 'رياضة', 'منوعات',
  'صحيفة', 'جريدة', 'موقع', 'news', 'breaking news', 'latest news', 'home', 'homepage', 'headlines', 'newspaper', 'online',
].map((w) => normalizeForMatch(w)));

/**
 * The article's tags from `<meta keywords>`, or none when the list is the site's own: a list that
 * names the site («صحيفة الديوان» in the title's site part, `og:site_name`) or its sections
 * ("أخبار", "news") is the same on every page of the site, not about this article.
 */
export function articleKeywords(raw: string, siteNames: ReadonlyArray<string | null>): string[] {
  const keywords = raw.split(/[,،;]/).map((k) => normalizeWhitespace(k)).filter((k) => k !== '' && k.length <= 60);
  const siteWords = new Set<string>();
  for (const name of siteNames) {
    if (name === null) continue;
    for (const w of normalizeForMatch(name).split(/\s+/)) if (w.length >= 3 && !SECTION_WORDS.has(w)) siteWords.add(w);
  }
  const siteWide = keywords.some((k) => {
    const key = normalizeForMatch(k);
    return SECTION_WORDS.has(key) || siteWords.has(key) || (siteNames.some((n) => n !== null && normalizeForMatch(n) === key));
  });
  return siteWide ? [] : keywords;
}
