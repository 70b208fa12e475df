// Pages of a PDF written by Chromium (Skia): its page objects sit in compressed object streams,
// so every Flate stream is inflated and the /Type /Page dictionaries counted.
'use strict';
const zlib = require('node:zlib');

function pdfPages(pdf) {
  const text = Buffer.from(pdf).toString('latin1');
  let all = text;
  const re = /stream\r?\n/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      all += zlib.inflateSync(Buffer.from(text.slice(start, end), 'latin1')).toString('latin1');
    } catch (e) { /* not a Flate stream */ }
    re.lastIndex = end;
  }
  return (all.match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

module.exports = {pdfPages};
