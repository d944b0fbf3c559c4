import { html, useState } from '../lib.js';
import { get, patch } from '../api.js';
import { t } from '../i18n.js';
import { Page, Card, ErrorText, Notice, useAction, useLoad, fieldErrors } from '../ui.js';
import { Profile } from './profile.js';

const CHOICES = { unpriced_model_policy: ['reject', 'free'] };

/** Everyone's profile; for root also the runtime options (registration, invitations, channel checks). */
export function Settings({ user, onUserChanged }) {
  return html`<${Page} title=${t('nav.settings')}>
    <${Profile} user=${user} onUserChanged=${onUserChanged} />
    ${user.role === 'root' ? html`<${Options} />` : null}
  <//>`;
}

function Options() {
  const options = useLoad(() => get('/api/options'), []);
  const [changes, setChanges] = useState({});
  const [notice, setNotice] = useState('');
  const save = useAction();
  const names = options.data ? Object.keys(options.data) : [];
  const errors = fieldErrors(save.error, names);
  const value = (k) => (k in changes ? changes[k] : options.data[k]);
  const set = (k, v) => setChanges({ ...changes, [k]: v });
  const submit = (e) => {
    e.preventDefault();
    save.run(async () => {
      await patch('/api/options', changes);
      setChanges({});
      setNotice(t('settings.saved'));
      options.reload();
    });
  };
  const control = (k) => {
    const v = value(k);
    const id = 'opt-' + k;
    const described = errors[k] ? id + '-err' : id + '-hint';
    const help = html`${errors[k] ? html`<small id=${id + '-err'} class="field-error" role="alert">${errors[k]}</small>` : html`<small id=${id + '-hint'} class="hint">${t('opt.' + k + '.hint')}</small>`}`;
    if (typeof options.data[k] === 'boolean') {
      return html`<div class="field wide"><label class="check"><input id=${id} type="checkbox" checked=${v} aria-describedby=${described}
        onChange=${(e) => set(k, e.currentTarget.checked)} /> ${t('opt.' + k)}</label>${help}</div>`;
    }
    if (CHOICES[k]) {
      return html`<div class="field"><label for=${id}>${t('opt.' + k)}</label>
        <select id=${id} value=${v} aria-describedby=${described} onChange=${(e) => set(k, e.currentTarget.value)}>
          ${CHOICES[k].map((c) => html`<option value=${c}>${t('opt.' + k + '.' + c)}</option>`)}</select>${help}</div>`;
    }
    return html`<div class="field"><label for=${id}>${t('opt.' + k)}</label>
      <input id=${id} inputmode="decimal" value=${v} aria-describedby=${described} aria-invalid=${errors[k] ? 'true' : undefined}
        onInput=${(e) => set(k, e.currentTarget.value === '' ? '' : Number.isNaN(Number(e.currentTarget.value)) ? e.currentTarget.value : Number(e.currentTarget.value))} />${help}</div>`;
  };
  return html`<${Card} title=${t('settings.options')} id="options">
    <${Notice} text=${notice} />
    <${ErrorText} error=${options.error} />
    ${options.data
      ? html`<form class="form-grid" onSubmit=${submit} novalidate>
          ${names.map(control)}
          <${ErrorText} error=${errors._form ? save.error : null} />
          <div class="form-actions"><button type="submit" class="primary" disabled=${save.busy || !Object.keys(changes).length}>${t('common.save')}</button></div>
        </form>`
      : null}
  <//>`;
}
