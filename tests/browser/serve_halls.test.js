// The Hallar page in a real browser (scripts/browser_test.sh sets the environment as for
// serve.test.js): the rack elevations front and rear (the report's SVG), a hall field edited with
// a typo (its located error at the field, nothing saved) and then right (saved, re-planned), and
// the ranking's "Ta in i scenariot". Screenshots: BUILD/browser-artifacts/serve-halls-*.png.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const {open, text, shot, start, stop} = require('./serve_util.js');

let base;
test.before(async () => { base = await start(); });
test.after(stop);

// A copy of the samples' scenario (serve.test.js edits `arbete`) as scenario NAME.
const copy = (name) => {
  const dir = process.env.SAMDRIFT_SERVE_SCENARIOS;
  fs.copyFileSync(path.join(dir, 'scenario.yaml'), path.join(dir, `${name}.yaml`));
  return path.join(dir, `${name}.yaml`);
};

test('rack elevations front and rear; a hall field edited is checked, saved and re-planned', async () => {
  const file = copy('hallfalt');
  const page = await open('halls', {scenario: 'hallfalt'});
  await page.waitForSelector('svg.elevation');
  // Every rack drawn front and rear ("fram", "bak"), as the report draws it.
  const faces = await page.$$eval('svg.elevation', (svgs) => svgs.map((s) =>
    [...s.querySelectorAll('text')].map((x) => x.textContent).filter((x) => x === 'fram' || x === 'bak').join(',')));
  assert.ok(faces.length > 0);
  for (const f of faces) assert.strictEqual(f, 'fram,bak');
  // A device's details on click (its <title>).
  await page.click('svg.elevation g.kept, svg.elevation g.moves-in');
  await page.waitForSelector('#device-detail:not([hidden])');
  assert.match(await text(page, '#device-detail'), /kW/);
  await shot(page, 'halls-elevations');

  // DC1's power with a typo: the located error at the field, the file as it was.
  const before = fs.readFileSync(file, 'utf8');
  const power = '#h-halls-0-power_kw';
  assert.strictEqual(await page.$eval(power, (i) => i.value), '36');
  const retype = async (value) => {
    await page.$eval(power, (i, v) => { i.value = v; i.dispatchEvent(new Event('change')); }, value);
  };
  await retype('mycket');
  await page.waitForFunction((sel) => document.querySelector(sel + '-error').textContent !== '', {}, power);
  assert.strictEqual(await text(page, power + '-error'), "halls: power_kw: expected a number, got 'mycket'");
  assert.match(await text(page, '#hall-edit-errors'), /^hallfalt\.yaml:12:15: error\[SCN001\]: halls: power_kw: expected a number, got 'mycket'$/);
  assert.strictEqual(fs.readFileSync(file, 'utf8'), before);
  await shot(page, 'halls-field-error');
  // Right: saved into the scenario's line and the hall plan has the new capacity.
  await retype('30');
  await page.waitForFunction(() => /\/ 30$/.test(document.querySelector('#target-halls tbody tr td:nth-child(4)')?.textContent || ''),
    {timeout: 120000});
  assert.strictEqual(fs.readFileSync(file, 'utf8'), before.replace('    power_kw: 36\n', '    power_kw: 30\n'));
  assert.match(await text(page, '#status'), /\d+ ms/);
  await page.waitForSelector('svg.elevation');
  await shot(page, 'halls-field-saved');
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

// Hallar: the ranking of /api/halls/choose; "Ta in i scenariot" on the second-ranked set writes its
// halls into the working scenario (a copy of the samples' scenario here) and the hall plan follows.
test('taking the second-ranked set of halls into the scenario changes the hall plan', async () => {
  const dir = process.env.SAMDRIFT_SERVE_SCENARIOS;
  copy('hallval');
  const page = await open('halls', {scenario: 'hallval'});
  await page.waitForSelector('#siting-table tbody tr');
  const heads = await page.$$eval('#siting-table thead th', (th) => th.map((x) => x.textContent));
  assert.strictEqual(heads[0], 'Rang');
  assert.match(await text(page, '#siting h2'), /^Vilka hallar ska finnas kvar$/);
  const choice = await (await fetch(base + 'api/halls/choose?scenario=hallval')).json();
  const rows = await page.$$eval('#siting-table tbody tr', (trs) => trs.length);
  assert.strictEqual(rows, choice.sets.length);
  // The first set is the scenario's own halls (Alternativ 1: DC1 and DC2 are Värnamo's and
  // Gislaved's halls, named otherwise): its button is there; the second set is taken in.
  const second = choice.sets[1];
  const targets = () => page.$$eval('#target-halls tbody tr', (trs) => trs.map((tr) => tr.cells[0].textContent));
  const before = await targets();
  await shot(page, 'halls-ranking');
  await page.click('#siting-table button.use-set[data-rank="2"]');
  const want = second.scenario_halls.map((h) => h.name);
  await page.waitForFunction((w) => {
    const names = [...document.querySelectorAll('#target-halls tbody tr')].map((tr) => tr.cells[0].textContent);
    return names.join('|') === w.join('|');
  }, {timeout: 120000}, want);
  assert.notDeepStrictEqual(await targets(), before);
  assert.match(await text(page, '#status'), /\d+ ms/);
  // The set is now the scenario's: its row says so; the file holds its halls.
  await page.waitForSelector('#siting-table tr.current');
  const current = await page.$eval('#siting-table tr.current', (tr) => tr.dataset.rank);
  const fresh = await (await fetch(base + 'api/halls/choose?scenario=hallval')).json();
  const halls = (s) => s.halls.map((h) => h.name || `${h.org}/${h.site}/${h.hall}`).join('+');
  assert.strictEqual(halls(fresh.sets[Number(current) - 1]), halls(second));
  const yaml = fs.readFileSync(path.join(dir, 'hallval.yaml'), 'utf8');
  for (const h of second.scenario_halls) assert.ok(yaml.includes(`name: ${JSON.stringify(h.name)}`), yaml);
  await shot(page, 'halls-taken');
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

