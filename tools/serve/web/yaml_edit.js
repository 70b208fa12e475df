// Sets or removes one capability under a scenario's top-level `standards:` block in its YAML
// text, line by line, so the file's comments and order stay as they were. The server validates
// the result (PUT /api/scenarios/NAME) with the CLI's own parser.
export function setStandard(text, capability, technology) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^standards\s*:/.test(l));
  const entry = (indent) => `${indent}${capability}: ${technology}`;
  if (start < 0) {
    if (technology === null) return text;
    const at = lines.length && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
    lines.splice(at, 0, 'standards:', entry('  '));
    return lines.join('\n');
  }
  const rest = lines[start].replace(/^standards\s*:/, '').replace(/#.*$/, '').trim();
  if (rest !== '' && rest !== '{}') throw new Error('standards: is written inline; edit it on the Scenario page');
  if (rest === '{}') lines[start] = 'standards:';
  let end = start + 1;
  let indent = '  ';
  let found = -1;
  for (; end < lines.length; ++end) {
    const l = lines[end];
    if (/^\s*(#.*)?$/.test(l)) continue;
    const m = /^(\s+)([^\s:#]+)\s*:/.exec(l);
    if (!m) break;
    indent = m[1];
    if (m[2] === capability) found = end;
  }
  if (found >= 0) {
    if (technology === null) {
      lines.splice(found, 1);
      const next = lines.slice(start + 1).find((l) => !/^\s*(#.*)?$/.test(l));
      if (next === undefined || !/^\s/.test(next)) lines[start] = lines[start].replace(/^standards\s*:/, 'standards: {}');
    }
    else lines[found] = entry(indent) + (/(\s+#.*)$/.exec(lines[found])?.[1] || '');
  } else if (technology !== null) {
    lines.splice(start + 1, 0, entry(indent));
  }
  return lines.join('\n');
}

// A form value as a YAML scalar: plain when it reads back as the same text, else double-quoted
// (a JSON string is a YAML double-quoted scalar).
export function yamlScalar(value) {
  const v = String(value);
  return /^[\p{L}\p{N}_./][\p{L}\p{N}_./ -]*$/u.test(v) && !/\s$/.test(v) ? v : JSON.stringify(v);
}

// The value part of `rest` (the text after "key:") and the comment after it.
function splitValue(rest) {
  const lead = /^\s*/.exec(rest)[0];
  const body = rest.slice(lead.length);
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/.exec(body);
  const end = quoted ? quoted[0].length : (/\s#/.exec(body)?.index ?? body.length);
  return {value: body.slice(0, end).trimEnd(), comment: body.slice(end).replace(/^\s*$/, '')};
}

function shift(form, from, by) {
  for (const f of form.fields) if (f.line >= from) f.line += by;
  for (const k of Object.keys(form.sections)) if (form.sections[k] >= from) form.sections[k] += by;
}

// Writes one form field (PATH: "name", "costs", "timeline.start", "halls.0.power_kw", ...) into the
// YAML text at the line the server's form (POST /api/scenarios/validate, "form") located it, so
// comments and order stay; a missing name, costs or timeline key is added, an emptied timeline key
// removed. Returns the new text; `form` follows (its lines shift) until the server's next answer.
export function setField(text, form, path, value) {
  const lines = text.split('\n');
  const key = path.split('.').pop();
  const at = form.fields.findIndex((f) => f.path === path);
  if (at >= 0) {
    const field = form.fields[at];
    if (field.flow) throw new Error(`${path} is written inline; edit it in the YAML text`);
    const i = field.line - 1;
    const m = /^(\s*(?:-\s+)?[^\s:#][^:#]*?\s*:)(.*)$/.exec(lines[i] || '');
    if (!m) throw new Error(`${path}: line ${field.line} is not "${key}: value"`);
    if (value === '' && path.startsWith('timeline.')) {
      lines.splice(i, 1);
      form.fields.splice(at, 1);
      shift(form, field.line + 1, -1);
      return lines.join('\n');
    }
    const {comment} = splitValue(m[2]);
    lines[i] = `${m[1]} ${yamlScalar(value)}${comment ? '  ' + comment.trimStart() : ''}`;
    field.value = value;
    return lines.join('\n');
  }
  if (value === '') return text;
  let line;
  let entry = `${key}: ${yamlScalar(value)}`;
  if (path === 'name') {
    line = lines.findIndex((l) => !/^\s*(#.*)?$/.test(l));
    if (line < 0) line = 0;
  } else if (path.startsWith('timeline.') && form.sections.timeline) {
    line = form.sections.timeline;  // just below "timeline:"
    const indent = /^(\s+)\S/.exec(lines[line] || '')?.[1] || '  ';
    entry = indent + entry;
  } else {
    line = lines.length && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
    if (path.startsWith('timeline.')) {
      lines.splice(line, 0, 'timeline:');
      shift(form, line + 1, 1);
      form.sections.timeline = line + 1;
      line += 1;
      entry = '  ' + entry;
    } else if (path.includes('.')) {
      throw new Error(`${path}: add it in the YAML text`);
    }
  }
  lines.splice(line, 0, entry);
  shift(form, line + 1, 1);
  form.fields.push({path, value, line: line + 1, flow: false});
  return lines.join('\n');
}
