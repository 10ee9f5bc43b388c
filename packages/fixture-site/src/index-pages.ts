import type { FixturePage, SiteManifest } from './types.ts';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A site's front page: a plain list of links to its articles, so a crawler can discover them. */
export function renderSiteIndex(site: SiteManifest, pages: readonly FixturePage[]): string {
  const dir = site.lang === 'ar' ? 'rtl' : 'ltr';
  const items = pages
    .filter((p) => p.site === site.site)
    .map((p) => `<li><a href="${escapeHtml(p.path)}">${escapeHtml(p.expected.title)}</a></li>`)
    .join('\n');
  return `<!DOCTYPE html>\n<html lang="${site.lang}" dir="${dir}">\n<head><meta charset="utf-8"><title>${escapeHtml(site.name)}</title></head>\n<body>\n<h1>${escapeHtml(site.name)}</h1>\n<ul class="articles">\n${items}\n</ul>\n</body>\n</html>\n`;
}

/** The host's root page, linking every site's index. */
export function renderRootIndex(sites: readonly SiteManifest[]): string {
  const items = sites.map((s) => `<li><a href="${escapeHtml(s.prefix)}">${escapeHtml(s.name)}</a></li>`).join('\n');
  return `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Khabar fixture sites</title></head>\n<body>\n<ul class="sites">\n${items}\n</ul>\n</body>\n</html>\n`;
}
