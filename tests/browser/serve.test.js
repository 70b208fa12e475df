// `samdrift serve`'s pages in a real browser: Debian's chromium through puppeteer-core, run by
// node's test runner (scripts/browser_test.sh makes the demo store and sets the environment).
//   SAMDRIFT: the samdrift binary; SAMDRIFT_SERVE_DB: a store it may change (a copy);
//   SAMDRIFT_SERVE_SCENARIOS: the scenarios folder (the samples' scenarios and `arbete`, a copy
//   of scenario.yaml the tests change); SAMDRIFT_BROWSER_ARTIFACTS: folder for screenshots.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

const {artifacts, open, shown, text, shot, assetTotal, start, stop} = require('./serve_util.js');

const kPages = ['assets', 'overlap', 'halls', 'plan', 'risk', 'compare', 'scenario', 'import'];
const kHostile = '<script>window.__pwned = 1</script>';

let base;
test.before(async () => { base = await start(); });
test.after(stop);

for (const lang of ['sv', 'en']) {
  test(`${lang}: every page loads without console errors`, async () => {
    for (const id of kPages) {
      const page = await open(id, {lang});
      assert.strictEqual(await page.$eval('html', (h) => h.lang), lang);
      assert.strictEqual(await page.$$eval('main .error', (e) => e.length), 0, `${id} shows an error`);
      assert.ok((await text(page, 'main')).length > 40, `${id} is empty`);
      assert.deepStrictEqual(page.problems, [], `${id} in ${lang}`);
      if (lang === 'sv') await shot(page, id);
      await page.close();
    }
  });
}

test('assets filtered to one municipality show only it', async () => {
  const page = await open('assets');
  const all = await text(page, '#asset-total');
  await page.select('select[name=org]', 'hylte');
  await page.waitForFunction((before) => document.querySelector('#asset-total').textContent !== before, {}, all);
  const orgs = await page.$$eval('#assets tbody tr', (trs) => trs.map((tr) => tr.dataset.org));
  assert.ok(orgs.length > 0);
  assert.deepStrictEqual([...new Set(orgs)], ['hylte']);
  // The next page is hylte's too (key paging).
  await page.click('#next');
  await page.waitForFunction(() => /^51/.test(document.querySelector('#asset-total').textContent));
  const more = await page.$$eval('#assets tbody tr', (trs) => trs.map((tr) => tr.dataset.org));
  assert.deepStrictEqual([...new Set(more)], ['hylte']);
  // An asset's page: provenance and relations.
  await page.click('#assets tbody tr a');
  await shown(page, 'asset');
  assert.match(await text(page, '#provenance'), /\.(csv|xml|json):\d+/);
  // The gaps, plan items and risks come after the asset is shown (they need the plan): at once
  // when the server keeps the scenario's plan, else on the button "Visa vad som berör tillgången".
  await page.waitForSelector('#asset-concerns h2, #asset-concerns-ask', {timeout: 60000});
  if (await page.$('#asset-concerns-ask')) {
    assert.strictEqual(await text(page, '#asset-concerns-ask'), 'Visa vad som berör tillgången');
    await page.click('#asset-concerns-ask');
  }
  await page.waitForSelector('#asset-concerns h2', {timeout: 60000});
  await shot(page, 'asset');
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

test('fixing a standard in the working scenario changes the gaps', async () => {
  const page = await open('overlap');
  // The gaps chart is drawn by the embedded chart.js when the build found it (npm ci in
  // tools/serve/web-lib); without it the page is tables only.
  const libs = await (await fetch(base + 'lib/index.json')).json();
  if (libs.includes('chart.umd.min.js')) await page.waitForSelector('#gap-chart canvas');
  else assert.strictEqual(await page.$('#gap-chart canvas'), null);
  const before = Number(await text(page, '#gap-total'));
  await page.select('select[data-capability="hypervisor"]', 'free');
  await page.waitForFunction((b) => Number(document.querySelector('#gap-total').textContent) !== b, {}, before);
  const after = Number(await text(page, '#gap-total'));
  assert.ok(after < before, `gaps ${before} -> ${after}`);
  assert.match(await text(page, '#status'), /\d+ ms/);
  const yaml = fs.readFileSync(path.join(process.env.SAMDRIFT_SERVE_SCENARIOS, 'arbete.yaml'), 'utf8');
  assert.match(yaml, /\n {2}hypervisor: free\n/);
  await shot(page, 'overlap-fixed');
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

test('a typo in a scenario shows its located error; saved and compared', async () => {
  const page = await open('scenario');
  await page.waitForFunction(() => document.querySelector('#yaml-state').textContent !== '');
  await page.click('#yaml');
  await page.keyboard.down('Control');
  await page.keyboard.press('End');
  await page.keyboard.up('Control');
  const lines = await page.$eval('#yaml', (t) => t.value.split('\n').length);
  await page.keyboard.type('\nredundancy_typo: split');
  const item = await page.waitForSelector('#yaml-errors li.error');
  const message = await item.evaluate((li) => li.textContent);
  assert.match(message, new RegExp(`^arbete\\.yaml:${lines + 1}:1: error\\[SCN002\\]: unknown key 'redundancy_typo'`));
  assert.deepStrictEqual(await page.$$eval('.gutter .bad', (b) => b.map((x) => x.textContent)), [String(lines + 1)]);
  await shot(page, 'scenario-error');
  // Fixed, saved as a new scenario, the figures and the diff against arbete shown.
  for (let i = 0; i < 'redundancy_typo: split'.length + 1; ++i) await page.keyboard.press('Backspace');
  await page.waitForFunction(() => document.querySelector('#yaml-errors li.error') === null);
  await page.$eval('#yaml', (t) => {
    // compare needs each scenario's own name (SCN012)
    t.value = t.value.replace(/max_hours: \d+/, 'max_hours: 150').replace(/^name: .*$/m, 'name: Prov');
    t.dispatchEvent(new Event('input'));
  });
  await page.$eval('#save-name', (i) => { i.value = 'prov'; });
  await page.click('#save-new');
  await page.waitForSelector('#diff', {timeout: 120000});
  // Half the hours per wave: more waves, items moved, a later end.
  assert.match(await text(page, '#diff'), /\d+ poster flyttas till en annan våg/);
  assert.ok(await page.$('#diff-figures'), 'the diff shows the figures that changed');
  assert.ok(fs.existsSync(path.join(process.env.SAMDRIFT_SERVE_SCENARIOS, 'prov.yaml')));
  assert.match(await text(page, '#figures'), /\d/);
  await shot(page, 'scenario-saved');
  assert.deepStrictEqual(page.problems, []);
  await page.close();

  const cmp = await open('compare');
  for (const name of ['arbete', 'prov']) await cmp.click(`#compare-pick input[value="${name}"]`);
  await cmp.click('#compare-go');
  await cmp.waitForSelector('#compare-table', {timeout: 120000});
  const heads = await cmp.$$eval('#compare-table thead th', (th) => th.map((x) => x.textContent));
  assert.deepStrictEqual(heads, ['', 'arbete', 'prov']);
  await shot(cmp, 'compare-two');
  assert.deepStrictEqual(cmp.problems, []);
  await cmp.close();
});

// Writes FILE into the artifacts folder and chooses it in the import page.
async function upload(page, name, content) {
  const file = path.join(artifacts, 'uploads', name);
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, content);
  await page.$eval('#import-org', (i) => { i.value = 'gnosjo'; });
  await (await page.$('#import-files')).uploadFile(file);
}

test('a broken file: the dry run shows its located errors, nothing is stored', async () => {
  const before = await assetTotal();
  const page = await open('import');
  await upload(page, 'broken.csv', 'name,kind\na,bogus\nb,device\nc,nonsense\n');
  await page.click('#dry-run');
  await page.waitForSelector('#import-diagnostics li');
  const errors = await page.$$eval('#import-diagnostics li.error', (li) => li.map((x) => x.textContent));
  assert.ok(errors.includes("broken.csv:2:2: error[CSV013]: column 'kind': unknown asset kind 'bogus'"), errors.join('\n'));
  assert.ok(await page.$eval('#import-go', (b) => b.disabled));
  await shot(page, 'import-broken');
  assert.strictEqual(await assetTotal(), before);
  await page.close();
});

test('an asset named <script> is imported, shown as text, and runs nothing', async () => {
  const before = await assetTotal();
  const page = await open('import');
  await upload(page, 'hostile.csv', `name,kind,vendor\n${kHostile},device,Dell\n`);
  await page.click('#dry-run');
  await page.waitForFunction(() => !document.querySelector('#import-go').disabled);
  await page.click('#import-go');
  await page.waitForSelector('#import-stored');
  assert.strictEqual(await assetTotal(), before + 1);
  await page.goto(base + '#/assets');
  await shown(page, 'assets');
  await page.type('input[name=q]', 'pwned');
  await page.waitForFunction(() => /^1–1 /.test(document.querySelector('#asset-total').textContent));
  assert.strictEqual(await text(page, '#assets tbody a'), kHostile);
  await page.click('#assets tbody a');
  await shown(page, 'asset');
  assert.strictEqual(await text(page, '#asset-name'), kHostile);
  assert.strictEqual(await page.evaluate(() => window.__pwned), undefined);
  assert.strictEqual(await page.$$eval('main script', (s) => s.length), 0);
  await shot(page, 'hostile');
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

const scenarioFile = (name) => path.join(process.env.SAMDRIFT_SERVE_SCENARIOS, `${name}.yaml`);
const value = (page, sel) => page.$eval(sel, (e) => e.value);
// Replaces an input's value by typing, as a user does.
async function retype(page, sel, text) {
  await page.click(sel, {clickCount: 3});
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

test('the scenario form writes into the YAML, shows errors at their field, follows the text', async () => {
  const page = await open('scenario');
  await page.waitForFunction(() => document.querySelector('#f-timeline-hours_per_month').value === '800');
  assert.strictEqual(await value(page, '#f-halls-0-power_kw'), '36');
  assert.strictEqual(await value(page, '#f-name'), 'Alternativ 1');
  await retype(page, '#f-timeline-hours_per_month', '8x0');
  await page.waitForFunction(() => document.querySelector('#f-timeline-hours_per_month-error').textContent !== '');
  assert.match(await text(page, '#f-timeline-hours_per_month-error'), /hours_per_month/);
  assert.ok(await page.$eval('#f-timeline-hours_per_month', (i) => i.classList.contains('bad')));
  assert.match(await value(page, '#yaml'), /\n {2}hours_per_month: 8x0 {2}# the joint team's hours for plan work\n/);
  await shot(page, 'scenario-form-error');
  await retype(page, '#f-timeline-hours_per_month', '400');
  await page.waitForFunction(() => document.querySelector('#f-timeline-hours_per_month-error').textContent === '' &&
    document.querySelector('#yaml-state').className === 'yes');
  assert.match(await value(page, '#yaml'), /\n {2}hours_per_month: 400 {2}# the joint/);
  // A hall's field, and a standard fixed from the form.
  await retype(page, '#f-halls-1-power_kw', '30');
  await page.select('#f-standards-firewall', 'free');
  await page.waitForFunction(() => /\n {2}firewall: free\n/.test(document.querySelector('#yaml').value));
  assert.match(await value(page, '#yaml'), /- name: DC2\n(.*\n){3} {4}power_kw: 30\n/);
  // The text changed by hand: the form follows.
  await page.$eval('#yaml', (t) => {
    t.value = t.value.replace(/^name: .*$/m, 'name: Prov två');
    t.dispatchEvent(new Event('input'));
  });
  await page.waitForFunction(() => document.querySelector('#f-name').value === 'Prov två');
  await shot(page, 'scenario-form');
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

test('going back: a save over is undone; edits are reverted; the re-plan is timed while it runs', async () => {
  const original = fs.readFileSync(scenarioFile('arbete'), 'utf8');
  const page = await open('scenario');
  await page.waitForFunction(() => document.querySelector('#f-timeline-hours_per_month').value !== '');
  await page.$eval('#status', (s) => {
    window.__status = [];
    new MutationObserver(() => window.__status.push(s.textContent)).observe(s, {childList: true, characterData: true, subtree: true});
  });
  await retype(page, '#f-timeline-hours_per_month', '500');
  await page.waitForFunction(() => document.querySelector('#yaml-state').className === 'yes');
  await page.click('#save-over');
  await page.waitForFunction(() => /Omplanerat på \d+ ms/.test(document.querySelector('#status').textContent), {timeout: 120000});
  const seen = await page.evaluate(() => window.__status);
  assert.ok(seen.some((s) => /Planerar om… \d+\.\d s$/.test(s)), seen.join('\n'));
  assert.match(fs.readFileSync(scenarioFile('arbete'), 'utf8'), /hours_per_month: 500/);
  await page.waitForFunction(() => !document.querySelector('#undo-save').disabled);
  await page.click('#undo-save');
  await page.waitForFunction(() => /^Ångrat/.test(document.querySelector('#status').textContent));
  assert.strictEqual(fs.readFileSync(scenarioFile('arbete'), 'utf8'), original);
  assert.strictEqual(await value(page, '#yaml'), original);
  assert.strictEqual(await value(page, '#f-timeline-hours_per_month'), /hours_per_month: (\d+)/.exec(original)[1]);
  // Edits not saved: revert puts the saved text back.
  await page.$eval('#yaml', (t) => { t.value += '\nbogus: 1\n'; t.dispatchEvent(new Event('input')); });
  await page.waitForSelector('#yaml-errors li.error');
  await page.click('#revert');
  await page.waitForFunction(() => document.querySelector('#yaml-errors li.error') === null);
  assert.strictEqual(await value(page, '#yaml'), original);
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

test('import: an org one typo from a stored one is refused at its field; the files done are shown', async () => {
  const before = await assetTotal();
  const page = await open('import');
  await upload(page, 'typo.csv', 'name,kind\nGNO-T1,device\n');
  await page.$eval('#import-org', (i) => { i.value = 'gnosjoo'; });
  await page.click('#dry-run');
  await page.waitForFunction(() => document.querySelector('#import-org-error').textContent !== '');
  assert.strictEqual(await text(page, '#import-org-error'),
    "org 'gnosjoo' is not in the store; did you mean 'gnosjo'? (--new-org creates it)");
  assert.ok(await page.$eval('#import-org', (i) => i.classList.contains('bad')));
  assert.strictEqual(await text(page, '#import-result'), await text(page, '#import-error'));
  await shot(page, 'import-typo');
  const files = ['a', 'b', 'c'].map((n) => {
    const file = path.join(artifacts, 'uploads', `many-${n}.csv`);
    fs.writeFileSync(file, `name,kind\nGNO-MANY-${n},device\n`);
    return file;
  });
  await page.$eval('#import-org', (i) => { i.value = 'gnosjo'; });
  await (await page.$('#import-files')).uploadFile(...files);
  await page.click('#dry-run');
  await page.waitForSelector('#import-files-table');
  assert.strictEqual(await text(page, '#import-count'), '3 / 3 filer');
  assert.strictEqual(await text(page, '#import-org-error'), '');
  assert.strictEqual(await assetTotal(), before);
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

test('plan: every item, paged, filtered by municipality', async () => {
  const page = await open('plan');
  const range = async () => /^(\d+)–(\d+) av (\d+)$/.exec(await text(page, '#items-range')).slice(1).map(Number);
  const [, , all] = await range();
  const plan = await (await fetch(base + 'api/plan?scenario=arbete')).json();
  assert.strictEqual(all, plan.items.length);
  await page.select('select[name=org]', 'hylte');
  const hylte = plan.items.filter((i) => i.org === 'hylte').length;
  await page.waitForFunction((n) => document.querySelector('#items-range').textContent.endsWith(`av ${n}`), {}, hylte);
  const seen = [];
  for (;;) {
    seen.push(...await page.$$eval('#items tbody tr', (trs) => trs.map((tr) => tr.dataset.org)));
    if (await page.$eval('#items-next', (b) => b.disabled)) break;
    await page.click('#items-next');
  }
  assert.strictEqual(seen.length, hylte);
  assert.deepStrictEqual([...new Set(seen)], ['hylte']);
  await shot(page, 'plan-paged');
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});
