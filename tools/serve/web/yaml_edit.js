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
