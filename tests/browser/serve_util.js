// What the serve browser tests share (serve.test.js, serve_halls.test.js): `samdrift serve` on
// a free port over the test store, Debian's chromium through puppeteer-core, a page opened in a
// language with the working scenario, and screenshots into the artifacts folder.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const {spawn} = require('node:child_process');
const puppeteer = require('puppeteer-core');
const {watchedPage} = require('./page_problems');

const artifacts = process.env.SAMDRIFT_BROWSER_ARTIFACTS || path.join(__dirname, 'artifacts');
let server;
let base;
let browser;

// Starts `samdrift serve --port 0` and reads the URL it prints.
function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(process.env.SAMDRIFT, ['--db', process.env.SAMDRIFT_SERVE_DB, 'serve', '--port', '0',
      '--scenarios', process.env.SAMDRIFT_SERVE_SCENARIOS], {stdio: ['ignore', 'pipe', 'pipe']});
    let out = '';
    let err = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/\S+\//.exec(out);
      if (m) resolve(m[0]);
    });
    server.stderr.on('data', (d) => { err += d; });
    server.on('exit', (code) => reject(new Error(`samdrift serve exited (${code}): ${err}`)));
  });
}

// Opens PAGE (a hash route) in LANG with the working SCENARIO; console errors, page errors and
// failed requests are collected in page.problems.
async function open(route, {lang = 'sv', scenario = 'arbete', width = 1400} = {}) {
  const page = await watchedPage(browser, width);
  await page.evaluateOnNewDocument((l, s) => {
    localStorage.setItem('samdrift.lang', l);
    localStorage.setItem('samdrift.scenario', s);
  }, lang, scenario);
  await page.goto(base + '#/' + route, {waitUntil: 'load'});
  await shown(page, route.split('/')[0]);
  return page;
}

// Waits until the router has rendered page ID (main[data-page]) after the latest navigation.
async function shown(page, id) {
  await page.waitForSelector(`main[data-page="${id}"]`, {timeout: 20000});
}

const assetTotal = async () => (await (await fetch(base + 'api/assets?limit=0')).json()).total;
const text = (page, sel) => page.$eval(sel, (e) => e.textContent);
const shot = (page, name) => page.screenshot({path: path.join(artifacts, `serve-${name}.png`), fullPage: true});

module.exports = {artifacts, open, shown, text, shot, assetTotal, start: async () => {
  fs.mkdirSync(artifacts, {recursive: true});
  base = await startServer();
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  return base;
}, stop: async () => {
  if (browser) await browser.close();
  if (server) {
    const stopped = new Promise((resolve) => server.once('exit', resolve));
    server.removeAllListeners('exit');
    server.kill('SIGINT');
    await stopped;
  }
}};
