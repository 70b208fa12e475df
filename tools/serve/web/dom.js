// DOM helpers. Text from the data goes in as text nodes only (never innerHTML): a name such as
// "<script>" shows as itself and runs nothing.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// A table from headers and rows (each cell a value, a Node, or {v, class}).
export function table(headers, rows, attrs = {}) {
  const head = el('tr', {}, headers.map((h) => (h && typeof h === 'object' && !(h instanceof Node)
    ? el('th', {title: h.title, class: h.class}, h.label) : el('th', {}, h))));
  const body = rows.map((r) => {
    const tr = el('tr', r.attrs || {});
    for (const c of r.cells || r) {
      if (c && typeof c === 'object' && !(c instanceof Node) && 'v' in c) {
        tr.appendChild(el('td', {class: c.class, title: c.title}, c.v));
      } else {
        tr.appendChild(el('td', {class: typeof c === 'number' ? 'num' : null}, c ?? ''));
      }
    }
    return tr;
  });
  return el('table', attrs, el('thead', {}, head), el('tbody', {}, body));
}

export function fmt(x, digits = 1) {
  if (x === null || x === undefined) return '–';
  if (typeof x === 'number') return Number.isInteger(x) ? String(x) : x.toFixed(digits);
  return String(x);
}

export function pct(x, digits = 3) {
  return x === null || x === undefined ? '–' : (x * 100).toFixed(digits) + ' %';
}
