import { describe, expect, it } from 'vitest';
import { ContractViolationError } from '@khabar/errors';
import { parsePayload } from '@khabar/contracts';

/** The fetch payload's `reroute` (written by the fetcher when a redirect leaves the host). */
const job = {
  v: 1,
  id: '0123456789abcdef0123456789abcdef',
  url: 'https://a.example/old',
  submittedAt: '2026-11-29T00:00:00.000Z',
};

function issuesOf(data: unknown): string[] {
  try {
    parsePayload('fetch', data);
  } catch (err) {
    if (err instanceof ContractViolationError) return err.issues.map((i) => i.path);
    throw err;
  }
  return [];
}

describe('fetch payload reroute', () => {
  it('is optional: payloads from before it parse as they did', () => {
    expect(parsePayload('fetch', job)).not.toHaveProperty('reroute');
  });

  it('carries the hop to continue at and every hop followed so far', () => {
    const reroute = { url: 'https://b.example/new', redirects: ['https://a.example/moved', 'https://b.example/new'] };
    expect(parsePayload('fetch', { ...job, reroute }).reroute).toEqual(reroute);
  });

  it('is refused when the hop is not the last of the chain, the chain is empty, or a URL is not one', () => {
    expect(issuesOf({ ...job, reroute: { url: 'https://b.example/new', redirects: ['https://b.example/other'] } })).toEqual(['reroute.url']);
    expect(issuesOf({ ...job, reroute: { url: 'https://b.example/new', redirects: [] } })).toContain('reroute.redirects');
    expect(issuesOf({ ...job, reroute: { url: 'not a url', redirects: ['not a url'] } })).toContain('reroute.url');
  });

  it('does not travel on to the parse stage', () => {
    const parse = parsePayload('parse', {
      ...job,
      reroute: { url: 'https://b.example/new', redirects: ['https://b.example/new'] },
      fetch: { finalUrl: 'https://b.example/new', status: 200, contentType: 'text/html', headerCharset: null, bytes: 1, fetchedAt: job.submittedAt, redirects: 1, archiveKey: 'k' },
    });
    expect(parse).not.toHaveProperty('reroute');
  });
});
