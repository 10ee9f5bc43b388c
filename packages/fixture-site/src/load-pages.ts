import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpectedArticle, FixtureEncoding, FixturePage, SiteManifest } from './types.ts';

/** Directory holding `sites/<site>/<slug>.html` + `.expected.json` + `site.json`. */
export const SITES_DIR = join(import.meta.dirname, '..', 'sites');

const ENCODINGS: readonly FixtureEncoding[] = ['utf-8', 'windows-1256'];

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseManifest(site: string, raw: unknown): SiteManifest {
  if (!isRecord(raw)) throw new Error(`sites/${site}/site.json: not an object`);
  const { name, prefix, lang, encoding, template, contentType } = raw;
  if (typeof name !== 'string' || typeof prefix !== 'string' || typeof lang !== 'string' || typeof template !== 'string') {
    throw new Error(`sites/${site}/site.json: name, prefix, lang and template must be strings`);
  }
  if (!ENCODINGS.includes(encoding as FixtureEncoding)) throw new Error(`sites/${site}/site.json: unknown encoding ${String(encoding)}`);
  const overrides: Record<string, string> = {};
  if (isRecord(contentType)) for (const [k, v] of Object.entries(contentType)) if (typeof v === 'string') overrides[k] = v;
  return { site, name, prefix, lang, template, encoding: encoding as FixtureEncoding, contentType: overrides };
}

/** Every site's manifest, sorted by directory name. */
export function loadSiteManifests(dir: string = SITES_DIR): SiteManifest[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((site) => parseManifest(site, readJson(join(dir, site, 'site.json'))));
}

/**
 * Reads every fixture page and its gold. The expected JSON is trusted to have the documented
 * shape; test/expected-shape.test.ts checks it field by field.
 */
export function loadFixturePages(dir: string = SITES_DIR): FixturePage[] {
  const pages: FixturePage[] = [];
  for (const manifest of loadSiteManifests(dir)) {
    const siteDir = join(dir, manifest.site);
    const slugs = readdirSync(siteDir).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -'.html'.length)).sort();
    for (const slug of slugs) {
      const expected = readJson(join(siteDir, `${slug}.expected.json`)) as ExpectedArticle;
      pages.push({
        id: `${manifest.site}/${slug}`,
        path: expected.path,
        site: manifest.site,
        lang: expected.lang,
        encoding: manifest.encoding,
        contentType: manifest.contentType[slug] ?? `text/html; charset=${manifest.encoding}`,
        file: join(siteDir, `${slug}.html`),
        expected,
      });
    }
  }
  return pages;
}
