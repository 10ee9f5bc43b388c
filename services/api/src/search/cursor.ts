/**
 * Opaque page cursors. Elasticsearch only combines `search_after` with `collapse` when sorting on
 * the collapse field, so collapsed pages advance by offset (bounded by the index's
 * max_result_window) and expanded pages by `search_after`. Clients never see the difference.
 */
export type Cursor = { readonly mode: string; readonly after: readonly (string | number | null)[] } | { readonly mode: string; readonly offset: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** The cursor, or undefined when it is not one this API issued for the same sort/collapse `mode`. */
export function decodeCursor(value: string, mode: string): Cursor | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const c = parsed as Record<string, unknown>;
  if (c['mode'] !== mode) return undefined;
  if (typeof c['offset'] === 'number' && Number.isInteger(c['offset']) && c['offset'] > 0) return { mode, offset: c['offset'] };
  const after = c['after'];
  if (Array.isArray(after) && after.length > 0 && after.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) {
    return { mode, after: after as (string | number | null)[] };
  }
  return undefined;
}
