import { html, useState, useEffect } from '../lib.js';
import { get, query } from '../api.js';
import { t } from '../i18n.js';
import { subscribe } from '../live.js';
import { Page, Card, Check, ErrorText, money, num, ms, time, useLoad } from '../ui.js';
import { Pager } from './tokens.js';

const SIZE = 20;
const TAIL_MAX = 200;
/** Every settlement state the API filters by (docs/BILLING.md). */
const SETTLEMENTS = ['completed', 'client_gone', 'upstream_error_midstream', 'timeout', 'interrupted',
  'upstream_failed', 'rejected', 'server_error'];

function initialFilters() {
  const p = new URLSearchParams(location.search);
  return {
    from: '', to: '',
    model: p.get('model') || '', token: p.get('token') || '', channel: p.get('channel') || '',
    user: p.get('user') || '', status: p.get('status') || '', stream: p.get('stream') || '',
    settlement: p.get('settlement') || '',
  };
}

/** The API's query from the form (datetime-local → unix seconds). */
function params(f) {
  const secs = (v) => (v ? Math.floor(new Date(v).getTime() / 1000) : undefined);
  return { ...f, from: secs(f.from), to: secs(f.to) };
}

export function Logs({ user }) {
  const admin = user.role !== 'user';
  const [form, setForm] = useState(initialFilters);
  const [filters, setFilters] = useState(form);
  const [page, setPage] = useState(1);
  const [tail, setTail] = useState(false);
  const [tailRows, setTailRows] = useState([]);
  const [tailState, setTailState] = useState('');
  const [detail, setDetail] = useState(null);
  const logs = useLoad(() => get('/api/logs' + query({ ...params(filters), page, size: SIZE })), [filters, page]);

  useEffect(() => {
    if (!tail) return undefined;
    setTailRows([]);
    const { from, to, ...live } = params(filters);
    return subscribe(
      '/api/logs/live' + query(live),
      'log',
      (row) => setTailRows((rows) => [row, ...rows].slice(0, TAIL_MAX)),
      setTailState,
    );
  }, [tail, filters]);

  const apply = (e) => {
    e.preventDefault();
    setPage(1);
    setFilters(form);
  };
  const field = (name, label, type = 'text', extra = {}) => html`<div class="field">
    <label for=${'log-' + name}>${label}</label>
    <input id=${'log-' + name} type=${type} value=${form[name]} onInput=${(e) => setForm({ ...form, [name]: e.currentTarget.value })} ...${extra} />
  </div>`;
  const exportUrl = '/api/logs/export' + query(params(filters));
  const rows = tail ? tailRows : logs.data ? logs.data.items : [];

  return html`<${Page} title=${t('nav.logs')}>
    <${Card} title=${t('logs.filters')}>
      <form class="filters" onSubmit=${apply}>
        ${field('from', t('logs.from'), 'datetime-local')}
        ${field('to', t('logs.to'), 'datetime-local')}
        ${field('model', t('common.model'))}
        ${field('token', t('logs.tokenId'), 'text', { inputmode: 'numeric' })}
        ${admin ? field('channel', t('logs.channelId'), 'text', { inputmode: 'numeric' }) : null}
        ${admin ? field('user', t('logs.userId'), 'text', { inputmode: 'numeric' }) : null}
        ${field('status', t('common.status'), 'text', { inputmode: 'numeric' })}
        <div class="field">
          <label for="log-stream">${t('logs.stream')}</label>
          <select id="log-stream" value=${form.stream} onChange=${(e) => setForm({ ...form, stream: e.currentTarget.value })}>
            <option value="">${t('common.any')}</option>
            <option value="true">${t('common.yes')}</option>
            <option value="false">${t('common.no')}</option>
          </select>
        </div>
        <div class="field">
          <label for="log-settlement">${t('logs.settlement')}</label>
          <select id="log-settlement" value=${form.settlement} onChange=${(e) => setForm({ ...form, settlement: e.currentTarget.value })}>
            <option value="">${t('common.any')}</option>
            ${SETTLEMENTS.map((s) => html`<option value=${s}>${t('settlement.' + s)}</option>`)}
          </select>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary">${t('logs.apply')}</button>
          <a class="button" href=${exportUrl} download="burncloud-logs.csv">${t('logs.export')}</a>
          <${Check} label=${t('logs.liveTail')} checked=${tail} onChange=${setTail} />
        </div>
      </form>
    <//>
    ${tail ? html`<p class="live-state" role="status">${t('logs.tail.' + (tailState || 'connecting'))}</p>` : null}
    <${ErrorText} error=${logs.error} />
    ${detail ? html`<${Detail} row=${detail} admin=${admin} onClose=${() => setDetail(null)} />` : null}
    <div class="table-wrap"><table data-testid="log-table">
      <caption class="sr-only">${t('nav.logs')}</caption>
      <thead><tr>
        <th scope="col">${t('logs.time')}</th><th scope="col">${t('common.model')}</th>
        <th scope="col" class="num">${t('logs.token')}</th>
        ${admin ? html`<th scope="col" class="num">${t('common.channel')}</th><th scope="col" class="num">${t('common.user')}</th>` : null}
        <th scope="col" class="num">${t('common.status')}</th><th scope="col" class="num">${t('logs.promptTokens')}</th>
        <th scope="col" class="num">${t('logs.completionTokens')}</th><th scope="col" class="num">${t('logs.cost')}</th>
        <th scope="col" class="num">${t('logs.latency')}</th><th scope="col">${t('logs.settlement')}</th>
        <th scope="col">${t('common.actions')}</th>
      </tr></thead>
      <tbody>
        ${rows.map((r) => html`<tr key=${r.id} data-request-id=${r.request_id}>
          <td class="when">${time(r.created_at)}</td><td>${r.model}</td><td class="num">${r.token_id ?? '—'}</td>
          ${admin ? html`<td class="num">${r.channel_id ?? '—'}</td><td class="num">${r.user_id ?? '—'}</td>` : null}
          <td class="num"><span class=${r.status >= 400 ? 'bad' : 'good'}>${r.status}</span></td>
          <td class="num">${num(r.prompt_tokens)}</td><td class="num">${num(r.completion_tokens)}</td>
          <td class="num">${money(r.cost)}</td><td class="num">${ms(r.latency_ms)}</td>
          <td>${t('settlement.' + r.settlement)}</td>
          <td><button type="button" class="subtle" onClick=${() => setDetail(r)} aria-label=${t('logs.detailsOf', r.request_id || r.id)}>${t('logs.details')}</button></td>
        </tr>`)}
      </tbody>
    </table></div>
    ${!rows.length ? html`<p class="muted">${tail ? t('logs.tailEmpty') : t('common.noData')}</p>` : null}
    ${!tail && logs.data ? html`<${Pager} page=${page} size=${SIZE} total=${logs.data.total} setPage=${setPage} />` : null}
  <//>`;
}

/** "3:503,4:200" → one line per channel tried. */
function attempts(trail) {
  if (!trail) return [];
  return trail.split(',').map((a) => {
    const i = a.indexOf(':');
    return { channel: a.slice(0, i), outcome: a.slice(i + 1) };
  });
}

function Detail({ row, admin, onClose }) {
  const items = [
    ['logs.requestId', html`<code>${row.request_id}</code>`],
    ['logs.time', time(row.created_at)],
    ['logs.endpoint', row.endpoint],
    ['common.model', row.model],
    admin ? ['logs.upstreamModel', row.upstream_model || '—'] : null,
    ['common.status', row.status + (row.error_code ? ' · ' + row.error_code : '')],
    ['logs.stream', t(row.stream ? 'common.yes' : 'common.no')],
    ['logs.latency', ms(row.latency_ms)],
    ['logs.ttfb', ms(row.ttfb_ms)],
    ['logs.promptTokens', num(row.prompt_tokens)],
    ['logs.cachedTokens', num(row.cached_tokens)],
    ['logs.cacheCreationTokens', num(row.cache_creation_tokens)],
    ['logs.completionTokens', num(row.completion_tokens)],
    ['logs.reasoningTokens', num(row.reasoning_tokens)],
    ['logs.cost', money(row.cost) + (row.estimated ? ' · ' + t('logs.estimated') : '') + (row.price_missing ? ' · ' + t('logs.priceMissing') : '')],
    ['logs.settlement', t('settlement.' + row.settlement)],
    ['logs.clientIp', row.client_ip || '—'],
  ].filter(Boolean);
  const trail = attempts(row.retry_trail);
  return html`<${Card} title=${t('logs.detailTitle')} id="log-detail">
    <dl class="details">${items.map(([k, v]) => html`<dt>${t(k)}</dt><dd>${v}</dd>`)}</dl>
    ${admin
      ? html`<h3>${t('logs.attempts')}</h3>
        ${trail.length
          ? html`<ol class="attempts">${trail.map((a) => html`<li>${t('logs.attempt', a.channel, a.outcome)}</li>`)}</ol>`
          : html`<p class="muted">${t('logs.noAttempts')}</p>`}`
      : null}
    <button type="button" onClick=${onClose}>${t('common.close')}</button>
  <//>`;
}
