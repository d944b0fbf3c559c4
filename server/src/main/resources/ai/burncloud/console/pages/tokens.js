import { html, useState } from '../lib.js';
import { get, post, patch, del, query } from '../api.js';
import { t } from '../i18n.js';
import { rememberKey } from '../keys.js';
import { link } from '../nav.js';
import { Page, Card, Input, ErrorText, Status, Notice, money, num, time, list, splitList, useAction, useLoad, fieldErrors } from '../ui.js';

const FIELDS = ['name', 'quota', 'expires_at', 'models', 'ip_ranges', 'rpm', 'group'];
const EMPTY = { name: '', quota: '', expires_at: '', models: '', ip_ranges: '', rpm: '', group: '' };

function body(form, admin) {
  const b = {
    name: form.name,
    models: splitList(form.models),
    ip_ranges: splitList(form.ip_ranges),
  };
  if (form.quota !== '') b.quota = form.quota;
  if (form.expires_at !== '') b.expires_at = form.expires_at;
  if (form.rpm !== '') b.rpm = Number(form.rpm);
  if (admin && form.group !== '') b.group = form.group;
  return b;
}

function formOf(token) {
  return {
    name: token.name,
    quota: token.quota_limit === -1 ? "" : String(token.quota_limit),
    expires_at: token.expires_at > 0 ? new Date(token.expires_at * 1000).toISOString().slice(0, 10) : '',
    models: (token.models || []).join(', '),
    ip_ranges: (token.ip_ranges || []).join(', '),
    rpm: token.rpm ? String(token.rpm) : '',
    group: token.group || '',
  };
}

export function Tokens({ user }) {
  const admin = user.role !== 'user';
  const [page, setPage] = useState(1);
  const tokens = useLoad(() => get('/api/tokens' + query({ page, size: 20 })), [page]);
  const [editing, setEditing] = useState(null); // null, 'new' or a token
  const [form, setForm] = useState(EMPTY);
  const [created, setCreated] = useState(null);
  const [notice, setNotice] = useState('');
  const save = useAction();
  const errors = fieldErrors(save.error, FIELDS);

  const open = (token) => {
    setEditing(token || 'new');
    setForm(token ? formOf(token) : EMPTY);
    setCreated(null);
    save.setError(null);
  };
  const submit = (e) => {
    e.preventDefault();
    save.run(async () => {
      if (editing === 'new') {
        const answer = await post('/api/tokens', body(form, admin));
        rememberKey(answer.key, answer.name);
        setCreated(answer);
      } else {
        await patch('/api/tokens/' + editing.id, body(form, admin));
        setNotice(t('tokens.saved'));
      }
      setEditing(null);
      tokens.reload();
    });
  };
  const act = useAction();
  const toggle = (tok) =>
    act.run(async () => {
      await patch('/api/tokens/' + tok.id, { status: tok.status === 'enabled' ? 'disabled' : 'enabled' });
      tokens.reload();
    });
  const [confirming, setConfirming] = useState(null);
  const remove = (tok) =>
    act.run(async () => {
      await del('/api/tokens/' + tok.id);
      setConfirming(null);
      setNotice(t('tokens.deleted'));
      tokens.reload();
    });

  const data = tokens.data;
  return html`<${Page} title=${t('nav.tokens')} actions=${html`<button type="button" class="primary" onClick=${() => open(null)}>${t('tokens.new')}</button>`}>
    <${Notice} text=${notice} />
    ${created ? html`<${NewKey} token=${created} onDone=${() => setCreated(null)} />` : null}
    ${editing
      ? html`<${Card} title=${editing === 'new' ? t('tokens.new') : t('tokens.edit', editing.name)}>
          <form class="form-grid" onSubmit=${submit} novalidate>
            <${Input} label=${t('common.name')} form=${form} set=${setForm} name="name" error=${errors.name} required />
            <${Input} label=${t('tokens.quota')} form=${form} set=${setForm} name="quota" inputmode="decimal" hint=${t('tokens.quotaHint')} error=${errors.quota} />
            <${Input} label=${t('tokens.expires')} form=${form} set=${setForm} name="expires_at" type="date" error=${errors.expires_at} />
            <${Input} label=${t('tokens.rpm')} form=${form} set=${setForm} name="rpm" inputmode="numeric" hint=${t('tokens.rpmHint')} error=${errors.rpm} />
            <${Input} label=${t('tokens.models')} form=${form} set=${setForm} name="models" hint=${t('common.listHint')} error=${errors.models} wide />
            <${Input} label=${t('tokens.ipRanges')} form=${form} set=${setForm} name="ip_ranges" hint=${t('tokens.ipHint')} error=${errors.ip_ranges} wide />
            ${admin ? html`<${Input} label=${t('common.group')} form=${form} set=${setForm} name="group" error=${errors.group} />` : null}
            <${ErrorText} error=${errors._form ? save.error : null} />
            <div class="form-actions">
              <button type="submit" class="primary" disabled=${save.busy}>${editing === 'new' ? t('tokens.create') : t('common.save')}</button>
              <button type="button" onClick=${() => setEditing(null)}>${t('common.cancel')}</button>
            </div>
          </form>
        <//>`
      : null}
    <${ErrorText} error=${tokens.error || act.error} />
    ${data
      ? html`<div class="table-wrap"><table>
          <caption class="sr-only">${t('nav.tokens')}</caption>
          <thead><tr>
            <th scope="col">${t('common.name')}</th><th scope="col">${t('tokens.key')}</th>
            ${admin ? html`<th scope="col">${t('common.user')}</th>` : null}
            <th scope="col">${t('common.status')}</th><th scope="col" class="num">${t('tokens.quota')}</th>
            <th scope="col" class="num">${t('tokens.used')}</th><th scope="col">${t('tokens.expires')}</th>
            <th scope="col">${t('tokens.models')}</th><th scope="col" class="num"><abbr title=${t('tokens.rpm')}>${t('tokens.rpmShort')}</abbr></th>
            <th scope="col">${t('common.actions')}</th>
          </tr></thead>
          <tbody>
            ${data.items.map((tok) => html`<tr>
              <td>${tok.name}</td><td><code>${tok.key_prefix}…</code></td>
              ${admin ? html`<td>${tok.user_id}</td>` : null}
              <td><${Status} value=${tok.status} /></td>
              <td class="num">${money(tok.quota_limit)}</td><td class="num">${money(tok.used_quota)}</td>
              <td>${tok.expires_at > 0 ? time(tok.expires_at) : t('common.never')}</td>
              <td>${list(tok.models)}</td><td class="num">${tok.rpm ? num(tok.rpm) : '—'}</td>
              <td class="row-actions">
                <button type="button" class="subtle" onClick=${() => open(tok)} aria-label=${t('common.editNamed', tok.name)}>${t('common.edit')}</button>
                <button type="button" class="subtle" onClick=${() => toggle(tok)} aria-label=${t(tok.status === 'enabled' ? 'common.disableNamed' : 'common.enableNamed', tok.name)}>${t(tok.status === 'enabled' ? 'common.disable' : 'common.enable')}</button>
                <a class="button subtle" href=${'/logs?token=' + tok.id} onClick=${link} aria-label=${t('tokens.usageNamed', tok.name)}>${t('tokens.usage')}</a>
                ${confirming === tok.id
                  ? html`<button type="button" class="danger" onClick=${() => remove(tok)}>${t('common.confirmDelete')}</button>`
                  : html`<button type="button" class="subtle" onClick=${() => setConfirming(tok.id)} aria-label=${t('common.deleteNamed', tok.name)}>${t('common.delete')}</button>`}
              </td>
            </tr>`)}
          </tbody>
        </table></div>
        <${Pager} page=${page} size=${20} total=${data.total} setPage=${setPage} />`
      : null}
  <//>`;
}

function NewKey({ token, onDone }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.key);
      setCopied(true);
    } catch (e) {
      const input = document.getElementById('new-key');
      input.select();
      setCopied(false);
    }
  };
  return html`<${Card} title=${t('tokens.keyTitle', token.name)} id="new-key-card">
    <p>${t('tokens.keyOnce')}</p>
    <div class="key-row">
      <label class="sr-only" for="new-key">${t('tokens.key')}</label>
      <input id="new-key" class="mono" readonly value=${token.key} onFocus=${(e) => e.currentTarget.select()} />
      <button type="button" class="primary" onClick=${copy}>${t('common.copy')}</button>
      <button type="button" onClick=${onDone}>${t('common.done')}</button>
    </div>
    <${Notice} text=${copied ? t('common.copied') : ''} />
  <//>`;
}

export function Pager({ page, size, total, setPage }) {
  const pages = Math.max(1, Math.ceil(total / size));
  return html`<nav class="pager" aria-label=${t('common.pagination')}>
    <button type="button" disabled=${page <= 1} onClick=${() => setPage(page - 1)}>${t('common.previous')}</button>
    <span>${t('common.pageOf', page, pages, total)}</span>
    <button type="button" disabled=${page >= pages} onClick=${() => setPage(page + 1)}>${t('common.next')}</button>
  </nav>`;
}
