// Plan: the waves (a timeline when the scenario has dates) and their items, filterable by
// municipality and category; the items are paged over all of them (kPage a page).
import {getJson} from '../api.js';
import {el, table, fmt, append} from '../dom.js';

const kCategories = ['datacenter', 'network', 'platform', 'client'];
const kPage = 200;

export async function render(ctx, main) {
  const t = ctx.t;
  const p = await getJson('/api/plan', {scenario: ctx.scenario || '', lang: ctx.lang});
  const org = el('select', {name: 'org'}, el('option', {value: ''}, t('(all)')),
    [...ctx.orgs].map(([id, name]) => el('option', {value: id}, name)));
  const category = el('select', {name: 'category'}, el('option', {value: ''}, t('(all)')),
    kCategories.map((c) => el('option', {value: c}, t(c))));
  const out = el('div');
  let first = 0;  // the first item shown, of those the filters keep
  main.append(el('h1', {}, t('Plan')),
    el('p', {}, `${p.waves.length} ${t('waves')}, ${p.items.length} ${t('items')}; ${t('lower bound')} ${p.lower_bound_waves}`),
    el('div', {class: 'filters'}, el('label', {}, t('Municipality'), org), el('label', {}, t('Category'), category)), out);
  const show = () => {
    const keep = (i) => (!org.value || i.org === org.value) && (!category.value || (i.category || '') === category.value);
    const items = p.items.filter(keep);
    const per = new Map();
    for (const i of items) per.set(i.wave, (per.get(i.wave) || 0) + 1);
    const waves = p.waves.filter((w) => per.has(w.number) || (!org.value && !category.value));
    out.replaceChildren();
    append(out, [timeline(ctx, waves),
      el('h2', {}, t('Waves')),
      table([t('Wave'), t('Start'), t('End'), t('Items'), 'kW', t('hours'), t('Municipality')],
        waves.map((w) => [w.number, w.start || '', w.end || '', per.get(w.number) || 0, fmt(w.kw), Math.round(w.hours),
          (w.orgs || []).map((o) => ctx.org(o)).join(', ')]), {id: 'waves'}),
      el('h2', {}, t('Plan items')), pager(items.length),
      table([t('Wave'), t('Municipality'), t('Asset'), t('Action'), t('Category'), t('Reason')],
        items.slice(first, first + kPage).map((i) => ({attrs: {'data-org': i.org}, cells: [i.wave, ctx.org(i.org), i.asset, t(i.action), t(i.category || ''), i.reason]})),
        {id: 'items'})]);
  };
  const pager = (total) => {
    const turn = (by) => () => { first += by; show(); };
    return el('div', {class: 'pager', id: 'items-pager'},
      el('button', {id: 'items-prev', disabled: first === 0, onclick: turn(-kPage)}, '← ' + t('Previous')),
      el('span', {id: 'items-range'}, total ? `${first + 1}–${Math.min(first + kPage, total)} ${t('of')} ${total}` : t('(none)')),
      el('button', {id: 'items-next', disabled: first + kPage >= total, onclick: turn(kPage)}, t('Next') + ' →'));
  };
  const refilter = () => { first = 0; show(); };
  org.addEventListener('change', refilter);
  category.addEventListener('change', refilter);
  show();
}

// One bar per wave between the first start and the last end (nothing without dates).
function timeline(ctx, waves) {
  const dated = waves.filter((w) => w.start && w.end);
  if (!dated.length) return el('p', {class: 'muted'}, ctx.t('No timeline: the scenario has no timeline: key.'));
  const day = (s) => Date.parse(s) / 864e5;
  const lo = Math.min(...dated.map((w) => day(w.start)));
  const hi = Math.max(...dated.map((w) => day(w.end))) + 1;
  const pc = (x) => ((100 * (x - lo)) / (hi - lo)).toFixed(2) + '%';
  return el('div', {id: 'timeline'}, el('h2', {}, ctx.t('Timeline')),
    el('p', {class: 'muted'}, `${dated[0].start} – ${dated[dated.length - 1].end}`),
    dated.map((w) => el('div', {class: 'bar-row'}, el('span', {class: 'bar-label'}, `${ctx.t('Wave')} ${w.number}`),
      el('div', {class: 'bar-track'}, el('div', {class: 'bar', title: `${w.start} – ${w.end}`,
        style: `left:${pc(day(w.start))};width:${pc(lo + day(w.end) + 1 - day(w.start))}`})))));
}
