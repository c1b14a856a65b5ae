/**
 * `--offline`: where every AWS call of a handler goes instead of AWS (its `AWS_ENDPOINT_URL`), and
 * every other request that would leave the machine (lambda/emulator-https.cjs redirects them). It
 * answers each with an error in the service's own protocol (JSON, query XML or S3 XML), so the SDK
 * raises `OfflineRefused` with a message naming the service (or host) and `--offline`, and logs it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from './log';
import { urlHost } from './url-host';

export interface OfflineEndpoint {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  close(): Promise<void>;
}

const ERROR_CODE = 'OfflineRefused';

export async function startOfflineEndpoint(host: string, log: Logger): Promise<OfflineEndpoint> {
  const server = createServer((request, response) => {
    request.resume(); // the body is not needed
    request.on('end', () => refuse(request, response, log));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${urlHost(host)}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function refuse(request: IncomingMessage, response: ServerResponse, log: Logger): void {
  const [service, aws] = serviceOf(request);
  const message = aws
    ? `wskit local --offline: ${service} is not served locally, and --offline refuses calls to AWS`
    : `wskit local --offline: ${service} is outside this machine, and --offline refuses calls that leave it`;
  log.line(`--offline refused a call to ${service}: ${request.method} ${request.url}`);
  const contentType = String(request.headers['content-type'] ?? '');
  const [type, body, headers] = errorIn(service, contentType, message);
  response.writeHead(403, { 'content-type': type, ...headers }).end(body);
}

/** The error as the service's protocol spells it, so the SDK raises it with its code and message. */
function errorIn(service: string, contentType: string, message: string): [string, string, object] {
  const error = `<Code>${ERROR_CODE}</Code><Message>${message}</Message>`;
  if (service === 's3') return ['application/xml', `<Error>${error}</Error>`, {}];
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return ['text/xml', `<ErrorResponse><Error><Type>Sender</Type>${error}</Error></ErrorResponse>`, {}];
  }
  return [
    'application/json',
    JSON.stringify({ __type: ERROR_CODE, message }),
    { 'x-amzn-errortype': ERROR_CODE },
  ];
}

/**
 * What a call is for, and whether that is AWS: the SigV4 credential scope names the service
 * (`.../us-east-1/bedrock/aws4_request`); other calls are named by the host they were meant for.
 */
function serviceOf(request: IncomingMessage): [name: string, aws: boolean] {
  const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(String(request.headers.authorization ?? ''));
  if (scope?.[1]) return [scope[1], true];
  const host = request.headers['x-forwarded-host'];
  if (typeof host !== 'string') return ['an AWS service', true];
  return AWS_HOST.test(host) ? [host.split('.')[0] as string, true] : [host, false];
}

const AWS_HOST = /\.amazonaws\.com(\.cn)?$|\.api\.aws$/;
