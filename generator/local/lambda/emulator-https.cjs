'use strict';
// Handlers written for AWS often build their @connections endpoint from the event:
// `https://${domainName}/${stage}`. Locally, domainName is the emulator's own address, which speaks
// plain http, so in a function's environment an https request to that address goes out as http,
// and so does one to SQS's host (below).
// Every other request is left alone.
const http = require('node:http');
const https = require('node:https');
const { syncBuiltinESMExports } = require('node:module');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
// A queue's Ref is its URL on SQS's host, as on AWS, and the SDK v3 sends SQS calls to the host of
// the QueueUrl even when AWS_ENDPOINT_URL_SQS is set: those go to the emulator, which runs the queues.
const LOCAL_SERVICE_HOST = /^sqs\.[a-z0-9-]+\.amazonaws\.com$/;

function redirectHttpsToEmulator(origin) {
  const emulator = new URL(origin);
  const port = Number(emulator.port);
  const isEmulator = (options) => {
    // hostname and host name the host alone (Node takes the port only from `port`).
    const host = String(options.hostname ?? options.host ?? '');
    if (LOCAL_SERVICE_HOST.test(host)) return true;
    return Number(options.port) === port && (LOOPBACK.has(host) || host === emulator.hostname);
  };
  // https.request(url[, options][, callback]) or https.request(options[, callback]), as Node takes them.
  const toHttp = (args) => {
    const [first, second, third] = args;
    const fromUrl = typeof first === 'string' || first instanceof URL;
    const url = fromUrl ? new URL(first) : undefined;
    const options = fromUrl ? (typeof second === 'object' && second !== null ? second : {}) : (first ?? {});
    const callback = [second, third].find((arg) => typeof arg === 'function');
    const target = {
      ...(url ? { hostname: url.hostname, port: url.port || 443, path: `${url.pathname}${url.search}` } : {}),
      ...options,
    };
    if (!isEmulator(target)) return undefined;
    const { agent: _tlsAgent, ...rest } = target;
    return [{ ...rest, protocol: 'http:', hostname: emulator.hostname, host: undefined, port }, callback];
  };
  const wrap = (original, viaHttp) =>
    function emulatorAware(...args) {
      const redirected = toHttp(args);
      return redirected
        ? viaHttp(...redirected.filter((arg) => arg !== undefined))
        : original.apply(this, args);
    };
  https.request = wrap(https.request, http.request);
  https.get = wrap(https.get, http.get);
  syncBuiltinESMExports(); // `import { request } from 'node:https'` sees the same functions
}

module.exports = { redirectHttpsToEmulator };
