// Hallar: the target halls with their use against capacity, today's halls with their fate, and
// each target rack's elevation drawn from /api/halls (a device's details on click).
import {getJson} from '../api.js';
import {el, table, fmt} from '../dom.js';
import {assetHref} from './assets.js';

const kPx = 7;  // pixels per rack unit

export async function render(ctx, main) {
  const t = ctx.t;
  const h = await getJson('/api/halls', ctx.scenario ? {scenario: ctx.scenario} : {});
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
