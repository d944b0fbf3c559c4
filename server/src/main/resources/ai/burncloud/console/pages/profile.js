import { html, useState } from '../lib.js';
import { get, post, patch } from '../api.js';
import { t } from '../i18n.js';
import { Card, Input, ErrorText, Notice, money, num, useAction, fieldErrors } from '../ui.js';

/** The caller's balance, invite code, redemption and password. */
export function Profile({ user, onUserChanged }) {
  const [code, setCode] = useState({ code: '' });
  const [pw, setPw] = useState({ current_password: '', password: '' });
  const [notice, setNotice] = useState('');
  const redeem = useAction();
  const change = useAction();
  const pwErrors = fieldErrors(change.error, ['current_password', 'password']);

  const submitCode = (e) => {
    e.preventDefault();
    redeem.run(async () => {
      const r = await post('/api/redeem', code);
      setCode({ code: '' });
      setNotice(t('profile.redeemed', money(r.amount), money(r.balance)));
      onUserChanged(await get('/api/me'));
    });
  };
  const submitPassword = (e) => {
    e.preventDefault();
    change.run(async () => {
      await patch('/api/me', pw);
      setPw({ current_password: '', password: '' });
      setNotice(t('profile.passwordChanged'));
    });
  };
  return html`<${Card} title=${t('profile.title')} id="profile">
    <${Notice} text=${notice} />
    <dl class="details compact">
      <dt>${t('signin.username')}</dt><dd>${user.username}</dd>
      <dt>${t('users.role')}</dt><dd>${t('role.' + user.role)}</dd>
      <dt>${t('common.group')}</dt><dd>${user.group}</dd>
      <dt>${t('users.balance')}</dt><dd data-testid="balance">${money(user.balance)}</dd>
      <dt>${t('users.used')}</dt><dd>${money(user.used_quota)}</dd>
      <dt>${t('users.requests')}</dt><dd>${num(user.request_count)}</dd>
      <dt>${t('profile.inviteCode')}</dt><dd><code>${user.invite_code || '—'}</code></dd>
    </dl>
    <div class="grid2">
      <form class="stack" onSubmit=${submitCode} novalidate>
        <h3>${t('profile.redeem')}</h3>
        <${Input} label=${t('users.code')} form=${code} set=${setCode} name="code" autocomplete="off" />
        <${ErrorText} error=${redeem.error} />
        <div class="form-actions"><button type="submit" disabled=${redeem.busy}>${t('profile.redeemButton')}</button></div>
      </form>
      <form class="stack" onSubmit=${submitPassword} novalidate>
        <h3>${t('profile.password')}</h3>
        <${Input} label=${t('profile.currentPassword')} form=${pw} set=${setPw} name="current_password" type="password" autocomplete="current-password" error=${pwErrors.current_password} />
        <${Input} label=${t('profile.newPassword')} form=${pw} set=${setPw} name="password" type="password" autocomplete="new-password" error=${pwErrors.password} />
        <${ErrorText} error=${pwErrors._form ? change.error : null} />
        <div class="form-actions"><button type="submit" disabled=${change.busy}>${t('profile.changePassword')}</button></div>
      </form>
    </div>
  <//>`;
}
