import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadFixturePages, loadSiteManifests } from './load-pages.ts';
import { readPageBytes } from './page-bytes.ts';
import { renderRootIndex, renderSiteIndex } from './index-pages.ts';
import { PDF_BYTES, handleRedirect, handleSlow, handleStatus, send, sendText } from './special-routes.ts';
import type { FixturePage } from './types.ts';

export interface FixtureSiteOptions {
  /** Defaults to 127.0.0.1; tests must stay on loopback. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface FixtureSite {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  /** The dev split (`sites/`). */
  pages: FixturePage[];
  /** The held-out split (`heldout/`): served like the dev pages, kept apart for judging. */
  heldoutPages: FixturePage[];
  /** Absolute URL of a page by id (`<site>/<slug>`); throws on an unknown id. */
  urlFor(id: string): string;
  close(): Promise<void>;
}

const ROBOTS = 'User-agent: *\nAllow: /\n';

/** Serves every fixture page (dev and held-out), one index per site, robots.txt and the failure endpoints. */
export async function startFixtureSite(options: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const pages = loadFixturePages({ split: 'all' });
  const sites = loadSiteManifests({ split: 'all' });
  const byPath = new Map(pages.map((p) => [p.path, p] as const));
  const byId = new Map(pages.map((p) => [p.id, p] as const));
  const siteIndexes = new Map(sites.map((s) => [s.prefix, renderSiteIndex(s, pages)] as const));
  const pending = new Set<NodeJS.Timeout>();

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://fixture.invalid');
    const path = url.pathname;
    // Legacy pages live at `news.asp?id=…`: their path includes the query string.
    const page = byPath.get(path + url.search) ?? byPath.get(path);
    if (page) {
      send(res, 200, page.contentType, readPageBytes(page), { 'Content-Language': page.lang });
      return;
    }
    const index = path === '/' ? renderRootIndex(sites) : siteIndexes.get(path);
    if (index !== undefined) return send(res, 200, 'text/html; charset=utf-8', index);
    if (path === '/robots.txt') return sendText(res, 200, ROBOTS);
    if (path === '/_binary.pdf') return send(res, 200, 'application/pdf', PDF_BYTES);
    if (path === '/_redirect') return handleRedirect(res, url.searchParams);
    if (path === '/_slow') return handleSlow(res, url.searchParams, pending);
    const status = /^\/_status\/([^/]+)$/.exec(path);
    if (status?.[1] !== undefined) return handleStatus(res, status[1]);
    send(res, 404, 'text/html; charset=utf-8', '<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>\n');
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const base = `http://${host}:${address.port}`;

  return {
    url: base,
    port: address.port,
    pages: pages.filter((p) => p.split === 'dev'),
    heldoutPages: pages.filter((p) => p.split === 'heldout'),
    urlFor(id: string): string {
      const page = byId.get(id);
      if (!page) throw new Error(`unknown fixture page id "${id}"`);
      return base + page.path;
    },
    close(): Promise<void> {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
