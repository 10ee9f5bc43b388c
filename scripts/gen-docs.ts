/**
 * Generates docs/errors.md (from the error catalogue) and .env.example (from every service's
 * config schema). `--check` exits 1 when either file is out of date (CI runs it via a test).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describeEnv, type EnvShape } from '@khabar/config';
import { ERROR_CATALOGUE } from '@khabar/errors';
import { apiEnv } from '../services/api/src/config.ts';
import { fetcherEnv } from '../services/fetcher/src/config.ts';
import { parserEnv } from '../services/parser/src/config.ts';
import { dedupEnv } from '../services/dedup/src/config.ts';
import { taggerEnv } from '../services/tagger/src/config.ts';
import { indexerEnv } from '../services/indexer/src/config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Codes that answer a request (API status or CLI exit), rather than fail a job. */
export const INTERFACE_CODES: ReadonlyArray<[string, string, string]> = [
  ['KHABAR_E_VALIDATION', 'API 400, CLI', 'A field or parameter is invalid; `problems` names each one.'],
  ['KHABAR_E_BAD_REQUEST', 'API 400', 'The body could not be parsed (not JSON).'],
  ['KHABAR_E_BODY_TOO_LARGE', 'API 413', 'The request body is over KHABAR_API_BODY_LIMIT_BYTES.'],
  ['KHABAR_E_UNSUPPORTED_MEDIA_TYPE', 'API 415', 'The body is not JSON.'],
  ['KHABAR_E_NOT_FOUND', 'API 404, CLI', 'No such URL id, article, entity, route or failed job.'],
  ['KHABAR_E_UNAUTHORIZED', 'API 401', 'No API key, or an unknown or revoked one (KHABAR_API_AUTH=required).'],
  ['KHABAR_E_FORBIDDEN', 'API 403', 'The API key does not carry the scope the route needs (intake, search).'],
  ['KHABAR_E_RATE_LIMITED', 'API 429', "The client is over its key's requests per minute; `Retry-After` says when to come back."],
  ['KHABAR_E_BACKPRESSURE', 'API 429', 'The fetch backlog is full; `Retry-After` says when to come back.'],
  ['KHABAR_E_INDEX_UNAVAILABLE', 'API 503', 'Elasticsearch is unreachable or the index does not exist yet.'],
  ['KHABAR_E_BAD_INPUT', 'CLI', 'Arguments or input lines are missing or malformed (the line number is named).'],
  ['KHABAR_E_REDIS_UNAVAILABLE', 'CLI', 'Redis did not answer at REDIS_URL (or the demo default).'],
  ['KHABAR_E_KIBANA_UNAVAILABLE', 'CLI', 'Kibana did not answer at KIBANA_URL in time.'],
  ['KHABAR_E_KIBANA_IMPORT', 'CLI', 'Kibana refused some saved objects; the reasons are listed.'],
  ['KHABAR_E_INTERNAL', 'API 500, CLI', 'An unexpected error; details are in the service log.'],
];

export function renderErrorsDoc(): string {
  const rows = Object.entries(ERROR_CATALOGUE).map(([code, e]) => `| \`${code}\` | ${e.retry === 'never' ? 'no (fails at once)' : 'yes (backoff)'} | ${e.meaning} |`);
  return [
    '# Error codes',
    '',
    'Every failed job, log line and CLI error carries one of these stable codes. Failed-job reasons',
    'read `CODE: message`; `pnpm -s khabar failed` lists them and `pnpm -s khabar retry <id>` retries one.',
    'This file is generated from `packages/errors/src/catalogue.ts` by `pnpm docs:gen`.',
    '',
    '| code | retried | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '## Answers of the API and the CLI',
    '',
    'The API answers errors as `{"error": {"code", "message", "problems"?}}`; the CLI prints the same',
    'object and exits non-zero. These codes describe a request, not a job:',
    '',
    '| code | where | meaning |',
    '| --- | --- | --- |',
    ...INTERFACE_CODES.map(([code, where, meaning]) => `| \`${code}\` | ${where} | ${meaning} |`),
    '',
  ].join('\n');
}

export const SERVICE_ENVS: ReadonlyArray<[string, EnvShape]> = [
  ['api', apiEnv],
  ['fetcher', fetcherEnv],
  ['parser', parserEnv],
  ['dedup', dedupEnv],
  ['tagger', taggerEnv],
  ['indexer', indexerEnv],
];

/** Variables read by docker-compose.yml itself (passwords and published ports), not by a service. */
export const COMPOSE_ENV: ReadonlyArray<[string, string, string]> = [
  ['KHABAR_REDIS_PASSWORD', 'change-me-redis', 'Password of the `khabar` Redis ACL user (the default user is disabled).'],
  ['ELASTIC_PASSWORD', 'change-me-elastic', 'Password of Elasticsearch\'s `elastic` superuser (used only by es-setup).'],
  ['KIBANA_SYSTEM_PASSWORD', 'change-me-kibana', 'Password Kibana uses to talk to Elasticsearch.'],
  ['KHABAR_ES_INDEXER_PASSWORD', 'change-me-indexer', 'Elasticsearch user of the indexer (writes khabar-* only).'],
  ['KHABAR_ES_ANALYST_PASSWORD', 'change-me-analyst', 'Elasticsearch user of the search API and analysts (reads khabar-* only).'],
  ['KHABAR_ES_MIGRATOR_PASSWORD', 'change-me-migrator', 'Elasticsearch user for index migrations (all on khabar-*).'],
  ['GRAFANA_ADMIN_PASSWORD', 'change-me-grafana', 'Grafana admin password (dashboard on 127.0.0.1:3000).'],
  ['KHABAR_API_PUBLISH', '127.0.0.1:8080', 'Where the API is published on the host.'],
  ['KHABAR_FETCH_CONCURRENCY', '16', 'Concurrent fetches per fetcher container.'],
];

export function renderEnvExample(): string {
  // A variable is listed under the first service that reads it, and again under any service that
  // declares it with its own schema (another default or meaning: the indexer's KHABAR_CONCURRENCY).
  const seen = new Map<string, unknown>();
  const out = ['# Khabar settings. Every variable is optional; the values shown are the defaults.', '# Generated from the services\' config schemas by `pnpm docs:gen`.', ''];
  for (const [service, shape] of SERVICE_ENVS) {
    const fresh = Object.fromEntries(Object.entries(shape).filter(([k, schema]) => seen.get(k) !== schema));
    if (Object.keys(fresh).length === 0) continue;
    for (const [k, schema] of Object.entries(fresh)) seen.set(k, schema);
    out.push(`## ${service}`, ...describeEnv(fresh), '');
  }
  out.push('## docker compose (read by docker-compose.yml; CHANGE EVERY PASSWORD before exposing anything)');
  for (const [name, def, what] of COMPOSE_ENV) out.push(`# ${what}`, `# ${name}=${def}`);
  out.push('');
  return out.join('\n');
}

async function main(check: boolean): Promise<number> {
  const files: Array<[string, string]> = [
    [`${root}docs/errors.md`, renderErrorsDoc()],
    [`${root}.env.example`, renderEnvExample()],
  ];
  let stale = 0;
  for (const [path, content] of files) {
    const current = await readFile(path, 'utf8').catch(() => '');
    if (current === content) continue;
    if (check) {
      stale += 1;
      process.stderr.write(`${path} is out of date: run pnpm docs:gen\n`);
    } else await writeFile(path, content);
  }
  return stale ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.includes('--check'));
