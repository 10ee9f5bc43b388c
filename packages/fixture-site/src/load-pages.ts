import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpectedArticle, FixtureEncoding, FixturePage, FixtureSplit, SiteManifest } from './types.ts';

/** Directory holding the dev split: `sites/<site>/<slug>.html` + `.expected.json` + `site.json`. */
export const SITES_DIR = join(import.meta.dirname, '..', 'sites');
/** Directory holding the held-out split, same layout as {@link SITES_DIR}. */
export const HELDOUT_DIR = join(import.meta.dirname, '..', 'heldout');
/** Directory holding the second held-out split, same layout as {@link SITES_DIR}. */
export const HELDOUT2_DIR = join(import.meta.dirname, '..', 'heldout2');
/** Directory holding the third held-out split, same layout as {@link SITES_DIR}. */
export const HELDOUT3_DIR = join(import.meta.dirname, '..', 'heldout3');
/** Directory holding the fourth held-out split, same layout as {@link SITES_DIR}. */
export const HELDOUT4_DIR = join(import.meta.dirname, '..', 'heldout4');
/** Directory holding the fifth held-out split, same layout as {@link SITES_DIR}. */
export const HELDOUT5_DIR = join(import.meta.dirname, '..', 'heldout5');
/** Directory holding the sixth held-out split, same layout as {@link SITES_DIR}. */
export const HELDOUT6_DIR = join(import.meta.dirname, '..', 'heldout6');
/** Directory holding the seventh held-out split, same layout as {@link SITES_DIR}. */
export const HELDOUT7_DIR = join(import.meta.dirname, '..', 'heldout7');

export interface LoadFixtureOptions {
  /**
   * Which pages: `dev` (the default, `sites/`), `heldout` (`heldout/`), `heldout2` (`heldout2/`),
   * `heldout3` (`heldout3/`), `heldout4` (`heldout4/`), `heldout5` (`heldout5/`), `heldout6` (`heldout6/`),
   * `heldout7` (`heldout7/`) or `all` (dev then heldout; `heldout2` to `heldout7` are only loaded when
   * asked for by name).
   */
  split?: FixtureSplit | 'all';
}

const ENCODINGS: readonly FixtureEncoding[] = ['utf-8', 'windows-1256', 'iso-8859-6'];
const SPLIT_DIRS: Readonly<Record<FixtureSplit, string>> = { dev: SITES_DIR, heldout: HELDOUT_DIR, heldout2: HELDOUT2_DIR, heldout3: HELDOUT3_DIR, heldout4: HELDOUT4_DIR, heldout5: HELDOUT5_DIR, heldout6: HELDOUT6_DIR, heldout7: HELDOUT7_DIR };

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEncoding(v: unknown): v is FixtureEncoding {
  return ENCODINGS.includes(v as FixtureEncoding);
}

function parseManifest(site: string, split: FixtureSplit, raw: unknown): SiteManifest {
  const where = `${split}/${site}/site.json`;
  if (!isRecord(raw)) throw new Error(`${where}: not an object`);
  const { name, prefix, lang, encoding, template, contentType, pageEncoding } = raw;
  if (typeof name !== 'string' || typeof prefix !== 'string' || typeof lang !== 'string' || typeof template !== 'string') {
    throw new Error(`${where}: name, prefix, lang and template must be strings`);
  }
  if (!isEncoding(encoding)) throw new Error(`${where}: unknown encoding ${String(encoding)}`);
  const overrides: Record<string, string> = {};
  if (isRecord(contentType)) for (const [k, v] of Object.entries(contentType)) if (typeof v === 'string') overrides[k] = v;
  const encodings: Record<string, FixtureEncoding> = {};
  if (isRecord(pageEncoding)) {
    for (const [k, v] of Object.entries(pageEncoding)) {
      if (!isEncoding(v)) throw new Error(`${where}: unknown encoding ${String(v)} for ${k}`);
      encodings[k] = v;
    }
  }
  return { site, split, name, prefix, lang, template, encoding, contentType: overrides, pageEncoding: encodings };
}

function splitsOf(split: FixtureSplit | 'all'): FixtureSplit[] {
  return split === 'all' ? ['dev', 'heldout'] : [split];
}

function manifestsIn(split: FixtureSplit): SiteManifest[] {
  const dir = SPLIT_DIRS[split];
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((site) => parseManifest(site, split, readJson(join(dir, site, 'site.json'))));
}

/** Every site's manifest of the chosen split (default `dev`), sorted by directory name within a split. */
export function loadSiteManifests(options: LoadFixtureOptions = {}): SiteManifest[] {
  const manifests = splitsOf(options.split ?? 'dev').flatMap(manifestsIn);
  const seen = new Set<string>();
  for (const m of manifests) {
    if (seen.has(m.site)) throw new Error(`site "${m.site}" exists in more than one split`);
    seen.add(m.site);
  }
  return manifests;
}

/**
 * Reads every fixture page of the chosen split (default `dev`) and its gold. The expected JSON is
 * trusted to have the documented shape; test/expected-gold.test.ts checks it field by field.
 */
export function loadFixturePages(options: LoadFixtureOptions = {}): FixturePage[] {
  const pages: FixturePage[] = [];
  for (const manifest of loadSiteManifests(options)) {
    const siteDir = join(SPLIT_DIRS[manifest.split], manifest.site);
    const slugs = readdirSync(siteDir).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -'.html'.length)).sort();
    for (const slug of slugs) {
      const expected = readJson(join(siteDir, `${slug}.expected.json`)) as ExpectedArticle;
      const encoding = manifest.pageEncoding[slug] ?? manifest.encoding;
      pages.push({
        id: `${manifest.site}/${slug}`,
        split: manifest.split,
        path: expected.path,
        site: manifest.site,
        lang: expected.lang,
        encoding,
        contentType: manifest.contentType[slug] ?? `text/html; charset=${encoding}`,
        file: join(siteDir, `${slug}.html`),
        expected,
      });
    }
  }
  return pages;
}
