import { html, useState, useEffect, useRef } from '../lib.js';
import { get, query } from '../api.js';
import { t } from '../i18n.js';
import { knownKeys } from '../keys.js';
import { Page, Card, ErrorText, Notice, money, num, ms } from '../ui.js';

/**
 * Chat through the gateway itself, with one of the caller's own keys (a key created in this tab is
 * offered; others can be pasted — the console never learns stored keys), streamed as a client would.
 */
export function Playground() {
  const keys = knownKeys();
  const [key, setKey] = useState(keys.length ? keys[0].key : '');
  const [models, setModels] = useState([]);
  const [model, setModel] = useState('');
  const [message, setMessage] = useState('');
  const [answer, setAnswer] = useState('');
  const [stats, setStats] = useState(null);
  const [raw, setRaw] = useState({ request: '', response: '' });
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const abort = useRef(null);

  useEffect(() => {
    if (!key.startsWith('sk-')) return;
    fetch('/v1/models', { headers: { authorization: 'Bearer ' + key } })
      .then((r) => (r.ok ? r.json() : { data: [] }))
      .then((d) => {
        const ids = (d.data || []).map((m) => m.id);
        setModels(ids);
        if (!model && ids.length) setModel(ids[0]);
      })
      .catch(() => setModels([]));
  }, [key]);
  useEffect(() => () => abort.current && abort.current.abort(), []);

  const request = () => ({ model, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: message }] });

  const send = async (e) => {
    e.preventDefault();
    setError(null);
    setAnswer('');
    setStats(null);
    setNotice('');
    if (!key) return setError({ message: t('play.needKey') });
    const body = request();
    setRaw({ request: JSON.stringify(body, null, 2), response: '' });
    setBusy(true);
    abort.current = new AbortController();
    const started = performance.now();
    try {
      const r = await fetch('/v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + key },
        body: JSON.stringify(body),
        signal: abort.current.signal,
      });
      const requestId = r.headers.get('x-request-id');
      if (!r.ok) {
        const text = await r.text();
        setRaw((x) => ({ ...x, response: text }));
        let msg = text;
        try { msg = JSON.parse(text).error.message; } catch (ignored) { /* not JSON */ }
        throw new Error(msg);
      }
      const reader = r.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let rawText = '';
      let firstByte = null;
      let usage = null;
      let text = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (firstByte === null) firstByte = performance.now() - started;
        const chunk = decoder.decode(value, { stream: true });
        rawText += chunk;
        buffer += chunk;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          for (const line of event.split('\n')) {
            if (!line.startsWith('data:')) continue;
            const data = line.slice(5).trim();
            if (data === '[DONE]') continue;
            const json = JSON.parse(data);
            if (json.error) throw new Error(json.error.message);
            const delta = json.choices && json.choices[0] && json.choices[0].delta;
            if (delta && delta.content) {
              text += delta.content;
              setAnswer(text);
            }
            if (json.usage) usage = json.usage;
          }
        }
        setRaw((x) => ({ ...x, response: rawText }));
      }
      const total = performance.now() - started;
      setStats({ ttfb: firstByte, total, usage, cost: undefined, requestId });
      if (requestId) costOf(requestId, model).then((cost) => setStats((s) => ({ ...s, cost })));
    } catch (err) {
      if (err.name !== 'AbortError') setError(err);
    } finally {
      setBusy(false);
    }
  };

  const curl = () =>
    "curl -N " + location.origin + "/v1/chat/completions \\\n  -H 'authorization: Bearer $BURNCLOUD_KEY' \\\n  -H 'content-type: application/json' \\\n  -d '" +
    JSON.stringify(request()).replace(/'/g, "'\\''") + "'";
  const copyCurl = async () => {
    try {
      await navigator.clipboard.writeText(curl());
      setNotice(t('common.copied'));
    } catch (err) {
      setNotice(t('play.copyFailed'));
    }
  };

  return html`<${Page} title=${t('nav.playground')}>
    <${Card}>
      <form class="form-grid" onSubmit=${send}>
        <div class="field">
          <label for="pg-key">${t('play.key')}</label>
          ${keys.length
            ? html`<select id="pg-key" value=${key} onChange=${(e) => setKey(e.currentTarget.value)}>
                ${keys.map((k) => html`<option value=${k.key}>${k.name} (${k.key.slice(0, 8)}…)</option>`)}
              </select>`
            : html`<input id="pg-key" type="password" autocomplete="off" value=${key} onInput=${(e) => setKey(e.currentTarget.value.trim())} aria-describedby="pg-key-hint" />
              <small id="pg-key-hint" class="hint">${t('play.keyHint')}</small>`}
        </div>
        <div class="field">
          <label for="pg-model">${t('common.model')}</label>
          <input id="pg-model" list="pg-models" value=${model} onInput=${(e) => setModel(e.currentTarget.value)} required />
          <datalist id="pg-models">${models.map((m) => html`<option value=${m} />`)}</datalist>
        </div>
        <div class="field wide">
          <label for="pg-message">${t('play.message')}</label>
          <textarea id="pg-message" rows="4" value=${message} onInput=${(e) => setMessage(e.currentTarget.value)} required></textarea>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary" disabled=${busy}>${t('play.send')}</button>
          ${busy ? html`<button type="button" onClick=${() => abort.current.abort()}>${t('play.stop')}</button>` : null}
          <button type="button" onClick=${copyCurl} disabled=${!model}>${t('play.curl')}</button>
        </div>
      </form>
      <${Notice} text=${notice} />
      <${ErrorText} error=${error} />
    <//>
    <${Card} title=${t('play.answer')}>
      <div class="answer" aria-live="polite" aria-busy=${busy ? 'true' : 'false'} data-testid="answer">${answer}</div>
      ${stats
        ? html`<dl class="details compact">
            <dt>${t('logs.ttfb')}</dt><dd>${ms(stats.ttfb && Math.round(stats.ttfb))}</dd>
            <dt>${t('logs.latency')}</dt><dd>${ms(Math.round(stats.total))}</dd>
            <dt>${t('logs.promptTokens')}</dt><dd>${stats.usage ? num(stats.usage.prompt_tokens) : '—'}</dd>
            <dt>${t('logs.completionTokens')}</dt><dd>${stats.usage ? num(stats.usage.completion_tokens) : '—'}</dd>
            <dt>${t('logs.cost')}</dt><dd data-testid="cost">${stats.cost === undefined ? t('play.costPending') : money(stats.cost)}</dd>
          </dl>`
        : null}
      <details><summary>${t('play.rawRequest')}</summary><pre class="mono">${raw.request}</pre></details>
      <details><summary>${t('play.rawResponse')}</summary><pre class="mono">${raw.response}</pre></details>
    <//>
  <//>`;
}

/** The exact cost of the answer, from its request-log row once the data plane has written it. */
async function costOf(requestId, model) {
  for (let i = 0; i < 10; i++) {
    const page = await get('/api/logs' + query({ model, size: 20 })).catch(() => null);
    const row = page && page.items.find((r) => r.request_id === requestId);
    if (row) return row.cost;
    await new Promise((r) => setTimeout(r, 500));
  }
  return null;
}
