// A new page of `browser`, `width` pixels wide, whose console errors, page errors and failed
// requests are collected in page.problems (the browser tests assert it stays empty).
'use strict';

async function watchedPage(browser, width = 1400) {
  const page = await browser.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(m.text()); });
  page.on('pageerror', (e) => page.problems.push(String(e)));
  page.on('requestfailed', (r) => page.problems.push('request failed: ' + r.url()));
  await page.setViewport({width, height: 1000});
  return page;
}

module.exports = {watchedPage};
