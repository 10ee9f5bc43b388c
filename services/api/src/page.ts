import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const STATIC = new URL('../static/', import.meta.url);
const ASSETS = {
  'search.js': 'text/javascript; charset=utf-8',
  'search.css': 'text/css; charset=utf-8',
} as const;

/** Same-origin only: the page loads nothing from elsewhere, so the policy can say so. */
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The analyst search page: GET /search (and / redirecting to it), plus its two assets. No build step. */
export function registerSearchPage(app: FastifyInstance): void {
  const html = readFileSync(new URL('search.html', STATIC), 'utf8');
  const assets = Object.fromEntries(Object.keys(ASSETS).map((name) => [name, readFileSync(new URL(name, STATIC), 'utf8')]));
  app.get('/', async (_req, reply) => reply.redirect('/search', 302));
  app.get('/search', async (_req, reply) => reply.header('content-security-policy', CSP).type('text/html; charset=utf-8').send(html));
  for (const [name, type] of Object.entries(ASSETS)) {
    app.get(`/assets/${name}`, async (_req, reply) => reply.header('cache-control', 'no-cache').type(type).send(assets[name]));
  }
}
