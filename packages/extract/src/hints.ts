/** Class/id/role hints and boilerplate phrases, Arabic and English. Pure data + tiny matchers. */

export type BoilerKind =
  | 'nav' | 'ticker' | 'share' | 'ad' | 'cookie' | 'readmore' | 'readalso' | 'related'
  | 'tags' | 'author' | 'comments' | 'footer' | 'sidebar' | 'form' | 'pullquote' | 'caption' | 'hidden';

/** Tags whose content is never article text. */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'select', 'option',
  'button', 'input', 'textarea', 'canvas', 'video', 'audio', 'map', 'head', 'math', 'dialog',
]);

/** Elements that start a new text block. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'nav', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre',
  'figure', 'figcaption', 'form', 'fieldset', 'address', 'center', 'body', 'html', 'hr', 'caption', 'details', 'summary',
]);

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const TAG_KIND: Readonly<Record<string, BoilerKind>> = {
  nav: 'nav', footer: 'footer', aside: 'sidebar', form: 'form', marquee: 'ticker',
};

const ROLE_KIND: Readonly<Record<string, BoilerKind>> = {
  navigation: 'nav', contentinfo: 'footer', complementary: 'sidebar', banner: 'nav', search: 'form',
  // Modal dialogs are consent prompts, sign-up walls and menus, never the story.
  dialog: 'form', alertdialog: 'form',
};

/** Order matters: the first pattern that matches names the kind. Parts are `-`/`_`/space separated. */
const CLASS_PATTERNS: ReadonlyArray<readonly [RegExp, BoilerKind]> = [
  [/(^|[\s_-])(read-?also|also-?read|see-?also|readalso|alsoread|more-?on-?this|a-?lire-?aussi|lire-?aussi|voir-?aussi)([\s_-]|$)/, 'readalso'],
  [/(^|[\s_-])(read-?more|readmore|inline-?related|more-?link|embedded-?link)([\s_-]|$)/, 'readmore'],
  [/(^|[\s_-])(comments?|disqus|discussion|respond|replies|comment-?list)([\s_-]|$)/, 'comments'],
  [/(^|[\s_-])(related|similar|most-?read|most-?viewed|most-?popular|popular|trending|recommended|recommendations|more-?stories|more-?news|outbrain|taboola|latest-?news|also-?like)([\s_-]|$)/, 'related'],
  [/(^|[\s_-])(tags?|tag-?list|tags-?list|keywords|topics|article-?tags|post-?tags)([\s_-]|$)/, 'tags'],
  [/(^|[\s_-])(share|sharing|social|sharethis|addthis|share-?bar|share-?buttons|social-?links|follow-?us)([\s_-]|$)/, 'share'],
  [/(^|[\s_-])(ticker|breaking|breaking-?news|marquee|news-?bar|urgent|ajel)([\s_-]|$)/, 'ticker'],
  // Consent-management platforms name their banners after themselves (OneTrust, Cookiebot, Didomi…).
  [/(^|[\s_-])(cookie|cookies|consent|gdpr|cookie-?banner|onetrust|cookiebot|cookielaw|didomi|qc-?cmp2?|cmp-?container|usercentrics|truste|sp_message|fc-?consent)([\s_-]|$)/, 'cookie'],
  [/(^|[\s_-])(pull-?quote|pullquote|pull-?out|quote-?pull)([\s_-]|$)/, 'pullquote'],
  // A class ending in "pull" (`sh-pull`), never Bootstrap's `pull-right` / `pull-left` columns.
  [/(^|[\s_-])pull(\s|$)/, 'pullquote'],
  // Embedded social posts quote someone else's words, not the article's.
  [/(^|[\s_-])(twitter-?tweet|instagram-?media|tiktok-?embed|fb-?post|facebook-?post|social-?embed|embedded-?post|bluesky-?embed)([\s_-]|$)/, 'pullquote'],
  // Photo captions and credits outside <figcaption> (WordPress wp-caption-text, "image-caption").
  [/(^|[\s_-])(caption|wp-caption|wp-caption-text|image-?caption|photo-?caption|img-?caption|figure-?caption|media-?caption|caption-?text|photo-?credit|image-?credit|img-?credit)([\s_-]|$)/, 'caption'],
  [/(^|[\s_-])(ad|ads|adv|advert|advertisement|banner-?ad|sponsor|sponsored|dfp|gpt-?ad|adsbygoogle|ad-?slot|ad-?container|promo)([\s_-]|$)/, 'ad'],
  [/(^|[\s_-])(author-?box|author-?bio|about-?author|author-?info|bio-?box)([\s_-]|$)/, 'author'],
  [/(^|[\s_-])(nav|navbar|navigation|menu|main-?menu|breadcrumbs?|topbar|top-?bar|masthead|site-?header|skip-?link)([\s_-]|$)/, 'nav'],
  [/(^|[\s_-])(footer|site-?footer|copyright|colophon)([\s_-]|$)/, 'footer'],
  [/(^|[\s_-])(sidebar|side-?bar|widget|rail|right-?col|left-?col)([\s_-]|$)/, 'sidebar'],
  [/(^|[\s_-])(modal|popup|newsletter|subscribe|subscription|signup|paywall-?prompt)([\s_-]|$)/, 'form'],
  // Exact names only: Bootstrap's `hidden-xs` hides on phones, not everywhere.
  [/(^|\s)(hidden|d-none|visually-hidden|sr-only|screen-reader-text)(\s|$)/, 'hidden'],
];

/** Strong signs of the article body (not `<article>` alone: teaser cards use it too). */
const POSITIVE_CLASS = /(^|[\s_-])(article-?body|articlebody|article__body|article__text|article-?text|article-?content|story-?body|story-?content|story-?text|entry-?content|post-?content|post-?body|news-?body|news-?text|news-?content|content-?body|body-?text|text-?body|field-?body|main-?text|rich-?text|detail-?text|details-?body|article__summary|article-?summary|article__lead|article-?lead|lead-?paragraph|news-?lead|story-?lead|article__intro|article-?intro)([\s_-]|$)/;

export interface ElementHints {
  readonly kind: BoilerKind | null;
  readonly positive: boolean;
}

const NONE: ElementHints = { kind: null, positive: false };

/** Looks at one element's tag and attributes only (cheap; called once per element). */
export function hintsFor(tag: string, attribs: Readonly<Record<string, string>>): ElementHints {
  const byTag = TAG_KIND[tag];
  const role = attribs['role'];
  const byRole = role === undefined ? undefined : ROLE_KIND[role.toLowerCase()];
  const itemprop = attribs['itemprop'];
  const positiveProp = itemprop !== undefined && /articlebody|text/i.test(itemprop);
  if (attribs['hidden'] !== undefined || attribs['aria-hidden'] === 'true' || /display\s*:\s*none/i.test(attribs['style'] ?? '')) {
    return { kind: 'hidden', positive: false };
  }
  // Component frameworks name parts in data attributes (data-component="keywords", data-testid="byline").
  const data = attribs['data-component'] ?? attribs['data-testid'] ?? attribs['data-module'];
  const cls = data === undefined ? attribs['class'] : `${attribs['class'] ?? ''} ${data}`;
  const id = attribs['id'];
  if (cls === undefined && id === undefined) {
    if (byTag !== undefined || byRole !== undefined) return { kind: byTag ?? byRole ?? null, positive: false };
    return positiveProp ? { kind: null, positive: true } : NONE;
  }
  const hay = `${cls ?? ''} ${id ?? ''}`.toLowerCase();
  const positive = positiveProp || classPositive(hay);
  if (positive) return { kind: null, positive };
  const kind = classKind(hay);
  if (kind !== null) return { kind, positive: false };
  if (byTag !== undefined || byRole !== undefined) return { kind: byTag ?? byRole ?? null, positive };
  return NONE;
}

/**
 * Class/id strings repeat a lot within and across pages of one site (menu-item, card, teaser…):
 * the regex verdicts are memoised in a bounded cache.
 */
const CLASS_CACHE = new Map<string, BoilerKind | null | 'positive'>();
const CLASS_CACHE_MAX = 20_000;

function classVerdict(hay: string): BoilerKind | null | 'positive' {
  let v = CLASS_CACHE.get(hay);
  if (v === undefined) {
    v = POSITIVE_CLASS.test(hay) ? 'positive' : null;
    // A class says more than a tag: <aside class="related"> is a related list, not just a sidebar.
    if (v === null) for (const [re, kind] of CLASS_PATTERNS) if (re.test(hay)) { v = kind; break; }
    if (CLASS_CACHE.size >= CLASS_CACHE_MAX) CLASS_CACHE.clear();
    CLASS_CACHE.set(hay, v);
  }
  return v;
}

function classPositive(hay: string): boolean {
  return classVerdict(hay) === 'positive';
}

function classKind(hay: string): BoilerKind | null {
  const v = classVerdict(hay);
  return v === 'positive' ? null : v;
}

/** Labels that open a box of other articles ("read also"), related lists, comments or tags. */
export const READ_ALSO_LABEL = /^(إ|ا|أ)?قرأ\s+(أ|ا|إ)?يضا?ً?|^(إ|ا|أ)?قرأ\s+كذلك|^طالع\s+(أ|ا)يضا|^(read|see)\s+also\b|^also\s+read\b|^شاهد\s+(أ|ا)يضا|^(?:[àa]\s+)?lire\s+aussi\b|^voir\s+aussi\b/i;
export const READ_MORE_LABEL = /^(إ|ا|أ)?قرأ\s+(المزيد|أكثر|اكثر)|^read\s+more\b|^more\s*:|^المزيد\s*:/i;
export const RELATED_LABEL = /^(مقالات|أخبار|اخبار|مواضيع|موضوعات)\s+(مشابهة|ذات\s+صلة|متعلقة|مرتبطة)|^(ال)?(أ|ا)كثر\s+(قراءة|مشاهدة)|^(related|more)\s+(stories|articles|news|coverage|content)\b|^most\s+(read|popular|viewed|shared)\b|^you\s+may\s+also\s+like|^read\s+next\b|^more\s+from\b|^ذات\s+صلة|^(recommended|trending|popular\s+now|top\s+stories|latest\s+news|editor['’]?s\s+picks|don['’]?t\s+miss|what\s+to\s+read\s+next|in\s+other\s+news)\b|^قد\s+(يهمك|يعجبك|تهمك|يعجبكم|يهمكم)|^ننصحك\s+بقراءة|^لا\s+(يفوتك|تفوتك|تفوتكم)|^(اخترنا|إخترنا)\s+لك|^(ال)?(أ|ا)كثر\s+(تداولا|تداولاً|شعبية|تفاعلا|تفاعلاً)|^(آخر|اخر)\s+(الأخبار|الاخبار)|^المزيد\s+من\s+(الأخبار|الاخبار|المقالات)/i;
export const COMMENTS_LABEL = /^(ال)?تعليقات|^(أ|ا)ضف\s+تعليق|^(ا|أ)ترك\s+تعليق|^(\d+\s+)?comments?\b|^leave\s+a\s+(comment|reply)|^join\s+the\s+(conversation|discussion)|^add\s+a\s+comment/i;
export const TAGS_LABEL = /^(explore\s+more\s+on\s+these\s+topics|more\s+on\s+these\s+topics|related\s+topics|(?:ال)?كلمات\s+(?:ال)?(?:دلالية|دالة|دالّة|مفتاحية|الرئيسية)|الوسوم|وسوم|هاشتاج|هاشتاغ|مواضيع\s+ذات\s+صلة|(?:ال)?(?:مواضيع|موضوعات)(?=\s*[:：])|tags|topics|keywords|filed\s+under|mots[-\s]cl[ée]s|[ée]tiquettes)\s*[:：]?/i;
/** Tag labels that some sites also put over a list of related headlines. */
export const AMBIGUOUS_TAGS_LABEL = /^(related\s+topics|مواضيع\s+ذات\s+صلة|topics)\s*[:：]?\s*$/i;

/** Wire credits and source lines: they go to `attribution`, not the text. */
// "Source"/"Sources" need their colon: "Sources close to the talks said …" is a sentence.
export const ATTRIBUTION_LINE = /^[([]?\s*(?:(?:المصدر|مصدر|المصادر|reporting\s+by|additional\s+reporting\s+by|writing\s+by|editing\s+by|compiled\s+by|(?:with\s+)?(?:reporting|input)\s+from|تحرير|ترجمة)\s*[:：]?|sources?\s*[:：])\s+\S/i;
/** Credit sign-offs that end wire copy: "Jane Roe contributed to this report." */
// \b is ASCII-only in JavaScript, so the Arabic sign-off is bounded by a look-behind instead.
export const CONTRIBUTED_LINE = /\bcontributed\s+(?:to\s+this\s+(?:report|story|article)|reporting)\b|(?<![\p{L}\p{N}])[وف]?ساهم(?:ت)?\s+في\s+(?:إعداد|اعداد)\s+(?:هذا\s+)?(?:التقرير|الخبر)/iu;
/** "(Reuters) -" style wire prefixes at the start of a lead paragraph are kept in text, only the credit is recorded. */
export const WIRE_CREDIT = /^\s*(?:[A-Z][A-Za-z .,'-]{1,40})?\(\s*(Reuters|AP|AFP|Bloomberg|Xinhua|Anadolu|د\s*ب\s*أ|أ\s*ف\s*ب|رويترز|سبوتنيك|نوفوستي|الأناضول|وام|واس|قنا|كونا|بترا)\s*\)\s*[-–—]/;

/** Short lines made of these phrases are page furniture. */
const BOILER_PHRASES = new RegExp(
  [
    'جميع الحقوق محفوظة', 'كل الحقوق محفوظة', 'حقوق النشر', 'all rights reserved', 'copyright ©', '©',
    'تابعونا على', 'تابعوا', 'تابعنا على', 'follow us', 'share this', 'share on', 'شارك', 'مشاركة',
    'اشترك في', 'اشترك الآن', 'subscribe', 'sign up', 'newsletter', 'النشرة البريدية', 'cookies', 'ملفات تعريف الارتباط',
    'click here', 'اضغط هنا', 'انقر هنا', 'advertisement', 'إعلان', 'اعلان', 'sponsored', 'برعاية',
    'تحميل التطبيق', 'download the app', 'print this', 'طباعة', 'email this', 'أرسل لصديق', 'ارسل لصديق',
    'skip to', 'back to top', 'العودة للأعلى', 'font size', 'حجم الخط',
    'publicité', 'publicite', 'annonce',
    'continue reading', 'story continues below', 'article continues below', 'listen to this article', 'استمع إلى المقال', 'نسخ الرابط', 'copy link',
  ].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  // Whole words only: "شارك" must not match "المشاركة".
  .replace(/^/, '(?:^|[\\s|:،,•·(-])(?:').concat(')(?=$|[\\s|:،,•·.!)-])'),
  'iu',
);

export function isBoilerPhrase(text: string): boolean {
  return text.length < 120 && BOILER_PHRASES.test(text);
}
