// The Hallar page's editable hall fields: each target hall's keys in the working scenario's
// `halls:` (positions, power_kw, cooling_kw, rack_u, ...; the keys the hall has in the file) and,
// for each of today's halls, whether it is kept (`keep_halls:`). A change is written into the
// scenario's text where the key is (yaml_edit.js, yaml_halls.js), validated by the server with
// the CLI's parser (POST /api/scenarios/validate), each located error shown at its field and
// nothing saved; a valid change is saved (PUT /api/scenarios/NAME) and onSaved() re-plans.
import {change, getText} from './api.js';
import {el, table} from './dom.js';
import {setField} from './yaml_edit.js';
import {setKeepHalls} from './yaml_halls.js';

const kKeys = ['role', 'positions', 'power_kw', 'cooling_kw', 'rack_u', 'rack_power_kw', 'rack_pdu_u', 'running_per_year'];
const id = (path) => 'h-' + path.replace(/\./g, '-');

// today: the halls view's `today` entries; kept: their "org/site/hall" names kept now.
export async function hallEditor(ctx, today, onSaved) {
  const t = ctx.t;
  const path = '/api/scenarios/' + encodeURIComponent(ctx.scenario);
  let text = await getText(path);
  const validate = (body) => change('POST', '/api/scenarios/validate', {name: ctx.scenario + '.yaml'}, body);
  let form = (await validate(text)).form || {fields: [], sections: {}};
  const errors = el('ul', {id: 'hall-edit-errors', class: 'errors'});
  const inputs = new Map();  // path -> input

  // Validated, then saved and re-planned; else every error at its field and in the list.
  const apply = async (next) => {
    const answer = await validate(next);
    const bad = answer.errors.filter((d) => d.severity === 'error');
    for (const [p, input] of inputs) {
      const f = (answer.form?.fields || []).find((x) => x.path === p);
      const here = f ? bad.filter((d) => d.line === f.line) : [];
      document.getElementById(id(p) + '-error').textContent = here.map((d) => d.message).join('; ');
      input.classList.toggle('bad', here.length > 0);
    }
    errors.replaceChildren(...bad.map((d) => el('li', {}, d.text)));
    if (bad.length) return ctx.status(t('Not saved: the scenario has errors'), true);
    await change('PUT', path, {}, next);
    text = next;
    form = answer.form || form;
    await onSaved();
  };
  const edit = (fieldPath, value) => {
    try {
      apply(setField(text, structuredClone(form), fieldPath, value)).catch((e) => ctx.status(e.message, true));
    } catch (e) {
      ctx.status(e.message, true);
    }
  };

  const names = new Map(form.fields.filter((f) => /^halls\.\d+\.name$/.test(f.path)).map((f) => [f.path.split('.')[1], f.value]));
  const rows = [];
  for (const [n, name] of names) {
    const cells = kKeys.map((key) => {
      const f = form.fields.find((x) => x.path === `halls.${n}.${key}`);
      if (!f) return '';
      const input = el('input', {id: id(f.path), type: 'text', size: 7, value: f.value, disabled: f.flow,
        title: f.flow ? t('written inline; edit it on the Scenario page') : null});
      input.addEventListener('change', () => edit(f.path, input.value.trim()));
      inputs.set(f.path, input);
      return el('span', {}, input, el('span', {class: 'field-error', id: id(f.path) + '-error'}));
    });
    rows.push([name, ...cells]);
  }
  const keep = today.filter((x) => x.fate !== 'target').map((x) => {
    const name = `${x.org}/${x.site}/${x.hall}`;
    const box = el('input', {type: 'checkbox', class: 'keep-hall', 'data-hall': name, checked: x.fate === 'kept'});
    box.addEventListener('change', () => {
      const kept = [...document.querySelectorAll('input.keep-hall')].filter((b) => b.checked).map((b) => b.dataset.hall);
      apply(setKeepHalls(text, kept)).catch((e) => ctx.status(e.message, true));
    });
    return [ctx.org(x.org), x.site, x.hall, t(x.fate), box];
  });
  return el('section', {id: 'hall-edit'}, el('h2', {}, t('Edit the halls')),
    el('p', {class: 'muted'}, t('A change is checked, saved in the working scenario and re-planned.')),
    rows.length ? table([t('Hall'), ...kKeys.map((k) => t(k))], rows, {id: 'hall-fields'})
      : el('p', {class: 'muted'}, t('No target halls: add them in the YAML text.')),
    keep.length ? table([t('Municipality'), t('Site'), t('Hall'), t('Fate'), t('Keep')], keep, {id: 'keep-halls'}) : null,
    errors);
}
