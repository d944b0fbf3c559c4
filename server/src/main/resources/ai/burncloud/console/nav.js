// Client-side navigation: the server answers index.html for every page path, the console swaps pages.

export function navigate(path) {
  if (location.pathname + location.search !== path) history.pushState(null, '', path);
  window.dispatchEvent(new Event('burncloud:navigate'));
}

/** For plain links: navigate in place (modifier clicks still open new tabs). */
export function link(e) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(e.currentTarget.getAttribute('href'));
}

/** The URL of one of this build's assets. */
export function assetUrl(name) {
  return new URL(name, import.meta.url).pathname;
}
