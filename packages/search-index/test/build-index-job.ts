import { createHash } from 'node:crypto';
import { indexJobSchema, type IndexJob, type PayloadInputOf } from '@khabar/contracts';

/** A valid index-stage payload (parsed through the real schema), with `overrides` merged on top. */
export function buildIndexJob(overrides: Partial<PayloadInputOf<'index'>> = {}): IndexJob {
  const url = overrides.url ?? 'https://www.example.com/news/2024/01/peskov.html';
  const id = overrides.id ?? createHash('sha256').update(url).digest('hex').slice(0, 32);
  const input: PayloadInputOf<'index'> = {
    v: 1,
    id,
    url,
    submittedUrl: `${url}?utm_source=x`,
    submittedAt: '2024-01-18T10:00:00Z',
    submission: { source: 'rss', tags: ['world'], priority: 5 },
    fetch: {
      finalUrl: url,
      status: 200,
      contentType: 'text/html; charset=windows-1256',
      headerCharset: 'windows-1256',
      bytes: 5120,
      fetchedAt: '2024-01-18T10:00:01Z',
      redirects: 0,
      archiveKey: `raw/${id}`,
    },
    article: {
      title: 'الكرملين قلق من التوتر بين باكو ويريفان',
      text: 'أعرب متحدث الكرملين دميتري بيسكوف عن قلق موسكو لاستمرار التوتر بين باكو ويريفان.\n\nوقال بيسكوف للصحفيين اليوم الخميس.',
      paragraphs: ['أعرب متحدث الكرملين دميتري بيسكوف عن قلق موسكو لاستمرار التوتر بين باكو ويريفان.', 'وقال بيسكوف للصحفيين اليوم الخميس.'],
      publishedAt: '2024-01-18T13:05:00+03:00',
      lang: 'ar',
      dir: 'rtl',
      canonicalUrl: url,
      tags: ['الكرملين', 'باكو'],
      teasers: [{ title: 'باكو توافق على فتح متزامن لطريقين', url: 'https://www.example.com/news/2', text: null }],
      attribution: ['نوفوستي'],
    },
    parsedAt: '2024-01-18T10:00:02Z',
    parserVersion: 'test-1',
    cluster: { id, role: 'original', similarity: 1, contentHash: 'c0ffee' },
    entities: {
      entities: [
        { id: 'PER:دميتري بيسكوف', linked: false, type: 'PER', name: 'دميتري بيسكوف', names: ['دميتري بيسكوف', 'بيسكوف'], count: 2, firstOffset: 20, salience: 0.9 },
        { id: 'ORG:الكرملين', linked: false, type: 'ORG', name: 'الكرملين', names: ['الكرملين'], count: 1, firstOffset: 10, salience: 0.5 },
        { id: 'LOC:باكو', linked: false, type: 'LOC', name: 'باكو', names: ['باكو'], count: 1, firstOffset: 60, salience: 0.4 },
        { id: 'LOC:يريفان', linked: false, type: 'LOC', name: 'يريفان', names: ['يريفان'], count: 1, firstOffset: 66, salience: 0.4 },
      ],
      mentions: [],
    },
    ...overrides,
  };
  return indexJobSchema.parse(input);
}
