import { html, useState } from '../lib.js';
import { get, post, patch, query } from '../api.js';
import { t } from '../i18n.js';
import { Page, Card, Input, Select, ErrorText, Status, Notice, money, num, time, useAction, useLoad, fieldErrors } from '../ui.js';
import { Pager } from './tokens.js';

const FIELDS = ['username', 'password', 'role', 'group', 'balance'];
const EMPTY = { username: '', password: '', role: 'user', group: 'default', balance: '' };

export function Users({ user: me }) {
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const [page, setPage] = useState(1);
  const users = useLoad(() => get('/api/users' + query({ search: applied, page, size: 20 })), [applied, page]);
  const [creating, setCreating] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const [notice, setNotice] = useState('');
  const [topUp, setTopUp] = useState({});
  const save = useAction();
  const act = useAction();
  const errors = fieldErrors(save.error, FIELDS);

  const create = (e) => {
    e.preventDefault();
    save.run(async () => {
      const b = { username: form.username, role: form.role, group: form.group };
      if (form.password) b.password = form.password;
      if (form.balance !== '') b.balance = form.balance;
      const u = await post('/api/users', b);
      setNotice(t('users.created', u.username));
      setCreating(false);
      setForm(EMPTY);
      users.reload();
    });
  };
  const change = (u, fields, message) =>
    act.run(async () => {
      await patch('/api/users/' + u.id, fields);
      setNotice(t(message, u.username));
      users.reload();
    });
  const credit = (u) =>
    act.run(async () => {
      const after = await post('/api/users/' + u.id + '/topup', { amount: topUp[u.id] || '' });
      setTopUp({ ...topUp, [u.id]: '' });
      setNotice(t('users.toppedUp', u.username, money(after.balance)));
      users.reload();
    });

  const roles = me.role === 'root' ? ['user', 'admin'] : ['user'];
  const data = users.data;
  return html`<${Page} title=${t('nav.users')} actions=${html`<button type="button" class="primary" onClick=${() => setCreating(true)}>${t('users.new')}</button>`}>
    <${Notice} text=${notice} />
    ${creating
      ? html`<${Card} title=${t('users.new')}>
          <form class="form-grid" onSubmit=${create} novalidate>
            <${Input} label=${t('signin.username')} form=${form} set=${setForm} name="username" error=${errors.username} required />
            <${Input} label=${t('signin.password')} form=${form} set=${setForm} name="password" type="password" autocomplete="new-password" hint=${t('users.passwordHint')} error=${errors.password} />
            <${Select} label=${t('users.role')} form=${form} set=${setForm} name="role" options=${roles.map((r) => [r, t('role.' + r)])} error=${errors.role} />
            <${Input} label=${t('common.group')} form=${form} set=${setForm} name="group" error=${errors.group} />
            <${Input} label=${t('users.balance')} form=${form} set=${setForm} name="balance" inputmode="decimal" hint=${t('users.balanceHint')} error=${errors.balance} />
            <${ErrorText} error=${errors._form ? save.error : null} />
            <div class="form-actions">
              <button type="submit" class="primary" disabled=${save.busy}>${t('tokens.create')}</button>
              <button type="button" onClick=${() => setCreating(false)}>${t('common.cancel')}</button>
            </div>
          </form>
        <//>`
      : null}
    <form class="toolbar" role="search" onSubmit=${(e) => { e.preventDefault(); setPage(1); setApplied(search); }}>
      <label class="inline"><span>${t('users.search')}</span>
        <input type="search" value=${search} onInput=${(e) => setSearch(e.currentTarget.value)} /></label>
      <button type="submit">${t('users.find')}</button>
    </form>
    <${ErrorText} error=${users.error || act.error} />
    ${data
      ? html`<div class="table-wrap"><table>
          <caption class="sr-only">${t('nav.users')}</caption>
          <thead><tr>
            <th scope="col" class="num">ID</th><th scope="col">${t('signin.username')}</th><th scope="col">${t('users.role')}</th>
            <th scope="col">${t('common.group')}</th><th scope="col">${t('common.status')}</th>
            <th scope="col" class="num">${t('users.balance')}</th><th scope="col" class="num">${t('users.used')}</th>
            <th scope="col" class="num">${t('users.requests')}</th><th scope="col">${t('users.topUp')}</th><th scope="col">${t('common.actions')}</th>
          </tr></thead>
          <tbody>
            ${data.items.map((u) => html`<tr>
              <td class="num">${u.id}</td><td>${u.username}</td>
              <td>${u.role === 'root' || me.role !== 'root'
                ? t('role.' + u.role)
                : html`<select aria-label=${t('users.roleOf', u.username)} value=${u.role} onChange=${(e) => change(u, { role: e.currentTarget.value }, 'users.saved')}>
                    ${['user', 'admin'].map((r) => html`<option value=${r}>${t('role.' + r)}</option>`)}</select>`}</td>
              <td>${u.group}</td><td><${Status} value=${u.status} /></td>
              <td class="num">${money(u.balance)}</td><td class="num">${money(u.used_quota)}</td><td class="num">${num(u.request_count)}</td>
              <td>${u.balance === -1
                ? t('common.unlimited')
                : html`<span class="key-row"><input class="inline-num" inputmode="decimal" aria-label=${t('users.amountFor', u.username)} value=${topUp[u.id] || ''}
                    onInput=${(e) => setTopUp({ ...topUp, [u.id]: e.currentTarget.value })} />
                    <button type="button" class="subtle" onClick=${() => credit(u)}>${t('users.credit')}</button></span>`}</td>
              <td class="row-actions">${u.role === 'root'
                ? null
                : html`<button type="button" class="subtle" aria-label=${t(u.status === 'enabled' ? 'common.disableNamed' : 'common.enableNamed', u.username)}
                    onClick=${() => change(u, { status: u.status === 'enabled' ? 'disabled' : 'enabled' }, 'users.saved')}>${t(u.status === 'enabled' ? 'common.disable' : 'common.enable')}</button>`}</td>
            </tr>`)}
          </tbody>
        </table></div>
        <${Pager} page=${page} size=${20} total=${data.total} setPage=${setPage} />`
      : null}
    <${Redemptions} />
  <//>`;
}

/** Redemption codes: created in batches, shown once. */
function Redemptions() {
  const [page, setPage] = useState(1);
  const codes = useLoad(() => get('/api/redemptions' + query({ page, size: 10 })), [page]);
  const [form, setForm] = useState({ name: '', amount: '', count: '1' });
  const [made, setMade] = useState(null);
  const save = useAction();
  const errors = fieldErrors(save.error, ['name', 'amount', 'count']);
  const submit = (e) => {
    e.preventDefault();
    save.run(async () => {
      setMade(await post('/api/redemptions', { name: form.name, amount: form.amount, count: Number(form.count || 1) }));
      codes.reload();
    });
  };
  return html`<${Card} title=${t('users.codes')} id="codes">
    <form class="form-grid" onSubmit=${submit} novalidate>
      <${Input} label=${t('common.name')} form=${form} set=${setForm} name="name" error=${errors.name} />
      <${Input} label=${t('users.amount')} form=${form} set=${setForm} name="amount" inputmode="decimal" error=${errors.amount} />
      <${Input} label=${t('users.count')} form=${form} set=${setForm} name="count" type="number" min="1" max="1000" error=${errors.count} />
      <${ErrorText} error=${errors._form ? save.error : null} />
      <div class="form-actions"><button type="submit" class="primary" disabled=${save.busy}>${t('users.makeCodes')}</button></div>
    </form>
    ${made ? html`<div class="note"><p>${t('users.codesOnce')}</p><pre class="mono">${made.items.map((i) => i.code).join('\n')}</pre></div>` : null}
    <${ErrorText} error=${codes.error} />
    ${codes.data && codes.data.items.length
      ? html`<div class="table-wrap"><table>
          <thead><tr><th scope="col">${t('common.name')}</th><th scope="col">${t('users.code')}</th><th scope="col" class="num">${t('users.amount')}</th>
            <th scope="col">${t('common.status')}</th><th scope="col">${t('users.redeemedAt')}</th></tr></thead>
          <tbody>${codes.data.items.map((c) => html`<tr><td>${c.name}</td><td><code>${c.code_prefix}…</code></td>
            <td class="num">${money(c.amount)}</td><td>${t('code.' + c.status)}</td><td>${time(c.redeemed_at)}</td></tr>`)}</tbody>
        </table></div>
        <${Pager} page=${page} size=${10} total=${codes.data.total} setPage=${setPage} />`
      : null}
  <//>`;
}
