import { ensureElasticsearch } from '@khabar/local-infra';
import { createSearchClient, ensureIndex, indexNames } from '@khabar/search-index';
import { CliError } from '../io.ts';

/** The analyzers of the `.ar` / `.en` subfields in the article template (templates/articles.v2.json). */
export const LANGUAGE_ANALYZERS = { ar: 'khabar_arabic', en: 'khabar_english' } as const;

export type AnalyzeLanguage = keyof typeof LANGUAGE_ANALYZERS;

export function isAnalyzeLanguage(value: string): value is AnalyzeLanguage {
  return Object.hasOwn(LANGUAGE_ANALYZERS, value);
}

/**
 * The tokens `index`'s analyzer for `lang` makes of `text` (`_analyze`), in order. `index` must
 * name one index (the write alias `<base>-write` does; the read alias may span several).
 */
export async function analyzeText(esUrl: string, index: string, lang: AnalyzeLanguage, text: string): Promise<string[]> {
  const client = createSearchClient(esUrl, { requestTimeoutMs: 10_000 });
  try {
    const answer = await client.indices.analyze({ index, analyzer: LANGUAGE_ANALYZERS[lang], text });
    return (answer.tokens ?? []).map((t) => t.token);
  } catch (error) {
    throw explain(error, index, lang);
  } finally {
    await client.close();
  }
}

export interface AnalyzeCommandOptions {
  readonly lang: AnalyzeLanguage;
  /** Index base name (KHABAR_INDEX_NAME): the analyzers of `<base>-write` are used. */
  readonly base: string;
}

/**
 * `khabar analyze --lang ar|en <text>`: ELASTICSEARCH_URL when set, else the local demo
 * Elasticsearch (started detached, as `pnpm demo` would, when it is not running). An empty
 * cluster gets the article index first (ensureIndex, as the indexer does at start).
 */
export async function analyzeCommand(text: string, options: AnalyzeCommandOptions): Promise<string[]> {
  const es = await ensureElasticsearch({ purpose: 'demo', detached: true });
  const { writeAlias } = indexNames(options.base);
  const client = createSearchClient(es.url, { requestTimeoutMs: 10_000 });
  try {
    if (!(await client.indices.existsAlias({ name: writeAlias }))) await ensureIndex(client, options.base);
  } catch (error) {
    throw explain(error, writeAlias, options.lang);
  } finally {
    await client.close();
  }
  return analyzeText(es.url, writeAlias, options.lang, text);
}

/** What the Elasticsearch client threw (matched by shape: the CLI does not depend on the client package). */
interface ClientError {
  readonly name?: string;
  readonly message?: string;
  readonly meta?: { readonly statusCode?: number; readonly body?: { readonly error?: { readonly type?: string } } };
}

function explain(error: unknown, index: string, lang: AnalyzeLanguage): Error {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ClientError;
  if (e.name === 'ResponseError') {
    if (e.meta?.body?.error?.type === 'index_not_found_exception') {
      return new CliError('KHABAR_E_INDEX_MISSING', `index ${index} does not exist: start the indexer (or "pnpm demo") to create it, or pass --index`);
    }
    if (e.meta?.statusCode === 400) {
      return new CliError(
        'KHABAR_E_INDEX_MAPPING',
        `index ${index} has no analyzer ${LANGUAGE_ANALYZERS[lang]} (made from an older template, or the node lacks the analysis-khabar plugin): restart the indexer so ensureIndex rolls it over (${e.message ?? ''})`,
      );
    }
  }
  if (e.name === 'ConnectionError' || e.name === 'TimeoutError' || e.name === 'ResponseError') {
    return new CliError('KHABAR_E_INDEX_UNAVAILABLE', `Elasticsearch did not answer the analysis of ${index}: ${e.message ?? ''}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
