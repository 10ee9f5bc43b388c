import type { Client } from '@elastic/elasticsearch';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isDocumentId } from '@khabar/urls';
import type { z } from 'zod';
import { describeProblems } from '../request-schema.ts';
import { entityParamsSchema, parseSearchParams } from './params.ts';
import { CursorError } from './query.ts';
import { getArticle, getEntity, runSearch } from './run.ts';

export interface SearchDeps {
  readonly client: Client;
  /** The read alias (KHABAR_INDEX_NAME). */
  readonly index: string;
}

function badRequest(reply: FastifyReply, problems: { field: string; message: string }[]) {
  return reply.status(400).send({ error: { code: 'KHABAR_E_VALIDATION', message: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems } });
}

/** Elasticsearch down, overloaded or without the index: 503 the client may retry. */
function unavailable(reply: FastifyReply, err: unknown) {
  if (err instanceof CursorError) return badRequest(reply, [{ field: 'cursor', message: err.message }]);
  const meta = err as { meta?: { statusCode?: number; body?: { error?: { type?: string } } }; name?: string };
  const type = meta.meta?.body?.error?.type;
  const known = meta.name === 'ConnectionError' || meta.name === 'TimeoutError' || type === 'index_not_found_exception' || (meta.meta?.statusCode ?? 0) === 429 || (meta.meta?.statusCode ?? 0) >= 500;
  if (!known) {
    // A request Elasticsearch refuses is our bug, not the client's: 500, details only in the log.
    reply.log.error({ err, reason: meta.meta?.body }, 'search request failed');
    return reply.status(500).send({ error: { code: 'KHABAR_E_INTERNAL', message: 'internal error' } });
  }
  return reply
    .status(503)
    .header('retry-after', '5')
    .send({ error: { code: 'KHABAR_E_INDEX_UNAVAILABLE', message: type === 'index_not_found_exception' ? 'the article index does not exist yet (nothing indexed)' : 'Elasticsearch is unavailable; retry shortly' } });
}

const problemsOf = (error: z.ZodError) => describeProblems(error);

/** GET /v1/search, /v1/articles/:id, /v1/entities/:id. */
export function registerSearchRoutes(app: FastifyInstance, deps: SearchDeps): void {
  app.get('/v1/search', async (req, reply) => {
    const parsed = parseSearchParams(req.query);
    if (!parsed.success) return badRequest(reply, problemsOf(parsed.error));
    try {
      return await runSearch(deps.client, deps.index, parsed.data);
    } catch (err) {
      return unavailable(reply, err);
    }
  });

  app.get<{ Params: { id: string } }>('/v1/articles/:id', async (req, reply) => {
    if (!isDocumentId(req.params.id)) return badRequest(reply, [{ field: 'id', message: 'must be 32 lower-case hex characters' }]);
    try {
      const article = await getArticle(deps.client, deps.index, req.params.id);
      if (!article) return reply.status(404).send({ error: { code: 'KHABAR_E_NOT_FOUND', message: `no article with id ${req.params.id}` } });
      return article;
    } catch (err) {
      return unavailable(reply, err);
    }
  });

  app.get<{ Params: { id: string } }>('/v1/entities/:id', async (req, reply) => {
    const parsed = entityParamsSchema.safeParse(req.query ?? {});
    if (!parsed.success) return badRequest(reply, problemsOf(parsed.error));
    if (req.params.id.length > 300) return badRequest(reply, [{ field: 'id', message: 'at most 300 characters' }]);
    try {
      const entity = await getEntity(deps.client, deps.index, req.params.id, parsed.data);
      if (!entity) return reply.status(404).send({ error: { code: 'KHABAR_E_NOT_FOUND', message: `no article mentions entity ${req.params.id}` } });
      return entity;
    } catch (err) {
      return unavailable(reply, err);
    }
  });
}
