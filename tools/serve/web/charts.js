// Charts through chart.js when the build embedded it (lib/index.json lists the libraries from
// tools/serve/web-lib); without it a chart is left out and the tables beside it say the same.
import {el} from './dom.js';

let loaded = null;

export function chartLibrary() {
  loaded ??= fetch('lib/index.json').then((r) => (r.ok ? r.json() : [])).then((libs) => {
    if (!libs.includes('chart.umd.min.js')) return null;
    if (window.Chart) return window.Chart;
    return new Promise((resolve) => {
      const script = el('script', {src: 'lib/chart.umd.min.js'});
      script.addEventListener('load', () => resolve(window.Chart || null));
      script.addEventListener('error', () => resolve(null));
      document.head.append(script);
    });
  }).catch(() => null);
  return loaded;
}

export const kColours = ['#4f7cb8', '#e0a030', '#c0504d', '#7a9a3a', '#8064a2', '#4bacc6'];

// A (stacked) bar chart in BOX: labels on x, DATASETS [{label, data}]. Labels are drawn on the
// canvas, never parsed as markup.
export async function barChart(box, labels, datasets, {stacked = true, height = 220} = {}) {
  const Chart = await chartLibrary();
  if (!Chart) return null;
  const canvas = el('canvas', {role: 'img'});
  box.replaceChildren(el('div', {class: 'chart', style: `position:relative;height:${height}px;max-width:760px`}, canvas));
  return new Chart(canvas, {
    type: 'bar',
    data: {labels, datasets: datasets.map((d, i) => ({backgroundColor: kColours[i % kColours.length], ...d}))},
    options: {responsive: true, maintainAspectRatio: false, animation: false,
      scales: {x: {stacked}, y: {stacked, beginAtZero: true}}},
  });
}
