/** Named entities a human reader would tag, as surface forms that occur in the title or body. */
export interface ExpectedEntities {
  PER: string[];
  ORG: string[];
  LOC: string[];
}

/**
 * The hand-written gold for one fixture page: what a human reader sees as the article.
 * Field names follow `Article` in @khabar/contracts where the two overlap.
 */
export interface ExpectedArticle {
  /** URL path (no host) the page is served at. */
  path: string;
  lang: string;
  /** Headline as shown in the page's h1, without any site-name suffix. */
  title: string;
  /** UTC ISO-8601 instant, or null when the page shows no date. */
  publishedAt: string | null;
  authors: string[];
  /** Body paragraphs in reading order, whitespace collapsed to single spaces. */
  paragraphs: string[];
  tags: string[];
  /** Source / credit lines ("المصدر: …", "Reporting by …"), without their label. */
  attribution: string[];
  /** Boilerplate that occurs on the page but must not end up in the extracted body. */
  mustNotContain: string[];
  entities: ExpectedEntities;
  /** `<site>/<slug>` of the original when this page is a syndicated copy, else null. */
  duplicateOf: string | null;
  /** How the gold was decided where a reader has to judge (time zones, dates only in the URL). */
  notes?: string;
}

/** Character encodings the fixture site serves pages in. */
export type FixtureEncoding = 'utf-8' | 'windows-1256' | 'iso-8859-6';

/**
 * `dev`: the pages under `sites/`, open to whoever tunes the extractor. `heldout`: the pages under
 * `heldout/`, kept for judging it; the extractor's authors must not tune against them. `heldout2`:
 * the pages under `heldout2/`, a second held-out set written without reading the extractor or
 * `heldout/`; loaded only on request (not part of `all`, not served). `heldout3`: the pages under
 * `heldout3/`, a third blind set written without reading the extractor or the other held-out sets;
 * likewise loaded only on request. `heldout4`: the pages under `heldout4/`, a fourth blind set written
 * the same way once `heldout3` had been used to study failures; `heldout5` likewise once `heldout4`
 * had been, `heldout6` once `heldout5` had been and `heldout7` once `heldout6` had been; all loaded
 * only on request.
 */
export type FixtureSplit = 'dev' | 'heldout' | 'heldout2' | 'heldout3' | 'heldout4' | 'heldout5' | 'heldout6' | 'heldout7';

export interface SiteManifest {
  /** Directory name under `sites/` or `heldout/`, also the id prefix; unique across both. */
  site: string;
  split: FixtureSplit;
  name: string;
  /** URL path prefix every page of the site lives under, with leading and trailing slash. */
  prefix: string;
  lang: string;
  encoding: FixtureEncoding;
  /** Markup family, documented in the package README. */
  template: string;
  /** Per-slug Content-Type overrides (deliberately wrong or charset-less headers). */
  contentType: Record<string, string>;
  /** Per-slug encoding overrides (an old archive page in another legacy charset). */
  pageEncoding: Record<string, FixtureEncoding>;
}

export interface FixturePage {
  /** `<site>/<slug>` */
  id: string;
  split: FixtureSplit;
  path: string;
  site: string;
  lang: string;
  /** Encoding of the bytes on the wire. */
  encoding: FixtureEncoding;
  /** Exact Content-Type header the server sends for the page. */
  contentType: string;
  /** Absolute path of the UTF-8 source file. */
  file: string;
  expected: ExpectedArticle;
}
