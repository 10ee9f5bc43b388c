import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { pino } from 'pino';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiApp, type ApiApp } from '../src/app.ts';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';
import { createFixtureIndex, type FixtureIndex } from './support/fixture-articles.ts';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

/** Debian's chromium, installed here when missing: this test must run, never skip quietly. */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} still missing after apt-get install chromium`);
}

let redis: Redis;
let api: ApiApp;
let fixture: FixtureIndex;
let browser: BrowserContext;
let page: Page;
let base: string;
let profile: string;
const prefix = uniquePrefix('page');
const requests: string[] = [];

beforeAll(async () => {
  ensureChromium();
  redis = testRedis();
  fixture = await createFixtureIndex(inject('elasticsearchUrl'));
  api = createApiApp({ redis, prefix, logger: pino({ level: 'silent' }), search: { client: fixture.client, index: fixture.index } });
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const address = api.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  profile = mkdtempSync(path.join(tmpdir(), 'khabar-chromium-'));
  // A fresh profile per run (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('request', (r) => requests.push(r.url()));
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await fixture?.drop();
  await deletePrefix(redis, prefix);
  await redis.quit();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Navigates (or acts) and waits until the page has rendered the new state. */
async function rendered(action: () => Promise<unknown>): Promise<void> {
  const before = await page.evaluate(() => document.body?.dataset['ready'] ?? '');
  await action();
  await page.waitForFunction((prev) => !!document.body.dataset['ready'] && document.body.dataset['ready'] !== prev, before);
  expect(await page.evaluate(() => document.body.dataset['ready'])).not.toBe('error');
}

describe('analyst search page (headless Chromium)', () => {
  it('searches in Arabic right-to-left, with highlights, facets and cluster expansion', async () => {
    await rendered(() => page.goto(`${base}/search#q=${encodeURIComponent('الكرملين')}`));
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const results = page.locator('#results > li.result');
    expect(await results.count()).toBeGreaterThanOrEqual(3);
    const first = results.first();
    expect(await first.getAttribute('dir')).toBe('rtl');
    expect(await first.getAttribute('lang')).toBe('ar');
    expect(await first.locator('mark').first().textContent()).toBe('الكرملين');
    expect(await first.evaluate((li) => getComputedStyle(li).direction)).toBe('rtl');
    await page.screenshot({ path: path.join(SHOTS, 'search-ar.png'), fullPage: true });

    const story = page.locator('#results > li.result:has(button.expand)');
    await story.locator('button.expand').click();
    await page.waitForSelector('li.copy');
    expect(await story.locator('li.copy').count()).toBe(2);

    await rendered(() => page.click('#facets [data-facet="site"] button[data-value="www.aljazeera.net"]'));
    const sites = await page.locator('#results .site').allTextContents();
    expect(sites.length).toBeGreaterThan(0);
    expect(new Set(sites)).toEqual(new Set(['www.aljazeera.net']));
    expect(page.url()).toContain('site=www.aljazeera.net');
    await page.screenshot({ path: path.join(SHOTS, 'search-ar-facet.png'), fullPage: true });
  });

  it('searches in English left-to-right', async () => {
    await rendered(() => page.goto(`${base}/search#q=Kremlin&lang=en`));
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    const dirs = await page.locator('#results > li.result').evaluateAll((lis) => lis.map((li) => li.getAttribute('dir')));
    expect(dirs.length).toBe(2);
    expect(new Set(dirs)).toEqual(new Set(['ltr']));
    await page.screenshot({ path: path.join(SHOTS, 'search-en.png'), fullPage: true });
  });

  it('opens an entity page with a volume-over-time chart and co-occurring entities', async () => {
    await rendered(() => page.goto(`${base}/search#q=${encodeURIComponent('بيسكوف')}`));
    await rendered(() => page.locator('#results button[data-entity="per:dmitry-peskov"]').first().click());
    expect(await page.isVisible('#entity')).toBe(true);
    const counts = await page.locator('#entity svg.chart rect.bar').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
    expect(await page.locator('#entity .cooccurring button[data-entity="org:kremlin"]').count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'entity.png'), fullPage: true });
  });

  it('loads nothing but its own origin', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(base))).toEqual([]);
  });
});
