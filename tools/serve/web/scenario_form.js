// The Scenario page's form over the YAML text: name, start date, hours per month, costs file,
// each capability's standard (proposed, free or a technology) and the target halls' fields. The
// server's validation (POST /api/scenarios/validate) says where each key is ("form"); a field's
// change is written into that line of the text (yaml_edit.js) and validated again, and each
// located error is shown at its field as well as in the list under the text.
import {el, table} from './dom.js';
import {setField, setStandard} from './yaml_edit.js';

const kTop = [['name', 'Name', 'text'], ['timeline.start', 'Start date', 'text'],
  ['timeline.hours_per_month', 'Hours per month', 'number'], ['costs', 'Costs file', 'text']];

const id = (path) => 'f-' + path.replace(/\./g, '-');

// getText() is the YAML text now; onText(newText) is called with it after each change made in
// the form.
export function scenarioForm(ctx, capabilities, getText, onText) {
  const t = ctx.t;
  const box = el('div', {id: 'scenario-form', class: 'form'});
  let form = {fields: [], sections: {}};
  const inputs = new Map();  // path -> input or select
  const edit = (path, value) => {
    try {
      const text = getText();
      onText(path.startsWith('standards.')
        ? setStandard(text, path.slice('standards.'.length), value === '' ? null : value)
        : setField(text, form, path, value));
    } catch (e) {
      ctx.status(e.message, true);
    }
  };
  const field = (path, label, type, attrs = {}) => {
    const input = el('input', {id: id(path), type: 'text', inputmode: type === 'number' ? 'decimal' : null,
      size: type === 'number' ? 8 : 20, ...attrs});
    // Written as typed; emptied (a timeline key removed) only when the field is left empty.
    input.addEventListener('input', () => { if (input.value.trim() !== '') edit(path, input.value.trim()); });
    input.addEventListener('change', () => { if (input.value.trim() === '') edit(path, ''); });
    inputs.set(path, input);
    return el('label', {}, t(label), input, el('span', {class: 'field-error', id: id(path) + '-error'}));
  };
  const standard = (c) => {
    const select = el('select', {id: id('standards.' + c.capability), 'data-capability': c.capability},
      el('option', {value: ''}, t('proposed (leave)')), el('option', {value: 'free'}, 'free'),
      c.technologies.map((x) => el('option', {value: x.id}, x.name)));
    select.addEventListener('change', () => edit('standards.' + c.capability, select.value));
    inputs.set('standards.' + c.capability, select);
    return [c.capability, select, el('span', {class: 'field-error', id: id('standards.' + c.capability) + '-error'})];
  };
  const halls = el('div', {id: 'form-halls'});
  box.append(el('div', {class: 'filters'}, kTop.map(([p, l, ty]) => field(p, l, ty))),
    el('details', {}, el('summary', {}, t('Standards')),
      table([t('Capability'), t('Standard'), ''], capabilities.map(standard), {id: 'form-standards'})),
    el('h3', {}, t('Target halls')), halls);

  let hallKeys = '';
  const drawHalls = () => {
    const keys = form.fields.filter((f) => f.path.startsWith('halls.')).map((f) => f.path).join(',');
    if (keys === hallKeys) return;
    hallKeys = keys;
    for (const p of [...inputs.keys()]) if (p.startsWith('halls.')) inputs.delete(p);
    const rows = new Map();
    for (const f of form.fields.filter((x) => x.path.startsWith('halls.'))) {
      const [, n, key] = f.path.split('.');
      if (!rows.has(n)) rows.set(n, []);
      rows.get(n).push(field(f.path, key, /^-?\d+(\.\d+)?$/.test(f.value) ? 'number' : 'text', {disabled: f.flow}));
    }
    halls.replaceChildren(...[...rows.values()].map((r) => el('div', {class: 'filters hall-fields'}, r)),
      rows.size ? '' : el('p', {class: 'muted'}, t('No target halls: add them in the YAML text.')));
  };

  // The server's answer for the text: values into the fields not being typed in, errors at
  // their fields.
  const update = (answer) => {
    if (answer.form) form = answer.form;
    drawHalls();
    const values = new Map(form.fields.map((f) => [f.path, f]));
    for (const [path, input] of inputs) {
      const f = values.get(path);
      if (f && input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === f.value)) {
        input.append(el('option', {value: f.value}, f.value));
      }
      if (document.activeElement !== input) input.value = f ? f.value : '';
      input.disabled = Boolean(f?.flow);
      const err = box.querySelector('#' + id(path) + '-error');
      const here = f ? answer.errors.filter((d) => d.line === f.line) : [];
      err.textContent = here.map((d) => d.message).join('; ');
      input.classList.toggle('bad', here.some((d) => d.severity === 'error'));
    }
  };
  return {node: box, update};
}

// Every capability with the technologies seen for it (GET /api/target and /api/overlap).
export function capabilitiesOf(target, overlap) {
  return target.standards.map((s) => ({capability: s.capability,
    technologies: overlap.technologies.filter((x) => x.capability === s.capability)}));
}
