import type { ServerResponse } from 'node:http';

/** Upper bound for `/_slow?ms=`, so a stray test cannot hold a socket open for minutes. */
export const MAX_SLOW_MS = 30_000;

/** A minimal but well-formed one-page PDF, so content-type sniffers see real magic bytes. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function send(res: ServerResponse, status: number, contentType: string, body: Buffer | string, extra: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(bytes.length), ...extra });
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, 'text/plain; charset=utf-8', text);
}

/** `/_status/<code>`: any 4xx/5xx; 429 and 503 carry `Retry-After: 2`. */
export function handleStatus(res: ServerResponse, code: string): void {
  const status = Number(code);
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    sendText(res, 400, `status must be 400-599, got ${code}\n`);
    return;
  }
  const extra: Record<string, string> = status === 429 || status === 503 ? { 'Retry-After': '2' } : {};
  send(res, status, 'text/html; charset=utf-8', `<!DOCTYPE html><html><body><h1>${status}</h1></body></html>\n`, extra);
}

/** `/_redirect?to=/path[&status=301]`: only same-host absolute paths, never another host. */
export function handleRedirect(res: ServerResponse, query: URLSearchParams): void {
  const to = query.get('to') ?? '';
  const status = Number(query.get('status') ?? '302');
  if (!to.startsWith('/') || to.startsWith('//') || to.includes('\\')) {
    sendText(res, 400, 'to must be a same-host path starting with a single "/"\n');
    return;
  }
  if (!REDIRECT_STATUSES.has(status)) {
    sendText(res, 400, `status must be one of ${[...REDIRECT_STATUSES].join(', ')}\n`);
    return;
  }
  send(res, status, 'text/plain; charset=utf-8', `Redirecting to ${to}\n`, { Location: to });
}

/**
 * `/_slow?ms=N`: answers after N ms (capped). The timer is dropped when the client goes away;
 * the server clears whatever is left in `pending` on close.
 */
export function handleSlow(res: ServerResponse, query: URLSearchParams, pending: Set<NodeJS.Timeout>): void {
  const ms = Math.min(Math.max(Number(query.get('ms') ?? '1000') || 0, 0), MAX_SLOW_MS);
  const timer = setTimeout(() => {
    pending.delete(timer);
    send(res, 200, 'text/html; charset=utf-8', `<!DOCTYPE html><html><body><p>slow response after ${ms} ms</p></body></html>\n`);
  }, ms);
  pending.add(timer);
  // 'close' on the response fires when it was sent or when the client went away first.
  res.once('close', () => {
    clearTimeout(timer);
    pending.delete(timer);
  });
}
