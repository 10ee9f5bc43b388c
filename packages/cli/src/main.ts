import { Command, Option } from 'commander';
import { PIPELINE, type QueueName } from '@khabar/contracts';
import { StatusStore } from '@khabar/contracts';
import { CliError } from './io.ts';
import { cliEnv, connectRedis } from './connect.ts';
import { collectUrls, enqueueUrls } from './commands/enqueue.ts';
import { listFailed, queueStatus, retryFailed } from './commands/jobs.ts';
import { extractFile, extractJsonl } from './commands/extract.ts';
import { tagJsonlStream, tagText, type ModelDomain } from './commands/tag.ts';
import { dedupJsonl } from './commands/dedup.ts';
import { fetchOnce } from './commands/fetch.ts';
import { replayStage } from './commands/replay.ts';
import { openReparseArchive, reparse } from './commands/reparse.ts';
import { QueueSet } from '@khabar/contracts';
import { analyzeCommand, isAnalyzeLanguage } from './commands/analyze.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './commands/apikey.ts';
import { searchCommand } from './commands/search.ts';
import { importSavedObjects, SAVED_OBJECTS_FILE } from './commands/kibana.ts';
import { describeProgress, indexTarget, migrateCommand, rolloverCommand, statusCommand } from './commands/index-maintenance.ts';

const env = cliEnv(process.env);
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

async function withRedis<T>(fn: (redis: Awaited<ReturnType<typeof connectRedis>>) => Promise<T>): Promise<T> {
  const redis = await connectRedis(env.redisUrl);
  try {
    return await fn(redis);
  } finally {
    redis.disconnect();
  }
}

const program = new Command('khabar').description('Khabar news ingestion pipeline').showHelpAfterError();

program
  .command('enqueue')
  .description('submit URLs (arguments, --file, or stdin) for ingestion')
  .argument('[urls...]')
  .option('-f, --file <path>', 'file with one URL per line')
  .option('--source <name>', 'source name stored with the documents')
  .option('--priority <n>', '1 (lowest) to 10 (most urgent)', (v) => Number.parseInt(v, 10))
  .option('--tag <tag...>', 'tags stored with the documents')
  .action(async (urls: string[], opts: { file?: string; source?: string; priority?: number; tag?: string[] }) => {
    const stdin = urls.length === 0 && !opts.file ? process.stdin : undefined;
    const all = await collectUrls({ args: urls, ...(opts.file ? { file: opts.file } : {}), ...(stdin ? { stdin } : {}) });
    const submission = { ...(opts.source ? { source: opts.source } : {}), ...(opts.priority ? { priority: opts.priority } : {}), ...(opts.tag ? { tags: opts.tag } : {}) };
    print(await withRedis((redis) => enqueueUrls(redis, env.prefix, all, submission)));
  });

program
  .command('status')
  .description('where a URL is (by id), or queue depths of every stage')
  .argument('[id]')
  .action(async (id?: string) => {
    await withRedis(async (redis) => {
      if (!id) return print(await queueStatus(redis, env.prefix));
      const record = await new StatusStore(redis, env.prefix).get(id);
      if (!record) throw new CliError('KHABAR_E_NOT_FOUND', `no URL with id ${id}`);
      return print(record);
    });
  });

program
  .command('failed')
  .description('list failed jobs with their error code and reason')
  .addOption(new Option('--queue <queue>').choices([...PIPELINE]))
  .option('--limit <n>', 'per queue', (v) => Number.parseInt(v, 10), 100)
  .action(async (opts: { queue?: QueueName; limit: number }) => {
    print(await withRedis((redis) => listFailed(redis, env.prefix, { ...(opts.queue ? { queue: opts.queue } : {}), limit: opts.limit })));
  });

program
  .command('retry')
  .description('retry a failed job by id, or every failed job with --all')
  .argument('[id]')
  .option('--all', 'retry every failed job')
  .action(async (id: string | undefined, opts: { all?: boolean }) => {
    if (!id && !opts.all) throw new CliError('KHABAR_E_BAD_INPUT', 'give a job id or --all');
    const retried = await withRedis((redis) => retryFailed(redis, env.prefix, opts.all ? { all: true } : { id: id ?? '' }));
    if (id && retried.length === 0) throw new CliError('KHABAR_E_NOT_FOUND', `no failed job with id ${id}`);
    print({ retried });
  });

program
  .command('extract')
  .description('extract the article from a saved page (same code as the parser service)')
  .argument('[file]')
  .option('--url <url>', 'the URL the page was fetched from')
  .option('--jsonl', 'read {"path","url"} lines on stdin, print one article JSON per line')
  .action(async (file: string | undefined, opts: { url?: string; jsonl?: boolean }) => {
    if (opts.jsonl) {
      await extractJsonl(process.stdin, process.stdout);
      return;
    }
    if (!file || !opts.url) throw new CliError('KHABAR_E_BAD_INPUT', 'usage: khabar extract <file> --url <url>  |  khabar extract --jsonl');
    process.stdout.write(`${JSON.stringify(await extractFile(file, opts.url))}\n`);
  });

program
  .command('tag')
  .description('tag entities: --jsonl lines {"id","text","lang"}, or plain text on stdin with --lang')
  .option('--jsonl', 'JSON lines in and out')
  .option('--lang <lang>', 'language of the plain text on stdin', 'ar')
  .addOption(
    new Option(
      '--model-domain <domain>',
      'read the text as news (the pipeline\'s annotation), as CoNLL corpus text (ANERcorp\'s), or auto: as corpus text when its full stops stand apart from the words (tokenized text), else as news',
    )
      .choices(['news', 'corpus', 'auto'])
      .default('auto'),
  )
  .action(async (opts: { jsonl?: boolean; lang: string; modelDomain: ModelDomain }) => {
    if (opts.jsonl) await tagJsonlStream(process.stdin, process.stdout, opts.modelDomain);
    else print(await tagText(process.stdin, opts.lang, opts.modelDomain));
  });

program
  .command('dedup')
  .description('cluster documents: --jsonl lines {"id","url","title","text","lang","publishedAt"} in arrival order')
  .requiredOption('--jsonl', 'JSON lines in and out')
  .action(async () => {
    await dedupJsonl(process.stdin, process.stdout);
  });

program
  .command('fetch')
  .description("fetch one URL with the fetcher's client and policies; prints a JSON record")
  .argument('<url>')
  .option('--allow-host <host:port...>', 'exempt host[:port] from the private-address guard', [])
  .action(async (url: string, opts: { allowHost: string[] }) => {
    print(await fetchOnce(url, { allowHosts: opts.allowHost }));
  });

program
  .command('analyze')
  .description("print the live index's analysed tokens of <text>, one per line")
  .argument('<text...>')
  .option('--lang <lang>', 'ar or en', 'ar')
  .option('--index <base>', 'index base name')
  .action(async (words: string[], o: { lang: string; index?: string }) => {
    if (!isAnalyzeLanguage(o.lang)) throw new CliError('KHABAR_E_BAD_INPUT', '--lang must be ar or en');
    const base = o.index ?? process.env['KHABAR_INDEX_NAME'] ?? 'khabar-articles';
    for (const t of await analyzeCommand(words.join(' '), { lang: o.lang, base })) process.stdout.write(`${t}\n`);
  });

program
  .command('reparse')
  .description('parse archived pages again (and run the later stages) without refetching')
  .argument('[ids...]')
  .option('--since <iso>', 'every page archived since this time')
  .option('--archive-dir <dir>', 'the page archive folder (default KHABAR_ARCHIVE_DIR; the bucket is used instead when KHABAR_ARCHIVE_S3_BUCKET is set)')
  .action(async (ids: string[], opts: { since?: string; archiveDir?: string }) => {
    if (ids.length === 0 && !opts.since) throw new CliError('KHABAR_E_BAD_INPUT', 'give document ids or --since <ISO time>');
    const since = opts.since ? new Date(opts.since) : undefined;
    if (since && Number.isNaN(since.getTime())) throw new CliError('KHABAR_E_BAD_INPUT', `--since: not a date: ${opts.since}`);
    print(
      await withRedis(async (redis) => {
        const queues = new QueueSet({ connection: redis, prefix: env.prefix });
        const archive = openReparseArchive(process.env, opts.archiveDir);
        try {
          return await reparse({ queues, status: new StatusStore(redis, env.prefix), archive: archive.archive }, since ? { since } : { ids });
        } finally {
          archive.close();
          await queues.close();
        }
      }),
    );
  });

program
  .command('replay')
  .description('run a stage again (and the stages after it) for documents, from the input it last received')
  .addOption(new Option('--stage <queue>', 'the stage to re-run').choices([...PIPELINE]).makeOptionMandatory())
  .argument('<ids...>')
  .action(async (ids: string[], opts: { stage: QueueName }) => {
    print(await withRedis((redis) => replayStage(redis, env.prefix, opts.stage, ids)));
  });

const apikey = program.command('apikey').description('API keys for the intake and search API (stored hashed in Redis)');
apikey
  .command('create')
  .argument('<client>')
  .option('--scope <scope...>', 'intake and/or search (default both)')
  .option('--rate <perMinute>', 'requests per minute (default 600)', (v) => Number.parseInt(v, 10))
  .description('create or rotate the key of a client; prints the key once')
  .action(async (client: string, opts: { scope?: string[]; rate?: number }) => {
    print(await withRedis((redis) => createApiKey(redis, env.prefix, client, { ...(opts.scope ? { scopes: opts.scope } : {}), ...(opts.rate ? { rate: opts.rate } : {}) })));
  });
apikey.command('revoke').argument('<client>').description("revoke a client's key").action(async (client: string) => {
  print(await withRedis((redis) => revokeApiKey(redis, env.prefix, client)));
});
apikey.command('list').description('clients with a key (never the keys)').action(async () => {
  print(await withRedis((redis) => listApiKeys(redis, env.prefix)));
});

program
  .command('search')
  .description('full-text search over the article index (same query as GET /v1/search)')
  .argument('<query>')
  .addOption(new Option('--lang <lang>').choices(['ar', 'en']))
  .option('--json', "the API's JSON (facets, cursor)")
  .option('--size <n>', 'results', (v) => Number.parseInt(v, 10), 10)
  .addOption(new Option('--sort <sort>').choices(['relevance', 'date']))
  .option('--expand', 'every copy, not one per story')
  .action(async (query: string, opts: { lang?: string; json?: boolean; size: number; sort?: string; expand?: boolean }) => {
    process.stdout.write(await searchCommand(query, opts, process.env));
  });

program
  .command('kibana')
  .description('Kibana saved objects (infra/kibana)')
  .command('import')
  .description('import the data view and dashboard into KIBANA_URL (default http://127.0.0.1:5601)')
  .option('--file <path>', 'ndjson', SAVED_OBJECTS_FILE)
  .option('--wait <ms>', 'wait for Kibana', (v) => Number.parseInt(v, 10), 0)
  .action(async (opts: { file: string; wait: number }) => {
    print(await importSavedObjects({ kibanaUrl: process.env['KIBANA_URL'] || 'http://127.0.0.1:5601', file: opts.file, waitMs: opts.wait }));
  });

const int = (v: string) => Number.parseInt(v, 10);
const indexCommand = program.command('index').description('article index maintenance: rollover, migration, status (docs/index-operations.md)');
indexCommand
  .command('rollover')
  .description('roll the write alias over to a new generation when a condition is met (as the indexer does periodically)')
  .option('--dry-run', 'only report which conditions are met')
  .option('--max-age <age>', 'e.g. 30d (default KHABAR_INDEX_ROLLOVER_MAX_AGE, else 30d; 0 = off)')
  .option('--max-docs <n>', 'documents, nested entities included (default KHABAR_INDEX_ROLLOVER_MAX_DOCS, else off)')
  .option('--max-primary-size <size>', 'e.g. 50gb (default KHABAR_INDEX_ROLLOVER_MAX_PRIMARY_SIZE, else 50gb; 0 = off)')
  .option('--index <base>', 'index base name (default KHABAR_INDEX_NAME)')
  .action(async (o: { dryRun?: boolean; maxAge?: string; maxDocs?: string; maxPrimarySize?: string; index?: string }) => {
    print(await withRedis((redis) => rolloverCommand(redis, indexTarget(process.env, o.index), o, process.env)));
  });
indexCommand
  .command('migrate')
  .description('copy every document into a new index from the current template and swap the aliases, while ingestion runs (resumable)')
  .option('--rate <docsPerSecond>', 'copy at most this many documents per second (0: no limit)', int, 0)
  .option('--page-size <n>', 'documents per page and bulk', int, 500)
  .option('--settle-ms <ms>', 'keep catching up this long after the alias swap', int, 60_000)
  .option('--restart', 'forget an unfinished migration that has not swapped the aliases yet, and start over')
  .option('--index <base>', 'index base name (default KHABAR_INDEX_NAME)')
  .action(async (o: { rate: number; pageSize: number; settleMs: number; restart?: boolean; index?: string }) => {
    // Ctrl-C stops between pages and keeps the checkpoint; run the command again to resume.
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const report = await withRedis((redis) =>
        migrateCommand(redis, indexTarget(process.env, o.index), { ...o, signal: stop.signal, onProgress: (state) => process.stderr.write(`${describeProgress(state)}\n`) }),
      );
      print(report);
      if (!report.finished) process.exitCode = 3;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
indexCommand
  .command('status')
  .description('generations, alias targets, document counts, template versions, last migration')
  .option('--index <base>', 'index base name (default KHABAR_INDEX_NAME)')
  .action(async (o: { index?: string }) => {
    print(await withRedis((redis) => statusCommand(redis, indexTarget(process.env, o.index))));
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const code = (err as { code?: unknown }).code;
  const body = { error: { code: typeof code === 'string' && code.startsWith('KHABAR_') ? code : 'KHABAR_E_INTERNAL', message: err instanceof Error ? err.message : String(err) } };
  process.stdout.write(`${JSON.stringify(body)}\n`);
  process.exitCode = err instanceof CliError ? err.exitCode : 1;
}
