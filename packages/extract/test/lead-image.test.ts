import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/index.ts';

const body = '<p>The central bank kept its key rate unchanged on Thursday, citing slowing inflation and a weaker outlook for growth next year.</p>'.repeat(3);

describe('lead image', () => {
  it('skips banners, logos, icons and pixels for the first real photo', () => {
    const html = `<html><body><table><tr><td><img src="/images/banner.gif" width="780" height="90"></td></tr></table>
      <img src="/static/site-logo.png"><img src="/img/wide-strip.jpg" width="900" height="100"><img src="/t.gif" width="1" height="1">
      <h1>Rates held</h1><img data-src="/photos/bank.jpg" src="data:image/gif;base64,R0lGOD"><img src="/photos/second.jpg">${body}</body></html>`;
    expect(extractArticle({ html, url: 'https://news.test/a' }).leadImage).toBe('https://news.test/photos/bank.jpg');
  });
  it('is null when the page has only furniture', () => {
    const html = `<html><body><img src="/images/banner.gif" width="780" height="90"><img src="/i/arrow.gif"><h1>Rates held</h1>${body}</body></html>`;
    expect(extractArticle({ html, url: 'https://news.test/a' }).leadImage).toBeNull();
  });
});
