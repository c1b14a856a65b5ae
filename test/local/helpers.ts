/** Shared by the local emulator's tests: the example apps, a started server, and a small ws client. */

import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import WebSocket from 'ws';
import type { LocalServer } from '../../generator/local/start-local';
import { packagePath } from '../../generator/paths';
import type { Json, Template } from '../../generator/template/types';
import { toYaml } from '../../generator/template/yaml';

/** The `lambda` example app with its committed bundles (a generate test keeps them current). */
export const lambdaAppDir = async () => packagePath('patterns', 'lambda');

export const sfnSyncAppDir = () => packagePath('patterns', 'sfn-sync');

/** The `Api` and `Stage` resources every hand-written WebSocket template starts with. */
export function websocketApi(name: string, stageName: string): Template['Resources'] {
  return {
    Api: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: { Name: name, ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' },
    },
    Stage: { Type: 'AWS::ApiGatewayV2::Stage', Properties: { ApiId: { Ref: 'Api' }, StageName: stageName } },
  };
}

/** A Node.js SAM function whose code is in the app's `src/` folder. */
export function nodeFunction(handler: string): Template['Resources'][string] {
  return {
    Type: 'AWS::Serverless::Function',
    Properties: { CodeUri: 'src/', Handler: handler, Runtime: 'nodejs22.x' },
  };
}

/** A two-way route `key` (ids `<id>Route`, `<id>Integration`...) to an integration with `integration`'s properties. */
export function twoWayRoute(
  id: string,
  key: string,
  integration: Record<string, Json>,
): Template['Resources'] {
  return {
    [`${id}Route`]: {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: { Ref: 'Api' },
        RouteKey: key,
        RouteResponseSelectionExpression: '$default',
        Target: { 'Fn::Sub': `integrations/\${${id}Integration}` },
      },
    },
    [`${id}Integration`]: {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: { ApiId: { Ref: 'Api' }, ...integration },
    },
    [`${id}RouteResponse`]: {
      Type: 'AWS::ApiGatewayV2::RouteResponse',
      Properties: { ApiId: { Ref: 'Api' }, RouteId: { Ref: `${id}Route` }, RouteResponseKey: '$default' },
    },
  };
}

/** The `$default` integration response of `<id>Integration`, rendering `template`. */
export function integrationResponse(id: string, template: string): Template['Resources'] {
  return {
    [`${id}IntegrationResponse`]: {
      Type: 'AWS::ApiGatewayV2::IntegrationResponse',
      Properties: {
        ApiId: { Ref: 'Api' },
        IntegrationId: { Ref: `${id}Integration` },
        IntegrationResponseKey: '$default',
        ResponseTemplates: { $default: template },
      },
    },
  };
}

/** Writes a template and extra files (definitions, handlers) into a new folder; returns the folder. */
export function writeApp(template: Template, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'wskit-local-app-'));
  writeFileSync(join(dir, 'template.yml'), toYaml(template));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Writes a SAM template (with the transform) of `resources`, and extra files; returns the folder. */
export function writeSamApp(resources: Template['Resources'], files: Record<string, string> = {}): string {
  return writeApp(
    { AWSTemplateFormatVersion: '2010-09-09', Transform: 'AWS::Serverless-2016-10-31', Resources: resources },
    files,
  );
}

/** A copy of an app folder, outside this repository (no node_modules above it), to change files in. */
export function copyApp(appDir: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'wskit-app-copy-')), 'app');
  cpSync(appDir, dir, { recursive: true });
  return dir;
}

/** A client for the emulator's table server. */
export function localDynamoDb(server: LocalServer): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: server.dynamoEndpoint as string,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** Polls `check` until it holds, for at most `timeoutMs`; returns whether it held. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

/** A ws client that queues what it receives, so a test can await the next message. */
export class Client {
  readonly received: string[] = [];
  private waiters: ((message: string) => void)[] = [];
  closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString();
      const waiter = this.waiters.shift();
      if (waiter) waiter(text);
      else this.received.push(text);
    });
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  static connect(url: string, options?: WebSocket.ClientOptions): Promise<Client> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, options);
      socket.once('open', () => resolve(new Client(socket)));
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) =>
        reject(
          Object.assign(new Error(`handshake answered ${response.statusCode}`), {
            status: response.statusCode,
          }),
        ),
      );
    });
  }

  next(timeoutMs = 10_000): Promise<string> {
    const queued = this.received.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const waiter = (message: string) => {
        clearTimeout(timer);
        resolve(message);
      };
      // A waiter that gave up must not swallow the next message.
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error('no message arrived'));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  async request(message: string): Promise<string> {
    this.socket.send(message);
    return this.next();
  }

  /** Sends `message` until the reply satisfies `check` or `timeoutMs` passes; returns the last reply. */
  async requestUntil(
    message: string,
    check: (reply: string) => boolean,
    timeoutMs = 10_000,
  ): Promise<string> {
    let last = '';
    await eventually(async () => {
      last = await this.request(message);
      return check(last);
    }, timeoutMs);
    return last;
  }

  close(): Promise<{ code: number; reason: string }> {
    this.socket.close();
    return this.closed;
  }
}

/**
 * A route of the WebSocket API `api` to the function `functionId` through an AWS_PROXY integration,
 * two-way (with a `$default` route response) unless told otherwise, and that function.
 */
export function lambdaRoute(
  api: string,
  routeKey: string,
  functionId: string,
  fn: Template['Resources'][string],
  twoWay = true,
): Template['Resources'] {
  const prefix = functionId.replace(/Function$/, '');
  return {
    [`${prefix}Route`]: {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: { Ref: api },
        RouteKey: routeKey,
        Target: { 'Fn::Sub': `integrations/\${${prefix}Integration}` },
      },
    },
    [`${prefix}Integration`]: {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: { Ref: api },
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: {
          'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${functionId}.Arn}/invocations`,
        },
      },
    },
    ...(twoWay
      ? {
          [`${prefix}RouteResponse`]: {
            Type: 'AWS::ApiGatewayV2::RouteResponse',
            Properties: {
              ApiId: { Ref: api },
              RouteId: { Ref: `${prefix}Route` },
              RouteResponseKey: '$default',
            },
          },
        }
      : {}),
    [functionId]: fn,
  };
}
