// Small shared pieces: page frame, labelled fields, error and status messages, formatting.
import { html, useState, useEffect, useCallback } from './lib.js';
import { t, locale } from './i18n.js';

export function Page({ title, actions, children }) {
  useEffect(() => {
    document.title = title + ' · BurnCloud';
  }, [title]);
  return html`<section class="page" aria-labelledby="page-title">
    <header class="page-head">
      <h1 id="page-title" tabindex="-1">${title}</h1>
      ${actions ? html`<div class="page-actions">${actions}</div>` : null}
    </header>
    ${children}
  </section>`;
}

export function Card({ title, children, id }) {
  const headingId = id ? id + '-title' : undefined;
  return html`<section class="card" id=${id} aria-labelledby=${headingId}>
    ${title ? html`<h2 id=${headingId}>${title}</h2>` : null}
    ${children}
  </section>`;
}

let fieldCounter = 0;

/** A labelled native control; `error` is shown under it and announced. */
export function Field({ label, error, hint, children, wide }) {
  const [id] = useState(() => 'f' + ++fieldCounter);
  const control = typeof children === 'function' ? children(id, error ? id + '-err' : hint ? id + '-hint' : undefined) : children;
  return html`<div class=${'field' + (wide ? ' wide' : '') + (error ? ' invalid' : '')}>
    <label for=${id}>${label}</label>
    ${control}
    ${hint && !error ? html`<small id=${id + '-hint'} class="hint">${hint}</small>` : null}
    ${error ? html`<small id=${id + '-err'} class="field-error" role="alert">${error}</small>` : null}
  </div>`;
}

/** A text-like input bound to form[name]. */
export function Input({ label, form, name, set, type = 'text', error, hint, required, wide, ...rest }) {
  return html`<${Field} label=${label} error=${error} hint=${hint} wide=${wide}>
    ${(id, described) => html`<input id=${id} type=${type} name=${name} value=${form[name] ?? ''}
      required=${required} aria-invalid=${error ? 'true' : undefined} aria-describedby=${described}
      onInput=${(e) => set({ ...form, [name]: e.currentTarget.value })} ...${rest} />`}
  <//>`;
}

export function Select({ label, form, name, set, options, error, wide }) {
  return html`<${Field} label=${label} error=${error} wide=${wide}>
    ${(id, described) => html`<select id=${id} name=${name} value=${form[name] ?? ''} aria-describedby=${described}
      onChange=${(e) => set({ ...form, [name]: e.currentTarget.value })}>
      ${options.map(([value, text]) => html`<option value=${value}>${text}</option>`)}
    </select>`}
  <//>`;
}

export function Check({ label, checked, onChange }) {
  return html`<label class="check"><input type="checkbox" checked=${checked}
    onChange=${(e) => onChange(e.currentTarget.checked)} /> ${label}</label>`;
}

/** The message of a failed call, or nothing. */
export function ErrorText({ error }) {
  if (!error) return null;
  return html`<p class="error" role="alert">${messageOf(error)}</p>`;
}

export function messageOf(error) {
  if (!error) return '';
  if (error.code === 'network') return t('error.network');
  return error.message || String(error);
}

/**
 * Splits an API error between the form's fields: the API names the field first
 * ("name must not be empty"), so the message goes next to that field; else under the form.
 */
export function fieldErrors(error, fields) {
  if (!error) return {};
  const msg = messageOf(error);
  const field = fields.find((f) => msg.startsWith(f + ' ') || msg.startsWith(f + ':') || msg.includes('"' + f + '"'));
  return field ? { [field]: msg } : { _form: msg };
}

/** Runs an async action, keeping its busy flag and error. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const run = useCallback(async (fn) => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}

/** Loads once (and when deps change); `reload` to fetch again. */
export function useLoad(fn, deps = []) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    fn().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}

export function Status({ value }) {
  return html`<span class=${'badge ' + value}>${t('status.' + value)}</span>`;
}

export function money(v) {
  if (v === null || v === undefined) return '—';
  if (v === -1) return t('common.unlimited');
  const n = Number(v);
  const s = n.toFixed(9).replace(/0+$/, '').replace(/\.$/, '');
  const [whole, frac] = s.split('.');
  return '$' + Number(whole).toLocaleString(locale()) + (frac ? '.' + frac.padEnd(2, '0') : '.00');
}

export function num(v, digits = 0) {
  if (v === null || v === undefined) return '—';
  return Number(v).toLocaleString(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function ms(v) {
  return v === null || v === undefined ? '—' : num(v) + ' ms';
}

export function time(seconds) {
  if (!seconds || seconds < 0) return '—';
  return new Date(seconds * 1000).toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'medium', hour12: false });
}

export function list(values) {
  return values && values.length ? values.join(', ') : t('common.all');
}

export function splitList(text) {
  return (text || '')
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Announces short confirmations to screen readers and shows them. */
export function Notice({ text }) {
  return html`<p class="notice" role="status" aria-live="polite">${text || ''}</p>`;
}
