// One EventSource per live view. The browser retries a dropped stream by itself, but gives up
// when the server answers with an error (e.g. a 502 while it restarts): then we reconnect with
// back-off, 1 s doubling to 30 s, and reset once events flow again.

export function subscribe(url, event, onData, onState = () => {}) {
  let source = null;
  let closed = false;
  let delay = 1000;
  let timer = null;

  const open = () => {
    if (closed) return;
    source = new EventSource(url, { withCredentials: true });
    source.addEventListener('open', () => onState('open'));
    source.addEventListener(event, (e) => {
      delay = 1000;
      onData(JSON.parse(e.data));
    });
    source.addEventListener('error', () => {
      if (closed) return;
      onState('reconnecting');
      if (source.readyState === EventSource.CLOSED) {
        timer = setTimeout(open, delay);
        delay = Math.min(delay * 2, 30000);
      }
    });
  };
  open();
  return () => {
    closed = true;
    clearTimeout(timer);
    if (source) source.close();
  };
}
