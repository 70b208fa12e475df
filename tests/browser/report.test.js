// The demo report in a real browser: Debian's chromium through puppeteer-core, run by node's
// test runner (scripts/browser_test.sh writes the reports and sets the environment).
//   SAMDRIFT_REPORT_SV, SAMDRIFT_REPORT_EN: index.html of the same store in sv and en
//   SAMDRIFT_BROWSER_ARTIFACTS: folder for screenshots and report.pdf
//   CHROMIUM: the browser (default /usr/bin/chromium)
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const puppeteer = require('puppeteer-core');
const {pdfPages} = require('./pdf_pages');
const {watchedPage} = require('./page_problems');

const reports = {sv: process.env.SAMDRIFT_REPORT_SV, en: process.env.SAMDRIFT_REPORT_EN};
const artifacts = process.env.SAMDRIFT_BROWSER_ARTIFACTS || path.join(__dirname, 'artifacts');
// The sections every report has, at least (others join as planners land).
const kSections = ['estate', 'quality', 'overlap', 'target', 'waves', 'halls', 'net', 'risk',
  'orgs'];
// A4 less the print stylesheet's margins, in CSS pixels (96 per inch).
const mm = (x) => (x * 96) / 25.4;
const kPortraitWidth = mm(210 - 2 * 12);
const kLandscapeWidth = mm(297 - 2 * 10);

let browser;
test.before(async () => {
  fs.mkdirSync(artifacts, {recursive: true});
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
});
test.after(async () => { if (browser) await browser.close(); });

// Opens a report; its console errors and page errors are collected in page.problems.
async function open(lang, width = 1400) {
  const page = await watchedPage(browser, width);
  await page.goto('file://' + path.resolve(reports[lang]), {waitUntil: 'load'});
  return page;
}

// The alternatives every report here compares (the demo's four; the English one adds the
// detailed scenario.yaml, which has no costs file).
const kAlternatives = ['Alternativ S', 'Alternativ 1 Teknik', 'Alternativ 1 Tjänst', 'Alternativ 2'];

// Every row of the assets table, from the page's own data.
const assetRows = (page) => page.$eval('script.rows[data-table="t-assets"]', (s) => {
  const data = JSON.parse(s.textContent);
  const text = (c) => (Array.isArray(c) ? c[1] : c);
  return {org: data.org, rows: data.rows.map((r) => r.map(text))};
});
const visibleRows = (page) => page.$$eval('#t-assets tbody tr', (trs) =>
  trs.map((tr) => Array.from(tr.cells, (td) => td.textContent)));
const status = (page) => page.$eval('#assets .tv-status, .tv-status', (s) => s.textContent);

// Scrolls the asset table's controls to the top of the window, for a screenshot.
const showAssets = (page) => page.$eval('#t-assets', (t) => {
  t.parentNode.previousElementSibling.scrollIntoView();
  window.scrollBy(0, -50);
});

for (const lang of ['sv', 'en']) {
  test(`${lang}: loads without console errors, every section present`, async () => {
    const page = await open(lang);
    assert.deepStrictEqual(page.problems, []);
    assert.strictEqual(await page.$eval('html', (h) => h.lang), lang);
    const sections = await page.$$eval('main > section', (ss) =>
      ss.map((s) => ({id: s.id, title: s.querySelector('h2').textContent,
        height: s.getBoundingClientRect().height})));
    const nav = await page.$$eval('nav a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepStrictEqual(nav, sections.map((s) => '#' + s.id));
    for (const id of kSections) {
      const s = sections.find((x) => x.id === id);
      assert.ok(s, `section ${id} missing in ${lang}`);
      assert.ok(s.title.length > 0 && s.height > 50, `section ${id} is empty in ${lang}`);
    }
    await page.screenshot({path: path.join(artifacts, `report-${lang}-top.png`)});
    await page.close();
  });
}

// A municipality's page ("Vad detta innebär för Gnosjö"): reached from the summary, its link to
// the gap table shows that table with only its gaps, every one of them.
const kPageTitle = {sv: 'Vad detta innebär för Gnosjö', en: 'What this means for Gnosjö'};
for (const lang of ['sv', 'en']) {
  test(`${lang}: Gnosjö's page is there, linked from the summary, and shows its gaps`, async () => {
    const page = await open(lang);
    assert.strictEqual(await page.$eval('#org-gnosjo h3', (h) => h.textContent), kPageTitle[lang]);
    assert.ok(await page.$('#summary a[href="#org-gnosjo"]'), 'the summary links to it');
    const rows = await page.$$eval('#org-gnosjo table.org-rows tbody tr', (trs) => trs.length);
    assert.ok(rows > 5, `its rows of the tables: ${rows}`);
    const gaps = await page.$eval('script.rows[data-table="t-gaps"]', (s) => {
      const data = JSON.parse(s.textContent);
      const text = (c) => (Array.isArray(c) ? c[1] : c);
      return data.rows.filter((r) => text(r[data.org]) === 'Gnosjö').length;
    });
    const facts = await page.$eval('#org-gnosjo ul.org-facts', (u) => u.textContent);
    assert.ok(facts.includes(` ${gaps} `), `the page counts its ${gaps} gaps: ${facts}`);
    await page.$eval('#org-gnosjo', (d) => d.scrollIntoView());
    const card = await page.$('#org-gnosjo');
    await card.screenshot({path: path.join(artifacts, `org-gnosjo-${lang}.png`)});
    await page.click('#org-gnosjo a.org-filter[href="#t-gaps"]');
    const shown = await page.$eval('#t-gaps', (t) =>
      t.parentNode.previousElementSibling.querySelector('.tv-status').textContent);
    assert.match(shown, new RegExp(` ${gaps} \\D+ \\d+\\)$`));
    assert.deepStrictEqual(page.problems, []);
    await page.close();
  });
}

test('sv and en have the same sections', async () => {
  const ids = {};
  for (const lang of ['sv', 'en']) {
    const page = await open(lang);
    ids[lang] = await page.$$eval('main > section', (ss) => ss.map((s) => s.id));
    await page.close();
  }
  assert.deepStrictEqual(ids.sv, ids.en);
});

test('asset paging and the text filter reach the last asset of the last municipality', async () => {
  const page = await open('sv');
  const data = await assetRows(page);
  assert.notStrictEqual(data.org, null);
  const last = data.rows[data.rows.length - 1];
  const orgs = await page.$$eval('#assets select.tv-org option, select.tv-org option',
    (os) => os.map((o) => o.value).filter((v) => v));
  assert.strictEqual(last[data.org], orgs[orgs.length - 1], 'rows end with the last municipality');
  const initial = await visibleRows(page);
  assert.ok(initial.length < data.rows.length, 'the table pages');
  await page.click('button.tv-last');
  const end = await visibleRows(page);
  assert.deepStrictEqual(end[end.length - 1], last);
  assert.match(await status(page), new RegExp(`${data.rows.length}$`));
  // The text filter finds it from the first page.
  await page.click('button.tv-first');
  const name = last[1];
  await page.type('input.tv-filter', name);
  const found = await visibleRows(page);
  assert.ok(found.some((r) => r.join('|') === last.join('|')), `filter '${name}' finds the asset`);
  for (const r of found) assert.ok(r.join(' ').toLowerCase().includes(name.toLowerCase()));
  await showAssets(page);
  await page.screenshot({path: path.join(artifacts, 'assets-filter.png')});
  await page.close();
});

test('the municipality filter shows only that municipality, on every page', async () => {
  const page = await open('en');
  const data = await assetRows(page);
  const orgs = await page.$$eval('select.tv-org option', (os) => os.map((o) => o.value).filter((v) => v));
  const org = orgs[orgs.length - 1];
  const expected = data.rows.filter((r) => r[data.org] === org);
  await page.select('select.tv-org', org);
  const seen = [];
  for (;;) {
    seen.push(...await visibleRows(page));
    if (await page.$eval('button.tv-next', (b) => b.disabled)) break;
    await page.click('button.tv-next');
  }
  assert.deepStrictEqual(seen, expected);
  assert.match(await status(page), new RegExp(`${expected.length} \\D+ ${data.rows.length}\\)$`));
  await showAssets(page);
  await page.screenshot({path: path.join(artifacts, 'assets-org.png')});
  await page.close();
});

test('sorting a column sorts every row, not the page', async () => {
  const page = await open('en');
  const data = await assetRows(page);
  await page.click('#t-assets th:nth-child(2)');
  await page.click('#t-assets th:nth-child(2)');  // descending: the greatest name of all rows
  const first = (await visibleRows(page))[0][1];
  const collator = new Intl.Collator('en', {numeric: true});
  const greatest = data.rows.map((r) => r[1]).sort(collator.compare).pop();
  assert.strictEqual(first, greatest);
  await page.close();
});

for (const lang of ['sv', 'en']) {
  test(`${lang}: printed, every table fits the A4 page width`, async () => {
    const page = await open(lang);
    await page.emulateMediaType('print');
    for (const [width, wide] of [[kPortraitWidth, false], [kLandscapeWidth, true]]) {
      await page.setViewport({width: Math.floor(width), height: 1000});
      const over = await page.$$eval('main > section', (ss, wide) => ss
        .filter((s) => (s.querySelector('.table-wrap.wide') !== null) === wide)
        .flatMap((s) => Array.from(s.querySelectorAll('table, figure, svg'), (t) => ({
          section: s.id, id: t.id || t.tagName, width: t.getBoundingClientRect().width,
        }))), wide);
      const tooWide = over.filter((t) => t.width > width + 1);
      assert.deepStrictEqual(tooWide, [], `wider than ${Math.floor(width)}px`);
      const controls = await page.$$eval('.table-controls input, .table-controls button, nav',
        (es) => es.filter((e) => e.getBoundingClientRect().width > 0).length);
      assert.strictEqual(controls, 0, 'no interactive controls in print');
    }
    await page.screenshot({path: path.join(artifacts, `print-${lang}.png`), fullPage: false});
    const pdf = await page.pdf({path: path.join(artifacts, `report-${lang}.pdf`),
      preferCSSPageSize: true, printBackground: true});
    const pages = pdfPages(pdf);
    assert.ok(pages > 1, `the PDF has ${pages} pages`);
    console.log(`${lang}: report.pdf has ${pages} pages`);
    await page.close();
  });
}

for (const lang of ['sv', 'en']) {
  test(`${lang}: the alternatives compared follow the summary, with table and charts`, async () => {
    const page = await open(lang);
    const ids = await page.$$eval('main > section', (ss) => ss.map((s) => s.id));
    assert.strictEqual(ids[0], 'summary');
    assert.strictEqual(ids[1], 'comparison');
    const c = await page.$eval('#comparison', (s) => ({
      title: s.querySelector('h2').textContent,
      headers: Array.from(s.querySelectorAll('#t-comparison thead th'), (th) => th.textContent),
      rows: s.querySelectorAll('#t-comparison tbody tr').length,
      charts: s.querySelectorAll('figure svg').length,
      captions: Array.from(s.querySelectorAll('figcaption'), (f) => f.textContent),
    }));
    assert.strictEqual(c.title, lang === 'sv' ? 'Alternativen jämförda' : 'The alternatives compared');
    for (const name of kAlternatives) assert.ok(c.headers.includes(name), `${name} in ${lang}`);
    assert.ok(c.rows >= 15, `${c.rows} rows`);
    assert.strictEqual(c.charts, 3);
    assert.ok(c.captions[0].includes(lang === 'sv' ? '(kr)' : '(SEK)'), c.captions[0]);
    const decision = await page.$eval('#summary', (s) => s.textContent);
    assert.ok(decision.includes(lang === 'sv' ? 'Jämförda alternativ' : 'Alternatives compared'));
    await page.$eval('#comparison', (s) => s.scrollIntoView());
    await page.screenshot({path: path.join(artifacts, `report-${lang}-comparison.png`)});
    assert.deepStrictEqual(page.problems, []);
    await page.close();
  });
}
