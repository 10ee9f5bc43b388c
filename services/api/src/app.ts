import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { QueueSet, StatusStore, submitUrls } from '@khabar/contracts';
import { isDocumentId } from '@khabar/urls';
import type { Logger, RedisConnection } from '@khabar/worker-kit';
import { describeProblems, parseIntakeRequest, toIntakeItems } from './request-schema.ts';
import { openApiDocument } from './openapi.ts';
import { registerSearchPage } from './page.ts';
import { registerSearchRoutes, type SearchDeps } from './search/routes.ts';
import { registerAuth, type AuthMode } from './auth.ts';
import { registerQueueUi } from './queue-ui.ts';
import { ApiKeyStore } from '@khabar/api-keys';
import { RetryLaterError } from '@khabar/errors';
import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

export interface AppDeps {
  readonly redis: RedisConnection;
  readonly prefix: string;
  readonly logger: Logger;
  /** Largest accepted request body; larger ones get 413. */
  readonly bodyLimitBytes?: number;
  /** Elasticsearch for the search routes; without it they answer 503. */
  readonly search?: SearchDeps;
  /** API keys: `required` checks every /v1 request (default `off`, for local development). */
  readonly auth?: AuthMode;
  /** Refuse new URLs with 429 while this many fetch jobs wait (0: no limit). */
  readonly maxBacklog?: number;
  /** Re-fetch a known URL re-submitted at least this long after it was processed (0: never). */
  readonly recrawlAfterMs?: number;
  /** The queue UI on /admin/queues, for these API clients only; absent or empty: not mounted. */
  readonly queueUi?: { readonly adminClients: readonly string[]; readonly readOnly?: boolean };
}

export interface ApiApp {
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/** The intake and search API, the analyst page and /openapi.json. Errors are JSON `{error: {code, message, problems?}}` with a precise 4xx. */
export function createApiApp(deps: AppDeps): ApiApp {
  const app = Fastify({ loggerInstance: deps.logger as FastifyBaseLogger, bodyLimit: deps.bodyLimitBytes ?? 1_048_576 });
  const queues = new QueueSet({ connection: deps.redis, prefix: deps.prefix });
  const status = new StatusStore(deps.redis, deps.prefix);

  const registry = new Registry();
  registry.setDefaultLabels({ service: 'api' });
  collectDefaultMetrics({ register: registry });
  const intakeCounter = new Counter({ name: 'khabar_intake_urls_total', help: 'URLs submitted, by outcome', labelNames: ['outcome'], registers: [registry] });
  registerAuth(app, { mode: deps.auth ?? 'off', redis: deps.redis, prefix: deps.prefix });

  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, _req, reply) => {
    if (err instanceof RetryLaterError && err.code === 'KHABAR_E_BACKPRESSURE') {
      intakeCounter.inc({ outcome: 'backpressure' });
      void reply.status(429).header('retry-after', String(Math.ceil((err.retryAfterMs ?? 30_000) / 1000))).send({ error: { code: err.code, message: err.message } });
      return;
    }
    const statusCode = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (statusCode >= 500) deps.logger.error({ err }, 'request failed');
    const code =
      statusCode === 413 ? 'KHABAR_E_BODY_TOO_LARGE' : statusCode === 415 ? 'KHABAR_E_UNSUPPORTED_MEDIA_TYPE' : statusCode === 400 ? 'KHABAR_E_BAD_REQUEST' : statusCode >= 500 ? 'KHABAR_E_INTERNAL' : 'KHABAR_E_REQUEST';
    void reply.status(statusCode).send({ error: { code, message: statusCode >= 500 ? 'internal error' : err.message } });
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send({ error: { code: 'KHABAR_E_NOT_FOUND', message: `no route ${req.method} ${req.url}` } });
  });

  app.post('/v1/urls', async (req, reply) => {
    const parsed = parseIntakeRequest(req.body);
    if (!parsed.success) {
      const problems = describeProblems(parsed.error);
      return reply.status(400).send({
        error: { code: 'KHABAR_E_VALIDATION', message: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems },
      });
    }
    const results = await submitUrls({ queues, status, maxBacklog: deps.maxBacklog ?? 0, ...(deps.recrawlAfterMs ? { recrawlAfterMs: deps.recrawlAfterMs } : {}) }, toIntakeItems(parsed.data));
    for (const r of results) intakeCounter.inc({ outcome: r.outcome });
    return reply.status(202).send({ items: results });
  });

  app.get<{ Params: { id: string } }>('/v1/urls/:id', async (req, reply) => {
    if (!isDocumentId(req.params.id)) {
      return reply.status(400).send({ error: { code: 'KHABAR_E_VALIDATION', message: 'id: must be 32 lower-case hex characters', problems: [{ field: 'id', message: 'must be 32 lower-case hex characters' }] } });
    }
    const record = await status.get(req.params.id);
    if (!record) return reply.status(404).send({ error: { code: 'KHABAR_E_NOT_FOUND', message: `no URL with id ${req.params.id}` } });
    return record;
  });

  if (deps.search) registerSearchRoutes(app, deps.search);
  else {
    for (const path of ['/v1/search', '/v1/articles/:id', '/v1/entities/:id']) {
      app.get(path, async (_req, reply) => reply.status(503).send({ error: { code: 'KHABAR_E_INDEX_UNAVAILABLE', message: 'search is not configured on this instance' } }));
    }
  }
  registerSearchPage(app);
  const keys = new ApiKeyStore(deps.redis, deps.prefix);
  registerQueueUi(app, { queues: () => queues.all(), adminClients: deps.queueUi?.adminClients ?? [], verify: (key) => keys.verify(key), readOnly: deps.queueUi?.readOnly ?? false });
  const openapi = openApiDocument();
  app.get('/openapi.json', async () => openapi);

  app.get('/metrics', async (_req, reply) => reply.header('content-type', registry.contentType).send(await registry.metrics()));
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await deps.redis.ping();
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'not_ready', reason: 'redis unreachable' });
    }
  });

  return {
    app,
    async close() {
      await app.close();
      await queues.close();
    },
  };
}
