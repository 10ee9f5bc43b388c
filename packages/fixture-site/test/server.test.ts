import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPageBytes, startFixtureSite, type FixtureSite } from '../src/index.ts';
import { visibleBlocks } from './visible-text.ts';

let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(async () => {
  await site.close();
});

const get = (path: string, init: RequestInit = {}): Promise<Response> => fetch(site.url + path, { redirect: 'manual', ...init });

describe('startFixtureSite', () => {
  it('listens on loopback with a random port', () => {
    expect(site.url).toBe(`http://127.0.0.1:${site.port}`);
    expect(site.port).toBeGreaterThan(0);
    expect(site.pages.length).toBeGreaterThanOrEqual(14);
  });

  it('serves every page with its status, Content-Type and exact bytes', async () => {
    for (const page of site.pages) {
      const res = await get(page.path);
      expect(res.status, page.id).toBe(200);
      expect(res.headers.get('content-type'), page.id).toBe(page.contentType);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.equals(readPageBytes(page)), page.id).toBe(true);
      expect(site.urlFor(page.id)).toBe(site.url + page.path);
    }
  });

  it('serves windows-1256 pages as real windows-1256 bytes holding the gold paragraphs', async () => {
    const legacy = site.pages.filter((p) => p.encoding === 'windows-1256');
    expect(legacy.length).toBeGreaterThanOrEqual(2);
    for (const page of legacy) {
      const body = Buffer.from(await (await get(page.path)).arrayBuffer());
      const decoded = iconv.decode(body, 'windows-1256');
      const blocks = visibleBlocks(decoded);
      for (const paragraph of page.expected.paragraphs) expect(blocks, page.id).toContain(paragraph);
      // The same bytes read as UTF-8 must not look like Arabic: proves they were transcoded.
      expect(body.toString('utf8').includes(page.expected.paragraphs[0] ?? '\0'), page.id).toBe(false);
      expect(decoded).toMatch(/<meta http-equiv="Content-Type" content="text\/html; charset=windows-1256">/);
    }
  });

  it('has one legacy page whose header carries no charset (the meta tag is the only hint)', async () => {
    const bare = site.pages.filter((p) => p.encoding === 'windows-1256' && !/charset=/i.test(p.contentType));
    expect(bare.map((p) => p.id)).toEqual(['watan-archive/safadi-abdelatty-amman']);
    const res = await get(bare[0]?.path ?? '/');
    expect(res.headers.get('content-type')).toBe('text/html');
  });

  it('serves UTF-8 pages whose text is readable Arabic or English', async () => {
    const page = site.pages.find((p) => p.id === 'rt-arabic/peskov-baku-yerevan');
    const res = await get(page?.path ?? '/');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('دميتري بيسكوف');
  });

  it('serves the held-out pages too, kept apart from site.pages', async () => {
    expect(site.pages.every((p) => p.split === 'dev')).toBe(true);
    expect(site.heldoutPages.length).toBeGreaterThanOrEqual(28);
    expect(site.heldoutPages.every((p) => p.split === 'heldout')).toBe(true);
    for (const page of site.heldoutPages) {
      const res = await get(page.path);
      expect(res.status, page.id).toBe(200);
      expect(res.headers.get('content-type'), page.id).toBe(page.contentType);
      expect(Buffer.from(await res.arrayBuffer()).equals(readPageBytes(page)), page.id).toBe(true);
      expect(site.urlFor(page.id)).toBe(site.url + page.path);
    }
    const root = await (await get('/')).text();
    for (const prefix of new Set(site.heldoutPages.map((p) => p.path.split('/')[1]))) {
      expect(root).toContain(`href="/${prefix}/"`);
      const html = await (await get(`/${prefix}/`)).text();
      for (const page of site.heldoutPages.filter((p) => p.path.startsWith(`/${prefix}/`))) expect(html).toContain(`href="${page.path.replace(/&/g, '&amp;')}"`);
    }
  });

  it('serves held-out legacy pages as real windows-1256 / ISO-8859-6 bytes holding the gold paragraphs', async () => {
    const legacy = site.heldoutPages.filter((p) => p.encoding !== 'utf-8');
    expect(new Set(legacy.map((p) => p.encoding))).toEqual(new Set(['windows-1256', 'iso-8859-6']));
    for (const page of legacy) {
      const body = Buffer.from(await (await get(page.path)).arrayBuffer());
      const decoded = iconv.decode(body, page.encoding);
      const blocks = visibleBlocks(decoded);
      for (const paragraph of page.expected.paragraphs) expect(blocks, page.id).toContain(paragraph);
      expect(body.toString('utf8').includes(page.expected.paragraphs[0] ?? '\0'), page.id).toBe(false);
      expect(decoded, page.id).toContain(`<meta http-equiv="Content-Type" content="text/html; charset=${page.encoding}">`);
    }
  });

  it('answers HEAD with headers but no body', async () => {
    const page = site.pages[0];
    const res = await get(page?.path ?? '/', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBe(page ? readPageBytes(page).length : -1);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('lists every article on its site index page and every site on the root', async () => {
    const root = await (await get('/')).text();
    for (const prefix of new Set(site.pages.map((p) => p.path.split('/')[1]))) {
      expect(root).toContain(`href="/${prefix}/"`);
      const index = await get(`/${prefix}/`);
      expect(index.status).toBe(200);
      const html = await index.text();
      for (const page of site.pages.filter((p) => p.path.startsWith(`/${prefix}/`))) expect(html).toContain(`href="${page.path}"`);
    }
  });

  it('allows everything in robots.txt', async () => {
    const res = await get('/robots.txt');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('User-agent: *\nAllow: /\n');
  });

  it('answers /_status/<code> with that code, Retry-After on 429 and 503', async () => {
    expect((await get('/_status/404')).status).toBe(404);
    expect((await get('/_status/500')).status).toBe(500);
    const limited = await get('/_status/429');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await get('/_status/200')).status).toBe(400);
  });

  it('returns 404 for unknown paths', async () => {
    expect((await get('/rt-arabic/no-such-page.html')).status).toBe(404);
  });

  it('serves a real PDF at /_binary.pdf', async () => {
    const res = await get('/_binary.pdf');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('delays /_slow by the requested milliseconds', async () => {
    const started = performance.now();
    const res = await get('/_slow?ms=300');
    await res.text();
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('redirects only to same-host paths', async () => {
    const ok = await get('/_redirect?to=/robots.txt');
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe('/robots.txt');
    const permanent = await get('/_redirect?to=/robots.txt&status=301');
    expect(permanent.status).toBe(301);
    for (const to of ['http://other.invalid/', '//other.invalid/x', 'relative']) {
      const bad = await get(`/_redirect?to=${encodeURIComponent(to)}`);
      expect(bad.status, to).toBe(400);
      expect(bad.headers.get('location')).toBeNull();
    }
    const followed = await fetch(`${site.url}/_redirect?to=/robots.txt`);
    expect(await followed.text()).toBe('User-agent: *\nAllow: /\n');
  });

  it('rejects unknown page ids in urlFor', () => {
    expect(() => site.urlFor('nope/nothing')).toThrow(/unknown fixture page id/);
  });

  it('closes promptly even while a slow response is pending', async () => {
    const other = await startFixtureSite();
    const pending = fetch(`${other.url}/_slow?ms=20000`).then(
      () => 'answered',
      () => 'aborted',
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    await other.close();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await pending).toBe('aborted');
  });
});
