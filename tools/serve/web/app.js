// samdrift serve: the single-page app. Pages by hash (#/assets, #/overlap, ...), each a module
// in pages/ with render(ctx, main, args); ctx holds the language, the orgs' display names and
// the working scenario.
import * as api from './api.js';
import {el, append} from './dom.js';
import {translate} from './i18n.js';
import * as assets from './pages/assets.js';
import * as overlap from './pages/overlap.js';
import * as halls from './pages/halls.js';
import * as plan from './pages/plan.js';
import * as risk from './pages/risk.js';
import * as compare from './pages/compare.js';
import * as scenario from './pages/scenario.js';
import * as importer from './pages/import.js';

const kPages = [
  ['assets', 'Estate', assets], ['asset', null, {render: assets.renderOne}],
  ['overlap', 'Overlap and target', overlap], ['halls', 'Halls', halls], ['plan', 'Plan', plan],
  ['risk', 'Risk', risk], ['compare', 'Compare', compare], ['scenario', 'Scenario', scenario],
  ['import', 'Import', importer],
];

const ctx = {
  lang: localStorage.getItem('samdrift.lang') || 'sv',
  scenario: localStorage.getItem('samdrift.scenario') || '',
  orgs: new Map(),  // id -> display name
  scenarios: [],
  t(text) { return translate(ctx.lang, text); },
  org(id) { return ctx.orgs.get(id) || ctx.t(id); },
  status(text, error = false) {
    const s = document.getElementById('status');
    s.textContent = text || '';
    s.className = error ? 'error' : '';
  },
  async refreshScenarios() {
    ctx.scenarios = (await api.getJson('/api/scenarios')).scenarios.map((s) => s.name);
    const select = document.getElementById('scenario');
    select.replaceChildren(el('option', {value: ''}, ctx.t('(none)')),
      ...ctx.scenarios.map((n) => el('option', {value: n}, n)));
    if (!ctx.scenarios.includes(ctx.scenario)) ctx.scenario = '';
    select.value = ctx.scenario;
  },
  // Runs fn (a re-plan), its time shown in the status line while it runs and when it is done.
  async timed(fn, prefix = '') {
    const started = performance.now();
    const tick = () => ctx.status(`${prefix}${ctx.t('Re-planning…')} ${((performance.now() - started) / 1000).toFixed(1)} s`);
    tick();
    const timer = setInterval(tick, 100);
    try {
      const out = await fn();
      ctx.status(`${prefix}${ctx.t('Re-planned in')} ${Math.round(performance.now() - started)} ms`);
      return out;
    } finally {
      clearInterval(timer);
    }
  },
  go(hash) { if (location.hash === hash) route(); else location.hash = hash; },
};

function nav(current) {
  const links = kPages.filter(([, label]) => label).map(([id, label]) =>
    el('a', {href: '#/' + id, class: id === current ? 'current' : null}, ctx.t(label)));
  document.getElementById('nav').replaceChildren(...links);
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = ctx.t(node.dataset.t);
  document.documentElement.lang = ctx.lang;
}

let generation = 0;
async function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const id = parts[0] || 'assets';
  const page = kPages.find(([p]) => p === id) || kPages[0];
  nav(page[0] === 'asset' ? 'assets' : page[0]);
  const main = document.getElementById('page');
  const mine = ++generation;
  main.replaceChildren(el('p', {class: 'muted'}, ctx.t('Loading…')));
  ctx.status('');
  const started = performance.now();
  try {
    const fresh = el('div');
    await page[2].render(ctx, fresh, parts.slice(1));
    if (mine !== generation) return;
    main.replaceChildren(...fresh.childNodes);
    main.dataset.page = page[0];
    main.dataset.ms = String(Math.round(performance.now() - started));
  } catch (e) {
    if (mine !== generation) return;
    main.replaceChildren(el('p', {class: 'error'}, e.message),
      el('ul', {class: 'errors'}, (e.body?.errors || []).map((d) => el('li', {class: 'error'}, d.text))));
    main.dataset.page = page[0];
  }
}

async function start() {
  try {
    const s = await api.session();
    const orgs = await api.getJson('/api/orgs');
    for (const o of orgs.orgs) ctx.orgs.set(o.id, o.name || o.id);
    await ctx.refreshScenarios();
    if (s.read_only) append(document.querySelector('.brand'), ' (read-only)');
  } catch (e) {
    ctx.status(e.message, true);
  }
  const lang = document.getElementById('lang');
  lang.value = ctx.lang;
  lang.addEventListener('change', () => {
    ctx.lang = lang.value;
    localStorage.setItem('samdrift.lang', ctx.lang);
    ctx.refreshScenarios().then(route);
  });
  document.getElementById('scenario').addEventListener('change', (e) => {
    ctx.scenario = e.target.value;
    localStorage.setItem('samdrift.scenario', ctx.scenario);
    route();
  });
  window.addEventListener('hashchange', route);
  route();
}

start();
