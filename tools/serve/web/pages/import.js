// Import: files (or a folder) for a municipality through the CLI's importers
// (POST /api/import?job=1): a dry run first with every located error, then one atomic batch; the
// import runs in the server while the page polls its job (GET /api/import/jobs/ID) and shows the
// files done of the total. An org id near one the store has is refused as a likely typo (the
// CLI's check), shown at the municipality field, unless "new municipality" is ticked.
import {change, getJson} from '../api.js';
import {el, table, append} from '../dom.js';

const kPoll = 150;

export async function render(ctx, main) {
  const t = ctx.t;
  const org = el('input', {id: 'import-org', list: 'import-orgs', size: 14, placeholder: 'gnosjo'});
  const orgs = el('datalist', {id: 'import-orgs'}, [...ctx.orgs].map(([id, name]) => el('option', {value: id}, name)));
  const files = el('input', {id: 'import-files', type: 'file', multiple: true});
  const folder = el('input', {id: 'import-folder', type: 'file', webkitdirectory: true});
  const orgError = el('span', {class: 'field-error', id: 'import-org-error'});
  const newOrg = el('input', {id: 'import-new-org', type: 'checkbox'});
  const format = el('input', {id: 'import-format', size: 12, placeholder: t('(detected)')});
  const progress = el('progress', {id: 'import-progress', max: 1, value: 0, hidden: true});
  const counted = el('span', {id: 'import-count', class: 'muted'});
  const dry = el('button', {id: 'dry-run'}, t('Dry run'));
  const real = el('button', {id: 'import-go', disabled: true}, t('Import'));
  const out = el('div', {id: 'import-result'});
  main.append(el('h1', {}, t('Import')), orgs,
    el('p', {class: 'muted'}, t('The same importers as samdrift import: a dry run shows every located error and stores nothing; Import stores everything in one batch, or nothing.')),
    el('div', {class: 'filters'}, el('label', {}, t('Municipality'), org, orgError),
      el('label', {class: 'check'}, newOrg, t('new municipality')), el('label', {}, t('Files'), files),
      el('label', {}, t('or a folder'), folder), el('label', {}, t('Format'), format), dry, real),
    el('p', {}, progress, ' ', counted), out);
  const chosen = () => [...files.files, ...folder.files];
  const invalidate = () => { real.disabled = true; };
  for (const x of [org, newOrg, files, folder, format]) x.addEventListener('change', invalidate);
  const shown = (job) => {
    progress.hidden = false;
    progress.max = job.files_total || 1;
    progress.value = job.files_done;
    counted.textContent = `${job.files_done} / ${job.files_total} ${t('files')}`;
  };
  // The job's answer once done: its result, or an ApiError as a direct request would throw.
  const follow = async (job) => {
    while (job.state !== 'done') {
      shown(job);
      await new Promise((resolve) => setTimeout(resolve, kPoll));
      job = await getJson('/api/import/jobs/' + job.job);
    }
    shown(job);
    if (job.status >= 400) throw Object.assign(new Error(job.result.error), {status: job.status, body: job.result});
    return job.result;
  };

  const run = async (dryRun) => {
    const list = chosen();
    if (!org.value.trim() || !list.length) return ctx.status(t('Choose a municipality and files.'), true);
    const body = new FormData();
    for (const f of list) body.append('file', f, f.webkitRelativePath || f.name);
    const bytes = list.reduce((n, f) => n + f.size, 0);
    ctx.status(`${dryRun ? t('Dry run') : t('Import')}: ${list.length} ${t('files')}, ${Math.round(bytes / 1024)} KiB…`);
    out.replaceChildren();
    orgError.textContent = '';
    org.classList.remove('bad');
    try {
      const r = await follow(await change('POST', '/api/import', {org: org.value.trim(), dry_run: dryRun ? 1 : 0,
        format: format.value.trim(), new_org: newOrg.checked ? 1 : '', job: 1}, body));
      out.append(report(ctx, r));
      real.disabled = !dryRun;
      ctx.status(dryRun ? t('Dry run done: nothing stored.') : t('Imported.'));
    } catch (e) {
      if (e.body?.field === 'org') {
        orgError.textContent = e.message;
        org.classList.add('bad');
      }
      append(out, [el('p', {class: 'error', id: 'import-error'}, e.message), diagnostics(e.body?.errors || [])]);
      progress.hidden = true;
      counted.textContent = '';
      real.disabled = true;
      ctx.status(t('Nothing stored.'), true);
    }
  };
  dry.addEventListener('click', () => run(true));
  real.addEventListener('click', () => run(false));
}

function report(ctx, r) {
  const t = ctx.t;
  return el('div', {},
    table([t('File'), t('Format'), t('Assets'), t('Relations')],
      r.files.map((f) => [f.file, f.format, f.assets, f.relations]), {id: 'import-files-table'}),
    r.stored ? el('p', {id: 'import-stored'}, `${t('Stored')}: ${r.stored.assets} ${t('assets')}, ${r.stored.relations} ${t('relations')}`) :
      el('p', {class: 'muted'}, t('Dry run: nothing stored.')),
    diagnostics(r.warnings || []));
}

function diagnostics(list) {
  if (!list.length) return null;
  return el('ul', {class: 'errors', id: 'import-diagnostics'},
    list.map((d) => el('li', {class: d.severity === 'error' ? 'error' : 'muted'}, d.text)));
}
