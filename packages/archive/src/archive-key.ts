import { PermanentError } from '@khabar/errors';

const DOC_ID = /^[A-Za-z0-9_-]{2,128}$/;
const KEY = /^([A-Za-z0-9_-]{2})\/([A-Za-z0-9_-]{2,128})\/(\d{8}T\d{9}Z)\.json\.gz$/;
export const KEY_SUFFIX = '.json.gz';

/** "2026-11-28T23:13:17.123Z" -> "20261128T231317123Z" (any ISO spelling of the same instant agrees). */
export function compactTimestamp(fetchedAt: string): string {
  const time = Date.parse(fetchedAt);
  if (Number.isNaN(time)) {
    throw new PermanentError('KHABAR_E_CONTRACT', `fetchedAt "${fetchedAt}" is not a date`, { context: { fetchedAt } });
  }
  return new Date(time).toISOString().replace(/[-:.]/g, '');
}

/** "20261128T231317123Z" -> "2026-11-28T23:13:17.123Z" */
export function expandTimestamp(compact: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(compact);
  if (m === null) throw new TypeError(`not a compact timestamp: ${compact}`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

/** `<docId[0..1]>/<docId>/<fetchedAt-compact>.json.gz` — content-addressed by document and time. */
export function archiveKeyFor(docId: string, fetchedAt: string): string {
  if (!DOC_ID.test(docId)) {
    throw new PermanentError('KHABAR_E_CONTRACT', `docId "${docId}" is not 2-128 characters of [A-Za-z0-9_-]`, { context: { docId } });
  }
  return `${docId.slice(0, 2)}/${docId}/${compactTimestamp(fetchedAt)}${KEY_SUFFIX}`;
}

export interface ParsedKey {
  readonly docId: string;
  readonly fetchedAt: string;
}

/** Parses a key; null for anything that is not exactly a key this archive writes (no traversal). */
export function parseArchiveKey(key: string): ParsedKey | null {
  const m = KEY.exec(key);
  if (m === null || m[1] === undefined || m[2] === undefined || m[3] === undefined) return null;
  if (m[2].slice(0, 2) !== m[1]) return null;
  return { docId: m[2], fetchedAt: expandTimestamp(m[3]) };
}
