import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { extractFromBytes } from '@khabar/extract';
import { CliError, parseJsonLine, readLines, writeJsonLine } from '../io.ts';

/** The article JSON printed by `khabar extract`: exactly what the parser service produces. */
export async function extractFile(path: string, url: string): Promise<unknown> {
  const bytes = await readFile(path);
  return extractFromBytes({ bytes, url, headerCharset: null }).article;
}

/** `khabar extract --jsonl`: lines {"path","url"} in, one article JSON per line out, in order. */
export async function extractJsonl(input: Readable, out: Writable): Promise<number> {
  let n = 0;
  let failures = 0;
  for await (const line of readLines(input)) {
    n += 1;
    const row = parseJsonLine(line, n);
    if (typeof row['path'] !== 'string' || typeof row['url'] !== 'string') throw new CliError('KHABAR_E_BAD_INPUT', `line ${n}: needs "path" and "url" strings`);
    try {
      await writeJsonLine(out, await extractFile(row['path'], row['url']));
    } catch (err) {
      failures += 1;
      const code = (err as { code?: unknown }).code;
      await writeJsonLine(out, { error: { code: typeof code === 'string' ? code : 'KHABAR_E_EXTRACT_FAILED', message: err instanceof Error ? err.message : String(err) }, path: row['path'], url: row['url'] });
    }
  }
  return failures;
}
