/**
 * The Step Functions task `arn:aws:states:::apigateway:invoke` aimed at the WebSocket API the
 * emulator serves: its `@connections` API, the way the sfn-async pattern answers a client later.
 * ApiEndpoint `<apiId>.execute-api.<region>.amazonaws.com` (or the emulator's own address, as
 * `$context.domainName` gives it locally) is this API; Path `/@connections/<id>` under `Stage`, or `/<stage>/@connections/<id>`; Method and
 * RequestBody (a JSON value is sent as JSON text), Headers and QueryParameters as given.
 * The result is `{ ResponseBody, StatusCode, StatusText, Headers }`; a status that is not 2xx fails
 * the task with `ApiGateway.<status>` (410 for a gone connection), as Step Functions reports it.
 */
import { STATUS_CODES } from 'node:http';
import type { Json } from '../../template/types';
import { type LocalService, type RunningService, TaskError } from './types';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

interface InvokeParameters {
  readonly ApiEndpoint?: string;
  readonly Method?: string;
  readonly Stage?: string;
  readonly Path?: string;
  readonly QueryParameters?: Record<string, string[]>;
  readonly Headers?: Record<string, string[]>;
  readonly RequestBody?: Json;
}

export const apigatewayService: LocalService = {
  name: 'apigateway',
  resourceTypes: [],
  async start(app, host): Promise<RunningService> {
    let apiId = app.apiId;
    const own = new URL(host.endpoint);
    return {
      tasks: {
        'arn:aws:states:::apigateway:invoke': async (input) => {
          const parameters = (input ?? {}) as InvokeParameters;
          const endpoint = String(parameters.ApiEndpoint ?? '');
          const url = URL.parse(/^\w+:\/\//.test(endpoint) ? endpoint : `https://${endpoint}`);
          const local =
            url && (url.host === own.host || (LOOPBACK.has(url.hostname) && url.port === own.port));
          if (!url || (!url.hostname.startsWith(`${apiId}.execute-api.`) && !local)) {
            throw new TaskError(
              'States.TaskFailed',
              `ApiEndpoint ${endpoint} does not run in wskit local: it serves ${apiId}.execute-api.${host.region}.amazonaws.com (wskit local never calls AWS)`,
            );
          }
          // An endpoint written with a path (`<host>/<stage>`) keeps it in front of Stage and Path.
          return invoke(`${host.endpoint}${url.pathname.replace(/\/$/, '')}`, parameters);
        },
      },
      update(next) {
        apiId = next.apiId;
      },
      close: async () => {},
    };
  },
};

async function invoke(base: string, parameters: InvokeParameters): Promise<Json> {
  const path = `${parameters.Stage ? `/${parameters.Stage}` : ''}${parameters.Path ?? ''}`;
  const query = new URLSearchParams();
  for (const [name, values] of Object.entries(parameters.QueryParameters ?? {}))
    for (const value of values) query.append(name, value);
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(parameters.Headers ?? {})) headers[name] = values.join(',');
  const body = parameters.RequestBody;
  const method = (parameters.Method ?? 'GET').toUpperCase();
  const response = await fetch(`${base}${path}${query.size > 0 ? `?${query}` : ''}`, {
    method,
    headers,
    ...(body === undefined || method === 'GET'
      ? {}
      : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  let responseBody: Json = text;
  try {
    responseBody = text ? JSON.parse(text) : '';
  } catch {
    // Not JSON: the text as it came.
  }
  if (response.status < 200 || response.status > 299) {
    throw new TaskError(`ApiGateway.${response.status}`, text || (STATUS_CODES[response.status] ?? ''));
  }
  const responseHeaders: Record<string, Json> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name] = [value];
  });
  return {
    Headers: responseHeaders,
    ResponseBody: responseBody,
    StatusCode: response.status,
    StatusText: STATUS_CODES[response.status] ?? '',
  };
}
