import { html, useState, useEffect } from '../lib.js';
import { get, query } from '../api.js';
import { t } from '../i18n.js';
import { subscribe } from '../live.js';
import { Page, Card, ErrorText, money, num, ms, useLoad } from '../ui.js';
import { LineChart } from '../charts.js';

const WINDOW = 120; // seconds on the strip chart
const RANGES = { '1h': [3600, '1m'], '24h': [86400, '1h'], '7d': [7 * 86400, '1h'] };
const METRICS = [
  ['requests', 'dash.requests', ''],
  ['tokens', 'dash.tokens', ''],
  ['cost', 'dash.cost', ''],
  ['latency_p50', 'dash.latency', ' ms'],
];

export function Dashboard({ user, theme }) {
  const admin = user.role !== 'user';
  const [live, setLive] = useState(null);
  const [connection, setConnection] = useState('connecting');
  const [strip, setStrip] = useState([[], [], []]);
  const [range, setRange] = useState('1h');
  const [groupBy, setGroupBy] = useState('');

  useEffect(
    () =>
      subscribe(
        '/api/stats/live',
        'live',
        (d) => {
          setLive(d);
          setConnection('open');
          setStrip(([ts, rps, tps]) => {
            const keep = ts.length >= WINDOW ? 1 : 0;
            return [
              [...ts.slice(keep), d.time],
              [...rps.slice(keep), d.rps],
              [...tps.slice(keep), d.tps],
            ];
          });
        },
        setConnection,
      ),
    [],
  );

  const lastHour = useSummary(3600);
  const today = useSummary(Math.floor((Date.now() - startOfToday()) / 1000));
  const h = lastHour.data;
  const errorRate = h && h.requests ? (100 * h.errors) / h.requests : h ? 0 : null;

  return html`<${Page} title=${t('nav.dashboard')}>
    <p class="live-state" role="status">${t('dash.live.' + connection)}</p>
    <div class="tiles" role="list" aria-label=${t('dash.now')}>
      <${Tile} label=${t('dash.rps')} value=${live && num(live.rps, 1)} id="rps" />
      <${Tile} label=${t('dash.rpm')} value=${live && num(live.rpm)} id="rpm" />
      <${Tile} label=${t('dash.tps')} value=${live && num(live.tps)} id="tps" />
      ${admin ? html`<${Tile} label=${t('dash.inflight')} value=${live && num(live.in_flight)} id="inflight" />` : null}
      <${Tile} label=${t('dash.errorRate')} value=${errorRate === null ? null : num(errorRate, 1) + ' %'} id="errors" />
      <${Tile} label=${t('dash.p50')} value=${h && ms(h.latency_p50_ms)} id="p50" />
      <${Tile} label=${t('dash.p95')} value=${h && ms(h.latency_p95_ms)} id="p95" />
      <${Tile} label=${t('dash.spendToday')} value=${today.data && money(today.data.cost)} id="spend" />
    </div>
    <div class="grid2">
      <${Card} title=${t('dash.rpsChart')}>
        <${LineChart} label=${t('dash.rpsChart')} data=${[strip[0], strip[1]]} names=${[t('dash.rps')]} theme=${theme} height=${160} testId="strip-rps" window=${WINDOW} />
      <//>
      <${Card} title=${t('dash.tpsChart')}>
        <${LineChart} label=${t('dash.tpsChart')} data=${[strip[0], strip[2]]} names=${[t('dash.tps')]} theme=${theme} height=${160} testId="strip-tps" window=${WINDOW} />
      <//>
    </div>
    <${Card} title=${t('dash.history')}>
      <div class="toolbar">
        <label class="inline"><span>${t('dash.range')}</span>
          <select value=${range} onChange=${(e) => setRange(e.currentTarget.value)}>
            <option value="1h">${t('dash.range.1h')}</option>
            <option value="24h">${t('dash.range.24h')}</option>
            <option value="7d">${t('dash.range.7d')}</option>
          </select>
        </label>
        <label class="inline"><span>${t('dash.groupBy')}</span>
          <select value=${groupBy} onChange=${(e) => setGroupBy(e.currentTarget.value)}>
            <option value="">${t('dash.group.none')}</option>
            <option value="model">${t('dash.group.model')}</option>
            ${admin ? html`<option value="channel">${t('dash.group.channel')}</option>` : null}
            ${admin ? html`<option value="user">${t('dash.group.user')}</option>` : null}
            <option value="token">${t('dash.group.token')}</option>
          </select>
        </label>
      </div>
      <div class="grid2">
        ${METRICS.map(([metric, key, unit]) => html`<${History} key=${metric + range + groupBy} metric=${metric} title=${t(key)} unit=${unit} range=${range} groupBy=${groupBy} theme=${theme} />`)}
      </div>
    <//>
    <div class="grid2">
      <${Top} title=${t('dash.topModels')} group="model" range=${range} />
      ${admin ? html`<${Top} title=${t('dash.topChannels')} group="channel" range=${range} />` : null}
    </div>
  <//>`;
}

function Tile({ label, value, id }) {
  return html`<div class="tile" role="listitem" data-testid=${'tile-' + id}>
    <span class="tile-label">${label}</span>
    <span class="tile-value">${value == null ? '—' : value}</span>
  </div>`;
}

function startOfToday() {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** A summary over the last `seconds`, refreshed every 10 s. */
function useSummary(seconds) {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), 10000);
    return () => clearInterval(id);
  }, []);
  return useLoad(() => {
    const to = Math.floor(Date.now() / 1000);
    return get('/api/stats/summary' + query({ from: to - Math.max(seconds, 60), to }));
  }, [tick]);
}

function series(range, metric, groupBy) {
  const [span, bucket] = RANGES[range];
  const to = Math.floor(Date.now() / 1000);
  return get('/api/stats/timeseries' + query({ metric, bucket, from: to - span, to, group_by: groupBy }));
}

/** uPlot columns from the API's series. */
function columns(answer) {
  const times = [...new Set(answer.series.flatMap((s) => s.points.map((p) => p.t)))].sort((a, b) => a - b);
  const rows = answer.series.map((s) => {
    const byTime = new Map(s.points.map((p) => [p.t, p.v]));
    return times.map((x) => (byTime.has(x) ? byTime.get(x) : null));
  });
  return [times, ...rows];
}

function History({ metric, title, unit, range, groupBy, theme }) {
  const { data, error } = useLoad(() => series(range, metric, groupBy), []);
  return html`<div class="history">
    <h3>${title}</h3>
    <${ErrorText} error=${error} />
    ${data
      ? data.series.length
        ? html`<${LineChart} label=${title} data=${columns(data)} names=${data.series.map((s) => s.group || title)} unit=${unit} theme=${theme} height=${180} />`
        : html`<p class="muted">${t('common.noData')}</p>`
      : null}
  </div>`;
}

function Top({ title, group, range }) {
  const { data, error } = useLoad(() => series(range, 'requests', group), [range]);
  // channels are grouped by id: show their names
  const channels = useLoad(() => (group === 'channel' ? get('/api/channels' + query({ size: 100 })) : Promise.resolve(null)), []);
  const names = new Map(channels.data ? channels.data.items.map((c) => [String(c.id), c.name]) : []);
  const rows = data
    ? data.series
        .map((s) => ({ group: names.get(String(s.group)) || s.group, total: s.points.reduce((a, p) => a + (p.v || 0), 0) }))
        .filter((r) => r.total > 0)
        .sort((a, b) => b.total - a.total)
        .slice(0, 8)
    : [];
  return html`<${Card} title=${title}>
    <${ErrorText} error=${error} />
    ${rows.length
      ? html`<table>
          <thead><tr><th scope="col">${t(group === 'model' ? 'common.model' : 'common.channel')}</th><th scope="col" class="num">${t('dash.requests')}</th></tr></thead>
          <tbody>${rows.map((r) => html`<tr><td>${r.group}</td><td class="num">${num(r.total)}</td></tr>`)}</tbody>
        </table>`
      : html`<p class="muted">${t('common.noData')}</p>`}
  <//>`;
}
