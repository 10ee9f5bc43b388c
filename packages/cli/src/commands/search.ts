import { ensureElasticsearch } from '@khabar/local-infra';
import { createSearchClient } from '@khabar/search-index';
// The API's own query code (pure modules), so `khabar search` and GET /v1/search always agree.
import { describeProblems } from '../../../../services/api/src/request-schema.ts';
import { runSearch, searchParamsSchema, type SearchResult } from '../../../../services/api/src/search/index.ts';
import { CliError } from '../io.ts';

export interface SearchCommandOptions {
  readonly lang?: string;
  readonly json?: boolean;
  readonly size?: number;
  readonly expand?: boolean;
  readonly sort?: string;
}

/** ELASTICSEARCH_URL, else the local demo Elasticsearch (started, and left running, when absent). */
async function elasticsearchUrl(env: Readonly<Record<string, string | undefined>>): Promise<string> {
  if (env['ELASTICSEARCH_URL']) return env['ELASTICSEARCH_URL'];
  return (await ensureElasticsearch({ purpose: 'demo', detached: true })).url;
}

/** `khabar search [--lang ar|en] [--json] "<query>"`: the text to print (JSON or one block per result). */
export async function searchCommand(query: string, options: SearchCommandOptions, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const parsed = searchParamsSchema.safeParse({
    q: query,
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.sort ? { sort: options.sort } : {}),
    ...(options.size ? { size: String(options.size) } : {}),
    ...(options.expand ? { expand: 'true' } : {}),
    facets: options.json ? 'true' : 'false',
  });
  if (!parsed.success) throw new CliError('KHABAR_E_BAD_INPUT', describeProblems(parsed.error).map((p) => `${p.field}: ${p.message}`).join('; '));
  const client = createSearchClient(await elasticsearchUrl(env), env['ELASTICSEARCH_API_KEY'] ? { apiKey: env['ELASTICSEARCH_API_KEY'] } : {});
  try {
    const result = await runSearch(client, env['KHABAR_INDEX_NAME'] || 'khabar-articles', parsed.data);
    return options.json ? `${JSON.stringify(result, null, 2)}\n` : formatResults(result);
  } catch (err) {
    const type = (err as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type;
    if (type === 'index_not_found_exception') throw new CliError('KHABAR_E_INDEX_UNAVAILABLE', 'the article index does not exist yet: index something first (pnpm demo)');
    throw err;
  } finally {
    await client.close();
  }
}

const plain = (html: string): string =>
  html.replace(/<mark>/g, '[').replace(/<\/mark>/g, ']').replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');

/** Human-readable results: date, site and title, then the highlighted snippet with matches in [brackets]. */
export function formatResults(result: SearchResult): string {
  const lines = [`${result.total} articles${result.stories !== null ? `, ${result.stories} stories` : ''}`];
  for (const item of result.items) {
    const copies = item.cluster.copies > 1 ? `  (+${item.cluster.copies - 1} copies)` : '';
    lines.push('', `${item.publishedAt?.slice(0, 16).replace('T', ' ') ?? '—'}  ${item.site}  ${item.id}${copies}`, `  ${plain(item.highlight.title ?? item.title)}`);
    for (const fragment of item.highlight.text) lines.push(`  … ${plain(fragment)}`);
    lines.push(`  ${item.url}`);
  }
  if (result.cursor) lines.push('', '(more results: use --json for the cursor, or narrow the query)');
  return `${lines.join('\n')}\n`;
}
