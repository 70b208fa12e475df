// Hallar: the target halls with their use against capacity, today's halls with their fate, the
// hall fields of the working scenario to edit (hall_edit.js), and each target rack's elevation,
// front and rear, the report's own SVG (/api/halls/elevations; a device's details on click); then
// which halls should remain (/api/halls/choose), each set with a button that writes its halls
// into the working scenario (PUT /api/scenarios/NAME) and re-plans.
import {getJson, getText, change, readOnly} from '../api.js';
import {el, table, fmt} from '../dom.js';
import {setHalls} from '../yaml_halls.js';
import {hallEditor} from '../hall_edit.js';

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
  // Drawn again after a change saved here (a hall field, a set taken in): the page re-plans.
  const redraw = async () => {
    ctx.status(t('Re-planning…'));
    const started = performance.now();
    const fresh = el('div');
    await render(ctx, fresh);
    // The router moved this page's nodes into #page: the page is drawn again there.
    (document.getElementById('page') || main).replaceChildren(...fresh.childNodes);
    ctx.status(`${t('Re-planned in')} ${Math.round(performance.now() - started)} ms`);
  };
  if (ctx.scenario && !readOnly) main.append(await hallEditor(ctx, h.today || [], redraw));
  const detail = el('div', {id: 'device-detail', class: 'card', hidden: true});
  main.append(detail);
  const drawings = await Promise.all(h.halls.map((hall) =>
    getJson('/api/halls/elevations', {...params, hall: hall.name, lang: ctx.lang})));
  for (const d of drawings) {
    main.append(el('h2', {}, `${t('Rack elevations')}: ${d.hall}`),
      el('div', {class: 'racks'}, d.racks.map((r) => elevation(r, detail))));
  }
  if (h.unplaced && h.unplaced.length) {
    main.append(el('h2', {}, t('Not placed')),
      table([t('Municipality'), t('Asset'), t('Why')], h.unplaced.map((u) => [ctx.org(u.org), u.asset, u.reason])));
  }
  main.append(ranking(ctx, choice, h, async (set) => {
    try {
      const name = encodeURIComponent(ctx.scenario);
      const yaml = await getText('/api/scenarios/' + name);
      await change('PUT', '/api/scenarios/' + name, {}, setHalls(yaml, set.scenario_halls));
      await redraw();
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

// One rack's elevation, front and rear: the report's SVG (XML, every name escaped by the
// server), parsed as XML and adopted without scripts; a device's <title> shown on click.
function elevation(r, detail) {
  const doc = new DOMParser().parseFromString(r.svg, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') return el('p', {class: 'error'}, r.name);
  for (const bad of svg.querySelectorAll('script, foreignObject')) bad.remove();
  const node = document.importNode(svg, true);
  node.classList.add('elevation');
  node.setAttribute('data-rack', r.name);
  for (const g of node.querySelectorAll('g.kept, g.moves-in')) {
    g.addEventListener('click', () => {
      detail.hidden = false;
      detail.replaceChildren(el('strong', {}, r.name), ': ', g.querySelector('title')?.textContent || '');
      detail.scrollIntoView({block: 'nearest'});
    });
  }
  return node;
}
