/**
 * Which addresses name this API's `@connections` endpoint, for callers inside the emulator (the
 * `ApiEndpoint` of a Step Functions `apigateway:invoke` task): `<apiId>.execute-api.<region>.amazonaws.com`
 * in any region (`.cn` too), with or without a scheme, port or trailing slash, or the emulator's
 * own `host:port`. Handlers' own requests are matched the same way in lambda/emulator-https.cjs.
 */

export interface LocalApiAddress {
  readonly apiId: string;
  /** `127.0.0.1:3001` */
  readonly emulatorHost?: string;
}

/** True when `endpoint` (a host, or a URL) is this API. */
export function namesLocalApi(endpoint: string, local: LocalApiAddress): boolean {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  const [id, service, , domain, ...rest] = host.split('.');
  const executeApi =
    id === local.apiId.toLowerCase() &&
    service === 'execute-api' &&
    domain === 'amazonaws' &&
    (rest.join('.') === 'com' || rest.join('.') === 'com.cn');
  return executeApi || (local.emulatorHost !== undefined && url.host === local.emulatorHost);
}
