/**
 * The DynamoDB endpoint handlers' SDKs reach when a table has a stream: a pass-through HTTP server
 * in front of the table server. Requests and answers go through byte for byte (so SDKs that check
 * `x-amz-crc32` still can); writes to streamed tables go through the StreamWriter first.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { urlHost } from '../../url-host';
import type { ServiceResponse } from '../types';
import type { StreamWriter } from './records';

const FORWARDED = ['content-type', 'x-amz-target', 'x-amz-date', 'authorization', 'x-amz-security-token'];
const RETURNED = ['content-type', 'x-amz-crc32', 'x-amzn-requestid'];

/** Requests carry a signature-shaped header: the table server wants one and checks nothing in it. */
const SIGNED = {
  'content-type': 'application/x-amz-json-1.0',
  'x-amz-date': '20260101T000000Z',
  authorization:
    'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
};

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
}

/** One request to the table server, as it came. */
export async function forward(
  endpoint: string,
  headers: Record<string, string>,
  body: string,
): Promise<RawAnswer> {
  const response = await fetch(endpoint, { method: 'POST', headers, body });
  const returned: Record<string, string> = {};
  for (const name of RETURNED) {
    const value = response.headers.get(name);
    if (value !== null) returned[name] = value;
  }
  return { status: response.status, headers: returned, text: await response.text() };
}

/** One action on the table server, with its JSON answer (DynamoDB's own, errors included). */
export async function callTableServer(
  endpoint: string,
  action: string,
  request: Record<string, unknown>,
): Promise<ServiceResponse> {
  const headers = { ...SIGNED, 'x-amz-target': `DynamoDB_20120810.${action}` };
  const answer = await forward(endpoint, headers, JSON.stringify(request));
  return { statusCode: answer.status, body: JSON.parse(answer.text) as Record<string, unknown> };
}

export async function startStreamProxy(
  tableServer: string,
  host: string,
  writer: StreamWriter,
): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    void answer(request).then(
      ({ status, headers, text }) => response.writeHead(status, headers).end(text),
      (error: Error) => response.writeHead(502).end(error.message),
    );
  });
  const answer = async (request: IncomingMessage): Promise<RawAnswer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers: Record<string, string> = {};
    for (const name of FORWARDED) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const action = (headers['x-amz-target'] ?? '').split('.').at(-1) ?? '';
    const send = () => forward(tableServer, headers, body);
    if (!isWrite(action)) return send();
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return send();
    }
    return writer.write(action, parsed, send, (raw) => raw.status === 200);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return {
    endpoint: `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
export const isWrite = (action: string) => WRITES.has(action);
