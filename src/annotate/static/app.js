// meelezer annotate: the browser side of the local annotation app.
//
// Two views, chosen by the URL hash:
//   #/            the list of articles
//   #/doc/<id>    one article: text on the left, operations, facts and entities on the right
//
// The page keeps one record in memory (the gold record, or the pipeline's draft when the
// article is not in the gold file yet) together with a review status per fact. Every change is
// written to localStorage at once, so unsaved work survives a reload; saving PUTs the record to
// the server, which writes the gold file.
//
// All text offsets are UTF-16 indices into the article text, i.e. plain JavaScript string indices.
'use strict';

(function () {
  const OPTIONAL_KEYS = ['unit', 'qualifier', 'where', 'what', 'per_months'];
  const ENTITY_TYPES_FALLBACK = ['PER', 'ORG', 'LOC', 'MISC'];
  const STORAGE_PREFIX = 'meelezer-annotate:';

  const state = {
    meta: null,      // GET /api/meta
    gold: '',        // gold file path: part of the localStorage key
    articles: null,  // GET /api/articles -> articles, in list order
    listDoc: null,   // the highlighted row in the list view
    art: null,       // the open article, see openArticle()
  };

  // ---------------------------------------------------------------- small helpers

  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));

  // Builds an element. props: class, text, dataset (object), attrs (object), on (object of
  // listeners), and any other key is set as a property (value, checked, disabled, type...).
  function h(tag, props, children) {
    const el = document.createElement(tag);
    for (const [key, val] of Object.entries(props || {})) {
      if (val === undefined || val === null) continue;
      if (key === 'class') el.className = val;
      else if (key === 'text') el.textContent = val;
      else if (key === 'dataset') Object.assign(el.dataset, val);
      else if (key === 'attrs') for (const [a, v] of Object.entries(val)) el.setAttribute(a, v);
      else if (key === 'on') for (const [ev, fn] of Object.entries(val)) el.addEventListener(ev, fn);
      else el[key] = val;
    }
    for (const child of [].concat(children || [])) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }

  function option(value, label, selected) {
    return h('option', { value: value, text: label === undefined ? value : label, selected: !!selected });
  }

  function say(message, kind) {
    const el = $('#status');
    el.textContent = message || '';
    el.className = message ? (kind || 'info') : '';
  }

  const isEmpty = (v) => v === undefined || v === null || v === '';
  const docHash = (doc) => '#/doc/' + encodeURIComponent(doc);
  const keyOf = (op, fact) => op + '-' + fact;

  async function api(method, path, body) {
    const opts = { method: method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    const res = await fetch(path, opts);
    let data = null;
    try { data = await res.json(); } catch (_) { data = null; }
    return { status: res.status, ok: res.ok, data: data };
  }

  const errorText = (r) => (r.data && r.data.error) || ('The server answered ' + r.status);

  // ---------------------------------------------------------------- meta

  const slotInfo = (name) => (state.meta.slots || []).find((s) => s.slot === name) || null;
  const entityTypes = () => (state.meta.entity_types && state.meta.entity_types.length ? state.meta.entity_types : ENTITY_TYPES_FALLBACK);

  // Units a slot allows: the server's list, else by kind.
  function unitsFor(info) {
    if (!info) return [];
    if (Array.isArray(info.units) && info.units.length) return info.units;
    if (info.kind === 'money') return state.meta.currencies || [];
    if (info.kind === 'mass') return ['kg'];
    return [];
  }

  // ---------------------------------------------------------------- localStorage

  const storageKey = (doc) => STORAGE_PREFIX + state.gold + ':' + doc;

  function hasDraft(doc) {
    try { return localStorage.getItem(storageKey(doc)) !== null; } catch (_) { return false; }
  }

  function readDraft(doc) {
    try {
      const raw = localStorage.getItem(storageKey(doc));
      const draft = raw ? JSON.parse(raw) : null;
      return draft && draft.record && Array.isArray(draft.record.operations) ? draft : null;
    } catch (_) {
      return null;
    }
  }

  function clearDraft(doc) {
    try { localStorage.removeItem(storageKey(doc)); } catch (_) { /* nothing to clear */ }
  }

  // Called after every change to the open article.
  function changed() {
    const a = state.art;
    if (!a) return;
    const entry = { record: a.record, statuses: a.statuses, version: a.version, saved_at: new Date().toISOString() };
    try {
      localStorage.setItem(storageKey(a.doc), JSON.stringify(entry));
    } catch (e) {
      say('Could not keep the edits in this browser (' + e.message + '); save soon', 'error');
    }
    if ($('#conflict').hidden) renderConflict();
  }

  // ---------------------------------------------------------------- routing

  function parseHash() {
    const hash = location.hash || '#/';
    if (hash.startsWith('#/doc/')) {
      const rest = hash.slice('#/doc/'.length);
      const q = rest.indexOf('?');
      let doc = q < 0 ? rest : rest.slice(0, q);
      try { doc = decodeURIComponent(doc); } catch (_) { /* keep it raw */ }
      return { view: 'doc', doc: doc, params: new URLSearchParams(q < 0 ? '' : rest.slice(q + 1)) };
    }
    return { view: 'list' };
  }

  async function route() {
    const where = parseHash();
    toggleHelp(false);
    if (where.view === 'doc') await openArticle(where.doc, where.params);
    else await showList();
  }

  function showView(name) {
    $('#list-view').hidden = name !== 'list';
    $('#article-view').hidden = name !== 'doc';
    document.body.dataset.view = name;
  }

  // ---------------------------------------------------------------- list view

  async function loadArticleList() {
    const r = await api('GET', '/api/articles');
    if (!r.ok || !r.data) throw new Error(errorText(r));
    state.articles = r.data.articles || [];
    if (r.data.gold) setGold(r.data.gold);
    return state.articles;
  }

  function setGold(path) {
    state.gold = path;
    $('#gold-path').textContent = path;
  }

  // What the list shows: local unsaved edits win over the server's state.
  function displayState(article) {
    if (hasDraft(article.doc)) return 'in progress';
    return article.state === 'done' ? 'done' : 'new';
  }

  async function showList() {
    state.art = null;
    showView('list');
    document.title = 'Articles · meelezer annotate';
    try {
      await loadArticleList();
    } catch (e) {
      say('Could not load the article list: ' + e.message, 'error');
      return;
    }
    renderList();
  }

  function renderList() {
    const tally = { 'new': 0, 'in progress': 0, 'done': 0 };
    const rows = state.articles.map((a) => {
      const st = displayState(a);
      tally[st] += 1;
      return h('tr', { class: 'article', dataset: { doc: a.doc }, on: { click: (ev) => listRowClick(ev, a.doc) } }, [
        h('td', { class: 'doc' }, h('a', { href: docHash(a.doc), text: a.doc })),
        h('td', { class: 'state', dataset: { state: st } }, h('span', { class: 'badge', text: st })),
        h('td', { class: 'num words', text: a.words }),
        h('td', { class: 'num operations', text: a.operations }),
        h('td', { class: 'num facts', text: a.facts }),
      ]);
    });
    $('#article-list tbody').replaceChildren(...rows);
    const n = state.articles.length;
    $('#counts').textContent = n + (n === 1 ? ' article: ' : ' articles: ') +
      tally['new'] + ' new, ' + tally['in progress'] + ' in progress, ' + tally['done'] + ' done';
    if (!state.listDoc && n) state.listDoc = state.articles[0].doc;
    markListRow(false);
  }

  function listRowClick(ev, doc) {
    if (ev.target.closest('a')) return;
    location.hash = docHash(doc);
  }

  function markListRow(scroll) {
    $$('#article-list tr.article').forEach((tr) => {
      const on = tr.dataset.doc === state.listDoc;
      tr.classList.toggle('current', on);
      if (on && scroll) tr.scrollIntoView({ block: 'nearest' });
    });
  }

  function moveInList(delta) {
    if (!state.articles || !state.articles.length) return;
    const docs = state.articles.map((a) => a.doc);
    const i = Math.max(0, Math.min(docs.length - 1, docs.indexOf(state.listDoc) + delta));
    state.listDoc = docs[i];
    markListRow(true);
  }

  // ---------------------------------------------------------------- opening an article

  function normaliseRecord(rec, doc) {
    const r = rec || {};
    return {
      doc: r.doc || doc,
      date: r.date === undefined ? null : r.date,
      entities: (r.entities || []).map((e) => ({ text: e.text, type: e.type })),
      operations: (r.operations || []).map((op) => ({
        service: op.service || '',
        main: !!op.main,
        facts: (op.facts || []).map((f) => Object.assign({}, f)),
      })),
    };
  }

  // Statuses must line up with the facts; anything else is rebuilt.
  function statusesFit(statuses, record) {
    return Array.isArray(statuses) && statuses.length === record.operations.length &&
      record.operations.every((op, i) => Array.isArray(statuses[i]) && statuses[i].length === op.facts.length);
  }

  const freshStatuses = (record, status) => record.operations.map((op) => op.facts.map(() => status));

  async function openArticle(doc, params) {
    showView('doc');
    say('Loading ' + doc + '…', 'busy');
    let r;
    try {
      r = await api('GET', '/api/articles/' + encodeURIComponent(doc));
    } catch (e) {
      say('Could not reach the server: ' + e.message, 'error');
      return;
    }
    if (parseHash().doc !== doc) return; // the user moved on meanwhile
    if (!r.ok || !r.data) {
      state.art = null;
      renderMissing(doc, errorText(r));
      return;
    }
    const d = r.data;
    const a = {
      doc: d.doc || doc,
      text: d.text || '',
      source: d.source,
      version: d.version,
      serverVersion: d.version,
      spans: d.spans || {},
      record: normaliseRecord(d.record, doc),
      statuses: null,
      restored: null,
      current: null,
      editing: null,
      errors: [],
      conflict: false,
      saved: null,
    };
    // Facts already in the gold file were reviewed before; the pipeline's draft was not.
    a.statuses = freshStatuses(a.record, a.source === 'gold' ? 'accepted' : 'pending');

    const draft = readDraft(a.doc);
    if (draft) {
      a.record = normaliseRecord(draft.record, a.doc);
      a.statuses = statusesFit(draft.statuses, a.record) ? draft.statuses : freshStatuses(a.record, 'pending');
      a.version = draft.version === undefined ? a.version : draft.version;
      a.restored = draft.saved_at || 'earlier';
    }
    state.art = a;
    state.listDoc = a.doc;
    document.title = a.doc + ' · meelezer annotate';
    const order = factOrder();
    a.current = order.length ? order[0] : null;
    renderArticle();

    if (draft) {
      say('Unsaved edits restored (from ' + formatTime(a.restored) + ')' +
        (a.version !== a.serverVersion ? '; the gold file has changed since they were made' : ''), 'info');
    } else {
      say('', '');
    }
    applyDebugParams(params);
  }

  // Hash parameters, handy for links and screenshots: ?fact=0-2 selects a fact, ?edit=0-2 opens
  // it in the editor, ?help=1 shows the key overlay.
  function applyDebugParams(params) {
    if (!params) return;
    const pick = (name) => {
      const m = /^(\d+)-(\d+)$/.exec(params.get(name) || '');
      return m && factExists(+m[1], +m[2]) ? [+m[1], +m[2]] : null;
    };
    const edit = pick('edit');
    const cur = edit || pick('fact');
    if (cur) setCurrent(cur[0], cur[1], true);
    if (edit) startEdit(edit[0], edit[1]);
    if (params.get('help')) toggleHelp(true);
  }

  function formatTime(iso) {
    const t = new Date(iso);
    return isNaN(t) ? String(iso) : t.toLocaleString();
  }

  function renderMissing(doc, message) {
    $('#doc-title').textContent = doc;
    $('#doc-date').textContent = '';
    $('#source').textContent = '';
    $('#source').className = '';
    $('#text').replaceChildren(h('p', { class: 'missing', text: message }));
    ['#operations', '#facts tbody', '#entities', '#fact-summary'].forEach((s) => $(s).replaceChildren());
    $('#conflict').hidden = true;
    $('#comparison-panel').hidden = true;
    say(message, 'error');
  }

  // ---------------------------------------------------------------- fact bookkeeping

  const factExists = (i, j) => {
    const ops = state.art.record.operations;
    return i >= 0 && i < ops.length && j >= 0 && j < ops[i].facts.length;
  };

  // Every fact as [op, fact], in the order the table shows them.
  function factOrder() {
    const out = [];
    state.art.record.operations.forEach((op, i) => op.facts.forEach((_, j) => out.push([i, j])));
    return out;
  }

  function mainIndex() {
    return state.art.record.operations.findIndex((op) => op.main);
  }

  function countStatuses() {
    const c = { pending: 0, accepted: 0, rejected: 0 };
    state.art.statuses.forEach((row) => row.forEach((s) => { c[s] = (c[s] || 0) + 1; }));
    return c;
  }

  function addFact(op, fact, status) {
    const a = state.art;
    a.record.operations[op].facts.push(fact);
    a.statuses[op].push(status);
    return a.record.operations[op].facts.length - 1;
  }

  function removeFact(op, j) {
    const a = state.art;
    const [fact] = a.record.operations[op].facts.splice(j, 1);
    a.statuses[op].splice(j, 1);
    return fact;
  }

  // ---------------------------------------------------------------- rendering the article

  function renderArticle() {
    const a = state.art;
    $('#doc-title').textContent = a.doc;
    $('#doc-date').textContent = a.record.date ? 'date ' + a.record.date : 'no date';
    renderSource();
    renderConflict();
    renderComparison();
    renderText();
    renderOperations();
    renderFacts();
    renderEntities();
  }

  function renderSource() {
    const a = state.art;
    const el = $('#source');
    const fromGold = a.source === 'gold';
    let text = fromGold ? 'From the gold file' : 'Pipeline draft, not in the gold file yet';
    if (a.restored) text += ' · with unsaved edits from this browser';
    el.textContent = text;
    el.className = fromGold ? 'source-gold' : 'source-draft';
  }

  // The bar under the toolbar: shown after a conflict, and while there are unsaved edits, so
  // that "Discard my edits and reload" is always at hand. Only after a conflict can the edits
  // be saved over the version now on disk.
  function renderConflict() {
    const a = state.art;
    const bar = $('#conflict');
    bar.hidden = !a.conflict && !hasDraft(a.doc);
    bar.className = a.conflict ? 'conflict' : 'unsaved';
    $('#overwrite').hidden = !a.conflict;
    let text = 'Unsaved edits, kept in this browser until you save.';
    if (a.restored) text = 'Showing unsaved edits restored from this browser.';
    if (a.conflict) text = 'The gold file changed on disk since this article was read. Your edits are kept in this page and in this browser.';
    $('.conflict-text').textContent = text;
  }

  function renderComparison() {
    const s = state.art.saved;
    $('#comparison-panel').hidden = !s;
    if (!s) return;
    const sc = s.scores || {};
    const num = (v) => (typeof v === 'number' ? v.toFixed(3) : '–');
    const head = 'strict F1 ' + num(sc.strict_f1) + '   lenient F1 ' + num(sc.lenient_f1) +
      '   main service ' + (sc.main_ok ? 'right' : 'wrong');
    $('#comparison').textContent = head + '\n\n' + (s.comparison || '(no differences)');
  }

  // ---------------------------------------------------------------- the article text

  // Occurrences of a surface string as a whole word (no letter or digit right before or after).
  function occurrences(text, needle) {
    const out = [];
    if (!needle) return out;
    const wordChar = /[\p{L}\p{N}]/u;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      const before = i > 0 ? text[i - 1] : '';
      const after = text[i + needle.length] || '';
      if (!wordChar.test(before) && !wordChar.test(after)) out.push([i, i + needle.length]);
    }
    return out;
  }

  // All the ranges painted over the text: listed entities (found by their surface text, so the
  // shading follows edits in the entity panel), entities the tagger found that are not listed
  // (hints), quantities and dates the rules found (hints), and each fact's evidence.
  function collectRanges() {
    const a = state.art;
    const text = a.text;
    const ranges = [];
    const listed = new Set(a.record.entities.map((e) => e.type + '\u0000' + e.text));
    a.record.entities.forEach((e) => {
      occurrences(text, e.text).forEach(([s, t]) => ranges.push({ start: s, end: t, kind: 'ent', type: e.type }));
    });
    (a.spans.entities || []).forEach((sp) => {
      if (!listed.has(sp.type + '\u0000' + text.slice(sp.start, sp.end))) {
        ranges.push({ start: sp.start, end: sp.end, kind: 'hint', title: 'tagger: ' + sp.type });
      }
    });
    (a.spans.quantities || []).forEach((sp) => {
      const title = 'quantity ' + sp.value + (sp.unit ? ' ' + sp.unit : '') + (sp.qualifier ? ' (' + sp.qualifier + ')' : '');
      ranges.push({ start: sp.start, end: sp.end, kind: 'hint', title: title });
    });
    (a.spans.dates || []).forEach((sp) => ranges.push({ start: sp.start, end: sp.end, kind: 'hint', title: 'date ' + sp.value }));
    a.record.operations.forEach((op, i) => op.facts.forEach((f, j) => {
      const ev = f.evidence || {};
      const key = keyOf(i, j);
      if (Array.isArray(ev.span)) ranges.push({ start: ev.span[0], end: ev.span[1], kind: 'ev', key: key, status: a.statuses[i][j] });
      if (Array.isArray(ev.sentence)) ranges.push({ start: ev.sentence[0], end: ev.sentence[1], kind: 'sent', key: key });
    }));
    // The span of a fact being added, so the user still sees what was selected.
    const ed = a.editing;
    if (ed && ed.fact === null && ed.draft.evidence && Array.isArray(ed.draft.evidence.span)) {
      ranges.push({ start: ed.draft.evidence.span[0], end: ed.draft.evidence.span[1], kind: 'ev', key: 'new', status: 'editing' });
    }
    return ranges
      .map((r) => Object.assign(r, { start: Math.max(0, Math.min(text.length, r.start | 0)), end: Math.max(0, Math.min(text.length, r.end | 0)) }))
      .filter((r) => r.start < r.end);
  }

  // The text is cut at every range boundary; each piece is wrapped in the elements of the
  // ranges covering it. Only text nodes of the article text end up inside #text, so
  // selection offsets can be counted over its text nodes.
  function renderText() {
    const a = state.art;
    const text = a.text;
    const ranges = collectRanges();
    const cuts = new Set([0, text.length]);
    ranges.forEach((r) => { cuts.add(r.start); cuts.add(r.end); });
    const points = Array.from(cuts).sort((x, y) => x - y);
    const frag = document.createDocumentFragment();
    for (let p = 0; p + 1 < points.length; p++) {
      const s = points[p];
      const t = points[p + 1];
      const cover = ranges.filter((r) => r.start <= s && r.end >= t);
      frag.append(cover.length ? segment(text.slice(s, t), cover) : text.slice(s, t));
    }
    $('#text').replaceChildren(frag);
    markCurrentInText(false);
  }

  function segment(piece, cover) {
    let node = document.createTextNode(piece);
    cover.filter((r) => r.kind === 'ev').forEach((r) => {
      node = h('mark', { class: 'ev ev-' + r.status, dataset: { key: r.key } }, node);
    });
    // Of overlapping entities, the longest wins.
    const ents = cover.filter((r) => r.kind === 'ent').sort((x, y) => (y.end - y.start) - (x.end - x.start));
    if (ents.length) node = h('span', { class: 'ent ent-' + ents[0].type, dataset: { type: ents[0].type } }, node);
    const sents = cover.filter((r) => r.kind === 'sent').map((r) => r.key);
    const hints = cover.filter((r) => r.kind === 'hint');
    if (sents.length || hints.length) {
      const classes = ['seg'];
      if (hints.length) classes.push('hint');
      node = h('span', {
        class: classes.join(' '),
        title: hints.length ? hints.map((r) => r.title).join('; ') : null,
        dataset: sents.length ? { sent: sents.join(' ') } : null,
      }, node);
    }
    return node;
  }

  function markCurrentInText(scroll) {
    const a = state.art;
    const key = a.current ? keyOf(a.current[0], a.current[1]) : null;
    $$('#text mark.ev').forEach((m) => m.classList.toggle('current', m.dataset.key === key));
    $$('#text .seg[data-sent]').forEach((s) => s.classList.toggle('current-sentence', !!key && s.dataset.sent.split(' ').includes(key)));
    if (scroll && key) {
      const first = $('#text mark.ev.current') || $('#text .current-sentence');
      if (first) scrollIntoViewIfNeeded(first, $('#text'));
    }
  }

  function scrollIntoViewIfNeeded(el, container) {
    const box = container.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (r.top < box.top || r.bottom > box.bottom) el.scrollIntoView({ block: 'center' });
  }

  // UTF-16 offset, within the whole text, of a DOM boundary point inside root: the lengths of
  // the text nodes before the point, plus the offset inside its own text node.
  function textOffset(root, container, offset) {
    const point = document.createRange();
    point.setStart(container, offset);
    point.collapse(true);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let total = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node === container) return total + offset;
      // comparePoint <= 0: the end of this text node is at or before the boundary point.
      if (point.comparePoint(node, node.length) <= 0) total += node.length;
      else break;
    }
    return total;
  }

  // The selection inside #text as {start, end, text}, trimmed of surrounding white space.
  function readSelection() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    const root = $('#text');
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
    const text = state.art.text;
    let start = textOffset(root, range.startContainer, range.startOffset);
    let end = textOffset(root, range.endContainer, range.endOffset);
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return start < end ? { start: start, end: end, text: text.slice(start, end) } : null;
  }

  // ---------------------------------------------------------------- operations panel

  function renderOperations() {
    const a = state.art;
    const services = new Set(state.meta.services || []);
    const items = a.record.operations.map((op, i) => {
      const service = h('input', {
        class: 'service' + (services.has(op.service) ? '' : ' unknown'),
        value: op.service,
        attrs: { list: 'service-list', 'aria-label': 'Service name', autocomplete: 'off' },
        title: services.has(op.service) ? 'Canonical service name' : 'Not one of the canonical service names',
        on: { input: (ev) => renameOperation(i, ev.target) },
      });
      const main = h('input', { type: 'radio', name: 'main', class: 'main', checked: op.main, on: { change: () => setMain(i) } });
      const count = op.facts.length;
      return h('div', { class: 'operation' + (op.main ? ' is-main' : ''), dataset: { op: i } }, [
        h('label', { class: 'main-label', title: 'The service this article is about' }, [main, ' main']),
        service,
        h('span', { class: 'op-count muted', text: count + (count === 1 ? ' fact' : ' facts') }),
        h('button', { type: 'button', class: 'remove-op', text: 'Remove', title: 'Remove this operation', on: { click: (ev) => removeOperation(i, ev.target) } }),
        errorList(a.errors.filter((e) => e.op === i && e.fact === null && e.entity === null)),
      ]);
    });
    if (!items.length) items.push(h('p', { class: 'muted empty', text: 'No operations. Add one for each service the article names.' }));
    $('#operations').replaceChildren(...items);
  }

  function renameOperation(i, input) {
    const op = state.art.record.operations[i];
    op.service = input.value;
    const known = (state.meta.services || []).includes(op.service.trim());
    input.classList.toggle('unknown', !known);
    input.title = known ? 'Canonical service name' : 'Not one of the canonical service names';
    const label = $('#facts tr.op-group[data-op="' + i + '"] .op-name');
    if (label) label.textContent = op.service || '(no name)';
    changed();
  }

  function setMain(i) {
    state.art.record.operations.forEach((op, k) => { op.main = k === i; });
    changed();
    renderOperations();
    renderFacts();
  }

  // An operation with facts needs a second click, so one stray click cannot drop them.
  function removeOperation(i, button) {
    const a = state.art;
    if (a.editing) { say('Finish or cancel the fact you are editing first', 'error'); return; }
    const n = a.record.operations[i].facts.length;
    if (n && !button.classList.contains('armed')) {
      button.classList.add('armed');
      button.textContent = 'Remove with ' + n + (n === 1 ? ' fact?' : ' facts?');
      setTimeout(() => { button.classList.remove('armed'); button.textContent = 'Remove'; }, 4000);
      return;
    }
    a.record.operations.splice(i, 1);
    a.statuses.splice(i, 1);
    a.errors = a.errors.filter((e) => e.op === null);
    if (a.current && a.current[0] === i) a.current = null;
    else if (a.current && a.current[0] > i) a.current = [a.current[0] - 1, a.current[1]];
    changed();
    renderAfterStructureChange();
  }

  function showAddOperation(show) {
    const form = $('#add-op-form');
    form.hidden = !show;
    if (show) {
      form.elements.service.value = '';
      form.elements.service.focus();
    }
  }

  function submitAddOperation(ev) {
    ev.preventDefault();
    const a = state.art;
    const name = ev.target.elements.service.value.trim();
    if (!a || !name) return;
    if (a.record.operations.some((op) => op.service === name)) {
      say('There is already an operation for ' + name, 'error');
      return;
    }
    a.record.operations.push({ service: name, main: a.record.operations.length === 0, facts: [] });
    a.statuses.push([]);
    showAddOperation(false);
    changed();
    renderOperations();
    renderFacts();
    say('Added operation ' + name, 'ok');
  }

  function renderAfterStructureChange() {
    renderOperations();
    renderFacts();
    renderText();
  }

  // ---------------------------------------------------------------- facts table

  function renderFacts() {
    const a = state.art;
    const body = $('#facts tbody');
    const rows = [];
    const ed = a.editing;
    a.record.operations.forEach((op, i) => {
      rows.push(h('tr', { class: 'op-group' + (op.main ? ' is-main' : ''), dataset: { op: i } },
        h('th', { attrs: { colspan: '8' } }, [
          h('span', { class: 'op-name', text: op.service || '(no name)' }),
          op.main ? h('span', { class: 'tag', text: 'main' }) : null,
        ])));
      if (!op.facts.length && !(ed && ed.fact === null && ed.op === i)) {
        rows.push(h('tr', { class: 'no-facts' }, h('td', { attrs: { colspan: '8' }, class: 'muted', text: 'No facts' })));
      }
      op.facts.forEach((f, j) => {
        rows.push(factRow(i, j, f));
        const errs = a.errors.filter((e) => e.op === i && e.fact === j);
        if (errs.length) {
          rows.push(h('tr', { class: 'fact-errors', dataset: { op: i, fact: j } }, h('td', { attrs: { colspan: '8' } }, errorList(errs))));
        }
        if (ed && ed.op === i && ed.fact === j) rows.push(editRow());
      });
      if (ed && ed.fact === null && ed.op === i) rows.push(editRow());
    });
    if (!a.record.operations.length) {
      rows.push(h('tr', { class: 'no-facts' }, h('td', { attrs: { colspan: '8' }, class: 'muted', text: 'Facts belong to an operation: add an operation first.' })));
    }
    body.replaceChildren(...rows);
    renderFactSummary();
  }

  function renderFactSummary() {
    const c = countStatuses();
    const total = c.pending + c.accepted + c.rejected;
    $('#fact-summary').textContent = total + (total === 1 ? ' fact: ' : ' facts: ') +
      c.accepted + ' accepted, ' + c.rejected + ' rejected, ' + c.pending + ' pending';
  }

  function factRow(i, j, f) {
    const a = state.art;
    const status = a.statuses[i][j];
    const isCurrent = !!a.current && a.current[0] === i && a.current[1] === j;
    const bad = new Set(a.errors.filter((e) => e.op === i && e.fact === j).map((e) => e.field));
    const cell = (field, value, children) => h('td', {
      class: field + (bad.has(field) ? ' invalid' : ''),
      dataset: { field: field },
      text: children ? null : (isEmpty(value) ? '' : String(value)),
    }, children);
    const act = (cls, label, title, fn) => h('button', {
      type: 'button', class: cls, text: label, title: title,
      attrs: { 'aria-label': title },
      on: { click: (ev) => { ev.stopPropagation(); fn(); } },
    });
    return h('tr', {
      class: 'fact' + (isCurrent ? ' current' : ''),
      dataset: { op: i, fact: j, status: status },
      on: { click: () => setCurrent(i, j, true), dblclick: () => startEdit(i, j) },
    }, [
      cell('slot', f.slot, breakable(f.slot)), cell('value', f.value), cell('unit', f.unit), cell('what', f.what),
      cell('qualifier', f.qualifier), cell('where', f.where), cell('per_months', f.per_months),
      h('td', { class: 'actions' }, [
        act('accept', '✓', 'Accept (a)', () => { setCurrent(i, j, false); review('accepted', false); }),
        act('reject', '✗', 'Reject (x)', () => { setCurrent(i, j, false); review('rejected', false); }),
        act('edit', 'Edit', 'Edit (e)', () => startEdit(i, j)),
      ]),
    ]);
  }

  // A slot name with a line-break chance after each underscore (interception_months).
  function breakable(name) {
    const out = [];
    String(name || '').split('_').forEach((part, k, all) => {
      out.push(k < all.length - 1 ? part + '_' : part);
      if (k < all.length - 1) out.push(h('wbr'));
    });
    return out;
  }

  function errorList(errs) {
    if (!errs.length) return null;
    return h('div', { class: 'errors' }, errs.map((e) => h('div', {
      class: 'field-error',
      dataset: { field: e.field || '' },
      text: (e.field ? e.field + ': ' : '') + e.message,
    })));
  }

  function setCurrent(i, j, scroll) {
    const a = state.art;
    a.current = [i, j];
    $$('#facts tr.fact').forEach((tr) => {
      const on = +tr.dataset.op === i && +tr.dataset.fact === j;
      tr.classList.toggle('current', on);
      if (on && scroll) tr.scrollIntoView({ block: 'nearest' });
    });
    markCurrentInText(scroll);
  }

  function move(delta) {
    const order = factOrder();
    if (!order.length) return;
    const a = state.art;
    let k = a.current ? order.findIndex(([i, j]) => i === a.current[0] && j === a.current[1]) : -1;
    k = k < 0 ? 0 : Math.max(0, Math.min(order.length - 1, k + delta));
    setCurrent(order[k][0], order[k][1], true);
  }

  // Accept or reject the current fact; from the keyboard, then go on to the next one.
  function review(status, advance) {
    const a = state.art;
    if (!a.current) { say('No fact selected', 'error'); return; }
    const [i, j] = a.current;
    a.statuses[i][j] = status;
    changed();
    const tr = $('#facts tr.fact[data-op="' + i + '"][data-fact="' + j + '"]');
    if (tr) tr.dataset.status = status;
    $$('#text mark.ev[data-key="' + keyOf(i, j) + '"]').forEach((m) => { m.className = 'ev ev-' + status + ' current'; });
    renderFactSummary();
    if (advance) move(1);
  }

  // ---------------------------------------------------------------- the fact editor

  // editing = {op, fact (index, or null for a new fact), draft (the fact being edited),
  //            form (the form element, kept across re-renders of the table), quote}
  function startEdit(i, j) {
    const a = state.art;
    if (!factExists(i, j)) return;
    if (a.editing) cancelEdit(true);
    const draft = JSON.parse(JSON.stringify(a.record.operations[i].facts[j]));
    openEditor({ op: i, fact: j, draft: draft, quote: null });
  }

  function openEditor(editing) {
    const a = state.art;
    editing.form = buildEditForm(editing);
    a.editing = editing;
    renderFacts();
    if (editing.fact === null) renderText();
    const form = editing.form;
    const focus = form.elements.slot.value ? form.elements.value : form.elements.slot;
    form.scrollIntoView({ block: 'nearest' });
    focus.focus();
    if (focus.select) focus.select();
  }

  function editRow() {
    return h('tr', { class: 'edit-row' }, h('td', { attrs: { colspan: '8' } }, state.art.editing.form));
  }

  function field(name, label, control) {
    return h('label', { class: 'field field-' + name }, [
      h('span', { class: 'label', text: label }),
      control,
      h('span', { class: 'field-error', dataset: { field: name } }),
    ]);
  }

  function buildEditForm(ed) {
    const a = state.art;
    const f = ed.draft;
    const opSel = h('select', { name: 'operation' }, a.record.operations.map((op, i) =>
      option(String(i), (i + 1) + '. ' + (op.service || '(no name)') + (op.main ? ' (main)' : ''), i === ed.op)));
    const slotSel = h('select', { name: 'slot' }, [
      f.slot ? null : option('', 'choose a slot…', true),
      f.slot && !slotInfo(f.slot) ? option(f.slot, f.slot + ' (unknown slot)', true) : null,
    ].concat((state.meta.slots || []).map((s) => option(s.slot, s.slot + '  (' + s.kind + ')', s.slot === f.slot))));
    const value = h('input', { name: 'value', value: isEmpty(f.value) ? '' : String(f.value), attrs: { autocomplete: 'off', spellcheck: 'false' } });
    const qualifier = h('select', { name: 'qualifier' }, [option('', '—')].concat(
      (state.meta.qualifiers || []).map((q) => option(q, q, q === f.qualifier))));
    const where = h('select', { name: 'where' }, [option('', '—')].concat(
      (state.meta.countries || []).map((c) => option(c, c, c === f.where))));
    const perMonths = h('input', { name: 'per_months', value: isEmpty(f.per_months) ? '' : String(f.per_months), attrs: { inputmode: 'numeric', autocomplete: 'off' } });
    const form = h('form', { id: 'edit-form', attrs: { autocomplete: 'off', novalidate: '' } }, [
      h('div', { class: 'edit-title' }, [
        h('strong', { text: ed.fact === null ? 'New fact' : 'Edit fact' }),
        ed.quote ? h('span', { class: 'quote', text: '“' + ed.quote + '”' }) : null,
      ]),
      h('div', { class: 'edit-grid' }, [
        field('operation', 'Operation', opSel),
        field('slot', 'Slot', slotSel),
        field('value', 'Value', value),
        field('unit', 'Unit', h('select', { name: 'unit' })),
        field('what', 'What', h('select', { name: 'what' })),
        field('qualifier', 'Qualifier', qualifier),
        field('where', 'Where', where),
        field('per_months', 'Per months', perMonths),
      ]),
      h('div', { class: 'edit-buttons' }, [
        h('button', { type: 'submit', class: 'save-fact primary', text: 'Save fact' }),
        h('button', { type: 'button', class: 'cancel', text: 'Cancel', on: { click: () => cancelEdit(false) } }),
        h('span', { class: 'muted', text: 'Enter saves · Esc cancels' }),
      ]),
    ]);
    slotSel.addEventListener('change', () => fitFormToSlot(form, {}));
    form.addEventListener('submit', (ev) => { ev.preventDefault(); submitEdit(); });
    // Enter in a select does not submit a form by itself.
    form.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && ev.target.tagName === 'SELECT') { ev.preventDefault(); form.requestSubmit(); }
    });
    fitFormToSlot(form, f);
    // Messages the server gave for this fact at the last save.
    a.errors.filter((e) => e.op === ed.op && e.fact === ed.fact && ed.fact !== null).forEach((e) => showFieldError(form, e.field, e.message));
    return form;
  }

  // Units, `what` values and the fields that apply follow the slot's kind.
  function fitFormToSlot(form, initial) {
    const el = form.elements;
    const info = slotInfo(el.slot.value);
    const kind = info ? info.kind : '';
    const keepUnit = initial.unit !== undefined ? initial.unit : el.unit.value;
    const keepWhat = initial.what !== undefined ? initial.what : el.what.value;
    const units = unitsFor(info);
    const unitOpts = units.length === 1 ? [] : [option('', units.length ? 'choose…' : '—')];
    el.unit.replaceChildren(...unitOpts.concat(units.map((u) => option(u, u, u === keepUnit))));
    el.unit.disabled = !units.length;
    const whats = (info && info.what) || [];
    el.what.replaceChildren(...[option('', '—')].concat(whats.map((w) => option(w, w, w === keepWhat))));
    el.what.disabled = !whats.length;
    // Dates, countries and names carry no hedge word.
    el.qualifier.disabled = kind === 'date' || kind === 'country' || kind === 'name';
    if (el.qualifier.disabled) el.qualifier.value = '';
    el.per_months.disabled = el.slot.value !== 'price';
    if (el.per_months.disabled) el.per_months.value = '';
    el.value.placeholder = {
      count: 'e.g. 42', money: 'e.g. 5000000', mass: 'kilograms, e.g. 1200',
      date: 'YYYY, YYYY-MM or YYYY-MM-DD', country: 'e.g. NL', name: 'e.g. Europol',
    }[kind] || '';
  }

  function showFieldError(form, name, message) {
    const slot = $('.field-error[data-field="' + (name || 'value') + '"]', form) || $('.field-error[data-field="value"]', form);
    if (slot) slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + message;
  }

  // Reads and checks the form. Returns {fact, op} or null after showing the messages.
  function readEditForm(form) {
    const el = form.elements;
    $$('.field-error', form).forEach((e) => { e.textContent = ''; });
    const errs = {};
    const ops = state.art.record.operations;
    const op = parseInt(el.operation.value, 10);
    if (!(op >= 0 && op < ops.length)) errs.operation = 'choose an operation';
    const info = slotInfo(el.slot.value);
    if (!info) errs.slot = 'choose a slot';
    const raw = el.value.value.trim();
    let value = raw;
    const kind = info ? info.kind : '';
    if (kind === 'count' || kind === 'money' || kind === 'mass') {
      if (!/^\d+(\.\d+)?$/.test(raw)) errs.value = 'a number without separators, like 1200 or 2.5';
      else value = Number(raw);
    } else if (kind === 'date') {
      if (!/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(raw)) errs.value = 'a date as YYYY, YYYY-MM or YYYY-MM-DD';
    } else if (kind === 'country') {
      const known = state.meta.countries || [];
      if (!/^[A-Z]{2}$/.test(raw) || (known.length && !known.includes(raw))) errs.value = 'a country code such as NL, from the list of countries';
    } else if (!raw) {
      errs.value = 'a name is needed';
    }
    const units = unitsFor(info);
    const unit = el.unit.disabled ? '' : el.unit.value;
    if (units.length && !unit) errs.unit = 'choose a unit';
    let perMonths = el.per_months.disabled ? '' : el.per_months.value.trim();
    if (perMonths !== '') {
      if (!/^[1-9]\d*$/.test(perMonths)) errs.per_months = 'a whole number of months, like 6';
      else perMonths = Number(perMonths);
    }
    if (Object.keys(errs).length) {
      Object.entries(errs).forEach(([k, m]) => showFieldError(form, k, m));
      return null;
    }
    const fact = { slot: info.slot, value: value };
    const extra = {
      unit: unit,
      qualifier: el.qualifier.disabled ? '' : el.qualifier.value,
      where: el.where.value,
      what: el.what.disabled ? '' : el.what.value,
      per_months: perMonths,
    };
    OPTIONAL_KEYS.forEach((k) => { if (!isEmpty(extra[k])) fact[k] = extra[k]; });
    return { fact: fact, op: op };
  }

  function submitEdit() {
    const a = state.art;
    const ed = a.editing;
    if (!ed) return;
    const got = readEditForm(ed.form);
    if (!got) { say('The fact has mistakes; see the form', 'error'); return; }
    if (ed.draft.evidence) got.fact.evidence = ed.draft.evidence;
    let i = got.op;
    let j;
    if (ed.fact !== null && ed.op === got.op) {
      j = ed.fact;
      a.record.operations[i].facts[j] = got.fact;
      a.statuses[i][j] = 'accepted';
      a.errors = a.errors.filter((e) => !(e.op === i && e.fact === j));
    } else {
      if (ed.fact !== null) {
        // Moving to another operation shifts the indices after it: drop that operation's messages.
        removeFact(ed.op, ed.fact);
        a.errors = a.errors.filter((e) => !(e.op === ed.op && e.fact !== null));
      }
      j = addFact(i, got.fact, 'accepted');
    }
    a.editing = null;
    a.current = [i, j];
    changed();
    renderAfterStructureChange();
    setCurrent(i, j, true);
    say(ed.fact === null ? 'Fact added' : 'Fact saved', 'ok');
  }

  function cancelEdit(quiet) {
    const a = state.art;
    if (!a || !a.editing) return;
    const wasNew = a.editing.fact === null;
    a.editing = null;
    renderFacts();
    if (wasNew) renderText();
    if (a.current) setCurrent(a.current[0], a.current[1], false);
    if (!quiet) say('Edit cancelled', 'info');
  }

  // ---------------------------------------------------------------- adding from a selection

  async function addFactFromSelection() {
    const a = state.art;
    if (!a) return;
    if (a.editing) { say('Finish or cancel the fact you are editing first', 'error'); return; }
    if (!a.record.operations.length) { say('Add an operation first: facts belong to an operation', 'error'); return; }
    const sel = readSelection();
    if (!sel) { say('Select some text in the article first', 'error'); return; }
    let suggestion = null;
    try {
      const r = await api('POST', '/api/suggest', { doc: a.doc, start: sel.start, end: sel.end });
      if (r.ok && r.data) suggestion = r.data;
      else say('No suggestion: ' + errorText(r), 'error');
    } catch (e) {
      say('No suggestion: ' + e.message, 'error');
    }
    if (state.art !== a || a.editing) return;
    const draft = suggestion && suggestion.fact ? Object.assign({}, suggestion.fact) : { slot: '', value: sel.text };
    draft.evidence = { span: [sel.start, sel.end] };
    const ops = a.record.operations.length;
    let op = suggestion && Number.isInteger(suggestion.operation) ? suggestion.operation : -1;
    if (!(op >= 0 && op < ops)) op = a.current ? a.current[0] : mainIndex();
    if (!(op >= 0 && op < ops)) op = 0;
    openEditor({ op: op, fact: null, draft: draft, quote: sel.text });
    if (suggestion && suggestion.fact) say('Suggested from the selection; check it and press Enter', 'info');
  }

  function addEntityFromSelection() {
    const a = state.art;
    if (!a) return;
    const sel = readSelection();
    if (!sel) { say('Select some text in the article first', 'error'); return; }
    let k = a.record.entities.findIndex((e) => e.text === sel.text);
    if (k >= 0) {
      say('“' + sel.text + '” is already listed as ' + a.record.entities[k].type, 'info');
    } else {
      a.record.entities.push({ text: sel.text, type: 'ORG' });
      k = a.record.entities.length - 1;
      changed();
      renderEntities();
      renderText();
      say('Added entity “' + sel.text + '”; choose its type', 'ok');
    }
    const select = $('#entities .entity[data-ent="' + k + '"] select.type');
    if (select) { select.scrollIntoView({ block: 'nearest' }); select.focus(); }
  }

  // ---------------------------------------------------------------- entities panel

  function renderEntities() {
    const a = state.art;
    const items = a.record.entities.map((e, k) => {
      const count = occurrences(a.text, e.text).length;
      const select = h('select', { class: 'type', attrs: { 'aria-label': 'Type of ' + e.text }, on: { change: (ev) => retypeEntity(k, ev.target.value) } },
        entityTypes().map((t) => option(t, t, t === e.type)));
      return h('div', { class: 'entity', dataset: { ent: k } }, [
        h('span', { class: 'ent-text chip chip-' + e.type, text: e.text }),
        h('span', { class: 'ent-count muted', text: count ? '×' + count : 'not found in text', title: 'Occurrences in the text' }),
        select,
        h('button', { type: 'button', class: 'remove-ent', text: '✕', title: 'Remove this entity', attrs: { 'aria-label': 'Remove ' + e.text }, on: { click: () => removeEntity(k) } }),
        errorList(a.errors.filter((x) => x.entity === k)),
      ]);
    });
    if (!items.length) items.push(h('p', { class: 'muted empty', text: 'No entities. Select a name in the text and press g.' }));
    $('#entities').replaceChildren(...items);
  }

  function retypeEntity(k, type) {
    const a = state.art;
    a.record.entities[k].type = type;
    changed();
    const label = $('#entities .entity[data-ent="' + k + '"] .ent-text');
    if (label) label.className = 'ent-text chip chip-' + type;
    renderText();
  }

  function removeEntity(k) {
    const a = state.art;
    a.record.entities.splice(k, 1);
    a.errors = a.errors.filter((e) => e.entity === null);
    changed();
    renderEntities();
    renderText();
  }

  // ---------------------------------------------------------------- saving

  function cleanFact(f) {
    const out = { slot: f.slot, value: f.value };
    OPTIONAL_KEYS.forEach((k) => { if (!isEmpty(f[k])) out[k] = f[k]; });
    return out;
  }

  // The record to send, without rejected facts, and for each operation the page index of each
  // sent fact, so that the server's messages can be put at the right rows.
  function buildRecord() {
    const a = state.art;
    const sentToPage = [];
    const operations = a.record.operations.map((op, i) => {
      sentToPage[i] = [];
      const facts = [];
      op.facts.forEach((f, j) => {
        if (a.statuses[i][j] === 'rejected') return;
        sentToPage[i].push(j);
        facts.push(cleanFact(f));
      });
      return { service: op.service.trim(), main: !!op.main, facts: facts };
    });
    const record = {
      doc: a.record.doc,
      date: a.record.date,
      entities: a.record.entities.map((e) => ({ text: e.text, type: e.type })),
      operations: operations,
    };
    return { record: record, sentToPage: sentToPage };
  }

  async function save() {
    const a = state.art;
    if (!a) return;
    if (a.editing) { say('Finish or cancel the fact you are editing first', 'error'); return; }
    const built = buildRecord();
    const pending = countStatuses().pending;
    say('Saving…', 'busy');
    let r;
    try {
      r = await api('PUT', '/api/articles/' + encodeURIComponent(a.doc), { record: built.record, version: a.version });
    } catch (e) {
      say('Could not reach the server: ' + e.message + '. Your edits are kept in this browser.', 'error');
      return;
    }
    if (state.art !== a) return;
    if (r.status === 200 && r.data) savedOk(a, r.data, pending);
    else if (r.status === 422) rejectedBySchema(a, r.data || {}, built.sentToPage);
    else if (r.status === 409) conflicted(a, r.data || {});
    else say('Not saved: ' + errorText(r), 'error');
  }

  function savedOk(a, data, pending) {
    a.version = data.version;
    a.serverVersion = data.version;
    // The gold file now holds the record without the rejected facts; the page follows it.
    const currentFact = a.current ? a.record.operations[a.current[0]].facts[a.current[1]] : null;
    for (let i = 0; i < a.record.operations.length; i++) {
      for (let j = a.record.operations[i].facts.length - 1; j >= 0; j--) {
        if (a.statuses[i][j] === 'rejected') removeFact(i, j);
      }
    }
    a.current = null;
    a.record.operations.forEach((op, i) => {
      const j = op.facts.indexOf(currentFact);
      if (j >= 0) a.current = [i, j];
    });
    a.source = 'gold';
    a.conflict = false;
    a.restored = null;
    a.errors = [];
    a.saved = { comparison: data.comparison, scores: data.scores };
    clearDraft(a.doc);
    const listed = (state.articles || []).find((x) => x.doc === a.doc);
    if (listed) {
      listed.state = 'done';
      listed.operations = a.record.operations.length;
      listed.facts = a.record.operations.reduce((n, op) => n + op.facts.length, 0);
    }
    renderArticle();
    if (a.current) setCurrent(a.current[0], a.current[1], false);
    const note = pending === 1 ? '1 fact was not reviewed and was kept' : pending + ' facts were not reviewed and were kept';
    say(pending ? 'Saved. ' + note : 'Saved', 'ok');
  }

  function rejectedBySchema(a, data, sentToPage) {
    a.errors = (data.fields || []).map((f) => {
      const op = Number.isInteger(f.operation) ? f.operation : null;
      let fact = Number.isInteger(f.fact) ? f.fact : null;
      if (op !== null && fact !== null && sentToPage[op] && sentToPage[op][fact] !== undefined) fact = sentToPage[op][fact];
      return {
        op: op, fact: fact,
        entity: Number.isInteger(f.entity) ? f.entity : null,
        field: f.field || null,
        message: f.message || 'invalid',
      };
    });
    renderOperations();
    renderFacts();
    renderEntities();
    // Messages that point at nothing on the page go to the status bar with the summary.
    const loose = a.errors.filter((e) => e.op === null && e.entity === null).map((e) => e.message);
    say('Not saved: ' + (data.error || 'the record has mistakes') + (loose.length ? ' — ' + loose.join('; ') : ''), 'error');
    const first = $('#facts tr.fact-errors, #operations .errors, #entities .errors');
    if (first) first.scrollIntoView({ block: 'nearest' });
  }

  function conflicted(a, data) {
    a.conflict = true;
    if (data.version !== undefined) a.serverVersion = data.version;
    changed(); // the edits stay in localStorage
    renderConflict();
    say('Not saved: ' + (data.error || 'the gold file changed on disk since this article was read'), 'error');
  }

  // After a conflict: keep the edits and save them over the version now on disk.
  function overwrite() {
    const a = state.art;
    if (!a || !a.conflict) return;
    a.version = a.serverVersion;
    save();
  }

  function discardAndReload() {
    const a = state.art;
    if (!a) return;
    clearDraft(a.doc);
    openArticle(a.doc, null);
  }

  async function nextArticle() {
    const a = state.art;
    if (a && a.editing) { say('Finish or cancel the fact you are editing first', 'error'); return; }
    try {
      if (!state.articles) await loadArticleList();
    } catch (e) {
      say('Could not load the article list: ' + e.message, 'error');
      return;
    }
    const docs = state.articles.map((x) => x.doc);
    const k = a ? docs.indexOf(a.doc) : -1;
    if (k + 1 >= docs.length) { say('This is the last article', 'info'); return; }
    location.hash = docHash(docs[k + 1]);
  }

  // In the list, `n` opens the first article that is not done.
  function firstOpenArticle() {
    const next = (state.articles || []).find((x) => displayState(x) !== 'done');
    if (next) location.hash = docHash(next.doc);
    else say('Every article is done', 'ok');
  }

  // ---------------------------------------------------------------- help and keys

  function toggleHelp(show) {
    const help = $('#help');
    help.hidden = show === undefined ? !help.hidden : !show;
    if (!help.hidden) $('.close-help', help).focus();
  }

  function onKey(ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) return;
    const target = ev.target instanceof Element ? ev.target : document.body;
    const typing = !!target.closest('input, select, textarea, [contenteditable]');
    const help = $('#help');

    if (ev.key === 'Escape') {
      if (!help.hidden) toggleHelp(false);
      else if (target.closest('#edit-form')) cancelEdit(false);
      else if (target.closest('#add-op-form')) showAddOperation(false);
      else if (typing) target.blur();
      else if (state.art && state.art.editing) cancelEdit(false);
      else return;
      ev.preventDefault();
      return;
    }
    if (typing) return; // Enter in the forms is handled by the forms
    if (ev.key === '?') { toggleHelp(); ev.preventDefault(); return; }
    if (!help.hidden) return;

    const handler = document.body.dataset.view === 'doc' ? docKeys(ev.key) : listKeys(ev.key, target);
    if (handler) {
      ev.preventDefault();
      handler();
    }
  }

  function docKeys(key) {
    if (!state.art) return key === 'n' ? nextArticle : null;
    return {
      a: () => review('accepted', true),
      x: () => review('rejected', true),
      ArrowDown: () => move(1),
      j: () => move(1),
      ArrowUp: () => move(-1),
      k: () => move(-1),
      e: () => { if (state.art.current) startEdit(state.art.current[0], state.art.current[1]); },
      f: addFactFromSelection,
      g: addEntityFromSelection,
      s: save,
      n: nextArticle,
    }[key] || null;
  }

  function listKeys(key, target) {
    if (key === 'Enter' && target.closest('a, button')) return null; // let the link work
    return {
      ArrowDown: () => moveInList(1),
      j: () => moveInList(1),
      ArrowUp: () => moveInList(-1),
      k: () => moveInList(-1),
      Enter: () => { if (state.listDoc) location.hash = docHash(state.listDoc); },
      n: firstOpenArticle,
    }[key] || null;
  }

  // ---------------------------------------------------------------- start

  function wireStaticControls() {
    document.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', route);
    $('#help-button').addEventListener('click', () => toggleHelp());
    $('.close-help').addEventListener('click', () => toggleHelp(false));
    $('#help').addEventListener('click', (ev) => { if (ev.target.id === 'help') toggleHelp(false); });
    $('#save').addEventListener('click', save);
    $('#next').addEventListener('click', nextArticle);
    $('#overwrite').addEventListener('click', overwrite);
    $('#discard-reload').addEventListener('click', discardAndReload);
    $('#add-op').addEventListener('click', () => showAddOperation($('#add-op-form').hidden));
    $('#add-op-form').addEventListener('submit', submitAddOperation);
    $('#add-op-form .cancel').addEventListener('click', () => showAddOperation(false));
    // These two act on the text selection: keep the button from taking it away.
    ['#add-fact-from-selection', '#add-entity-from-selection'].forEach((sel) => {
      $(sel).addEventListener('mousedown', (ev) => ev.preventDefault());
    });
    $('#add-fact-from-selection').addEventListener('click', addFactFromSelection);
    $('#add-entity-from-selection').addEventListener('click', addEntityFromSelection);
    // Clicking a highlighted figure in the text selects its fact (unless the user is selecting).
    $('#text').addEventListener('click', (ev) => {
      const mark = ev.target instanceof Element ? ev.target.closest('mark.ev') : null;
      if (!mark || !state.art || !window.getSelection().isCollapsed) return;
      const m = /^(\d+)-(\d+)$/.exec(mark.dataset.key || '');
      if (m && factExists(+m[1], +m[2])) setCurrent(+m[1], +m[2], true);
    });
  }

  async function start() {
    wireStaticControls();
    try {
      const r = await api('GET', '/api/meta');
      if (!r.ok || !r.data) throw new Error(errorText(r));
      state.meta = r.data;
    } catch (e) {
      say('Could not load /api/meta: ' + e.message, 'error');
      return;
    }
    setGold(state.meta.gold || '');
    $('#service-list').replaceChildren(...(state.meta.services || []).map((s) => option(s)));
    await route();
  }

  start();
})();
