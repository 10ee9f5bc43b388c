import { z } from 'zod';
import { intakeRequestSchema } from './request-schema.ts';
import { entityParamsSchema, searchParamsSchema } from './search/params.ts';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** OpenAPI query parameters generated from a zod object schema (one per property, with its description). */
export function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = toSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return { name, in: 'query', required: json.required?.includes(name) === true && !('default' in prop), ...(description ? { description } : {}), schema: rest };
  });
}

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const json = (description: string, schema: JsonSchema = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });
const idParam = (description: string, pattern?: string) => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string', ...(pattern ? { pattern } : {}) } });

/** The document served at GET /openapi.json (query parameters and the intake body come from the zod schemas). */
export function openApiDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: { title: 'Khabar API', version: '1', description: 'Intake of URLs for ingestion, and search over the indexed articles. Errors are {"error": {"code", "message", "problems"?}} (docs/errors.md).' },
    paths: {
      '/v1/urls': {
        post: {
          summary: 'Submit one URL or a batch for ingestion',
          requestBody: { required: true, content: { 'application/json': { schema: toSchema(intakeRequestSchema) } } },
          responses: { '202': json('One item per URL: id, canonicalUrl, outcome accepted|known|recrawl, state'), '400': error('Validation failed; problems name each bad field'), '413': error('Body too large') },
        },
      },
      '/v1/urls/{id}': {
        get: { summary: 'Where a submitted URL is in the pipeline', parameters: [idParam('URL id', '^[0-9a-f]{32}$')], responses: { '200': json('Status record'), '400': error('Bad id'), '404': error('Unknown id') } },
      },
      '/v1/search': {
        get: {
          summary: 'Full-text search with filters, facets and cluster collapse',
          description: 'One result per story (duplicate cluster) unless expand=true. Page with the returned cursor.',
          parameters: queryParameters(searchParamsSchema),
          responses: { '200': json('Results, facets and the next cursor', { $ref: '#/components/schemas/SearchResult' }), '400': error('A query parameter is invalid; problems name it'), '503': error('Elasticsearch unavailable') },
        },
      },
      '/v1/articles/{id}': {
        get: { summary: 'One indexed article', parameters: [idParam('Article id (the URL id)', '^[0-9a-f]{32}$')], responses: { '200': json('The stored document'), '400': error('Bad id'), '404': error('Not indexed'), '503': error('Elasticsearch unavailable') } },
      },
      '/v1/entities/{id}': {
        get: {
          summary: 'An entity: mentions over time, co-occurring entities, sites, latest articles',
          parameters: [idParam('Entity id as in entities.id (URL-encoded)'), ...queryParameters(entityParamsSchema)],
          responses: { '200': json('Entity summary'), '400': error('Bad parameter'), '404': error('No article mentions it'), '503': error('Elasticsearch unavailable') },
        },
      },
      '/healthz': { get: { summary: 'Liveness', responses: { '200': json('ok') } } },
      '/readyz': { get: { summary: 'Readiness (Redis reachable)', responses: { '200': json('ready'), '503': json('not ready') } } },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, problems: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } } },
            },
          },
        },
        SearchResult: {
          type: 'object',
          required: ['total', 'items', 'cursor', 'facets'],
          properties: {
            total: { type: 'integer', description: 'Matching articles, every copy counted' },
            stories: { type: ['integer', 'null'], description: 'Distinct stories (clusters) among them' },
            cursor: { type: ['string', 'null'] },
            items: { type: 'array', items: { type: 'object', description: 'id, url, site, title, lang, dir, publishedAt, highlight {title, text[]} (HTML-escaped, matches in <mark>), cluster {id, role, copies, others[]}, entities[]' } },
            facets: { type: ['object', 'null'], description: 'entities (by type), sites, languages, roles, timeline {interval, buckets[]}' },
          },
        },
      },
    },
  };
}
