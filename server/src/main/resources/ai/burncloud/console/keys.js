// Keys created in this tab, kept in memory only (never in storage): the playground offers them.
const keys = [];

export function rememberKey(key, name) {
  keys.unshift({ key, name });
}

export function knownKeys() {
  return keys.slice();
}
