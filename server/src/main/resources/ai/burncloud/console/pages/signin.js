import { html, useState, useEffect } from '../lib.js';
import { post } from '../api.js';
import { t } from '../i18n.js';
import { Input, ErrorText, useAction } from '../ui.js';

export function SignIn({ onSignedIn, controls }) {
  const [form, setForm] = useState({ username: '', password: '' });
  const { busy, error, run } = useAction();
  useEffect(() => {
    document.title = t('signin.title') + ' · BurnCloud';
  }, []);
  const submit = (e) => {
    e.preventDefault();
    run(async () => onSignedIn(await post('/api/auth/login', form)));
  };
  return html`<div class="signin">
    <header class="signin-prefs">${controls}</header>
    <main class="signin-main">
      <form class="card signin-card" onSubmit=${submit} aria-labelledby="signin-title">
        <h1 id="signin-title">${t('signin.title')}</h1>
        <p class="muted">${t('signin.lead')}</p>
        <${Input} label=${t('signin.username')} form=${form} set=${setForm} name="username" autocomplete="username" required />
        <${Input} label=${t('signin.password')} form=${form} set=${setForm} name="password" type="password" autocomplete="current-password" required />
        <${ErrorText} error=${error} />
        <button type="submit" class="primary" disabled=${busy}>${t('signin.submit')}</button>
        <p class="muted small">${t('signin.hint')}</p>
      </form>
    </main>
  </div>`;
}
