/** Names derived from user input: logical id stems and file names. */

/** `$connect` → `Connect`, `send-message` → `SendMessage`, `2fa` → `Route2fa`. */
export function routeIdFromKey(routeKey: string): string {
  const words = routeKey.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const id = words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
  return /^[0-9]/.test(id) ? `Route${id}` : id;
}

export function kebabCase(id: string): string {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
