// uPlot charts in the theme's colours. A chart keeps one uPlot instance and only swaps its data,
// so the live strip chart redraws once a second without rebuilding anything.
import { html, useEffect, useRef } from './lib.js';
import uPlot from './lib/uplot.js';
import { locale } from './i18n.js';

const PALETTE = ['#0f6cbd', '#c239b3', '#13a10e', '#ca5010', '#8764b8', '#038387', '#d13438', '#986f0b'];

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** Time ticks in the console's language: seconds for minutes, hours for a day, dates beyond. */
function timeLabels(u, ticks) {
  const span = u.scales.x.max - u.scales.x.min;
  const options = span <= 600 ? { hour: '2-digit', minute: '2-digit', second: '2-digit' }
    : span <= 2 * 86400 ? { hour: '2-digit', minute: '2-digit' } : { month: 'numeric', day: 'numeric' };
  return ticks.map((t) => new Date(t * 1000).toLocaleString(locale(), { ...options, hour12: false }));
}

export function color(i) {
  return PALETTE[i % PALETTE.length];
}

/**
 * A line chart. `data` is uPlot's columns ([times, ...series]), `names` the series' labels.
 * `label` names the chart for assistive technology; the numbers are also in a table nearby.
 */
export function LineChart({ label, data, names, height = 220, unit = '', theme, testId, window: span }) {
  const box = useRef(null);
  const plot = useRef(null);
  const key = names.join('\u0000') + '|' + theme;

  useEffect(() => {
    const width = Math.max(box.current.clientWidth, 300);
    const axis = { stroke: cssVar('--fg2'), grid: { stroke: cssVar('--stroke2'), width: 1 }, ticks: { stroke: cssVar('--stroke2') } };
    const opts = {
      width,
      height,
      legend: { show: names.length > 1 },
      cursor: { drag: { x: false, y: false } },
      // a strip chart shows a fixed window ending now, so it scrolls as seconds pass
      scales: span
        ? { x: { time: true, range: (u, min, max) => { const end = max == null ? Date.now() / 1000 : max; return [end - span, end]; } }, y: { range: (u, min, max) => [0, Math.max(max || 0, 1) * 1.2] } }
        : { x: { time: true } },
      axes: [{ ...axis, space: 90, values: timeLabels }, { ...axis, size: 76, values: (u, vals) => vals.map((v) => (v == null ? '' : v.toLocaleString() + unit)) }],
      series: [{}, ...names.map((n, i) => ({
        label: n, stroke: color(i), width: 2, fill: names.length === 1 ? color(i) + '22' : undefined, spanGaps: true,
        // a series with a value or two draws no line: show its points
        points: span ? {} : { show: (data[i + 1] || []).filter((v) => v != null).length <= 3, size: 6, fill: color(i) },
      }))],
    };
    plot.current = new uPlot(opts, data, box.current);
    const resize = new ResizeObserver(() => {
      if (plot.current && box.current) plot.current.setSize({ width: Math.max(box.current.clientWidth, 300), height });
    });
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      plot.current.destroy();
      plot.current = null;
    };
  }, [key]);

  useEffect(() => {
    if (plot.current) plot.current.setData(data);
  }, [data]);

  // what the chart shows, for tests and for anyone inspecting it
  const points = data.length ? data[0].length : 0;
  const last = points && data.length > 1 ? data[1][points - 1] : null;
  return html`<div class="chart" role="img" aria-label=${label} data-testid=${testId} data-points=${points} data-last=${last} ref=${box}></div>`;
}
