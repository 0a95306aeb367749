// dyad's web UI: one page per hash route (#/search, #/article/ID,
// #/dyad/SRC-TGT, #/network, #/outlets, #/outlet/NAME, #/stories,
// #/story/ID), drawn from the JSON API. Text from the API is only ever
// inserted as text (el() and textContent), never parsed as HTML: articles
// are untrusted input.

const main = document.getElementById('main');

const QUADS = ['Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'];
const QUAD_COLORS = ['#7fb8da', '#2b7bb9', '#f0a35e', '#c8442f'];

// el makes an element: attrs are properties (class → className, on* →
// listeners, dataset), children are nodes or strings (as text).
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'href') e.setAttribute('href', safeHref(v));
    else e[k] = v;
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// safeHref lets through in-app routes and http(s) URLs only: an article's
// URL could be javascript:….
function safeHref(v) {
  const s = String(v);
  if (s.startsWith('#/') || s.startsWith('/')) return s;
  try {
    const u = new URL(s);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch { /* not a URL */ }
  return '#/';
}

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// generation counts page changes: an answer that arrives after the user
// moved on is dropped (its promise never settles), so a slow page cannot
// draw over the next one.
let generation = 0;

async function api(path, params = {}) {
  const gen = generation;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== undefined && v !== null && v !== false) q.set(k, v);
  const qs = q.toString();
  const res = await fetch('/api/' + path + (qs ? '?' + qs : ''), { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (gen !== generation) return new Promise(() => {});
  if (!res.ok) throw new ApiError(res.status, body.error || res.statusText);
  return body;
}

const num = (v) => Number(v).toLocaleString('en');
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const day = (t) => (t ? String(t).slice(0, 10) : '');
const route = (...parts) => '#/' + parts.map(encodeURIComponent).join('/');
const withQuery = (base, params) => {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== undefined && v !== false));
  const s = q.toString();
  return s ? base + '?' + s : base;
};

function page(title, ...children) {
  document.title = title ? `${title} · dyad` : 'dyad';
  main.replaceChildren(el('h1', {}, title), ...children);
}

function errorBox(err) {
  return el('p', { class: 'error', role: 'alert' }, err instanceof ApiError ? `${err.message} (HTTP ${err.status})` : String(err));
}

function empty(what) {
  return el('p', { class: 'muted' }, `No ${what}.`);
}

function table(cols, rows) {
  if (!rows.length) return empty('records');
  return el('table', {},
    el('thead', {}, el('tr', {}, cols.map((c) => el('th', {}, c.title)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, cols.map((c) => el('td', { class: c.class }, c.cell(r)))))));
}

function outletLink(name) {
  return name ? el('a', { href: route('outlet', name) }, name) : '';
}

function articleLink(id, title, span) {
  const href = span ? withQuery(route('article', id), { hl: `${span.start}-${span.end}` }) : route('article', id);
  return el('a', { href, class: 'article-link' }, title || id);
}

function actorLabel(a) {
  return a && (a.code || a.name) ? `${a.name || a.code}${a.code ? ` (${a.code})` : ''}` : '—';
}

// ---- search ----

const FILTERS = [
  ['q', 'Full text', 'ceasefire'],
  ['actor', 'Actor', 'TUR, CIVGOV, IGOAFRAFU'],
  ['outlet', 'Outlet', 'Meridian Wire'],
  ['since', 'Since', '2026-01-01'],
  ['until', 'Until', '2026-12-31'],
];

function filterForm(params, onSubmit) {
  const inputs = {};
  const form = el('form', { class: 'filters', onsubmit: (ev) => {
    ev.preventDefault();
    const out = {};
    for (const [k, i] of Object.entries(inputs)) if (i.value.trim()) out[k] = i.value.trim();
    onSubmit(out);
  } },
  FILTERS.map(([k, label, ph]) => el('label', {}, label, inputs[k] = el('input', { name: k, value: params.get(k) || '', placeholder: ph, type: k === 'since' || k === 'until' ? 'date' : 'search' }))),
  el('button', { type: 'submit' }, 'Search'));
  return form;
}

async function searchPage(params) {
  const results = el('section', { class: 'results' });
  page('Search', filterForm(params, (p) => { location.hash = withQuery('#/search', p); }), results);
  const f = Object.fromEntries(FILTERS.map(([k]) => [k, params.get(k) || '']));
  try {
    const [arts, actors] = await Promise.all([api('articles', { ...f, limit: 100 }), api('actors', { ...f, limit: 20 })]);
    results.replaceChildren(
      el('h2', {}, plural(arts.length, 'article')),
      arts.length ? el('ul', { class: 'articles' }, arts.map((a) => el('li', {},
        articleLink(a.id, a.title), ' ', el('span', { class: 'muted' }, day(a.published), ' · '), outletLink(a.outlet)))) : empty('articles'),
      el('h2', {}, 'Actors'),
      table([
        { title: 'Actor', cell: (a) => a.name },
        { title: 'Code', cell: (a) => el('code', {}, a.code) },
        { title: 'Kind', cell: (a) => a.kind },
        { title: 'Role', cell: (a) => a.role || '' },
        { title: 'Articles', cell: (a) => a.articles, class: 'num' },
        { title: 'Mentions', cell: (a) => a.mentions, class: 'num' },
      ], actors));
  } catch (err) {
    results.replaceChildren(errorBox(err));
  }
}

// ---- article ----

// annotations lists what to highlight in an article: each with its byte
// span, its kind and the codes hover shows.
function annotations(an) {
  const actors = new Map((an.actors || []).map((a) => [a.id, a]));
  const out = [];
  for (const m of an.mentions || []) {
    const a = actors.get(m.actor);
    out.push({ start: m.start, end: m.end, kind: 'actor', label: `${m.type} ${m.text}${a ? ` → ${a.name} ${a.code}${a.role ? ', ' + a.role : ''}` : ''}` });
  }
  for (const q of an.quotes || []) {
    out.push({ start: q.start, end: q.end, kind: 'quote', label: `${q.direct ? 'Direct' : 'Indirect'} quote by ${q.speaker?.name || '?'}${q.speaker?.code ? ' ' + q.speaker.code : ''}${q.cue ? ` (${q.cue})` : ''}` });
  }
  for (const f of an.figures || []) {
    out.push({ start: f.start, end: f.end, kind: 'figure', label: `Figure ${f.qualifier ? f.qualifier + ' ' : ''}${num(f.value)} ${f.unit}${f.quantity ? ' ' + f.quantity : ''}${f.period ? ' in ' + f.period : ''}${f.actors?.length ? ' about ' + f.actors.join(', ') : ''}` });
  }
  for (const e of an.events || []) {
    out.push({ start: e.start, end: e.end, kind: 'event', label: `Event ${e.source.code} → ${e.target.code}: CAMEO ${e.cameo}, PLOVER ${e.plover?.type || '?'}, ${QUADS[e.quad - 1] || 'quad ' + e.quad}, Goldstein ${e.goldstein}` });
  }
  return out;
}

// highlighted renders text with each annotation's bytes wrapped in marks.
// Spans are UTF-8 byte offsets, so the text is cut as bytes and each piece
// decoded.
function highlighted(text, anns, focus) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const all = focus ? [...anns, { ...focus, kind: 'focus', label: 'Evidence' }] : anns;
  const valid = all.filter((a) => a.start >= 0 && a.end <= bytes.length && a.start < a.end);
  const cuts = [...new Set([0, bytes.length, ...valid.flatMap((a) => [a.start, a.end])])].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = dec.decode(bytes.subarray(a, b));
    const over = valid.filter((x) => x.start <= a && x.end >= b);
    if (!over.length) {
      frag.append(piece);
      continue;
    }
    const kinds = [...new Set(over.map((x) => x.kind))];
    frag.append(el('mark', {
      class: kinds.map((k) => 'hl-' + k).join(' '),
      title: over.map((x) => x.label).join('\n'),
      dataset: { start: String(a), end: String(b) },
    }, piece));
  }
  return frag;
}

async function articlePage(id, params) {
  page('Article');
  let an;
  try {
    an = await api('articles/' + encodeURIComponent(id));
  } catch (err) {
    main.append(errorBox(err));
    return;
  }
  const art = an.article;
  const hl = /^(\d+)-(\d+)$/.exec(params.get('hl') || '');
  const focus = hl ? { start: +hl[1], end: +hl[2] } : null;
  const anns = annotations(an);
  const body = el('div', { class: 'article-text' });
  const show = new Set(['actor', 'quote', 'figure', 'event']);
  const draw = () => {
    body.replaceChildren(highlighted(art.text || '', anns.filter((a) => show.has(a.kind)), focus));
    body.querySelector('.hl-focus')?.scrollIntoView({ block: 'center' });
  };
  const legend = el('div', { class: 'legend' }, ['actor', 'quote', 'figure', 'event'].map((k) => el('label', { class: 'hl-' + k },
    el('input', { type: 'checkbox', checked: true, onchange: (ev) => { ev.target.checked ? show.add(k) : show.delete(k); draw(); } }),
    ` ${k}s (${anns.filter((a) => a.kind === k).length})`)));
  page(art.title || art.id,
    el('p', { class: 'meta' }, outletLink(art.outlet), art.published ? ` · ${day(art.published)}` : '',
      art.url ? [' · ', el('a', { href: art.url, rel: 'noopener noreferrer', target: '_blank' }, 'source')] : '',
      ' · ', el('code', {}, art.id)),
    legend,
    el('div', { class: 'article' }, body,
      el('aside', {},
        el('h2', {}, 'Actors'),
        el('ul', { class: 'compact' }, (an.actors || []).map((a) => el('li', {}, el('a', { href: withQuery('#/search', { actor: a.code }) }, a.name), ' ', el('code', {}, a.code), a.role ? el('span', { class: 'muted' }, ' ' + a.role) : ''))),
        el('h2', {}, 'Events'),
        (an.events || []).length ? el('ul', { class: 'compact' }, an.events.map((e) => el('li', {},
          el('a', { href: withQuery(route('article', art.id), { hl: `${e.start}-${e.end}` }) }, `${e.source.code} → ${e.target.code}`),
          ' ', el('code', { title: `PLOVER ${e.plover?.type || ''}` }, e.cameo), ' ', el('span', { class: 'q' + e.quad }, QUADS[e.quad - 1] || '')))) : empty('events'),
        el('h2', {}, 'Figures'),
        (an.figures || []).length ? el('ul', { class: 'compact' }, an.figures.map((f) => el('li', {}, f.text, el('span', { class: 'muted' }, ` = ${num(f.value)} ${f.unit}${f.quantity ? ' ' + f.quantity : ''}`)))) : empty('figures'),
        el('h2', {}, 'Quotes'),
        (an.quotes || []).length ? el('ul', { class: 'compact' }, an.quotes.map((q) => el('li', {}, el('b', {}, q.speaker?.name || '?'), ': ', q.text))) : empty('quotes'))));
  draw();
}

// ---- dyad ----

// bucketEnd is the first day after the bucket starting on start.
function bucketEnd(start, by) {
  const d = new Date(start + 'T00:00:00Z');
  if (by === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else if (by === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

const eventDay = (e) => (e.date && e.date.length >= 10 ? e.date.slice(0, 10) : day(e.published));

function eventList(events) {
  if (!events.length) return empty('events');
  return el('ol', { class: 'events' }, events.map((e) => el('li', { class: 'event q' + e.quad },
    el('div', { class: 'event-head' },
      el('span', { class: 'date' }, eventDay(e)), ' ',
      el('b', {}, actorLabel(e.source)), ' → ', el('b', {}, actorLabel(e.target)), ' ',
      el('code', { title: 'CAMEO' }, e.cameo), ' ', el('span', { class: 'plover' }, e.plover?.type || ''), ' ',
      el('span', { class: 'badge q' + e.quad }, QUADS[e.quad - 1] || `quad ${e.quad}`), ' ',
      el('span', { class: 'muted' }, `Goldstein ${e.goldstein}`)),
    el('blockquote', { class: 'evidence' }, e.evidence),
    el('div', { class: 'muted' }, articleLink(e.article_id, 'Evidence in ' + (e.title || 'the article'), e), ' · ', outletLink(e.outlet)))));
}

async function dyadPage(dyad, params) {
  const [src, tgt] = (dyad || '').split('-');
  const by = params.get('by') || 'month';
  const undirected = params.get('undirected') === 'true';
  const inputs = {
    source: el('input', { name: 'source', value: src || '', placeholder: 'TUR', required: true }),
    target: el('input', { name: 'target', value: tgt || '', placeholder: 'IDN', required: true }),
    by: el('select', { name: 'by' }, ['day', 'week', 'month'].map((b) => el('option', { value: b, selected: b === by }, b))),
    undirected: el('input', { type: 'checkbox', name: 'undirected', checked: undirected }),
    since: el('input', { type: 'date', name: 'since', value: params.get('since') || '' }),
    until: el('input', { type: 'date', name: 'until', value: params.get('until') || '' }),
  };
  const dates = { since: inputs.since.value, until: inputs.until.value };
  const form = el('form', { class: 'filters', onsubmit: (ev) => {
    ev.preventDefault();
    location.hash = withQuery(route('dyad', `${inputs.source.value.trim()}-${inputs.target.value.trim()}`), {
      by: inputs.by.value, undirected: inputs.undirected.checked ? 'true' : '', since: inputs.since.value, until: inputs.until.value,
    });
  } },
  el('label', {}, 'Source', inputs.source), el('label', {}, 'Target', inputs.target), el('label', {}, 'By', inputs.by),
  el('label', {}, 'Since', inputs.since), el('label', {}, 'Until', inputs.until),
  el('label', { class: 'check' }, inputs.undirected, ' both directions'), el('button', { type: 'submit' }, 'Show'));
  if (!src || !tgt) {
    page('Dyads', form, el('p', { class: 'muted' }, 'Pick a source and a target actor code, or follow a link from the network.'));
    return;
  }
  const chartBox = el('div', { class: 'chart', id: 'dyad-chart' });
  const listHead = el('h2', {}, 'Events');
  const list = el('section', { class: 'event-list' });
  page(`${src} ${undirected ? '↔' : '→'} ${tgt}`, form, chartBox, listHead, list);
  let series, events;
  try {
    [series, events] = await Promise.all([
      api(`dyads/${encodeURIComponent(dyad)}/series`, { by, undirected, ...dates }),
      api('events', { source: src, target: tgt, undirected, ...dates, limit: 1000 }),
    ]);
  } catch (err) {
    chartBox.replaceWith(errorBox(err));
    return;
  }
  const showEvents = (title, evs) => {
    listHead.textContent = title;
    list.replaceChildren(eventList(evs));
  };
  showEvents(`All ${events.length} events${events.length === 1000 ? ' (the first 1000; narrow the dates to see others)' : ''}`, events);
  if (!series.buckets.length) {
    chartBox.replaceChildren(empty('dated events for this dyad'));
    return;
  }
  const chart = echarts.init(chartBox);
  const periods = series.buckets.map((b) => b.period);
  chart.setOption({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 50, right: 50, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: periods },
    yAxis: [{ type: 'value', name: 'events', minInterval: 1 }, { type: 'value', name: 'Goldstein', min: -10, max: 10 }],
    series: [
      ...QUADS.map((name, q) => ({
        name, type: 'bar', stack: q < 2 ? 'cooperation' : 'conflict', color: QUAD_COLORS[q],
        data: series.buckets.map((b) => b.quad[q]),
      })),
      { name: 'Goldstein mean', type: 'line', yAxisIndex: 1, color: '#444', data: series.buckets.map((b) => +b.goldstein_mean.toFixed(2)) },
    ],
  });
  // A bar shows its period's events of its QuadClass; a click elsewhere in
  // the plot shows all of the period's events.
  const pick = (i, quad) => {
    const b = series.buckets[i];
    if (!b) return;
    const end = bucketEnd(b.start, by);
    const picked = events.filter((e) => eventDay(e) >= b.start && eventDay(e) < end && (!quad || e.quad === quad));
    showEvents(`${plural(picked.length, 'event')} in ${b.period}${quad ? ', ' + QUADS[quad - 1].toLowerCase() : ''}`, picked);
    listHead.scrollIntoView({ block: 'start' });
  };
  chart.on('click', (p) => pick(p.dataIndex, p.seriesIndex < 4 ? p.seriesIndex + 1 : 0));
  chart.getZr().on('click', (e) => {
    const xy = [e.offsetX, e.offsetY];
    if (!e.target && chart.containPixel('grid', xy)) pick(chart.convertFromPixel({ seriesIndex: 0 }, xy)[0], 0);
  });
  addEventListener('resize', () => chart.resize(), { once: true });
}

// ---- network ----

async function networkPage(params) {
  const f = Object.fromEntries(['actor', 'outlet', 'since', 'until', 'q'].map((k) => [k, params.get(k) || '']));
  const box = el('div', { class: 'chart tall', id: 'network-chart' });
  const pairs = el('section');
  page('Actor network', filterForm(params, (p) => { location.hash = withQuery('#/network', p); }), box, el('h2', {}, 'Pairs'), pairs);
  let net;
  try {
    net = await api('network', f);
  } catch (err) {
    box.replaceWith(errorBox(err));
    return;
  }
  if (!net.links.length) {
    box.replaceChildren(empty('events between actors'));
    return;
  }
  const maxW = Math.max(...net.links.map((l) => l.weight));
  const tone = (g) => (g >= 1 ? '#2b7bb9' : g <= -1 ? '#c8442f' : '#999');
  const chart = echarts.init(box);
  chart.setOption({
    tooltip: {},
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      force: { repulsion: 220, edgeLength: [60, 160] },
      label: { show: true, position: 'right' },
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7,
      data: net.nodes.map((n) => ({ id: n.code, name: n.code, value: n.events, symbolSize: 8 + 4 * Math.sqrt(n.events), tooltip: { formatter: `${n.code}: ${n.events} events` } })),
      links: net.links.map((l) => ({ source: l.source, target: l.target, value: l.weight, lineStyle: { width: 1 + 4 * l.weight / maxW, color: tone(l.goldstein_mean), curveness: 0.15, opacity: 0.8 } })),
    }],
  });
  chart.on('click', (p) => {
    if (p.dataType === 'edge') location.hash = withQuery(route('dyad', `${p.data.source}-${p.data.target}`), { by: 'day' });
    else if (p.dataType === 'node') location.hash = withQuery('#/network', { actor: p.data.id });
  });
  pairs.replaceChildren(table([
    { title: 'Dyad', cell: (l) => el('a', { href: withQuery(route('dyad', `${l.source}-${l.target}`), { by: 'day' }) }, `${l.source} → ${l.target}`) },
    { title: 'Events', cell: (l) => l.weight, class: 'num' },
    ...QUADS.map((name, q) => ({ title: name, cell: (l) => l.quad[q], class: 'num' })),
    { title: 'Goldstein mean', cell: (l) => l.goldstein_mean.toFixed(1), class: 'num' },
  ], net.links));
}

// ---- outlets ----

async function outletsPage() {
  page('Outlets');
  try {
    const outs = await api('outlets');
    main.append(table([
      { title: 'Outlet', cell: (o) => outletLink(o.name) },
      { title: 'Articles', cell: (o) => o.articles, class: 'num' },
      { title: 'First', cell: (o) => o.first || '' },
      { title: 'Last', cell: (o) => o.last || '' },
    ], outs));
  } catch (err) {
    main.append(errorBox(err));
  }
}

async function outletPage(name) {
  page(name);
  try {
    const [arts, actors, quotes, figures] = await Promise.all([
      api('articles', { outlet: name }), api('actors', { outlet: name, limit: 15 }),
      api('quotes', { outlet: name, limit: 30 }), api('figures', { outlet: name, limit: 30 }),
    ]);
    main.append(
      el('div', { class: 'columns' },
        el('section', {}, el('h2', {}, `Articles (${arts.length})`),
          el('ul', { class: 'articles' }, arts.map((a) => el('li', {}, articleLink(a.id, a.title), ' ', el('span', { class: 'muted' }, day(a.published)))))),
        el('section', {}, el('h2', {}, 'Actors it names'),
          table([
            { title: 'Actor', cell: (a) => `${a.name} (${a.code})` },
            { title: 'Articles', cell: (a) => a.articles, class: 'num' },
            { title: 'Mentions', cell: (a) => a.mentions, class: 'num' },
          ], actors))),
      el('h2', {}, 'Quotes'),
      table([
        { title: 'Speaker', cell: (q) => q.speaker?.name || '' },
        { title: 'Quote', cell: (q) => articleLink(q.article_id, q.text, q) },
      ], quotes),
      el('h2', {}, 'Figures'),
      table([
        { title: 'Figure', cell: (f) => articleLink(f.article_id, f.text, f) },
        { title: 'Value', cell: (f) => `${num(f.value)} ${f.unit}`, class: 'num' },
        { title: 'Of', cell: (f) => f.quantity || '' },
        { title: 'About', cell: (f) => (f.actors || []).join(', ') },
      ], figures));
  } catch (err) {
    main.append(errorBox(err));
  }
}

// ---- stories ----

// CAMEO's twenty event roots, 01 to 20, to name an event signature.
const CAMEO_ROOTS = ['Make public statement', 'Appeal', 'Express intent to cooperate', 'Consult',
  'Engage in diplomatic cooperation', 'Engage in material cooperation', 'Provide aid', 'Yield', 'Investigate',
  'Demand', 'Disapprove', 'Reject', 'Threaten', 'Protest', 'Exhibit force posture', 'Reduce relations',
  'Coerce', 'Assault', 'Fight', 'Use unconventional mass violence'];

// How the page names the comparison's outcomes; DIFFERENCES are the ones
// "only differences" keeps.
const OUTCOMES = {
  agree: 'agree', conflict: 'conflict', same: 'same words', partial: 'partial quote',
  paraphrase: 'paraphrase', shared: 'shared', only: 'one voice only',
};
const DIFFERENCES = new Set(['conflict', 'partial', 'paraphrase', 'only']);

function notAvailable(err) {
  if (err instanceof ApiError && err.status === 501) {
    return el('p', { class: 'notice', role: 'status' }, 'Stories are not available on this server yet. ', el('span', { class: 'muted' }, `(${err.message})`));
  }
  return errorBox(err);
}

function storyDates(s) {
  const [a, b] = [day(s.first), day(s.last)];
  return a === b ? a : `${a} – ${b}`;
}

async function storiesPage() {
  page('Stories');
  try {
    const stories = await api('stories');
    main.append(stories.length ? el('ul', { class: 'articles' }, stories.map((s) => el('li', {},
      el('a', { href: route('story', s.id), class: 'story-link' }, s.headline || s.id),
      el('div', { class: 'muted' }, [storyDates(s), plural(s.articles.length, 'article'), (s.outlets || []).join(', ')].filter(Boolean).join(' · ')))))
      : empty('stories'));
  } catch (err) {
    main.append(notAvailable(err));
  }
}

// compareRow is one fact across the voices: a heading, then a cell per
// voice from cell(voice index), which is null when the voice does not
// report the fact: that cell is marked as an omission.
function compareRow(label, outcome, voices, cell) {
  return el('tr', { class: `outcome-${outcome}${DIFFERENCES.has(outcome) ? ' difference' : ''}`, dataset: { outcome } },
    el('th', { scope: 'row' }, label, ' ', el('span', { class: 'outcome' }, OUTCOMES[outcome] || outcome)),
    voices.map((_, v) => {
      const c = cell(v);
      return c ? el('td', { class: 'claim ' + outcome }, c) : el('td', { class: 'omitted', title: 'This voice does not report it' }, 'not reported');
    }));
}

function compareSection(title, voices, rows) {
  return el('tbody', {},
    el('tr', { class: 'section' }, el('th', { colSpan: voices.length + 1, scope: 'rowgroup' }, `${title} (${rows.length})`)),
    rows.length ? rows : el('tr', {}, el('td', { colSpan: voices.length + 1, class: 'muted' }, 'None.')));
}

const byVoice = (claims) => new Map(claims.map((c) => [c.voice, c]));

function figureRows(cmp) {
  return cmp.figures.map((f) => {
    const by = byVoice(f.claims);
    const label = `${f.quantity || 'figure'}${f.period ? ', ' + f.period : ''} (${f.unit})`;
    return compareRow(label, f.outcome, cmp.voices, (v) => by.has(v) && [
      articleLink(by.get(v).article, by.get(v).text, by.get(v)),
      el('div', { class: 'muted' }, `= ${num(by.get(v).value)} ${by.get(v).unit}`)]);
  });
}

function quoteRows(cmp) {
  return cmp.quotes.map((q) => {
    const by = byVoice(q.claims);
    return compareRow(q.claims[0].speaker.name || q.speaker, q.outcome, cmp.voices, (v) => by.has(v) && [
      articleLink(by.get(v).article, by.get(v).direct ? `“${by.get(v).text}”` : by.get(v).text, by.get(v)),
      el('div', { class: 'muted' }, by.get(v).direct ? 'direct' : 'indirect', by.get(v).cue ? ` · ${by.get(v).cue}` : '')]);
  });
}

// eventRows links each voice's report of an event to its evidence, found
// among events, the coded events of the story's days.
function eventRows(cmp, events) {
  return cmp.events.map((s) => {
    const root = CAMEO_ROOTS[Number(s.root) - 1] || `CAMEO ${s.root}`;
    return compareRow(`${s.source} → ${s.target}: ${root}`, s.outcome, cmp.voices, (v) => {
      if (!s.voices.includes(v)) return null;
      const arts = new Set(cmp.voices[v].articles);
      const evs = events.filter((e) => arts.has(e.article_id) && e.source.code === s.source && e.target.code === s.target && e.root === s.root);
      return evs.length ? el('ul', { class: 'compact' }, evs.map((e) => el('li', {}, articleLink(e.article_id, e.evidence, e), ' ', el('code', { title: 'CAMEO' }, e.cameo))))
        : 'reported';
    });
  });
}

function actorRows(cmp) {
  return cmp.actors.map((a) => compareRow(`${a.name} (${a.code})`, a.outcome, cmp.voices, (v) => {
    if (!a.voices.includes(v)) return null;
    const t = cmp.voices[v].actor_tones.find((x) => x.actor === a.actor);
    return ['mentioned', t && t.words ? el('span', {
      class: t.score > 0 ? 'tone pos' : t.score < 0 ? 'tone neg' : 'tone',
      title: 'Tone of the sentences naming the actor: positive minus negative words per 100 words',
    }, ` · tone ${t.score > 0 ? '+' : ''}${t.score}`) : ''];
  }));
}

async function storyPage(id) {
  page('Story');
  let st, cmp;
  try {
    ({ story: st, comparison: cmp } = await api(`stories/${encodeURIComponent(id)}/comparison`));
  } catch (err) {
    main.append(notAvailable(err));
    return;
  }
  // The titles and coded events of the story's articles, each one request
  // for the story's days; past 1000 of either, the page shows article IDs
  // and events without their evidence.
  let arts = [], events = [];
  const problems = [];
  if (st.first) {
    const days = { since: day(st.first), until: bucketEnd(day(st.last), 'day'), limit: 1000 };
    [arts, events] = await Promise.all([api('articles', days), api('events', days)].map((p) => p.catch((err) => {
      problems.push(errorBox(err));
      return [];
    })));
  }
  const titles = new Map(arts.map((a) => [a.id, a.title]));
  const voices = cmp.voices;
  const head = el('tr', {}, el('th', {}, 'Fact'), voices.map((v) => el('th', { class: 'voice', scope: 'col' },
    el('div', { class: 'voice-name' }, v.outlets.flatMap((o, i) => [i ? ' + ' : '', outletLink(o)])),
    v.outlets.length > 1 ? el('span', { class: 'badge dup', title: 'Near-duplicate copies, counted as one voice' }, 'one voice') : '',
    el('ul', { class: 'compact' }, v.articles.map((a) => el('li', {}, articleLink(a, titles.get(a))))))));
  const table = el('table', { class: 'compare' }, el('thead', {}, head),
    compareSection('Figures', voices, figureRows(cmp)),
    compareSection('Quotes', voices, quoteRows(cmp)),
    compareSection('Events', voices, eventRows(cmp, events)),
    compareSection('Actors', voices, actorRows(cmp)));
  const rows = [...cmp.figures, ...cmp.quotes, ...cmp.events, ...cmp.actors];
  const count = (o) => rows.filter((r) => r.outcome === o).length;
  page(st.headline || st.id,
    el('p', { class: 'meta' }, [storyDates(st), plural(st.articles.length, 'article'), plural(voices.length, 'voice')].filter(Boolean).join(' · ')),
    problems,
    el('p', { class: 'summary' },
      el('span', { class: 'key conflict' }, plural(count('conflict'), 'conflicting figure')), ' ',
      el('span', { class: 'key only' }, plural(count('only'), 'item') + ' only one voice reports'), ' ',
      el('span', { class: 'key omitted' }, 'not reported'), ' ',
      el('label', { class: 'check' }, el('input', { type: 'checkbox', onchange: (ev) => table.classList.toggle('differences', ev.target.checked) }),
        ' only differences')),
    el('div', { class: 'compare-wrap' }, table));
}

// ---- routing ----

async function show() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').map(decodeURIComponent);
  const params = new URLSearchParams(query);
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.nav === (parts[0] || 'search'));
  window.scrollTo(0, 0);
  switch (parts[0]) {
    case '': case 'search': return searchPage(params);
    case 'article': return articlePage(parts[1], params);
    case 'dyad': return dyadPage(parts[1], params);
    case 'network': return networkPage(params);
    case 'outlets': return outletsPage();
    case 'outlet': return outletPage(parts[1]);
    case 'stories': return storiesPage();
    case 'story': return storyPage(parts[1]);
    default: page('Not found', el('p', {}, 'No such page. ', el('a', { href: '#/' }, 'Search')));
  }
}

// Pages mark themselves done for tests and screen readers.
async function showAndMark() {
  generation++;
  main.removeAttribute('data-ready');
  await show();
  main.dataset.ready = location.hash;
}

addEventListener('hashchange', showAndMark);
if (document.readyState === 'loading') addEventListener('DOMContentLoaded', showAndMark);
else showAndMark();
