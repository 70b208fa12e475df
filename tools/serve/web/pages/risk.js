// Risk: SLA tiers met and not met, single points of failure, end-of-support exposure.
import {getJson} from '../api.js';
import {el, table, fmt, pct} from '../dom.js';
import {barChart} from '../charts.js';

export async function render(ctx, main) {
  const t = ctx.t;
  const r = await getJson('/api/risk', ctx.scenario ? {scenario: ctx.scenario} : {});
  const tiered = r.services.filter((s) => s.tier);
  const yesNo = (x) => (x === null || x === undefined ? '–' : {v: t(x ? 'yes' : 'no'), class: x ? 'yes' : 'no'});
  const count = (f) => tiered.filter(f).length;
  main.append(el('h1', {}, t('Risk and SLA')),
    el('div', {class: 'cards'},
      card(t('services with a tier'), tiered.length),
      card(t('meet it today'), count((s) => s.meets_today)),
      r.has_target ? card(t('in the target'), count((s) => s.meets_target)) : null,
      card(t('Single points of failure'), r.services.reduce((n, s) => n + (s.single_points || []).length, 0))),
    el('h2', {}, t('SLA tiers met and not met')),
    table([t('Municipality'), t('Service'), t('Tier'), t('Required'), t('Today'), t('Target'), t('Meets today'), t('Meets in the target')],
      tiered.map((s) => [ctx.org(s.org), s.service, s.tier, pct(s.required), pct(s.availability_today),
        pct(s.availability_target), yesNo(s.meets_today), yesNo(s.meets_target)]), {id: 'tiers'}));
  const eos = Object.entries(r.eos || {});
  const chart = el('div', {id: 'eos-chart'});
  barChart(chart, eos.map(([org]) => ctx.org(org)), [
    {label: t('past end of support'), data: eos.map(([, e]) => e.past)},
    {label: t('within 12 months'), data: eos.map(([, e]) => e.within_12_months)},
    {label: t('after the plan'), data: eos.map(([, e]) => e.past_after_plan ?? 0)}], {stacked: false});
  main.append(el('h2', {}, t('Past end of support')), chart,
    table([t('Municipality'), t('past end of support'), t('within 12 months'), t('after the plan'), t('Total')],
      eos.map(([org, e]) => [ctx.org(org), e.past, e.within_12_months, e.past_after_plan ?? '–', e.total]), {id: 'eos'}));
  const spofs = r.services.flatMap((s) => (s.single_points || []).map((p) => [ctx.org(s.org), s.service, p.asset, p.kind, t(p.why)]));
  // Long (one row per service and component): folded under its count.
  main.append(spofs.length ? el('details', {}, el('summary', {}, `${t('Single points of failure')} (${spofs.length})`),
    table([t('Municipality'), t('Service'), t('Asset'), t('Kind'), t('Why')], spofs, {id: 'spofs'}))
    : el('p', {class: 'muted'}, t('Single points of failure') + ': ' + t('(none)')));
}

function card(label, value) {
  return el('div', {class: 'card'}, el('div', {class: 'big'}, String(value)), el('div', {class: 'muted'}, label));
}
