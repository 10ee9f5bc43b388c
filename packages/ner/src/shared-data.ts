import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the shared training corpora live (they are not shipped in the repo): KHABAR_SHARED_DATA,
 * else `shared/data` beside the checkout (how CI and developers lay it out), else /work/shared/data.
 * Only training, evaluation and tests read them; the tagger itself never does.
 */
export function findSharedData(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const candidates = [env['KHABAR_SHARED_DATA'], fileURLToPath(new URL('../../../../shared/data/', import.meta.url)), '/work/shared/data/'].filter((c): c is string => Boolean(c));
  return candidates.find((c) => existsSync(`${c.replace(/\/$/, '')}/ner`)) ?? candidates[0] ?? '/work/shared/data/';
}
