// Size, load time and printed pages of reports in Debian's chromium (issue 21's figures):
//   node tests/browser/measure.js DIR/index.html...
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const puppeteer = require('puppeteer-core');
const {pdfPages} = require('./pdf_pages');

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  for (const file of process.argv.slice(2)) {
    const page = await browser.newPage();
    await page.setViewport({width: 1400, height: 1000});
    const start = Date.now();
    await page.goto('file://' + path.resolve(file), {waitUntil: 'load', timeout: 600000});
    const wall = Date.now() - start;
    const nav = await page.evaluate(() => {
      const t = performance.getEntriesByType('navigation')[0];
      return {dcl: Math.round(t.domContentLoadedEventEnd), load: Math.round(t.loadEventEnd)};
    });
    await page.emulateMediaType('print');
    const pdf = await page.pdf({preferCSSPageSize: true, printBackground: true, timeout: 600000});
    const pages = pdfPages(pdf);
    const mb = (fs.statSync(file).size / 1048576).toFixed(1);
    console.log(`${file}: ${mb} MB, DOMContentLoaded ${nav.dcl} ms, load ${nav.load} ms ` +
                `(goto ${wall} ms), PDF ${pages} pages`);
    await page.close();
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
