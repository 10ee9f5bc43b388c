export { startFixtureSite, type FixtureSite, type FixtureSiteOptions } from './server.ts';
export { HELDOUT_DIR, HELDOUT2_DIR, HELDOUT3_DIR, loadFixturePages, loadSiteManifests, SITES_DIR, type LoadFixtureOptions } from './load-pages.ts';
export { readPageBytes } from './page-bytes.ts';
export { MAX_SLOW_MS } from './special-routes.ts';
export type { ExpectedArticle, ExpectedEntities, FixtureEncoding, FixturePage, FixtureSplit, SiteManifest } from './types.ts';
