// Replaces a scenario's top-level `halls:` block in its YAML text with the entries a ranked set
// gives (`scenario_halls` of GET /api/halls/choose), or its `keep_halls:` list with the halls of
// today the Hallar page keeps, leaving every other line as it was; the server validates the
// result (PUT /api/scenarios/NAME) with the CLI's own parser.
const quote = (s) => JSON.stringify(String(s));  // a JSON string is a YAML double-quoted scalar

export function hallsYaml(halls) {
  const lines = ['halls:'];
  for (const h of halls) {
    lines.push(`  - name: ${quote(h.name)}`);
    if (h.from) lines.push(`    from: ${quote(h.from)}`);
    lines.push(`    role: ${h.role}`);
    for (const k of ['positions', 'power_kw', 'cooling_kw', 'running_per_year']) if (h[k] !== undefined) lines.push(`    ${k}: ${h[k]}`);
  }
  return lines;
}

export function setHalls(text, halls) {
  return setBlock(text, 'halls', hallsYaml(halls));
}

// `keep_halls:` as a list of "org/site/hall" names; none: the key removed.
export function setKeepHalls(text, names) {
  return setBlock(text, 'keep_halls', names.length ? ['keep_halls:', ...names.map((n) => `  - ${quote(n)}`)] : []);
}

// The top-level block KEY (its line and what is indented under it) replaced by `block` (lines),
// or `block` added at the end.
function setBlock(text, key, block) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
  if (start < 0) {
    const at = lines.length && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
    lines.splice(at, 0, ...block);
    return lines.join('\n');
  }
  // The block: its indented lines and list items, up to the next top-level key; the blank and
  // comment lines before that key stay with it.
  let end = start + 1;
  while (end < lines.length && !/^[^\s#-]/.test(lines[end])) ++end;
  while (end > start + 1 && /^\s*(#.*)?$/.test(lines[end - 1])) --end;
  lines.splice(start, end - start, ...block);
  return lines.join('\n');
}
