// Khabar analyst search page. Plain browser JavaScript, no build step, no external assets.
// State lives in the URL hash (#q=…&site=…, or #view=entity&id=…) so every view can be linked.
'use strict';

const LIST_KEYS = ['site', 'entity', 'type', 'tag', 'role'];
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;
const SVG = 'http://www.w3.org/2000/svg';
const TYPE_LABELS = { PER: 'People · أشخاص', ORG: 'Organisations · منظمات', LOC: 'Places · أماكن', MISC: 'Other · أخرى' };
const $ = (id) => document.getElementById(id);

let nextCursor = null;

function state() {
  return new URLSearchParams(location.hash.replace(/^#/, ''));
}

function go(params) {
  const hash = params.toString();
  if (location.hash.replace(/^#/, '') === hash) render();
  else location.hash = hash;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'onclick') node.addEventListener('click', v);
    else if (k === 'html') node.innerHTML = v; // only for Elasticsearch highlights (HTML-encoded, <mark> added)
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function formatDate(iso, lang) {
  if (!iso) return '';
  const fmt = new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return `${fmt.format(new Date(iso))} UTC`;
}

/** dir/lang of the page follow the query: Arabic script or lang=ar makes it right-to-left. */
function setPageDirection(q, lang) {
  const rtl = lang === 'ar' || (!lang && ARABIC.test(q || ''));
  document.documentElement.dir = rtl ? 'rtl' : 'ltr';
  document.documentElement.lang = rtl ? 'ar' : 'en';
}

async function api(path) {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await res.json();
  if (!res.ok) throw new Error(body && body.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${res.status}`);
  return body;
}

function searchQuery(s, extra) {
  const p = new URLSearchParams();
  for (const [k, v] of s) if (k !== 'view' && k !== 'id' && v !== '') p.append(k, v);
  for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
  return p;
}

function chart(buckets, label) {
  const width = 600;
  const height = 140;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('direction', 'ltr');
  if (!buckets.length) return svg;
  const max = Math.max(...buckets.map((b) => b.count), 1);
  const slot = (width - 20) / buckets.length;
  buckets.forEach((b, i) => {
    const h = Math.round((b.count / max) * (height - 36));
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('class', 'bar');
    rect.setAttribute('x', String(10 + i * slot + slot * 0.1));
    rect.setAttribute('y', String(height - 20 - h));
    rect.setAttribute('width', String(Math.max(1, slot * 0.8)));
    rect.setAttribute('height', String(h));
    rect.setAttribute('data-count', String(b.count));
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${b.date.slice(0, 16).replace('T', ' ')}: ${b.count}`;
    rect.append(title);
    svg.append(rect);
  });
  const axis = (x, anchor, text) => {
    const t = document.createElementNS(SVG, 'text');
    t.setAttribute('x', String(x));
    t.setAttribute('y', String(height - 6));
    t.setAttribute('text-anchor', anchor);
    t.textContent = text;
    svg.append(t);
  };
  axis(10, 'start', buckets[0].date.slice(0, 10));
  axis(width - 10, 'end', buckets[buckets.length - 1].date.slice(0, 10));
  return svg;
}

function entityButton(e) {
  return el('button', { type: 'button', 'data-entity': e.id, dir: 'auto', title: e.type, onclick: () => go(new URLSearchParams({ view: 'entity', id: e.id })) }, e.name);
}

const safeUrl = (url) => (/^https?:\/\//i.test(url) ? url : null);

function renderItem(item) {
  const title = el('h2', {}, el('a', { href: safeUrl(item.url), target: '_blank', rel: 'noopener noreferrer', html: item.highlight.title || escapeHtml(item.title) }));
  const snippet = el('p', { class: 'snippet', html: item.highlight.text.length ? item.highlight.text.join(' … ') : escapeHtml(item.description || '') });
  const meta = el('div', { class: 'meta' }, el('span', { class: 'site', dir: 'ltr' }, item.site), el('time', { datetime: item.publishedAt || '' }, formatDate(item.publishedAt, item.lang)), item.cluster.role !== 'original' ? el('span', { class: 'role' }, item.cluster.role.replace('_', '-')) : null);
  const li = el('li', { class: 'result', dir: item.dir, lang: item.lang, 'data-id': item.id }, title, meta, snippet);
  if (item.entities.length) li.append(el('div', { class: 'entities' }, item.entities.map(entityButton)));
  if (item.cluster.copies > 1) {
    const box = el('div', { class: 'copies' });
    const button = el('button', { type: 'button', class: 'expand', 'data-cluster': item.cluster.id }, `+${item.cluster.copies - 1} ${item.lang === 'ar' ? 'نسخ أخرى' : 'other copies'}`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      const res = await api(`/v1/search?${new URLSearchParams({ cluster: item.cluster.id, expand: 'true', facets: 'false', sort: 'date', size: '50' })}`);
      box.append(el('ul', {}, res.items.filter((c) => c.id !== item.id).map((c) => el('li', { class: 'copy', dir: c.dir, lang: c.lang }, el('a', { href: safeUrl(c.url), target: '_blank', rel: 'noopener noreferrer' }, c.title), ' — ', el('span', { dir: 'ltr' }, c.site), ' · ', formatDate(c.publishedAt, c.lang)))));
      button.hidden = true;
    });
    box.prepend(button);
    li.append(box);
  }
  return li;
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function facetList(title, key, buckets, s, labelOf) {
  if (!buckets.length) return [];
  const active = s.getAll(key).flatMap((v) => v.split(','));
  return [
    el('h3', {}, title),
    el('ul', { 'data-facet': key }, buckets.map((b) => {
      const value = b.id || b.value;
      const on = active.includes(value);
      return el('li', {}, el('button', { type: 'button', class: on ? 'on' : false, 'data-value': value, onclick: () => toggle(key, value) }, el('span', { dir: 'auto' }, labelOf ? labelOf(b) : value), el('span', { class: 'count' }, String(b.count))));
    })),
  ];
}

function toggle(key, value) {
  const s = state();
  const values = s.getAll(key);
  s.delete(key);
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  if (key === 'lang') { if (!values.includes(value)) s.set('lang', value); }
  else next.forEach((v) => s.append(key, v));
  go(s);
}

function renderFacets(facets, s) {
  const box = $('facets');
  box.replaceChildren();
  if (!facets) return;
  box.append(...facetList('Languages · اللغات', 'lang', facets.languages, s));
  box.append(...facetList('Sites · المواقع', 'site', facets.sites, s));
  for (const type of ['PER', 'ORG', 'LOC', 'MISC']) box.append(...facetList(TYPE_LABELS[type], 'entity', facets.entities[type] || [], s, (b) => b.name));
  box.append(...facetList('Copies · النسخ', 'role', facets.roles, s));
}

function renderFilters(s) {
  const box = $('filters');
  box.replaceChildren();
  for (const key of [...LIST_KEYS, 'lang', 'cluster', 'from', 'to']) {
    for (const value of s.getAll(key)) {
      box.append(el('button', { type: 'button', class: 'filter', dir: 'auto', onclick: () => toggle(key, value) }, `${key}: ${value} ✕`));
    }
  }
}

async function renderSearch(s) {
  $('entity').hidden = true;
  $('results').hidden = false;
  const q = s.get('q') || '';
  $('q').value = q;
  $('lang').value = s.get('lang') || '';
  $('sort').value = s.get('sort') || '';
  $('expand').checked = s.get('expand') === 'true';
  setPageDirection(q, s.get('lang'));
  renderFilters(s);
  const res = await api(`/v1/search?${searchQuery(s)}`);
  renderFacets(res.facets, s);
  const rtl = document.documentElement.dir === 'rtl';
  const stories = res.stories !== null ? (rtl ? `، ${res.stories} قصة` : `, ${res.stories} stories`) : '';
  $('summary').textContent = rtl ? `${res.total} مقالة${stories}` : `${res.total} articles${stories}`;
  $('chart').replaceChildren(res.facets ? chart(res.facets.timeline.buckets, 'articles over time') : '');
  $('results').replaceChildren(...res.items.map(renderItem));
  nextCursor = res.cursor;
  $('more').hidden = !nextCursor;
}

async function more() {
  const res = await api(`/v1/search?${searchQuery(state(), { cursor: nextCursor, facets: 'false' })}`);
  $('results').append(...res.items.map(renderItem));
  nextCursor = res.cursor;
  $('more').hidden = !nextCursor;
}

async function renderEntity(id) {
  const e = await api(`/v1/entities/${encodeURIComponent(id)}`);
  const rtl = ARABIC.test(e.name);
  document.documentElement.dir = rtl ? 'rtl' : 'ltr';
  document.documentElement.lang = rtl ? 'ar' : 'en';
  $('results').hidden = true;
  $('more').hidden = true;
  $('summary').textContent = '';
  $('filters').replaceChildren();
  $('chart').replaceChildren();
  $('facets').replaceChildren(
    ...facetList('Sites · المواقع', 'site', e.sites, new URLSearchParams(), null),
    ...facetList('Languages · اللغات', 'lang', e.languages, new URLSearchParams(), null),
  );
  for (const b of $('facets').querySelectorAll('button')) b.disabled = true;
  const box = $('entity');
  box.replaceChildren(
    el('h2', { dir: 'auto' }, e.name),
    el('p', { class: 'meta' }, `${e.type} · ${e.articles} articles · `, el('span', { dir: 'auto' }, e.names.join('، '))),
    el('p', {}, el('button', { type: 'button', class: 'search-entity', onclick: () => go(new URLSearchParams({ entity: e.id, sort: 'date' })) }, 'Articles mentioning it · المقالات')),
    el('h3', {}, 'Mentions over time · الإشارات عبر الزمن'),
    chart(e.timeline.buckets, `mentions of ${e.name} over time`),
    el('h3', {}, 'Mentioned with · يذكر مع'),
    el('div', { class: 'entities cooccurring' }, e.cooccurring.map((c) => entityButton(c))),
    el('h3', {}, 'Latest · الأحدث'),
    el('ol', { class: 'latest', style: false }, e.latest.map(renderItem)),
  );
  box.hidden = false;
}

async function render() {
  const s = state();
  try {
    if (s.get('view') === 'entity' && s.get('id')) await renderEntity(s.get('id'));
    else await renderSearch(s);
    document.body.dataset.ready = String(Date.now());
  } catch (err) {
    $('summary').replaceChildren(el('span', { class: 'error' }, String(err.message || err)));
    document.body.dataset.ready = 'error';
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const s = new URLSearchParams();
    const q = $('q').value.trim();
    if (q) s.set('q', q);
    if ($('lang').value) s.set('lang', $('lang').value);
    if ($('sort').value) s.set('sort', $('sort').value);
    if ($('expand').checked) s.set('expand', 'true');
    go(s);
  });
  $('more').addEventListener('click', () => void more());
  window.addEventListener('hashchange', () => void render());
  void render();
});
