// Bestånd: every asset, paged by the server (GET /api/assets, key paging with `after`), and one
// asset's page (GET /api/assets/ORG/KIND/KEY) with the gaps and plan items that concern it.
import {getJson} from '../api.js';
import {el, table, fmt} from '../dom.js';

const kCategories = ['datacenter', 'network', 'platform', 'client'];
const kSorts = ['name', 'org', 'kind', 'category', 'vendor', 'product', 'site'];
const kLimit = 50;
// The filters and the page's key stack survive a visit to an asset's page.
const state = {org: '', category: '', kind: '', q: '', sort: 'name', keys: ['']};

export async function render(ctx, main) {
  const t = ctx.t;
  const select = (name, values, label) => el('select', {name, onchange: reload},
    el('option', {value: ''}, t('(all)')), values.map(([v, text]) => el('option', {value: v}, text)));
  const org = select('org', [...ctx.orgs].map(([id, name]) => [id, name]));
  const category = select('category', kCategories.map((c) => [c, t(c)]));
  const kind = el('input', {name: 'kind', size: 10, placeholder: 'server, vm, …'});
  const q = el('input', {name: 'q', type: 'search', size: 20});
  const sort = el('select', {name: 'sort', onchange: reload},
    kSorts.flatMap((s) => [el('option', {value: s}, t(s) + ' ↑'), el('option', {value: '-' + s}, t(s) + ' ↓')]));
  org.value = state.org; category.value = state.category; kind.value = state.kind;
  q.value = state.q; sort.value = state.sort;
  let timer;
  for (const input of [kind, q]) input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(reload, 250); });
  const out = el('div', {id: 'asset-table'});
  const summary = el('span', {id: 'asset-total'});
  const prev = el('button', {id: 'prev', onclick: () => { state.keys.pop(); load(); }}, '← ' + t('Previous'));
  const next = el('button', {id: 'next'}, t('Next') + ' →');
  main.append(el('h1', {}, t('Estate')),
    el('div', {class: 'filters'},
      el('label', {}, t('Municipality'), org), el('label', {}, t('Category'), category),
      el('label', {}, t('Kind'), kind), el('label', {}, t('Search'), q), el('label', {}, t('Sort'), sort)),
    el('div', {class: 'pager'}, prev, summary, next), out);

  function reload() {
    Object.assign(state, {org: org.value, category: category.value, kind: kind.value.trim(),
      q: q.value.trim(), sort: sort.value, keys: ['']});
    return load().catch((e) => ctx.status(e.message, true));
  }
  async function load() {
    const after = state.keys[state.keys.length - 1];
    const page = await getJson('/api/assets', {org: state.org, category: state.category,
      kind: state.kind, q: state.q, sort: state.sort, after, limit: kLimit});
    const first = (state.keys.length - 1) * kLimit;
    summary.textContent = page.total === 0 ? t('No assets') :
      `${first + 1}–${first + page.rows.length} ${t('of')} ${page.total}`;
    prev.disabled = state.keys.length <= 1;
    next.disabled = !page.next;
    next.onclick = () => { state.keys.push(page.next); load().catch((e) => ctx.status(e.message, true)); };
    out.replaceChildren(table(
      [t('Name'), t('Municipality'), t('Kind'), t('Category'), t('Vendor'), t('Product'), t('Version'), t('Site')],
      page.rows.map((r) => ({attrs: {'data-org': r.org}, cells: [
        el('a', {href: assetHref(r.org, r.kind, r.key)}, r.name || r.key), ctx.org(r.org), r.kind,
        t(r.category), r.vendor, r.product, r.version, r.site]})), {id: 'assets'}));
  }
  await load();
}

export function assetHref(org, kind, key) {
  return '#/asset/' + [org, kind, key].map(encodeURIComponent).join('/');
}

export async function renderOne(ctx, main, [org, kind, ...rest]) {
  const t = ctx.t;
  const key = rest.join('/');
  const path = '/api/assets/' + [org, kind, key].map(encodeURIComponent).join('/');
  const d = await getJson(path);
  const a = d.asset;
  const fields = ['org', 'kind', 'category', 'role', 'vendor', 'product', 'version', 'serial',
    'site', 'hall', 'rack', 'position', 'u_height', 'power_w', 'redundancy_group', 'criticality', 'eol'];
  const rows = fields.filter((f) => a[f] !== null && a[f] !== '')
    .map((f) => [t(f), f === 'org' ? ctx.org(a.org) : f === 'category' ? t(a.category) : fmt(a[f])]);
  for (const [k, v] of Object.entries(d.attributes)) rows.push([k, v]);
  main.append(el('p', {}, el('a', {href: '#/assets'}, '← ' + t('Estate'))),
    el('h1', {id: 'asset-name'}, a.name || a.key),
    el('p', {id: 'provenance', class: 'muted'}, t('Source') + ': ', el('code', {}, `${d.provenance.file}:${d.provenance.line}`),
      d.provenance.importer ? ` (${d.provenance.importer})` : '', a.implied ? ' — ' + t('implied') : ''),
    el('h2', {}, t('Attributes')), table([t('Field'), t('Value')], rows),
    el('h2', {}, t('Relations')),
    d.relations.length === 0 ? el('p', {class: 'muted'}, t('(none)')) :
      table([t('Direction'), t('Relation'), t('Asset'), t('Source')], d.relations.map((r) => [
        r.direction === 'out' ? '→' : r.direction === 'in' ? '←' : r.direction, r.relation,
        r.kind ? el('a', {href: assetHref(r.org, r.kind, r.asset)}, ctx.org(r.org) + ' / ' + r.asset)
          : ctx.org(r.org) + ' / ' + r.asset,
        `${r.file}:${r.line}`])));
  // The gaps, plan items and risks need the scenario planned: asked after the asset is shown, at
  // once when the server keeps the plan (concerns=kept), else on the button (it plans).
  const later = el('div', {id: 'asset-concerns'}, el('p', {class: 'muted'}, t('Loading…')));
  main.append(later);
  const ask = (mode) => getJson(path, {concerns: mode, scenario: ctx.scenario, lang: ctx.lang}).then((c) => {
    later.replaceChildren();
    if (c.concerns_planned === false) {
      const button = el('button', {id: 'asset-concerns-ask'}, t('Show what concerns the asset'));
      button.addEventListener('click', () => {
        later.replaceChildren(el('p', {class: 'muted'}, t('Planning…')));
        ask(1);
      });
      later.append(el('p', {class: 'muted'}, t('The scenario is not planned yet; planning it may take a while.')), button);
      return;
    }
    concerns(ctx, later, c);
  }).catch((e) => later.replaceChildren(el('p', {class: 'error'}, e.message)));
  ask('kept');
}

// The gaps, plan items and single points of failure of the working scenario that name the asset
// (the server's ?concerns=1).
function concerns(ctx, main, d) {
  const t = ctx.t;
  const none = () => el('p', {class: 'muted'}, t('(none)'));
  const gaps = d.gaps || [];
  const items = d.plan_items || [];
  const spofs = d.single_points || [];
  main.append(el('h2', {}, t('Gaps')), gaps.length === 0 ? none() :
    table([t('From'), t('To'), t('Action'), t('Reason')], gaps.map((g) => [g.from, g.to, t(g.action), g.reason]), {id: 'asset-gaps'}),
  el('h2', {}, t('Plan items')), items.length === 0 ? none() :
    table([t('Wave'), t('Action'), t('Reason')], items.map((i) => [i.wave, t(i.action), i.reason]), {id: 'asset-items'}),
  el('h2', {}, t('Single points of failure')), spofs.length === 0 ? none() :
    table([t('Municipality'), t('Service'), t('When'), t('Why')],
      spofs.map((s) => [ctx.org(s.org), s.service, s.when === 'today' ? t('Today') : t('Target'), t(s.why)]), {id: 'asset-spofs'}));
}
