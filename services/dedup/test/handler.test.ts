import { dedupJobSchema, type DedupJob } from '@khabar/contracts';
import { createMemoryDedupIndex } from '@khabar/dedup';
import { documentIdFor } from '@khabar/urls';
import { describe, expect, it } from 'vitest';
import { createDedupHandler, toDedupDocument } from '../src/handler.ts';

const TEXT = [
  'أعلنت الأمم المتحدة اليوم الاثنين دخول خمسين شاحنة مساعدات إلى قطاع غزة عبر معبر رفح، في أكبر قافلة منذ بداية الشهر.',
  'وقال المتحدث باسم مكتب تنسيق الشؤون الإنسانية إن الشاحنات تحمل أدوية وطحينا ومياه شرب، وستوزع على مراكز الإيواء في خان يونس.',
].join('\n\n');

function job(url: string, canonicalUrl: string, text = TEXT): DedupJob {
  return dedupJobSchema.parse({
    v: 1,
    id: documentIdFor(url),
    url,
    submittedUrl: url,
    submittedAt: '2026-11-28T10:00:00Z',
    fetch: { finalUrl: url, status: 200, contentType: 'text/html', headerCharset: null, fetchedAt: '2026-11-28T10:00:01Z', redirects: 0, archiveKey: 'x', bytes: 1 },
    article: { title: 't', text, paragraphs: text.split('\n\n'), publishedAt: null, lang: 'ar', dir: 'rtl', canonicalUrl },
    parsedAt: '2026-11-28T10:00:02Z',
    parserVersion: 'test',
  });
}

const log = { info: () => undefined, debug: () => undefined, warn: () => undefined, error: () => undefined };

describe('toDedupDocument', () => {
  it('passes the canonical page id for an AMP URL, and none for a plain redirect or the page itself', () => {
    const amp = toDedupDocument(job('https://www.example.com/news/a/amp', 'https://www.example.com/news/a'));
    expect(amp.canonicalId).toBe(documentIdFor('https://www.example.com/news/a'));
    expect(amp.source).toBe('www.example.com');
    expect(toDedupDocument(job('https://example.com/news/a', 'https://www.example.com/news/a')).canonicalId).toBeNull();
    expect(toDedupDocument(job('https://www.example.com/news/a', 'https://www.example.com/news/a')).canonicalId).toBeNull();
  });
  it('does not trust a canonical on another site', () => {
    expect(toDedupDocument(job('https://example.com/a', 'https://other.example.org/a')).canonicalId).toBeNull();
  });
});

describe('createDedupHandler', () => {
  it('hands the cluster with size and sources to the tag stage; the AMP copy is a duplicate of the page', async () => {
    const handler = createDedupHandler({ index: createMemoryDedupIndex() });
    const ctx = { log } as unknown as Parameters<typeof handler>[1];
    const page = await handler(job('https://www.example.com/news/a', 'https://www.example.com/news/a'), ctx);
    const amp = await handler(job('https://amp.example.com/news/a', 'https://www.example.com/news/a'), ctx);
    const syndicated = await handler(job('https://other.example.net/x', 'https://other.example.net/x', `${TEXT}\n\nالمصدر: وكالات`), ctx);
    if (page.kind !== 'handoff' || amp.kind !== 'handoff' || syndicated.kind !== 'handoff') throw new Error('expected handoffs');
    const pageId = documentIdFor('https://www.example.com/news/a');
    expect(page.data.cluster).toMatchObject({ id: pageId, role: 'original', size: 1, sources: ['www.example.com'] });
    expect(amp.data.cluster).toMatchObject({ id: pageId, role: 'duplicate', similarity: 1, size: 2 });
    expect(syndicated.data.cluster).toMatchObject({ id: pageId, size: 3, sources: ['other.example.net', 'www.example.com'] });
  });
});
