export { startFixtureSite, type FixtureSite, type FixtureSiteOptions } from './server.ts';
export { loadFixturePages, loadSiteManifests, SITES_DIR } from './load-pages.ts';
export { readPageBytes } from './page-bytes.ts';
export { MAX_SLOW_MS } from './special-routes.ts';
export type { ExpectedArticle, ExpectedEntities, FixtureEncoding, FixturePage, SiteManifest } from './types.ts';
