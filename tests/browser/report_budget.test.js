// A report cut to a row budget (`report --max-rows 10` of the demo store) in a real browser: the
// cut is said and linked, the count says how many rows the page holds, and every municipality is
// in the page (scripts/browser_test.sh writes the report).
//   SAMDRIFT_REPORT_CUT: index.html written with --max-rows 10 (Swedish)
//   SAMDRIFT_BROWSER_ARTIFACTS: folder for the screenshot
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const puppeteer = require('puppeteer-core');

const report = process.env.SAMDRIFT_REPORT_CUT;
const artifacts = process.env.SAMDRIFT_BROWSER_ARTIFACTS || path.join(__dirname, 'artifacts');

test('a table cut to the row budget says so, links its CSV file and keeps every municipality',
    async () => {
      fs.mkdirSync(artifacts, {recursive: true});
      const browser = await puppeteer.launch({
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
      try {
        const page = await browser.newPage();
        const problems = [];
        page.on('pageerror', (e) => problems.push(String(e)));
        page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
        await page.setViewport({width: 1400, height: 1000});
        await page.goto('file://' + path.resolve(report), {waitUntil: 'load'});
        assert.deepStrictEqual(problems, []);
        const note = await page.$eval('#estate p.cut', (p) => ({
          text: p.textContent, href: p.querySelector('a').getAttribute('href'),
          visible: p.offsetHeight > 0}));
        assert.match(note.text, /^10 av \d+ rader finns i sidan; alla rader finns i csv\/assets\.csv och samdrift\.xlsx\./);
        assert.strictEqual(note.href, 'csv/assets.csv');
        assert.ok(note.visible, 'the note is shown');
        const total = Number(note.text.match(/^10 av (\d+)/)[1]);
        const csv = path.join(path.dirname(report), 'csv', 'assets.csv');
        assert.strictEqual(fs.readFileSync(csv, 'utf8').trim().split('\n').length - 1, total,
            'the CSV file holds every row');
        const status = await page.$eval('#estate .tv-status', (s) => s.textContent);
        assert.strictEqual(status, `Rader 1\u201310 av 10 \u00b7 10 av ${total} rader i sidan`);
        // Each municipality has its share, so the filter lists every one.
        const orgs = await page.$$eval('#estate select.tv-org option', (os) => os.length - 1);
        assert.strictEqual(orgs, 5);
        await page.$eval('#estate p.cut', (p) => p.scrollIntoView());
        await page.screenshot({path: path.join(artifacts, 'report-cut.png')});
      } finally {
        await browser.close();
      }
    });
