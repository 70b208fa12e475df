// Scenario: a form for the common keys and the YAML in an editor, kept in sync, validated as you
// type by the CLI's own parser (POST /api/scenarios/validate), errors at their field and line;
// save as a new file or over the old one (PUT /api/scenarios/NAME); the re-plan's figures, timed
// while it runs, and the diff against the scenario it came from; going back: revert the edits to
// the file, or undo a save (POST /api/scenarios/NAME/undo).
import {getJson, getText, change} from '../api.js';
import {el, table, fmt} from '../dom.js';
import {scenarioForm, capabilitiesOf} from '../scenario_form.js';

const kDelay = 300;
const kMoney = ['investment', 'running_per_year_today', 'running_per_year_target', 'five_year_total'];
const money = (x) => (typeof x === 'number' ? Math.round(x).toLocaleString('sv-SE') : '–');

export async function render(ctx, main) {
  const t = ctx.t;
  const source = el('select', {id: 'scenario-source'}, ctx.scenarios.map((n) => el('option', {value: n}, n)));
  source.value = ctx.scenario || ctx.scenarios[0] || '';
  const gutter = el('pre', {class: 'gutter', 'aria-hidden': 'true'});
  const text = el('textarea', {id: 'yaml', spellcheck: 'false', wrap: 'off'});
  const errors = el('ul', {class: 'errors', id: 'yaml-errors'});
  const state = el('span', {id: 'yaml-state', class: 'muted'});
  const name = el('input', {id: 'save-name', size: 24});
  const saveNew = el('button', {id: 'save-new'}, t('Save as new'));
  const saveOver = el('button', {id: 'save-over'}, t('Save over'));
  const revert = el('button', {id: 'revert', title: t('Discard the edits: the text as saved')}, t('Revert edits'));
  const undo = el('button', {id: 'undo-save', disabled: true}, t('Undo last save'));
  const result = el('div', {id: 'save-result'});
  const params = ctx.scenario ? {scenario: ctx.scenario} : {};
  const [target, overlap] = await Promise.all([getJson('/api/target', params), getJson('/api/overlap', params)]);
  const form = scenarioForm(ctx, capabilitiesOf(target, overlap), () => text.value, (yaml) => {
    text.value = yaml;
    numbers();
    validate().catch((e) => ctx.status(e.message, true));
  });
  main.append(el('h1', {}, t('Scenario')),
    el('div', {class: 'filters'}, el('label', {}, t('Open'), source), el('label', {}, t('Name'), name), saveNew, saveOver, revert, undo),
    el('p', {}, state), form.node, el('h2', {}, 'YAML'), el('div', {class: 'editor'}, gutter, text), errors, result);

  let origin = source.value;
  let bad = new Set();
  const numbers = () => {
    const n = text.value.split('\n').length;
    gutter.replaceChildren(...Array.from({length: n}, (_, i) =>
      el('span', {class: bad.has(i + 1) ? 'bad' : null, style: 'display:block'}, String(i + 1))));
    gutter.scrollTop = text.scrollTop;
  };
  const goTo = (line) => {
    const lines = text.value.split('\n');
    const at = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    text.focus();
    text.setSelectionRange(at, at + (lines[line - 1] || '').length);
    text.scrollTop = Math.max(0, (line - 5) * 18);
  };
  const showErrors = (list) => {
    bad = new Set(list.filter((d) => d.severity === 'error').map((d) => d.line));
    errors.replaceChildren(...list.map((d) => el('li', {class: d.severity === 'error' ? 'error' : 'muted',
      'data-line': d.line, onclick: () => goTo(d.line)}, d.text)));
    numbers();
  };
  let timer;
  let asked = 0;
  const validate = async () => {
    const mine = ++asked;
    const v = await change('POST', '/api/scenarios/validate', {name: (name.value || origin || 'scenario') + '.yaml'}, text.value);
    if (mine !== asked) return;
    state.textContent = v.valid ? t('Valid') : t('Has errors');
    state.className = v.valid ? 'yes' : 'error';
    showErrors(v.errors);
    form.update(v);
  };
  const versions = async () => {
    const h = origin ? await getJson(`/api/scenarios/${encodeURIComponent(origin)}/history`) : {versions: 0};
    undo.disabled = !h.versions;
    undo.title = `${h.versions} ${t('earlier versions kept')}`;
  };
  text.addEventListener('input', () => {
    numbers();
    state.textContent = t('Checking…');
    clearTimeout(timer);
    timer = setTimeout(() => validate().catch((e) => ctx.status(e.message, true)), kDelay);
  });
  text.addEventListener('scroll', () => { gutter.scrollTop = text.scrollTop; });
  const load = async () => {
    origin = source.value;
    name.value = origin;
    text.value = origin ? await getText('/api/scenarios/' + encodeURIComponent(origin)) : '';
    numbers();
    await Promise.all([validate(), versions()]);
  };
  source.addEventListener('change', () => load().catch((e) => ctx.status(e.message, true)));
  revert.addEventListener('click', () => load().then(() => ctx.status(t('Edits reverted.'))).catch((e) => ctx.status(e.message, true)));
  undo.addEventListener('click', async () => {
    try {
      const r = await change('POST', `/api/scenarios/${encodeURIComponent(origin)}/undo`, {}, '');
      text.value = r.text;
      numbers();
      await Promise.all([validate(), versions()]);
      ctx.status(`${t('Undone: the version before the last save of')} ${origin}`);
    } catch (e) {
      ctx.status(e.message, true);
    }
  });

  const save = async (asNew) => {
    const target = (asNew ? name.value : origin).trim().replace(/\.ya?ml$/, '');
    if (!target) return ctx.status(t('Give the scenario a name.'), true);
    if (asNew && ctx.scenarios.includes(target)) return ctx.status(t('A scenario of that name exists; use Save over.'), true);
    let figures;
    try {
      figures = await ctx.timed(async () => {
        await change('PUT', '/api/scenarios/' + encodeURIComponent(target), {}, text.value);
        await ctx.refreshScenarios();
        return getJson('/api/compare', {scenario: target});
      }, `${t('Saved')} ${target}; `);
    } catch (e) {
      if (e.body?.errors) showErrors(e.body.errors);
      return ctx.status(e.message, true);
    }
    if (!asNew) await versions();
    result.replaceChildren(el('h2', {}, `${t('Figures')}: ${target}`), figuresTable(ctx, figures.scenarios[0]));
    if (origin && origin !== target) result.append(await diffView(ctx, origin, target));
    source.replaceChildren(...ctx.scenarios.map((n) => el('option', {value: n}, n)));
    source.value = target;
    if (asNew) {
      origin = target;
      await versions();
    }
  };
  saveNew.addEventListener('click', () => save(true));
  saveOver.addEventListener('click', () => save(false));
  if (source.value) await load();
}

function figuresTable(ctx, s) {
  const t = ctx.t;
  return table([t('Halls in use'), t('Technologies'), t('hours'), t('Waves'), t('End')],
    [[fmt(s.halls_in_use), fmt(s.technologies), Math.round(s.hours), fmt(s.waves), s.end || '–']], {id: 'figures'});
}

// GET /api/diff?from=A&to=B: standards, gaps, halls, waves and figures that differ.
async function diffView(ctx, from, to) {
  const t = ctx.t;
  const d = await getJson('/api/diff', {from, to});
  const pair = (x) => [{v: fmt(x.from), class: 'from'}, {v: fmt(x.to), class: 'to'}];
  const box = el('div', {class: 'diff', id: 'diff'}, el('h2', {}, `${t('Changes against')} ${from}`));
  const standards = d.standards || [];
  box.append(el('h3', {}, t('Standards')), standards.length ? table([t('Capability'), from, to],
    standards.map((s) => [s.capability, ...pair(s)])) : el('p', {class: 'muted'}, t('(none)')));
  const gaps = Object.entries(d.gaps || {});
  const counts = (c) => (c && typeof c === 'object' ? Object.entries(c).map(([k, n]) => `${t(k)} ${n}`).join(', ') || '–' : fmt(c));
  if (gaps.length) box.append(el('h3', {}, t('Gaps')), table([t('Municipality'), from, to], gaps.map(([o, x]) => [ctx.org(o), ...pair({from: counts(x.from), to: counts(x.to)})])));
  const hall = (h) => (h && typeof h === 'object' ? Object.entries(h).filter(([, v]) => typeof v !== 'object').map(([k, v]) => `${t(k)}: ${fmt(v)}`).join(', ') : fmt(h));
  if ((d.halls || []).length) box.append(el('h3', {}, t('Halls')), table([t('Hall'), from, to], d.halls.map((h) => [h.name, ...pair({from: hall(h.from), to: hall(h.to)})])));
  const figures = Object.entries(d.figures || {}).flatMap(([k, x]) => (x.from && typeof x.from === 'object') || (x.to && typeof x.to === 'object')
    ? kMoney.map((m) => [`${t(k)}: ${t(m)}`, {from: money(x.from?.[m]), to: money(x.to?.[m])}]) : [[t(k), x]]);
  if (figures.length) box.append(el('h3', {}, t('Figures')), table(['', from, to], figures.map(([k, x]) => [k, ...pair(x)]), {id: 'diff-figures'}));
  if (d.plan?.items_moved?.length) box.append(el('p', {}, `${d.plan.items_moved.length} ${t('items move to another wave')}`));
  return box;
}
