/** Hosts as URLs write them, for every address wskit local listens on and prints. */

/** An IPv6 address goes in brackets (`ws://[::1]:3001`); names and IPv4 addresses stay as they are. */
export function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
