import { describe, expect, it } from 'vitest';
import { ContractViolationError } from '@khabar/errors';
import { DEFAULT_JOB_OPTIONS, PAYLOAD_SCHEMAS, PIPELINE, compactPayload, nextQueue, parsePayload } from '../src/index.ts';

const fetchJob = {
  v: 1,
  id: '0123456789abcdef0123456789abcdef',
  url: 'https://arabic.rt.com/world/1410',
  submittedUrl: 'https://arabic.rt.com/world/1410?utm_source=x',
  submittedAt: '2024-05-17T10:00:00.000Z',
};

describe('contracts', () => {
  it('has a schema for every queue, in pipeline order', () => {
    expect(Object.keys(PAYLOAD_SCHEMAS).sort()).toEqual([...PIPELINE].sort());
    expect(nextQueue('fetch')).toBe('parse');
    expect(nextQueue('index')).toBeUndefined();
  });
  it('parses a valid payload and fills defaults', () => {
    expect(parsePayload('fetch', fetchJob).submission).toEqual({});
  });
  it('fails with the zod issues named, not a stack trace', () => {
    const bad = { ...fetchJob, id: 'nope', v: 2 };
    expect(() => parsePayload('fetch', bad)).toThrow(ContractViolationError);
    try {
      parsePayload('parse', bad);
    } catch (err) {
      const e = err as ContractViolationError;
      expect(e.code).toBe('KHABAR_E_CONTRACT');
      expect(e.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['v', 'id', 'fetch']));
    }
  });

  it('stores a submittedUrl equal to the url, and an empty submission, as nothing; parsing brings both back', () => {
    const same = { ...fetchJob, submittedUrl: fetchJob.url, submission: {} };
    const stored = compactPayload(same);
    expect(stored).not.toHaveProperty('submittedUrl');
    expect(stored).not.toHaveProperty('submission');
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(same).length - fetchJob.url.length);
    expect(parsePayload('fetch', stored)).toEqual({ ...same, v: 1 });
  });
  it('keeps a submittedUrl that differs from the url, and a non-empty submission', () => {
    const kept = compactPayload({ ...fetchJob, submission: { source: 'rss' } });
    expect(kept.submittedUrl).toBe(fetchJob.submittedUrl);
    expect(kept.submission).toEqual({ source: 'rss' });
    expect(parsePayload('fetch', kept).submittedUrl).toBe(fetchJob.submittedUrl);
  });
  it('keeps retention and the backoff base delay out of the options stored in every job', () => {
    for (const q of PIPELINE) {
      expect(DEFAULT_JOB_OPTIONS[q]).not.toHaveProperty('removeOnComplete');
      expect(DEFAULT_JOB_OPTIONS[q]).not.toHaveProperty('removeOnFail');
      expect(DEFAULT_JOB_OPTIONS[q].backoff).toEqual({ type: 'khabar' });
    }
  });
  it('stores an article text that is its paragraphs joined, and mention texts that are slices, as nothing; parsing rebuilds them exactly', () => {
    const paragraphs = ['قال دميتري بيسكوف إن الكرملين يتابع.', 'وأضاف أن موسكو قلقة.'];
    const text = paragraphs.join('\n\n');
    const start = text.indexOf('دميتري');
    const index = {
      ...fetchJob,
      fetch: { finalUrl: fetchJob.url, status: 200, contentType: 'text/html', headerCharset: null, bytes: 1, fetchedAt: '2024-05-17T10:00:01.000Z', redirects: 0, archiveKey: 'k' },
      article: { title: 't', text, paragraphs, publishedAt: null, lang: 'ar', dir: 'rtl' as const, canonicalUrl: fetchJob.url },
      parsedAt: '2024-05-17T10:00:02.000Z',
      parserVersion: 'p',
      cluster: { id: fetchJob.id, role: 'original' as const, similarity: 1, contentHash: 'c' },
      entities: {
        entities: [],
        mentions: [
          { start, end: start + 'دميتري بيسكوف'.length, type: 'PER' as const, text: 'دميتري بيسكوف', entityId: null },
          // A surface form that is not the slice (the tagger may join tokens) is kept as it is.
          { start: 0, end: 3, type: 'MISC' as const, text: 'other', entityId: null },
        ],
      },
    };
    const stored = compactPayload(index);
    expect(stored.article).not.toHaveProperty('text');
    expect(stored.entities.mentions[0]).not.toHaveProperty('text');
    expect(stored.entities.mentions[1]?.text).toBe('other');
    const parsed = parsePayload('index', JSON.parse(JSON.stringify(stored)));
    expect(parsed.article.text).toBe(text);
    expect(parsed.entities.mentions.map((m) => m.text)).toEqual(['دميتري بيسكوف', 'other']);
    expect(parsed).toEqual(parsePayload('index', index));
  });
  it('keeps an article text that is not exactly its paragraphs joined', () => {
    const article = { title: 't', text: 'one\ntwo', paragraphs: ['one', 'two'], publishedAt: null, lang: 'en', dir: 'ltr' as const, canonicalUrl: fetchJob.url };
    expect(compactPayload({ ...fetchJob, article }).article.text).toBe('one\ntwo');
  });
});
