import type { Readable, Writable } from 'node:stream';
import { createMemoryDedupIndex } from '@khabar/dedup';
import { CliError, parseJsonLine, readLines, writeJsonLine } from '../io.ts';

/**
 * `khabar dedup --jsonl`: documents in arrival order, one cluster assignment per line, using the
 * service's algorithm and thresholds over an in-memory index.
 */
export async function dedupJsonl(input: Readable, out: Writable): Promise<void> {
  const index = createMemoryDedupIndex();
  let n = 0;
  for await (const line of readLines(input)) {
    n += 1;
    const row = parseJsonLine(line, n);
    if (typeof row['id'] !== 'string' || typeof row['text'] !== 'string') throw new CliError('KHABAR_E_BAD_INPUT', `line ${n}: needs "id" and "text" strings`);
    const title = typeof row['title'] === 'string' ? row['title'] : '';
    const text = title ? `${title}\n\n${row['text']}` : row['text'];
    const result = await index.assign({ id: row['id'], text, publishedAt: typeof row['publishedAt'] === 'string' ? row['publishedAt'] : null });
    await writeJsonLine(out, { id: row['id'], clusterId: result.clusterId, role: result.role, similarity: result.similarity });
  }
}
