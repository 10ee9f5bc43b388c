import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RedisConnection } from '@khabar/worker-kit';
import { ApiKeyStore, takeRateToken, type Scope } from '@khabar/api-keys';

export type AuthMode = 'off' | 'required';

export interface AuthOptions {
  readonly mode: AuthMode;
  readonly redis: RedisConnection;
  readonly prefix: string;
}

/** Which scope a route needs; routes not listed here (health, page, OpenAPI) are open. */
export function scopeFor(method: string, url: string): Scope | null {
  const path = url.split('?')[0] ?? '';
  if (path === '/v1/urls' || path.startsWith('/v1/urls/')) return 'intake';
  if (path === '/v1/search' || path.startsWith('/v1/articles/') || path.startsWith('/v1/entities/')) return method === 'GET' ? 'search' : null;
  return null;
}

/**
 * The API key a request carries: `X-API-Key`, `Authorization: Bearer <key>`, and with `basic` also
 * the password of `Authorization: Basic` (what browsers send for the queue UI; the user name is not used).
 */
export function presentedKey(req: Pick<FastifyRequest, 'headers'>, options: { basic?: boolean } = {}): string | null {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const auth = req.headers.authorization;
  const bearer = auth ? /^Bearer\s+(\S+)$/i.exec(auth) : null;
  if (bearer?.[1]) return bearer[1];
  const basic = options.basic && auth ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(auth) : null;
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const password = colon >= 0 ? decoded.slice(colon + 1) : '';
    return password || null;
  }
  return null;
}

/**
 * API keys (`X-API-Key` or `Authorization: Bearer`), hashed at rest, each with scopes and a
 * per-minute rate shared by every API replica: 401 without a valid key, 403 outside the key's
 * scopes, 429 with Retry-After over its rate. With mode `off` (local development) nothing is checked.
 */
export function registerAuth(app: FastifyInstance, options: AuthOptions): void {
  if (options.mode === 'off') return;
  const store = new ApiKeyStore(options.redis, options.prefix);
  app.addHook('onRequest', async (req, reply) => {
    const scope = scopeFor(req.method, req.url);
    if (!scope) return;
    const key = presentedKey(req);
    const client = key ? await store.verify(key) : null;
    if (!client) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="khabar"')
        .send({ error: { code: 'KHABAR_E_UNAUTHORIZED', message: key ? 'unknown or revoked API key' : 'an API key is required (X-API-Key header or Authorization: Bearer)' } });
    }
    if (!client.scopes.includes(scope)) {
      return reply.status(403).send({ error: { code: 'KHABAR_E_FORBIDDEN', message: `the key of "${client.client}" does not allow ${scope}` } });
    }
    const rate = await takeRateToken(options.redis, options.prefix, client.client, client.ratePerMinute);
    void reply.header('x-ratelimit-remaining', String(rate.remaining));
    if (!rate.allowed) {
      return reply
        .status(429)
        .header('retry-after', String(rate.retryAfterS))
        .send({ error: { code: 'KHABAR_E_RATE_LIMITED', message: `"${client.client}" is over ${client.ratePerMinute} requests per minute` } });
    }
    req.log = req.log.child({ client: client.client });
    return undefined;
  });
}
