import { html, useState } from '../lib.js';
import { get, post, patch, del, query } from '../api.js';
import { t } from '../i18n.js';
import { Page, Card, Input, Select, ErrorText, Status, Notice, money, ms, num, time, list, splitList, useAction, useLoad, fieldErrors } from '../ui.js';
import { Pager } from './tokens.js';

const TYPES = ['openai', 'azure', 'anthropic', 'gemini', 'bedrock', 'qwen'];
const FIELDS = ['name', 'type', 'base_url', 'key', 'models', 'groups', 'priority', 'weight', 'model_mapping', 'config', 'region', 'api_version'];
const EMPTY = { name: '', type: 'openai', base_url: '', key: '', models: '', groups: 'default', priority: '0', weight: '1', region: '', api_version: '', model_mapping: '' };

/** The request body: the key only when typed (it is write-only), config fields per type. */
function body(f, creating) {
  const b = {
    name: f.name, type: f.type, models: splitList(f.models), groups: splitList(f.groups),
    priority: Number(f.priority || 0), weight: Number(f.weight || 1),
  };
  if (f.base_url) b.base_url = f.base_url;
  if (f.key || creating) b.key = f.key;
  const config = {};
  if (f.type === 'bedrock' && f.region) config.region = f.region;
  if ((f.type === 'azure' || f.type === 'gemini') && f.api_version) config.api_version = f.api_version;
  if (Object.keys(config).length) b.config = config;
  if (f.model_mapping.trim()) {
    b.model_mapping = Object.fromEntries(splitList(f.model_mapping).map((p) => p.split('=').map((s) => s.trim())));
  }
  return b;
}

function formOf(c) {
  const config = c.config || {};
  return {
    name: c.name, type: c.type, base_url: c.base_url || '', key: '', models: c.models.join(', '),
    groups: c.groups.join(', '), priority: String(c.priority), weight: String(c.weight),
    region: config.region || '', api_version: config.api_version || '',
    model_mapping: Object.entries(c.model_mapping || {}).map(([k, v]) => k + '=' + v).join(', '),
  };
}

/** Requests, errors and latency per channel over the last 7 days, hourly, from the statistics. */
function loadHealth() {
  const to = Math.floor(Date.now() / 1000);
  const from = to - 7 * 86400;
  const metric = (m, since, bucket = '1h') => get('/api/stats/timeseries' + query({ metric: m, bucket, from: since, to, group_by: 'channel' }));
  return Promise.all([metric('requests', from), metric('errors', from), metric('latency_p50', to - 86400, '1m')]).then(([req, err, lat]) => {
    const midnight = new Date().setHours(0, 0, 0, 0) / 1000;
    const byChannel = (answer) => new Map(answer.series.map((x) => [String(x.group), x.points]));
    const requests = byChannel(req);
    const errors = byChannel(err);
    const latency = byChannel(lat);
    const sum = (points, since) => (points || []).filter((p) => p.t >= since).reduce((a, p) => a + (p.v || 0), 0);
    const health = {};
    for (const id of new Set([...requests.keys(), ...latency.keys()])) {
      const share = (since) => {
        const n = sum(requests.get(id), since);
        return n ? (100 * (n - sum(errors.get(id), since))) / n : null;
      };
      health[id] = { today: share(midnight), week: share(0), latency: (latency.get(id) || []).map((p) => p.v) };
    }
    return health;
  });
}

/** A small line of the last 24 hours' median latency. */
function Sparkline({ values, label }) {
  const points = values.filter((v) => v != null);
  if (points.length < 2) return html`<span class="muted">—</span>`;
  const max = Math.max(...points, 1);
  const step = 80 / (values.length - 1);
  const path = values.map((v, i) => (v == null ? null : `${(i * step).toFixed(1)},${(22 - (20 * v) / max).toFixed(1)}`)).filter(Boolean).join(' ');
  return html`<svg class="spark" width="80" height="24" viewBox="0 0 80 24" role="img" aria-label=${label}><polyline points=${path} /></svg>`;
}

function percent(v) {
  return v == null ? '—' : num(v, 1) + ' %';
}

export function Channels() {
  const [page, setPage] = useState(1);
  const channels = useLoad(() => get('/api/channels' + query({ page, size: 20 })), [page]);
  const healthLoad = useLoad(loadHealth, []);
  const health = healthLoad.data || {};
  const [editing, setEditing] = useState(null);
  const [form, setForm] = useState(EMPTY);
  const [notice, setNotice] = useState('');
  const [selected, setSelected] = useState([]);
  const [results, setResults] = useState({});
  const save = useAction();
  const act = useAction();
  const errors = fieldErrors(save.error, FIELDS);

  const open = (c) => {
    setEditing(c || 'new');
    setForm(c ? formOf(c) : EMPTY);
    save.setError(null);
  };
  const submit = (e) => {
    e.preventDefault();
    save.run(async () => {
      const creating = editing === 'new';
      const c = creating ? await post('/api/channels', body(form, true)) : await patch('/api/channels/' + editing.id, body(form, false));
      setNotice(t(creating ? 'channels.added' : 'channels.saved', c.name));
      setEditing(null);
      channels.reload();
    });
  };
  const fetchModels = () =>
    save.run(async () => {
      const answer = await post('/api/channels/' + editing.id + '/models');
      setForm({ ...form, models: answer.models.join(', ') });
    });
  const test = (c) =>
    act.run(async () => {
      setResults((r) => ({ ...r, [c.id]: { running: true } }));
      const r = await post('/api/channels/' + c.id + '/test', {});
      setResults((all) => ({ ...all, [c.id]: r }));
      setNotice(r.ok ? t('channels.testOk', c.name, num(r.latency_ms)) : t('channels.testFailed', c.name, r.error || ''));
      channels.reload();
    });
  const testSelected = () => act.run(async () => {
    for (const c of channels.data.items.filter((x) => selected.includes(x.id))) await test(c);
  });
  const toggle = (c) =>
    act.run(async () => {
      await post('/api/channels/' + c.id + (c.status === 'enabled' ? '/disable' : '/enable'));
      channels.reload();
    });
  const inline = (c, field, value) =>
    act.run(async () => {
      await patch('/api/channels/' + c.id, { [field]: Number(value) });
      setNotice(t('channels.saved', c.name));
      channels.reload();
    });
  const [confirming, setConfirming] = useState(null);
  const remove = (c) =>
    act.run(async () => {
      await del('/api/channels/' + c.id);
      setConfirming(null);
      channels.reload();
    });

  const data = channels.data;
  const actions = html`<button type="button" onClick=${testSelected} disabled=${!selected.length || act.busy}>${t('channels.testSelected')}</button>
    <button type="button" class="primary" onClick=${() => open(null)}>${t('channels.add')}</button>`;
  return html`<${Page} title=${t('nav.channels')} actions=${actions}>
    <${Notice} text=${notice} />
    ${editing
      ? html`<${Card} title=${editing === 'new' ? t('channels.add') : t('channels.edit', editing.name)}>
          <form class="form-grid" onSubmit=${submit} novalidate>
            <${Input} label=${t('common.name')} form=${form} set=${setForm} name="name" error=${errors.name} required />
            <${Select} label=${t('channels.type')} form=${form} set=${setForm} name="type" options=${TYPES.map((x) => [x, t('type.' + x)])} error=${errors.type} />
            <${Input} label=${t('channels.baseUrl')} form=${form} set=${setForm} name="base_url" type="url" hint=${t('channels.baseUrlHint')} error=${errors.base_url} wide />
            <${Input} label=${t(form.type === 'bedrock' ? 'channels.awsKey' : 'channels.key')} form=${form} set=${setForm} name="key" type="password" autocomplete="off"
              hint=${editing === 'new' ? (form.type === 'bedrock' ? t('channels.awsKeyHint') : '') : t('channels.keyKeep')} error=${errors.key} wide />
            ${form.type === 'bedrock' ? html`<${Input} label=${t('channels.region')} form=${form} set=${setForm} name="region" placeholder="us-east-1" error=${errors.region || errors.config} />` : null}
            ${form.type === 'azure' || form.type === 'gemini' ? html`<${Input} label=${t('channels.apiVersion')} form=${form} set=${setForm} name="api_version" placeholder=${form.type === 'azure' ? '2024-10-21' : 'v1beta'} error=${errors.api_version || errors.config} />` : null}
            <${Input} label=${t('channels.models')} form=${form} set=${setForm} name="models" hint=${t('common.listHint')} error=${errors.models} wide />
            ${editing !== 'new' && form.type !== 'bedrock' ? html`<div class="form-actions"><button type="button" onClick=${fetchModels} disabled=${save.busy}>${t('channels.fetchModels')}</button></div>` : null}
            <${Input} label=${t('channels.groups')} form=${form} set=${setForm} name="groups" hint=${t('common.listHint')} error=${errors.groups} />
            <${Input} label=${t('channels.priority')} form=${form} set=${setForm} name="priority" type="number" error=${errors.priority} />
            <${Input} label=${t('channels.weight')} form=${form} set=${setForm} name="weight" type="number" min="0" error=${errors.weight} />
            <${Input} label=${t('channels.mapping')} form=${form} set=${setForm} name="model_mapping" hint=${t('channels.mappingHint')} error=${errors.model_mapping} wide />
            <${ErrorText} error=${errors._form ? save.error : null} />
            <div class="form-actions">
              <button type="submit" class="primary" disabled=${save.busy}>${t('common.save')}</button>
              <button type="button" onClick=${() => setEditing(null)}>${t('common.cancel')}</button>
            </div>
          </form>
        <//>`
      : null}
    <${ErrorText} error=${channels.error || act.error} />
    ${data
      ? html`<div class="table-wrap"><table>
          <caption class="sr-only">${t('nav.channels')}</caption>
          <thead><tr>
            <th scope="col"><span class="sr-only">${t('channels.select')}</span></th>
            <th scope="col">${t('common.name')}</th><th scope="col">${t('channels.type')}</th><th scope="col">${t('common.status')}</th>
            <th scope="col">${t('channels.models')}</th>
            <th scope="col">${t('channels.priority')}</th><th scope="col">${t('channels.weight')}</th>
            <th scope="col" class="num">${t('channels.availability')}</th><th scope="col">${t('channels.latency24h')}</th>
            <th scope="col" class="num">${t('channels.used')}</th><th scope="col">${t('channels.lastTest')}</th>
            <th scope="col">${t('common.actions')}</th>
          </tr></thead>
          <tbody>
            ${data.items.map((c) => {
              const last = results[c.id] && !results[c.id].running ? results[c.id] : c.last_test;
              return html`<tr>
                <td><input type="checkbox" aria-label=${t('channels.selectNamed', c.name)} checked=${selected.includes(c.id)}
                  onChange=${(e) => setSelected(e.currentTarget.checked ? [...selected, c.id] : selected.filter((x) => x !== c.id))} /></td>
                <td>${c.name}<div class="muted small">${c.key_hint}</div></td>
                <td>${t('type.' + c.type)}</td>
                <td><${Status} value=${c.status} />${c.status_reason ? html`<div class="muted small">${c.status_reason}</div>` : null}</td>
                <td>${list(c.models)}<div class="muted small">${t('channels.groupsList', list(c.groups))}</div></td>
                <td><input class="inline-num" type="number" aria-label=${t('channels.priorityOf', c.name)} value=${c.priority} onChange=${(e) => inline(c, 'priority', e.currentTarget.value)} /></td>
                <td><input class="inline-num" type="number" min="0" aria-label=${t('channels.weightOf', c.name)} value=${c.weight} onChange=${(e) => inline(c, 'weight', e.currentTarget.value)} /></td>
                <td class="num">${health[c.id] ? html`<span class="when">${t('channels.today', percent(health[c.id].today))}</span><div class="muted small">${t('channels.week', percent(health[c.id].week))}</div>` : '—'}</td>
                <td>${health[c.id] ? html`<${Sparkline} values=${health[c.id].latency} label=${t('channels.latencyOf', c.name)} />` : '—'}</td>
                <td class="num">${money(c.used_quota)}</td>
                <td>${results[c.id] && results[c.id].running
                  ? t('channels.testing')
                  : last
                    ? html`<span class="when"><span class=${last.ok ? 'good' : 'bad'}>${last.ok ? t('channels.ok') : t('channels.failed')}</span> · ${ms(last.latency_ms)}</span>
                      <div class="muted small">${last.ttft_ms != null ? html`${t('channels.ttft')} ${ms(last.ttft_ms)}` : null}${last.tokens_per_s != null ? html` · ${num(last.tokens_per_s, 1)} ${t('channels.tps')}` : null}</div>
                      ${last.tested_at ? html`<div class="muted small">${time(last.tested_at)}</div>` : null}`
                    : t('channels.never')}</td>
                <td class="row-actions">
                  <button type="button" class="subtle" onClick=${() => test(c)} aria-label=${t('channels.testNamed', c.name)}>${t('channels.test')}</button>
                  <button type="button" class="subtle" onClick=${() => open(c)} aria-label=${t('common.editNamed', c.name)}>${t('common.edit')}</button>
                  <button type="button" class="subtle" onClick=${() => toggle(c)} aria-label=${t(c.status === 'enabled' ? 'common.disableNamed' : 'common.enableNamed', c.name)}>${t(c.status === 'enabled' ? 'common.disable' : 'common.enable')}</button>
                  ${confirming === c.id
                    ? html`<button type="button" class="danger" onClick=${() => remove(c)}>${t('common.confirmDelete')}</button>`
                    : html`<button type="button" class="subtle" onClick=${() => setConfirming(c.id)} aria-label=${t('common.deleteNamed', c.name)}>${t('common.delete')}</button>`}
                </td>
              </tr>`;
            })}
          </tbody>
        </table></div>
        ${!data.items.length ? html`<p class="muted">${t('channels.none')}</p>` : null}
        <${Pager} page=${page} size=${20} total=${data.total} setPage=${setPage} />`
      : null}
  <//>`;
}
