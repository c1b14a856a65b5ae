'use strict';
// Handlers written for AWS reach their API's @connections endpoint at an https address: built from
// the event (`https://${domainName}/${stage}`, `https://${apiId}.execute-api.${AWS_REGION}.amazonaws.com/${stage}`)
// or from a variable the template builds the same way. In a function's environment those requests,
// through https.request/https.get (the SDK v3) or fetch, go to the emulator over plain http, with a
// Host header of the emulator's own (the SDK signs and sends the AWS name); so do requests to SQS's
// host (below). An SDK operation with a host prefix (Step Functions' StartSyncExecution goes to
// `sync-<host>`) puts it before a custom endpoint's host too, a name no resolver knows: a request to
// `<prefix>-` or `<prefix>.` plus the emulator's host, on its port, goes to the emulator as well. Under --offline, every other request that would leave the machine (http or https,
// to AWS or anywhere) goes to the local endpoint that refuses it with a clear error. Every other
// request is left alone.
const http = require('node:http');
const https = require('node:https');
const { syncBuiltinESMExports } = require('node:module');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
// A queue's Ref is its URL on SQS's host, as on AWS, and the SDK v3 sends SQS calls to the host of
// the QueueUrl even when AWS_ENDPOINT_URL_SQS is set: those go to the emulator, which runs the queues.
const LOCAL_SERVICE_HOST = /^sqs\.[a-z0-9-]+\.amazonaws\.com$/;
const isLoopback = (host) =>
  LOOPBACK.has(host) || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * @param {{ emulator: string, apiId?: string, offline?: string }} config origins (`http://host:port`)
 * of the emulator and of the --offline refusal endpoint, and the local API id.
 */
function redirectHttpsToEmulator(config) {
  const emulator = new URL(config.emulator);
  const port = Number(emulator.port);
  const offline = config.offline ? new URL(config.offline) : undefined;
  const apiHost = config.apiId
    ? new RegExp(
        `^${config.apiId.replace(/\W/g, '\\$&')}\\.execute-api\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?$`,
      )
    : undefined;

  const local = (host) => isLoopback(host) || host === emulator.hostname;
  const prefixed = new RegExp(`^[a-z0-9-]+[-.]${emulator.hostname.replace(/\W/g, '\\$&')}$`, 'i');
  /** Where a request for `host` (no brackets, no port) and `port` goes instead, if anywhere. */
  const targetOf = (host, targetPort, secure) => {
    if (secure && Number(targetPort) === port && local(host)) return emulator;
    if (Number(targetPort) === port && prefixed.test(host)) return emulator;
    if (apiHost?.test(host) || LOCAL_SERVICE_HOST.test(host)) return emulator;
    return offline && !local(host) ? offline : undefined;
  };
  const originalHttp = { request: http.request, get: http.get };

  // https.request(url[, options][, callback]) or https.request(options[, callback]), as Node takes them.
  const toHttp = (args, secure) => {
    const [first, second, third] = args;
    const fromUrl = typeof first === 'string' || first instanceof URL;
    const url = fromUrl ? new URL(first) : undefined;
    const options = fromUrl ? (typeof second === 'object' && second !== null ? second : {}) : (first ?? {});
    const callback = [second, third].find((arg) => typeof arg === 'function');
    const request = {
      ...(url
        ? {
            hostname: url.hostname,
            port: url.port || (secure ? 443 : 80),
            path: `${url.pathname}${url.search}`,
          }
        : {}),
      ...options,
    };
    // hostname and host name the host alone (Node takes the port only from `port`).
    const host = String(request.hostname ?? request.host ?? '').replace(/^\[|\]$/g, '');
    const target = targetOf(host, request.port ?? (secure ? 443 : 80), secure);
    if (!target) return undefined;
    const { agent: _tlsAgent, headers = {}, ...rest } = request;
    const redirected = {
      ...rest,
      protocol: 'http:',
      hostname: target.hostname,
      host: undefined,
      port: Number(target.port),
      headers: withHost(headers, host),
    };
    return [redirected, callback];
  };
  const wrap = (original, viaHttp, secure) =>
    function emulatorAware(...args) {
      const redirected = toHttp(args, secure);
      return redirected
        ? viaHttp(...redirected.filter((arg) => arg !== undefined))
        : original.apply(this, args);
    };
  https.request = wrap(https.request, originalHttp.request, true);
  https.get = wrap(https.get, originalHttp.get, true);
  http.request = wrap(originalHttp.request, originalHttp.request, false);
  http.get = wrap(originalHttp.get, originalHttp.get, false);
  syncBuiltinESMExports(); // `import { request } from 'node:https'` sees the same functions

  const originalFetch = globalThis.fetch;
  if (typeof originalFetch === 'function') {
    globalThis.fetch = async function fetch(input, init) {
      const request = input instanceof Request ? input : undefined;
      const url = new URL(request ? request.url : String(input));
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const secure = url.protocol === 'https:';
      const target = targetOf(host, url.port || (secure ? 443 : 80), secure);
      if (!target) return originalFetch(input, init);
      const redirected = new URL(target.origin);
      redirected.pathname = url.pathname; // kept as is: `/stage//@connections/...` stays so
      redirected.search = url.search;
      const headers = new Headers(
        withHost(Object.fromEntries(new Headers(init?.headers ?? request?.headers)), host),
      );
      const method = init?.method ?? request?.method ?? 'GET';
      const body =
        init?.body ?? (request && !/^(GET|HEAD)$/i.test(method) ? await request.arrayBuffer() : undefined);
      return originalFetch(redirected, { ...init, method, headers, ...(body !== undefined ? { body } : {}) });
    };
  }
}

/** The headers without Host (Node sets the target's), naming the host the caller meant. */
function withHost(headers, originalHost) {
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'host'));
  return { ...kept, 'x-forwarded-host': originalHost };
}

module.exports = { redirectHttpsToEmulator };
