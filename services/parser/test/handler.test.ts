import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileArchive } from '@khabar/archive';
import type { PayloadOf } from '@khabar/contracts';
import { PermanentError } from '@khabar/errors';
import { createLogger, type StageContext } from '@khabar/worker-kit';
import { createParseHandler } from '../src/handler.ts';
import { createQualityMetrics } from '../src/quality-metrics.ts';

const dir = mkdtempSync(join(tmpdir(), 'khabar-parser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const archive = createFileArchive({ dir });
const html = readFileSync(new URL('../../../packages/extract/test/fixtures/rt-arabic/kremlin-peskov.html', import.meta.url));
const url = 'https://arabic.rt.com/world/1410-peskov/';
const fetchedAt = '2026-11-28T12:00:00.000Z';
const context = { log: createLogger({ service: 'parser-test', level: 'silent', pretty: false }), attempt: 1 } as unknown as StageContext;

async function jobFor(body: Uint8Array, id: string): Promise<PayloadOf<'parse'>> {
  const archiveKey = await archive.put({ docId: id, url, fetchedAt, status: 200, headers: { 'content-type': 'text/html' }, body });
  return {
    v: 1, id, url, submittedUrl: url, submittedAt: fetchedAt, submission: {},
    fetch: { finalUrl: url, status: 200, contentType: 'text/html', headerCharset: null, bytes: body.length, fetchedAt, redirects: 0, archiveKey, etag: null, lastModified: null, metaCharset: null, detectedCharset: null, bodyHash: null },
  };
}

describe('parse handler', () => {
  it('extracts the archived page and records the site fill rates', async () => {
    const registry = new Registry();
    const handle = createParseHandler({ archive, quality: createQualityMetrics(registry, { minArticles: 1 }), now: () => new Date(fetchedAt) });
    const result = await handle(await jobFor(html, 'a'.repeat(32)), context);
    expect(result.kind).toBe('handoff');
    const data = (result as { data: PayloadOf<'dedup'> }).data;
    expect(data.article.lang).toBe('ar');
    expect(data.article.text).toContain('بيسكوف');
    const filled = await registry.getSingleMetric('khabar_parser_field_filled_total')?.get();
    expect(filled?.values.find((v) => v.labels['field'] === 'body')).toMatchObject({ labels: { domain: 'arabic.rt.com' }, value: 1 });
  });

  it('fails a page with no text for good', async () => {
    const handle = createParseHandler({ archive });
    const err = await handle(await jobFor(Buffer.from('<html><body></body></html>'), 'b'.repeat(32)), context).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).code).toBe('KHABAR_E_EXTRACT_EMPTY');
  });
});
