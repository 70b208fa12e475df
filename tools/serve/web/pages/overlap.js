// Överlapp and Målarkitektur: the overlap matrix and, per capability, the standard with its
// reason and basis, and a control that fixes it in the working scenario (PUT /api/scenarios/NAME)
// to a technology, to `free`, or leaves it proposed; the gaps follow the re-plan.
import {getJson, getText, change} from '../api.js';
import {el, table, fmt} from '../dom.js';
import {setStandard} from '../yaml_edit.js';
import {barChart} from '../charts.js';

export async function render(ctx, main) {
  const t = ctx.t;
  const params = ctx.scenario ? {scenario: ctx.scenario} : {};
  const [overlap, target] = await Promise.all([getJson('/api/overlap', params), getJson('/api/target', {...params, lang: ctx.lang})]);
  main.append(el('h1', {}, t('Overlap')), matrix(ctx, overlap));
  const gaps = el('div', {id: 'gaps'});
  const standards = el('div', {id: 'standards'});
  main.append(el('h1', {}, t('Target architecture')),
    ctx.scenario ? el('p', {class: 'muted'}, t('Changes are saved in the scenario') + ' ', el('code', {}, ctx.scenario))
      : el('p', {class: 'muted', id: 'no-scenario'}, t('Choose a scenario at the top to fix standards.')),
    el('h2', {}, t('Gaps per municipality')), gaps, el('h2', {}, t('Standards')), standards);
  const show = (tg) => {
    gaps.replaceChildren(gapTable(ctx, tg));
    standards.replaceChildren(standardTable(ctx, tg, overlap, apply));
  };
  async function apply(capability, value) {
    try {
      const fresh = await ctx.timed(async () => {
        const yaml = await getText('/api/scenarios/' + encodeURIComponent(ctx.scenario));
        await change('PUT', '/api/scenarios/' + encodeURIComponent(ctx.scenario), {},
          setStandard(yaml, capability, value === '' ? null : value));
        return getJson('/api/target', {scenario: ctx.scenario, lang: ctx.lang});
      });
      show(fresh);
    } catch (e) {
      ctx.status(e.message + (e.body?.errors ? ': ' + e.body.errors.map((d) => d.text).join('; ') : ''), true);
    }
  }
  show(target);
}

function matrix(ctx, o) {
  const t = ctx.t;
  const rows = o.orgs.map((a, i) => ({cells: [el('strong', {}, ctx.org(a)),
    ...o.similarity[i].map((v) => ({v: fmt(v, 2), class: 'num', title: `${ctx.org(a)}`}))]}));
  const tbl = table(['', ...o.orgs.map((x) => ctx.org(x))], rows, {id: 'similarity'});
  // Shade by similarity: a CSS background per cell (values 0..1).
  tbl.querySelectorAll('tbody tr').forEach((tr, i) => [...tr.cells].slice(1).forEach((td, j) => {
    const v = o.similarity[i][j] ?? 0;
    td.style.background = `rgba(79,124,184,${(v * 0.8).toFixed(2)})`;
    if (v > 0.6) td.style.color = '#fff';
  }));
  return el('div', {}, el('h2', {}, t('Similarity between municipalities')), tbl,
    el('details', {}, el('summary', {}, `${t('Technologies per municipality')} (${o.technologies.length})`),
    table([t('Capability'), t('Technology'), ...o.orgs.map((x) => ctx.org(x))],
      o.technologies.map((x) => [x.capability, x.name, ...o.orgs.map((g) => x.orgs[g] || '')]),
      {id: 'technologies'})));
}

function gapTable(ctx, target) {
  const t = ctx.t;
  const by = new Map();
  for (const g of target.gaps) {
    const r = by.get(g.org) || {upgrade: 0, replace: 0, migrate: 0, retire: 0, hours: 0};
    r[g.action] = (r[g.action] || 0) + 1;
    r.hours += g.effort_hours || 0;
    by.set(g.org, r);
  }
  const acts = ['upgrade', 'replace', 'migrate', 'retire'];
  const chart = el('div', {id: 'gap-chart'});
  barChart(chart, [...by.keys()].map((o) => ctx.org(o)),
    acts.map((a) => ({label: t(a), data: [...by.values()].map((r) => r[a] || 0)})));
  return el('div', {}, el('p', {}, t('Gaps') + ': ', el('strong', {id: 'gap-total'}, String(target.gaps.length))), chart,
    table([t('Municipality'), ...acts.map(t), t('Effort (hours)')],
      [...by].map(([org, r]) => [ctx.org(org), ...acts.map((a) => r[a]), Math.round(r.hours)]), {id: 'gap-table'}));
}

function standardTable(ctx, target, overlap, apply) {
  const t = ctx.t;
  return table([t('Capability'), t('Standard'), t('Source'), t('Reason'), t('Basis'), t('Fix')],
    target.standards.map((s) => {
      const choices = overlap.technologies.filter((x) => x.capability === s.capability);
      const control = el('select', {'data-capability': s.capability, disabled: !ctx.scenario},
        el('option', {value: ''}, t('proposed (leave)')), el('option', {value: 'free'}, 'free'),
        choices.map((x) => el('option', {value: x.id}, x.name)));
      if (s.source === 'scenario') control.value = s.technology === 'free' || choices.some((x) => x.id === s.technology) ? s.technology : '';
      if (s.source === 'scenario' && control.value !== s.technology) control.append(el('option', {value: s.technology}, s.technology));
      if (s.source === 'scenario') control.value = s.technology;
      control.addEventListener('change', () => apply(s.capability, control.value));
      const basis = s.assets ? `${s.assets_on_standard} ${t('of')} ${s.assets} ${t('assets')}` : '';
      const using = s.orgs_using ? `${s.orgs_using} ${t('of')} ${ctx.orgs.size} ${t('municipalities')}` : '';
      return [s.capability, s.name || s.technology, t(s.source), s.reason,
        [basis, using ? el('br') : null, using], control];
    }), {id: 'standards-table'});
}
