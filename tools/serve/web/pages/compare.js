// Jämför: two to four scenarios side by side (GET /api/compare?scenario=A&scenario=B...):
// criteria, costs, halls, hours, waves, end date.
import {getJson} from '../api.js';
import {el, table, fmt} from '../dom.js';

let chosen = [];

export async function render(ctx, main, args) {
  const t = ctx.t;
  if (args.length) chosen = args.filter((a) => ctx.scenarios.includes(a));
  const out = el('div', {id: 'comparison'});
  const boxes = ctx.scenarios.map((name) => {
    const box = el('input', {type: 'checkbox', value: name, checked: chosen.includes(name)});
    return el('label', {class: 'card'}, box, ' ', name);
  });
  const button = el('button', {id: 'compare-go'}, t('Compare'));
  main.append(el('h1', {}, t('Compare')), el('p', {class: 'muted'}, t('Pick two to four scenarios.')),
    el('div', {class: 'cards', id: 'compare-pick'}, boxes), el('p', {}, button), out);
  button.addEventListener('click', () => {
    chosen = boxes.map((b) => b.firstChild).filter((b) => b.checked).map((b) => b.value);
    if (chosen.length < 2 || chosen.length > 4) return ctx.status(t('Pick two to four scenarios.'), true);
    ctx.go('#/compare/' + chosen.map(encodeURIComponent).join('/'));
  });
  if (chosen.length < 2) return;
  try {
    out.append(await sideBySide(ctx, chosen));
  } catch (e) {  // e.g. two scenarios with one name (SCN012): the located errors, the picker stays
    out.append(el('p', {class: 'error', id: 'compare-error'}, e.message),
      el('ul', {class: 'errors'}, (e.body?.errors || []).map((d) => el('li', {class: 'error'}, d.text))));
  }
}

async function sideBySide(ctx, names) {
  const t = ctx.t;
  const c = await getJson('/api/compare', {scenario: names});
  const s = c.scenarios;
  const money = (x) => (x === null || x === undefined ? '–' : Math.round(x).toLocaleString(ctx.lang === 'sv' ? 'sv-SE' : 'en-GB'));
  const rows = [
    [t('Name'), (x) => x.name],
    [t('Alternative'), (x) => x.alternative?.name || x.alternative?.id || x.alternative || '–'],
    [t('Place'), (x) => fmt(x.place)],
    ...(s[0]?.criteria || []).map((k, i) => [`${k.number} ${t(k.title)}`,
      (x) => (x.criteria[i]?.score ?? '–') + (x.criteria[i]?.source === 'entered' ? ' (' + t('entered') + ')' : '')]),
    [t('Investment'), (x) => money(x.costs?.investment)],
    [t('Running per year today'), (x) => money(x.costs?.running_per_year_today)],
    [t('Running per year in the target'), (x) => money(x.costs?.running_per_year_target)],
    [t('Five-year total'), (x) => money(x.costs?.five_year_total)],
    [t('Halls in use'), (x) => fmt(x.halls_in_use)],
    [t('Technologies'), (x) => fmt(x.technologies)],
    [t('hours'), (x) => fmt(Math.round(x.hours))],
    [t('Waves'), (x) => fmt(x.waves)],
    [t('End'), (x) => x.end || '–'],
  ];
  return table(['', ...names.map((n, i) => ({label: n, title: s[i]?.name}))],
    rows.map(([label, f]) => [el('strong', {}, label), ...s.map((x) => ({v: String(f(x)), class: 'num'}))]), {id: 'compare-table'});
}
