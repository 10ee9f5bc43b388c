import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/index.ts';

/** A ~100 KB RT-like page: the real fixture plus a teaser grid, menus and inline scripts. */
function bigPage(): string {
  const base = readFileSync(join(import.meta.dirname, 'fixtures/rt-arabic/kremlin-peskov.html'), 'utf8');
  const grid = Array.from(
    { length: 220 },
    (_, i) => `<div class="item-${i % 7}"><a href="/n/${i}"><img src="/i/${i}.jpg" alt="">عنوان خبر رقم ${i} عن الأحداث الجارية في المنطقة</a><p>ملخص قصير للخبر رقم ${i} يتحدث عن تطورات الأوضاع في المنطقة العربية وما يجري فيها اليوم.</p></div>`,
  ).join('\n');
  const menu = Array.from({ length: 200 }, (_, i) => `<li><a href="/section/${i}">قسم ${i}</a></li>`).join('');
  return base
    .replace('<main>', `<div class="mega-menu"><ul>${menu}</ul></div><main>`)
    .replace('<footer>', `<div class="more">${grid}</div><script>${'window.x = {a: 1, b: [1, 2, 3]};\n'.repeat(600)}</script><footer>`);
}

// Speed is measured by `node bench/extract.ts` (pages per CPU second at 60 KB and 100 KB); tests
// only pin down what comes out of a big, boilerplate-heavy page.
describe('big page', () => {
  it('finds the article in a 100 KB page full of menus, teaser grids and scripts', () => {
    const html = bigPage();
    expect(Buffer.byteLength(html)).toBeGreaterThan(95_000);
    const a = extractArticle({ html, url: 'https://arabic.rt.com/world/1417000/' });
    expect(a.paragraphs).toHaveLength(5);
    expect(a.text).not.toContain('ملخص قصير');
    expect(a.text).not.toContain('قسم 1');
  });
});
