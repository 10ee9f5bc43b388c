import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CliError } from '../io.ts';

/** The data view and dashboard kept in the repository. */
export const SAVED_OBJECTS_FILE = fileURLToPath(new URL('../../../../infra/kibana/saved-objects.ndjson', import.meta.url));

export interface KibanaImportOptions {
  /** Kibana base URL (KIBANA_URL), e.g. http://127.0.0.1:5601; may carry user:password. */
  readonly kibanaUrl: string;
  readonly file?: string;
  /** Replace objects that already exist (default true: the repository is the source of truth). */
  readonly overwrite?: boolean;
  /** Wait this long for Kibana to answer /api/status before importing (compose starts us alongside it). */
  readonly waitMs?: number;
  readonly fetch?: typeof fetch;
}

export interface KibanaImportResult {
  readonly success: boolean;
  readonly successCount: number;
  readonly errors: readonly unknown[];
}

function split(url: string): { base: string; headers: Record<string, string> } {
  const u = new URL(url);
  const headers: Record<string, string> = { 'kbn-xsrf': 'khabar' };
  if (u.username) headers['authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64')}`;
  u.username = '';
  u.password = '';
  return { base: u.toString().replace(/\/$/, ''), headers };
}

async function waitForKibana(base: string, headers: Record<string, string>, waitMs: number, http: typeof fetch): Promise<void> {
  const end = Date.now() + waitMs;
  for (;;) {
    try {
      const res = await http(`${base}/api/status`, { headers });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() >= end) throw new CliError('KHABAR_E_KIBANA_UNAVAILABLE', `Kibana at ${base} did not answer /api/status within ${waitMs} ms`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** `khabar kibana import`: POST the saved objects to KIBANA_URL/api/saved_objects/_import. */
export async function importSavedObjects(options: KibanaImportOptions): Promise<KibanaImportResult> {
  const http = options.fetch ?? fetch;
  const { base, headers } = split(options.kibanaUrl);
  if (options.waitMs) await waitForKibana(base, headers, options.waitMs, http);
  const ndjson = await readFile(options.file ?? SAVED_OBJECTS_FILE, 'utf8');
  const form = new FormData();
  form.append('file', new Blob([ndjson], { type: 'application/ndjson' }), 'saved-objects.ndjson');
  const url = `${base}/api/saved_objects/_import${options.overwrite === false ? '' : '?overwrite=true'}`;
  let res: Response;
  try {
    res = await http(url, { method: 'POST', headers, body: form });
  } catch (err) {
    throw new CliError('KHABAR_E_KIBANA_UNAVAILABLE', `cannot reach Kibana at ${base} (${err instanceof Error ? err.message : String(err)}); set KIBANA_URL`);
  }
  const body = (await res.json().catch(() => ({}))) as { success?: boolean; successCount?: number; errors?: unknown[]; message?: string };
  if (!res.ok) throw new CliError('KHABAR_E_KIBANA_IMPORT', `Kibana refused the import: HTTP ${res.status} ${body.message ?? ''}`.trim());
  const result = { success: body.success === true, successCount: body.successCount ?? 0, errors: body.errors ?? [] };
  if (!result.success) throw new CliError('KHABAR_E_KIBANA_IMPORT', `Kibana imported ${result.successCount} objects with errors: ${JSON.stringify(result.errors)}`);
  return result;
}
