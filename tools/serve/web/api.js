// The API (docs/cli.md, "serve"): JSON in, JSON out; every change carries the session token.
let token = null;
export let readOnly = false;

export async function session() {
  const s = await getJson('/api/session');
  token = s.token;
  readOnly = s.read_only;
  return s;
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : 'HTTP ' + status);
    this.status = status;
    this.body = body || {};
  }
}

async function answer(res) {
  const type = res.headers.get('content-type') || '';
  const body = type.startsWith('application/json') ? await res.json() : await res.text();
  if (!res.ok) throw new ApiError(res.status, typeof body === 'object' ? body : {error: body});
  return body;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const x of [].concat(v)) if (x !== '' && x !== null && x !== undefined) q.append(k, x);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

export async function getJson(path, params = {}) {
  return answer(await fetch(path + query(params)));
}

export async function getText(path) {
  return answer(await fetch(path));
}

// A change: POST or PUT with the token header; body a string or FormData.
export async function change(method, path, params, body) {
  const headers = {'X-Samdrift-Token': token || ''};
  if (typeof body === 'string') headers['Content-Type'] = 'text/yaml; charset=utf-8';
  return answer(await fetch(path + query(params), {method, headers, body}));
}
