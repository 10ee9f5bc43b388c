import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { QueueSet, StatusStore, submitUrls, type IntakeResult, type Submission } from '@khabar/contracts';
import { checkSubmittedUrl } from '@khabar/urls';
import type { Cluster, Redis } from 'ioredis';
import { CliError, readLines } from '../io.ts';

export interface EnqueueSources {
  readonly args: readonly string[];
  readonly file?: string;
  readonly stdin?: Readable;
}

/** URLs from arguments, a file (one per line, # comments) and/or stdin, in that order. */
export async function collectUrls(sources: EnqueueSources): Promise<string[]> {
  const urls = [...sources.args];
  const fromLines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (sources.file) urls.push(...fromLines(await readFile(sources.file, 'utf8')));
  if (sources.stdin) for await (const line of readLines(sources.stdin)) urls.push(...fromLines(line));
  return urls;
}

/** Checks every URL first (nothing is queued when one is bad), then registers and queues them. */
export async function enqueueUrls(redis: Redis | Cluster, prefix: string, urls: readonly string[], submission: Submission): Promise<IntakeResult[]> {
  if (urls.length === 0) throw new CliError('KHABAR_E_BAD_INPUT', 'no URLs given (arguments, --file or stdin)');
  const problems = urls.flatMap((url, i) => {
    const check = checkSubmittedUrl(url);
    return check.ok ? [] : [`#${i + 1} ${url.slice(0, 100)}: ${check.message}`];
  });
  if (problems.length) throw new CliError('KHABAR_E_VALIDATION', `invalid URLs, nothing queued:\n  ${problems.join('\n  ')}`);
  const queues = new QueueSet({ connection: redis, prefix });
  try {
    return await submitUrls({ queues, status: new StatusStore(redis, prefix) }, urls.map((url) => ({ url, submission })));
  } finally {
    await queues.close();
  }
}
