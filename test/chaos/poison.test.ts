import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { QueueSet, PIPELINE } from '@khabar/contracts';
import { startFixtureSite } from '@khabar/fixture-site';
import { TestPipeline } from '../support/pipeline.ts';
import { waitFor } from '../support/wait.ts';

/** Issue: poison inputs at every stage give clear failed-job reasons, no crash loop, other jobs unaffected. */
function poisonPages(): Record<string, { type: string; body: Buffer }> {
  const nested = Buffer.from(`<html><body>${'<div>'.repeat(1_000_000)}${'</div>'.repeat(1_000_000)}</body></html>`);
  const invalidUtf8 = Buffer.concat([
    Buffer.from('<html><head><meta charset="utf-8"><title>خبر</title></head><body><article><h1>خبر عاجل</h1><p>'),
    Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe]),
    Buffer.from(' أعلن المتحدث باسم الحكومة اليوم عن خطة جديدة لدعم الاقتصاد المحلي وتوفير فرص العمل للشباب في المدن والقرى.</p></article></body></html>'),
  ]);
  const binary = Buffer.alloc(200_000);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919 + 13) % 256;
  return {
    '/empty.html': { type: 'text/html; charset=utf-8', body: Buffer.alloc(0) },
    '/nested.html': { type: 'text/html; charset=utf-8', body: nested },
    '/binary.html': { type: 'text/html', body: binary },
    '/invalid-utf8.html': { type: 'text/html; charset=utf-8', body: invalidUtf8 },
  };
}

describe('chaos: poison inputs at every stage', () => {
  let site: Awaited<ReturnType<typeof startFixtureSite>>;
  let poison: Server;
  let poisonPort = 0;
  let pipeline: TestPipeline;

  beforeAll(async () => {
    site = await startFixtureSite({ port: 0 });
    const pages = poisonPages();
    poison = createServer((req, res) => {
      const page = pages[(req.url ?? '').split('?')[0] ?? ''];
      if (!page) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': page.type, 'content-length': String(page.body.length) }).end(page.body);
    });
    await new Promise<void>((resolve) => poison.listen(0, '127.0.0.1', () => resolve()));
    poisonPort = (poison.address() as { port: number }).port;
    pipeline = new TestPipeline({
      label: 'poison',
      redisUrl: inject('redisUrl'),
      elasticsearchUrl: inject('elasticsearchUrl'),
      allowHosts: [`127.0.0.1:${site.port}`, `127.0.0.1:${poisonPort}`],
      extraEnv: { KHABAR_FETCH_MAX_BYTES: String(16 * 1_048_576), KHABAR_FETCH_MAX_DECODED_BYTES: String(16 * 1_048_576) },
    });
    await pipeline.start();
  });
  afterAll(async () => {
    await pipeline?.close();
    await new Promise<void>((resolve) => poison?.close(() => resolve()));
    await site?.close();
  });

  it('fails poison with stable codes and reasons, indexes everything else, and no worker dies', async () => {
    const pids = pipeline.stack.running().map((p) => p.child.pid).sort();
    const good = site.pages.filter((p) => !p.expected.duplicateOf).map((p) => `${site.urlFor(p.id)}?poison=good`);
    const bad = ['/empty.html', '/nested.html', '/binary.html', '/invalid-utf8.html'].map((p) => `http://127.0.0.1:${poisonPort}${p}`);
    const goodIds = await pipeline.submit(good);
    const badIds = await pipeline.submit(bad);

    // Payloads that break each queue's contract, injected straight into the queues.
    const queues = new QueueSet({ connection: pipeline.redis, prefix: pipeline.prefix });
    const injected: Array<{ queue: (typeof PIPELINE)[number]; id: string }> = [];
    for (const [i, queue] of PIPELINE.entries()) {
      const id = `${'e'.repeat(31)}${i}`;
      await queues.get(queue).add(queue, { v: 1, id, url: 42, article: 'not an article' }, { jobId: id, attempts: 5 });
      injected.push({ queue, id });
    }

    const states = await pipeline.settle([...goodIds, ...badIds], 180_000);
    expect(goodIds.map((id) => states.get(id))).toEqual(goodIds.map(() => 'indexed'));
    for (const [i, id] of badIds.entries()) {
      const status = await pipeline.status.get(id);
      if (status?.state === 'failed') {
        expect(status.error?.code, bad[i]).toMatch(/^KHABAR_E_(EXTRACT_EMPTY|EXTRACT_FAILED|FETCH_TOO_LARGE|FETCH_NOT_HTML)$/);
        expect(status.error?.reason.length, bad[i]).toBeGreaterThan(0);
      } else {
        expect(status?.state, bad[i]).toBe('indexed'); // undecodable bytes may still yield a (replacement-character) article
      }
    }
    expect((await pipeline.status.get(badIds[0]!))?.state).toBe('failed'); // an empty page is never an article

    for (const { queue, id } of injected) {
      const job = await waitFor(`${queue} poison job to fail`, async () => {
        const j = await queues.get(queue).getJob(id);
        // Re-read once failed: the first read may predate failedReason (the job was still active).
        return j && (await j.isFailed()) ? await queues.get(queue).getJob(id) : undefined;
      }, 30_000);
      expect(job.failedReason, queue).toMatch(/^KHABAR_E_CONTRACT: payload for queue "\w+" is invalid: .*url/);
      expect(job.attemptsMade, queue).toBe(1);
    }
    await queues.close();
    expect(pipeline.stack.running().map((p) => p.child.pid).sort(), 'no worker crashed or restarted').toEqual(pids);
  }, 300_000);
});
