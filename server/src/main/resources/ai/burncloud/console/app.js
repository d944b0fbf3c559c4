// The console's shell: who is signed in, the navigation, language and theme, and which page shows.
import { html, render, useState, useEffect } from './lib.js';
import { get, post, setCsrf, whenSignedOut } from './api.js';
import { t, setLanguage, language } from './i18n.js';
import { navigate, link, assetUrl } from './nav.js';
import { SignIn } from './pages/signin.js';
import { Dashboard } from './pages/dashboard.js';
import { Channels } from './pages/channels.js';
import { Tokens } from './pages/tokens.js';
import { Users } from './pages/users.js';
import { Prices } from './pages/prices.js';
import { Logs } from './pages/logs.js';
import { Playground } from './pages/playground.js';
import { Settings } from './pages/settings.js';

/** The pages in navigation order; `who` says who sees them. */
const PAGES = [
  { path: '/dashboard', key: 'nav.dashboard', page: Dashboard, who: 'user' },
  { path: '/channels', key: 'nav.channels', page: Channels, who: 'admin' },
  { path: '/tokens', key: 'nav.tokens', page: Tokens, who: 'user' },
  { path: '/users', key: 'nav.users', page: Users, who: 'admin' },
  { path: '/prices', key: 'nav.prices', page: Prices, who: 'user' },
  { path: '/logs', key: 'nav.logs', page: Logs, who: 'user' },
  { path: '/playground', key: 'nav.playground', page: Playground, who: 'user' },
  { path: '/settings', key: 'nav.settings', page: Settings, who: 'user' },
];

const THEME_KEY = 'burncloud.theme';

function applyTheme(theme) {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

export function effectiveTheme(theme) {
  if (theme === 'light' || theme === 'dark') return theme;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function isAdmin(user) {
  return user && (user.role === 'admin' || user.role === 'root');
}

function visible(page, user) {
  return page.who === 'user' || isAdmin(user);
}

function App() {
  const [user, setUser] = useState(undefined);
  const [path, setPath] = useState(location.pathname);
  const [lang, setLang] = useState(language());
  const [theme, setTheme] = useState(localStorage.getItem(THEME_KEY) || 'system');

  useEffect(() => {
    const sync = () => setPath(location.pathname);
    window.addEventListener('popstate', sync);
    window.addEventListener('burncloud:navigate', sync);
    whenSignedOut(() => setUser(null));
    get('/api/me').then(
      (me) => {
        setCsrf(me.csrf_token);
        setUser(me);
      },
      () => setUser(null),
    );
    return () => {
      window.removeEventListener('popstate', sync);
      window.removeEventListener('burncloud:navigate', sync);
    };
  }, []);

  useEffect(() => {
    applyTheme(theme);
    localStorage.setItem(THEME_KEY, theme);
  }, [theme]);

  // a new page moves the focus to its heading, as a full page load would
  useEffect(() => {
    const h = document.getElementById('page-title');
    if (h && document.activeElement && document.activeElement.closest && document.activeElement.closest('nav')) h.focus();
  }, [path]);

  const changeLanguage = (value) => {
    setLanguage(value);
    setLang(value);
  };

  if (user === undefined) return html`<p class="boot">BurnCloud</p>`;

  const controls = html`<${Preferences} lang=${lang} setLang=${changeLanguage} theme=${theme} setTheme=${setTheme} />`;
  if (user === null) {
    return html`<${SignIn} key=${lang} controls=${controls} onSignedIn=${(me) => {
      setCsrf(me.csrf_token);
      setUser(me.user);
      if (location.pathname === '/' || location.pathname === '/signin') navigate('/dashboard');
    }} />`;
  }

  const pages = PAGES.filter((p) => visible(p, user));
  const current = pages.find((p) => p.path === path) || (path === '/profile' ? pages.find((p) => p.path === '/settings') : null);
  if (!current) {
    // "/" or a page this user may not see
    queueMicrotask(() => navigate('/dashboard'));
    return null;
  }
  const signOut = async () => {
    await post('/api/auth/logout').catch(() => {});
    setCsrf(null);
    setUser(null);
    navigate('/signin');
  };
  const Current = current.page;
  return html`<div class="shell">
    <a class="skip" href="#main">${t('nav.skip')}</a>
    <header class="topbar">
      <a class="brand" href="/dashboard" onClick=${link}><img src=${assetUrl('favicon.svg')} alt="" width="24" height="24" /> BurnCloud</a>
      <div class="topbar-end">
        ${controls}
        <span class="who">${user.username} · ${t('role.' + user.role)}</span>
        <button type="button" class="subtle" onClick=${signOut}>${t('nav.signout')}</button>
      </div>
    </header>
    <nav class="rail" aria-label=${t('nav.main')}>
      <ul>
        ${pages.map((p) => html`<li><a href=${p.path} onClick=${link} aria-current=${p === current ? 'page' : undefined}>${t(p.key)}</a></li>`)}
      </ul>
    </nav>
    <main id="main">
      <${Current} key=${lang + path} user=${user} theme=${effectiveTheme(theme)} onUserChanged=${setUser} />
    </main>
  </div>`;
}

function Preferences({ lang, setLang, theme, setTheme }) {
  return html`<div class="prefs">
    <label class="inline"><span>${t('pref.language')}</span>
      <select value=${lang} onChange=${(e) => setLang(e.currentTarget.value)}>
        <option value="en" lang="en">English</option>
        <option value="zh" lang="zh">中文</option>
      </select>
    </label>
    <label class="inline"><span>${t('pref.theme')}</span>
      <select value=${theme} onChange=${(e) => setTheme(e.currentTarget.value)}>
        <option value="system">${t('pref.system')}</option>
        <option value="light">${t('pref.light')}</option>
        <option value="dark">${t('pref.dark')}</option>
      </select>
    </label>
  </div>`;
}

render(html`<${App} />`, document.getElementById('app'));
