import type { Client } from '@elastic/elasticsearch';
import { errors } from '@elastic/elasticsearch';

/** Which concrete indices the read alias `<base>` and the write alias `<base>-write` point at right now. */
export interface AliasView {
  /** Every generation behind the read alias, sorted by name (oldest first for Khabar's names). */
  readonly readIndices: readonly string[];
  /** The write index (`is_write_index`, or the only index behind the write alias); undefined when the alias is missing. */
  readonly writeIndex: string | undefined;
  /** Every index the write alias names (rolled-over generations keep it with is_write_index false). */
  readonly writeAliasIndices: readonly string[];
}

/**
 * Reads both aliases in one request (served from the cluster state, so it is cheap enough to do
 * before every bulk). A missing alias is an empty answer, not an error.
 */
export async function readAliasView(client: Client, readAlias: string, writeAlias: string): Promise<AliasView> {
  let answer: Record<string, { aliases: Record<string, { is_write_index?: boolean }> }>;
  try {
    answer = await client.indices.getAlias({ name: [readAlias, writeAlias], ignore_unavailable: true });
  } catch (error) {
    // ES answers 404 (with the aliases it did find in the body) when one of the names is missing.
    if (error instanceof errors.ResponseError && error.statusCode === 404) {
      answer = stripErrorFields(error.body);
    } else throw error;
  }
  const read: string[] = [];
  const write: Array<{ index: string; isWrite: boolean | undefined }> = [];
  for (const [index, state] of Object.entries(answer)) {
    const aliases = state.aliases ?? {};
    if (readAlias in aliases) read.push(index);
    if (writeAlias in aliases) write.push({ index, isWrite: aliases[writeAlias]?.is_write_index });
  }
  read.sort();
  const writeIndex = write.length === 1 && write[0]?.isWrite !== false ? write[0]?.index : write.find((w) => w.isWrite === true)?.index;
  return { readIndices: read, writeIndex, writeAliasIndices: write.map((w) => w.index).sort() };
}

function stripErrorFields(body: unknown): Record<string, { aliases: Record<string, { is_write_index?: boolean }> }> {
  const out: Record<string, { aliases: Record<string, { is_write_index?: boolean }> }> = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'error' || key === 'status') continue;
    if (typeof value === 'object' && value !== null && 'aliases' in value) out[key] = value as { aliases: Record<string, { is_write_index?: boolean }> };
  }
  return out;
}

/**
 * Takes the write alias off a generation that was rolled over (ES leaves it there with
 * `is_write_index: false`), so the write alias always names one index and single-index requests
 * through it (`_analyze`, real-time get) keep working. Already gone is fine.
 */
export async function detachWriteAlias(client: Client, index: string, writeAlias: string): Promise<void> {
  try {
    await client.indices.deleteAlias({ index, name: writeAlias });
  } catch (error) {
    if (error instanceof errors.ResponseError && error.statusCode === 404) return;
    throw error;
  }
}
