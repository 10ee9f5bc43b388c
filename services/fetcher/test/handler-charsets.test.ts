import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileArchive } from '@khabar/archive';
import { createFetchClient, type FetchClient } from '@khabar/fetch';
import { createLogger, type StageContext } from '@khabar/worker-kit';
import { createFetchHandler } from '../src/handler.ts';
import { startSite, type Site } from './helpers/site.ts';

// A real legacy Arabic page in windows-1256, served with the wrong charset in its header.
const LEGACY_1256 = readFileSync(fileURLToPath(new URL('../../../packages/extract/test/fixtures/legacy-1256/water-plan.html', import.meta.url)));

let site: Site;
let client: FetchClient;
let dir: string;

beforeAll(async () => {
  site = await startSite((path) =>
    path === '/legacy' ? { headers: { 'content-type': 'text/html; charset=ISO-8859-1' }, body: LEGACY_1256 } : { status: 404 },
  );
  client = createFetchClient({ allowHosts: [site.hostPort] });
  dir = await mkdtemp(join(tmpdir(), 'khabar-charsets-'));
});

afterAll(async () => {
  await client.close();
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

describe('fetch record charsets', () => {
  it('keeps the declared charsets (header, <meta>) and the detected one side by side', async () => {
    const handler = createFetchHandler({ client, archive: createFileArchive({ dir }) });
    const id = 'c0ffee'.repeat(5) + 'ab';
    const url = `${site.origin}/legacy`;
    const ctx: StageContext = { log: createLogger({ service: 'test', level: 'silent' }), job: {} as Job, attempt: 1 };
    const result = await handler({ v: 1, id, url, submittedUrl: url, submittedAt: new Date().toISOString(), submission: {} }, ctx);
    if (result.kind !== 'handoff') throw new Error(`expected a hand-off, got ${result.kind}`);
    expect(result.data.fetch).toMatchObject({ headerCharset: 'iso-8859-1', metaCharset: 'windows-1256', detectedCharset: 'windows-1256', bytes: LEGACY_1256.byteLength });
  });
});
