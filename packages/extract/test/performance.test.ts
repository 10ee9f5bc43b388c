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

describe('performance', () => {
  it('extracts a 100 KB page in a few milliseconds, with the right article', () => {
    const html = bigPage();
    expect(Buffer.byteLength(html)).toBeGreaterThan(95_000);
    const url = 'https://arabic.rt.com/world/1417000/';
    for (let i = 0; i < 10; i++) extractArticle({ html, url });
    // Best of several short batches: the machine is shared, the best batch is closest to one idle core.
    let best = Number.POSITIVE_INFINITY;
    for (let batch = 0; batch < 6; batch++) {
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) extractArticle({ html, url });
      best = Math.min(best, (performance.now() - t0) / 10);
    }
    // Target is 150/s (6.7 ms) on an idle core, measured ~120-260/s standalone; the bound here
    // only catches gross regressions (a quadratic pass) on a loaded CI box.
    expect(best).toBeLessThan(30);
    const a = extractArticle({ html, url });
    expect(a.paragraphs).toHaveLength(5);
    expect(a.text).not.toContain('ملخص قصير');
  });
});
