/**
 * Grows a real article page to a target size with the boilerplate real news pages carry: a mega
 * menu, breaking-news ticker, teaser grids with images and summaries, analytics and ad scripts,
 * inline JSON state, HTML comments, a long footer. The article itself is left untouched, so the
 * padded page still has the same gold answer.
 */
const AR_WORDS = 'الحكومة وزير الخارجية مجلس الأمن الاقتصاد الرياضة كأس العالم الطاقة النفط البورصة الانتخابات البرلمان المدينة الصحة التعليم الطقس الثقافة السينما التكنولوجيا الذكاء الاصطناعي'.split(' ');
const EN_WORDS = 'government minister security council economy sport world cup energy oil markets election parliament city health education weather culture cinema technology artificial intelligence'.split(' ');

function words(list: readonly string[], n: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(list[(seed * 7 + i * 13) % list.length] ?? '');
  return out.join(' ');
}

function menu(ar: boolean, seed: number): string {
  const w = ar ? AR_WORDS : EN_WORDS;
  const items = Array.from({ length: 40 }, (_, i) => `<li class="menu-item menu-item-${i}"><a href="/section/${seed}-${i}/" class="nav-link">${words(w, 2, seed + i)}</a><ul class="sub-menu">${Array.from({ length: 3 }, (_, j) => `<li><a href="/section/${seed}-${i}/${j}/">${words(w, 2, i + j)}</a></li>`).join('')}</ul></li>`).join('');
  return `<!-- header start --><header class="site-header"><div class="top-bar"><span class="date-now">${ar ? 'السبت' : 'Saturday'}</span><a href="/login">${ar ? 'دخول' : 'Log in'}</a></div><nav class="main-nav" role="navigation"><ul class="menu">${items}</ul></nav><div class="breaking-ticker"><span>${ar ? 'عاجل' : 'Breaking'}</span><ul>${Array.from({ length: 8 }, (_, i) => `<li><a href="/breaking/${seed}${i}">${words(w, 8, seed * 3 + i)}</a></li>`).join('')}</ul></div></header><!-- header end -->`;
}

function teaserGrid(ar: boolean, seed: number, n: number): string {
  const w = ar ? AR_WORDS : EN_WORDS;
  const cards = Array.from({ length: n }, (_, i) => `<div class="card teaser col-md-3"><a class="thumb" href="/news/${seed}/${i}/"><img src="/img/${seed}-${i}.jpg" alt="${words(w, 4, i)}" width="300" height="200" loading="lazy"></a><div class="card-body"><span class="cat"><a href="/section/${i}">${words(w, 1, i)}</a></span><h3 class="card-title"><a href="/news/${seed}/${i}/">${words(w, 9, seed + i)}</a></h3><p class="summary">${words(w, 18, seed * 2 + i)}</p><time class="ago">${ar ? 'منذ ساعة' : '1 hour ago'}</time></div></div>`).join('');
  return `<section class="more-news block-grid"><h2 class="block-title">${ar ? 'الأكثر قراءة' : 'Most read'}</h2><div class="row">${cards}</div></section>`;
}

function scripts(seed: number): string {
  const js = `(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-${seed}');`;
  const state = JSON.stringify({ page: { id: seed, ads: Array.from({ length: 20 }, (_, i) => ({ slot: `div-gpt-ad-${i}`, sizes: [[300, 250], [728, 90]], targeting: { pos: i, kw: ['news', 'world'] } })) } });
  return `<script>${js}</script><script>window.__STATE__=${state};</script><script async src="/static/js/app.${seed}.js"></script><!-- ad slot ${seed} --><div class="ad ad-leaderboard" id="div-gpt-ad-${seed}"><script>googletag.cmd.push(function(){googletag.display('div-gpt-ad-${seed}');});</script></div>`;
}

function footer(ar: boolean, seed: number): string {
  const w = ar ? AR_WORDS : EN_WORDS;
  const cols = Array.from({ length: 5 }, (_, c) => `<div class="footer-col"><h4>${words(w, 2, c)}</h4><ul>${Array.from({ length: 10 }, (_, i) => `<li><a href="/f/${c}/${i}">${words(w, 2, seed + c + i)}</a></li>`).join('')}</ul></div>`).join('');
  return `<footer class="site-footer">${cols}<div class="cookie-banner" id="cookie-consent"><p>${ar ? 'يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.' : 'This site uses cookies to improve your experience.'}</p><button>${ar ? 'موافق' : 'Accept'}</button></div><p class="copyright">© 2026</p></footer>`;
}

/** Pads `html` to about `targetBytes` (UTF-8). Pages already that big are returned as they are. */
export function padPage(html: string, targetBytes: number, lang: string): string {
  const ar = lang === 'ar';
  let before = '';
  let after = '';
  let seed = 1;
  const size = (): number => Buffer.byteLength(html) + Buffer.byteLength(before) + Buffer.byteLength(after);
  if (size() >= targetBytes) return html;
  before += menu(ar, seed) + scripts(seed);
  after += footer(ar, seed);
  while (size() < targetBytes) {
    seed += 1;
    const chunk = seed % 2 === 0 ? teaserGrid(ar, seed, 8) + `<!-- ${'cache '.repeat(20)} -->` : scripts(seed);
    if (seed % 3 === 0) before += chunk;
    else after = chunk + after;
  }
  const bodyOpen = /<body[^>]*>/i.exec(html);
  const bodyClose = html.toLowerCase().lastIndexOf('</body>');
  if (bodyOpen === null || bodyClose < 0) return before + html + after;
  const head = html.slice(0, bodyOpen.index + bodyOpen[0].length);
  return head + before + html.slice(head.length, bodyClose) + after + html.slice(bodyClose);
}
