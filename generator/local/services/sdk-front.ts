/**
 * The one HTTP endpoint handlers' SDK calls reach (`AWS_ENDPOINT_URL_<SERVICE>` points at the
 * emulator's port), dispatching to the running services' actions in the protocol each AWS service
 * speaks:
 * - the JSON protocol: `X-Amz-Target: <Prefix>.<Action>` with a JSON body (Step Functions, SQS,
 *   EventBridge...); errors as `{ __type, message }` with `x-amzn-ErrorType`;
 * - the query protocol: a form body `Action=Publish&...` (SNS), answered in XML
 *   (`<PublishResponse><PublishResult>...`, errors as `<ErrorResponse>`);
 * - Lambda's REST path `POST /2015-03-31/functions/<name>/invocations`, the Invoke API of SDK v3
 *   and boto3 alike.
 * The service is the one the request is signed for (`Credential=<key>/<date>/<region>/<service>/`),
 * as AWS routes it; signatures are not checked.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeForm } from '../integrations/aws-service';
import type { Logger } from '../log';
import { queryAnswer } from './query-shapes';
import type { RunningServices } from './registry';
import type { ServiceResponse } from './types';

const LAMBDA_INVOKE = /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?(?:\?(.*))?$/;

/** True when the request is an SDK call; the answer is then sent. */
export function handleSdkRequest(
  request: IncomingMessage,
  response: ServerResponse,
  services: RunningServices,
  log: Logger,
): boolean {
  const url = request.url ?? '/';
  const lambda = LAMBDA_INVOKE.exec(url);
  const target = request.headers['x-amz-target'];
  const form = String(request.headers['content-type'] ?? '').includes('x-www-form-urlencoded');
  if (!lambda && !target && !(form && request.method === 'POST')) return false;
  readBody(request).then(
    async (body) => {
      const started = Date.now();
      const service = signingService(request);
      const status = lambda
        ? await invokeLambda(decodeURIComponent(lambda[1] as string), request, body, services, response)
        : target
          ? await jsonCall(service, String(target), body, services, response)
          : await queryCall(service, body, services, response);
      log.line(`SDK ${service}:${status.action} ${status.code} ${Date.now() - started}ms`);
    },
    () => response.destroy(),
  );
  return true;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The service a request is signed for: `sns` in `Credential=AKIA.../20260101/us-east-1/sns/aws4_request`. */
function signingService(request: IncomingMessage): string {
  return (
    /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(String(request.headers.authorization ?? ''))?.[1] ?? ''
  );
}

interface Answered {
  readonly action: string;
  readonly code: number;
}

async function jsonCall(
  service: string,
  target: string,
  body: string,
  services: RunningServices,
  response: ServerResponse,
): Promise<Answered> {
  const action = target.split('.').at(-1) as string;
  const contentType = 'application/x-amz-json-1.0';
  let input: Record<string, unknown>;
  try {
    input = body ? JSON.parse(body) : {};
  } catch (error) {
    return sendJson(
      response,
      action,
      contentType,
      badRequest('SerializationException', (error as Error).message),
    );
  }
  const handler = services.action(`${service}:${action}`);
  if (!handler) return sendJson(response, action, contentType, unknownOperation(service, action));
  return sendJson(response, action, contentType, await handler(input));
}

function sendJson(
  response: ServerResponse,
  action: string,
  contentType: string,
  answer: ServiceResponse,
): Answered {
  const type = answer.statusCode >= 300 ? String(answer.body.__type ?? '') : '';
  response
    .writeHead(answer.statusCode, {
      'content-type': contentType,
      ...(type ? { 'x-amzn-errortype': type } : {}),
      ...answer.headers,
    })
    .end(JSON.stringify(answer.body));
  return { action, code: answer.statusCode };
}

async function queryCall(
  service: string,
  body: string,
  services: RunningServices,
  response: ServerResponse,
): Promise<Answered> {
  const { Action, Version: _, ...input } = decodeForm(body);
  const action = String(Action ?? '');
  const handler = services.action(`${service}:${action}`);
  const answer = handler ? await handler(input) : unknownOperation(service, action);
  response.writeHead(answer.statusCode, { 'content-type': 'text/xml' }).end(queryXml(action, answer));
  return { action, code: answer.statusCode };
}

/** The query protocol's answer in XML: `<ActionResponse><ActionResult>...`, or `<ErrorResponse>`. */
export function queryXml(action: string, answer: ServiceResponse): string {
  const structure = queryAnswer(action, answer, answer.body);
  return toXml(answer.statusCode >= 300 ? { ErrorResponse: structure } : structure);
}

function toXml(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => `<member>${toXml(item)}</member>`).join('');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, item]) => `<${key}>${toXml(item)}</${key}>`)
      .join('');
  }
  return value === undefined || value === null ? '' : escapeXml(String(value));
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`);

/** Lambda's Invoke API: the payload is the body; errors and function errors as Lambda sends them. */
async function invokeLambda(
  functionName: string,
  request: IncomingMessage,
  body: string,
  services: RunningServices,
  response: ServerResponse,
): Promise<Answered> {
  const invoke = services.action('lambda:Invoke');
  const answer = invoke
    ? await invoke({
        FunctionName: functionName,
        InvocationType: String(request.headers['x-amz-invocation-type'] ?? 'RequestResponse'),
        Payload: body,
      })
    : unknownOperation('lambda', 'Invoke');
  const { Payload, FunctionError, ...error } = answer.body as {
    Payload?: string;
    FunctionError?: string;
    __type?: string;
    message?: string;
  };
  if (answer.statusCode >= 300) {
    response
      .writeHead(answer.statusCode, {
        'content-type': 'application/json',
        'x-amzn-errortype': String(error.__type ?? ''),
      })
      .end(JSON.stringify({ Type: 'User', message: error.message }));
  } else {
    response
      .writeHead(answer.statusCode, {
        'content-type': 'application/json',
        'x-amz-executed-version': '$LATEST',
        ...(FunctionError ? { 'x-amz-function-error': FunctionError } : {}),
      })
      .end(Payload ?? '');
  }
  return { action: 'Invoke', code: answer.statusCode };
}

const badRequest = (type: string, message: string): ServiceResponse => ({
  statusCode: 400,
  body: { __type: type, message },
});

/** What AWS answers an operation its service does not have; here: one wskit local does not run. */
function unknownOperation(service: string, action: string): ServiceResponse {
  return badRequest(
    'UnknownOperationException',
    `${service}:${action} does not run in wskit local (it runs the services of the template it emulates)`,
  );
}
