// Hallar: the target halls with their use against capacity, today's halls with their fate, and
// each target rack's elevation drawn from /api/halls (a device's details on click); then which
// halls should remain (/api/halls/choose), each set with a button that writes its halls into the
// working scenario (PUT /api/scenarios/NAME) and re-plans.
import {getJson, getText, change} from '../api.js';
import {el, table, fmt} from '../dom.js';
import {assetHref} from './assets.js';
import {setHalls} from '../yaml_halls.js';

const kPx = 7;  // pixels per rack unit

export async function render(ctx, main) {
  const t = ctx.t;
  const params = ctx.scenario ? {scenario: ctx.scenario} : {};
  const [h, choice] = await Promise.all([getJson('/api/halls', {...params, lang: ctx.lang}), getJson('/api/halls/choose', params)]);
  const over = (used, cap) => (cap !== null && cap !== undefined && used > cap ? 'over' : null);
  const use = (used, cap) => ({v: `${fmt(used)} / ${fmt(cap)}`, class: over(used, cap) ? 'num over' : 'num'});
  main.append(el('h1', {}, t('Halls')),
    h.design_margin !== undefined ? el('p', {class: 'muted'}, t('Design margin') + ': ' + fmt(h.design_margin)) : null,
    el('h2', {}, t('Target halls')),
    table([t('Hall'), t('Role'), t('positions'), t('power') + ' kW', t('cooling') + ' kW', t('Racks')],
      h.halls.map((x) => [x.name, t(x.role || ''), use(x.positions_used, x.positions),
        use(x.power_kw_used, x.power_kw), use(x.cooling_kw_used, x.cooling_kw), x.racks.length]), {id: 'target-halls'}));
  if (Array.isArray(h.today) && h.today.length) {
    main.append(el('h2', {}, t("Today's halls")),
      table([t('Municipality'), t('Site'), t('Hall'), t('Fate'), t('Target'), t('Wave'), t('Date'), t('stays')],
        h.today.map((x) => [ctx.org(x.org), x.site, x.hall, t(x.fate), x.target || '', x.emptied_in_wave ?? '',
          x.emptied_on || '', (x.stays || []).map((s) => s.asset).join(', ')]), {id: 'today-halls'}));
  }
  const detail = el('div', {id: 'device-detail', class: 'card', hidden: true});
  main.append(detail);
  for (const hall of h.halls) {
    main.append(el('h2', {}, `${t('Rack elevations')}: ${hall.name}`),
      el('div', {class: 'racks'}, hall.racks.map((r) => rack(ctx, r, detail))));
  }
  if (h.unplaced && h.unplaced.length) {
    main.append(el('h2', {}, t('Not placed')),
      table([t('Municipality'), t('Asset'), t('Why')], h.unplaced.map((u) => [ctx.org(u.org), u.asset, u.reason])));
  }
  main.append(ranking(ctx, choice, h, async (set) => {
    ctx.status(t('Re-planning…'));
    const started = performance.now();
    try {
      const name = encodeURIComponent(ctx.scenario);
      const yaml = await getText('/api/scenarios/' + name);
      await change('PUT', '/api/scenarios/' + name, {}, setHalls(yaml, set.scenario_halls));
      // The router moved this page's nodes into #page: the page is drawn again there.
      const fresh = el('div');
      await render(ctx, fresh);
      (document.getElementById('page') || main).replaceChildren(...fresh.childNodes);
      ctx.status(`${t('Re-planned in')} ${Math.round(performance.now() - started)} ms`);
    } catch (e) {
      ctx.status(e.message + (e.body?.errors ? ': ' + e.body.errors.map((d) => d.text).join('; ') : ''), true);
    }
  }));
}

// A hall of a set as the reader knows it: a new one by name, today's as "Municipality Site/Hall".
const hallText = (ctx, x) => (x.name !== undefined ? x.name : `${ctx.org(x.org)} ${x.site}/${x.hall}`);

// The set whose halls the plan already has (the same names, and `from` for today's halls).
function inScenario(set, plan) {
  const want = set.scenario_halls.map((x) => `${x.name}|${x.from || ''}`).sort().join(';');
  return want === plan.halls.map((x) => `${x.name}|${x.from || ''}`).sort().join(';');
}

// Where the set stands, in words (its reasons in full as the cell's title).
function verdict(t, s, i) {
  if (!s.fits) return t('does not fit');
  if (!s.chosen_possible) return t('breaks a distance rule');
  return i === 0 ? t('chosen: the lowest score') : t('fits and keeps the rules');
}

function ranking(ctx, c, plan, use) {
  const t = ctx.t;
  const money = (x) => (x === null || x === undefined ? '–' : Math.round(x).toLocaleString('sv-SE'));
  const unit = c.currency ? ` (${c.currency === 'SEK' && ctx.lang === 'sv' ? 'kr' : c.currency})` : '';
  const rows = c.sets.map((s, i) => {
    const here = inScenario(s, plan);
    const button = el('button', {class: 'use-set', 'data-rank': i + 1, disabled: !ctx.scenario || here},
      here ? t('in the scenario') : t('Use in scenario'));
    button.addEventListener('click', () => use(s));
    return {attrs: {'data-rank': i + 1, class: here ? 'current' : null}, cells: [i + 1,
      s.halls.map((x) => hallText(ctx, x)).join(' + '), t(s.fits ? 'yes' : 'no'),
      {v: fmt(s.moved_kw), class: 'num'}, s.moved_devices, s.racks_bought,
      {v: fmt(s.distance_km), class: 'num'}, {v: fmt(s.rtt_ms, 2), class: 'num'},
      {v: money(s.investment), class: 'num'},
      {v: money(s.running_per_year), class: 'num',
        title: s.halls.map((x) => `${hallText(ctx, x)}: ${money(x.running_per_year)}`).join('\n')},
      {v: money(s.five_year), class: 'num'}, s.breaks.map((b) => t(b)).join(', '),
      {v: verdict(t, s, i), title: s.reasons.join('\n')}, button]};
  });
  return el('section', {id: 'siting'}, el('h2', {}, t('Which halls should remain')),
    el('p', {class: 'muted'}, `${c.count} ${t('Halls').toLowerCase()} · ${c.candidates} ${t('candidate halls')} · ` +
      `${c.planned} ${t('sets planned')}, ${c.pruned} ${t('pruned')}`),
    ctx.scenario ? null : el('p', {class: 'muted'}, t('Choose a scenario at the top to take a set into it.')),
    table([t('Rank'), t('Halls'), t('Fits'), t('kW moved'), t('Devices moved'), t('Racks bought'), t('Distance (km)'),
      t('Round trip (ms)'), t('Investment') + unit, t('Running cost per year') + unit, t('Five-year cost') + unit,
      t('Rules broken'), t('Reason'), ''], rows, {id: 'siting-table'}));
}

function rack(ctx, r, detail) {
  const t = ctx.t;
  const u = r.u || 42;
  const box = el('div', {class: 'rack', style: `height:${u * kPx}px`, title: r.name});
  for (const d of r.devices) {
    const height = (d.u_height || 1) * kPx;
    const bottom = ((d.position || 1) - 1) * kPx;
    const dev = el('div', {class: 'dev', style: `bottom:${bottom}px;height:${height - 2}px;font-size:${Math.min(10, height - 3)}px`,
      title: `${d.asset} (${ctx.org(d.org)})`}, d.asset);
    dev.addEventListener('click', () => {
      detail.hidden = false;
      detail.replaceChildren(el('strong', {}, d.asset), ` — ${ctx.org(d.org)}, ${r.name} U${d.position}, ` +
        `${d.u_height} U, ${fmt(d.kw, 2)} kW `);
      detail.scrollIntoView({block: 'nearest'});
    });
    box.append(dev);
  }
  return el('div', {}, box, el('div', {class: 'rack-name'}, `${r.name}: ${r.u_used}/${u} U, ${fmt(r.kw_used)}/${fmt(r.kw)} kW`));
}
