/**
 * Only the developer gets in. WebSockets ignore CORS and a browser follows a DNS name that an
 * attacker re-points at 127.0.0.1, so any page the developer opens could drive a local API whose
 * handlers hold their AWS credentials. As dev servers do since the 2025 advisories (Vite's
 * `server.allowedHosts` and default CORS origin, webpack-dev-server's `allowedHosts: 'auto'`):
 * - `Host` must be `localhost`, a `*.localhost` name, an IP literal (a DNS rebinding attack needs
 *   a name), or the name the server was bound to; the port is not checked;
 * - an `Origin`, when present, must be loopback (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`)
 *   or one the developer allowed; CLI and SDK clients send none. Browsers send one with every
 *   handshake and every cross-site request, so the `@connections` API checks it too.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { hostname as machineName } from 'node:os';
import { LocalError } from '../errors';

export interface AccessPolicy {
  /** Host names (lowercase, without port) accepted beyond localhost and IP literals. */
  readonly hosts: ReadonlySet<string>;
  /** Origins accepted beyond loopback ones; `*` accepts every origin. */
  readonly origins: ReadonlySet<string>;
}

/** Why a request is turned away: the 403 line the log prints. */
export type Refusal = string;

/** The policy for a server bound to `host`: a name binds that name in too; a wildcard adds this machine's name. */
export function accessPolicy(host: string, allowOrigins: readonly string[] = []): AccessPolicy {
  const hosts = new Set<string>();
  const bound = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (isIP(bound) === 0) hosts.add(bound);
  if (isWildcard(bound)) {
    const name = machineName().toLowerCase();
    hosts.add(name);
    hosts.add(`${name}.local`);
  }
  const origins = allowOrigins.map((text) => {
    const origin = text === '*' ? text : originOf(text);
    if (origin === undefined) {
      throw new LocalError(
        'E_LOCAL_ORIGIN',
        `allowed origin ${JSON.stringify(text)}: expected an http(s) origin such as https://app.example.com, or *`,
        'allowOrigins',
      );
    }
    return origin;
  });
  return { hosts, origins: new Set(origins) };
}

/** True when `host` listens beyond this machine (anything but a loopback address or name). */
export function bindsBeyondLoopback(host: string): boolean {
  return !isLoopbackName(host.toLowerCase().replace(/^\[|\]$/g, ''));
}

/** `undefined` when the request may proceed; otherwise the reason, naming the offending header. */
export function checkAccess(request: IncomingMessage, policy: AccessPolicy): Refusal | undefined {
  const host = request.headers.host;
  if (host !== undefined && !hostAllowed(host, policy)) {
    return `refused: Host ${JSON.stringify(host)} is not this machine (DNS rebinding?); bind it with --host`;
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !originAllowed(origin, policy)) {
    return `refused: Origin ${JSON.stringify(origin)} is not loopback; allow it with --allow-origin ${origin}`;
  }
  return undefined;
}

/** `https://App.example:443` → `https://app.example`; undefined for anything but an http(s) origin. */
export function originOf(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const http = url.protocol === 'http:' || url.protocol === 'https:';
  return http && url.pathname === '/' && !url.search && !url.hash && !url.username ? url.origin : undefined;
}

function hostAllowed(header: string, policy: AccessPolicy): boolean {
  const name = hostName(header);
  if (name === undefined) return false;
  return isLoopbackName(name) || isIP(name) !== 0 || policy.hosts.has(name);
}

function originAllowed(origin: string, policy: AccessPolicy): boolean {
  if (policy.origins.has('*')) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `null` (sandboxed frames, file: pages) and anything unparsable
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return isLoopbackName(url.hostname.replace(/^\[|\]$/g, '')) || policy.origins.has(url.origin);
}

/** The name in a Host header, lowercase, without port or IPv6 brackets; undefined when malformed. */
function hostName(header: string): string | undefined {
  try {
    const url = new URL(`http://${header}`);
    return url.username || url.password || url.pathname !== '/'
      ? undefined
      : url.hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

function isLoopbackName(name: string): boolean {
  if (name === 'localhost' || name.endsWith('.localhost') || name === '::1') return true;
  return isIP(name) === 4 && name.startsWith('127.');
}

function isWildcard(name: string): boolean {
  return name === '0.0.0.0' || name === '::' || name === '';
}
