import { ModelError } from '../../generator/errors';
import {
  connectionsTable,
  expressStateMachine,
  grantConnections,
  grantTable,
  lambdaFunction,
  lambdaIntegration,
  route,
  routeIdFromKey,
  stepFunctionsSyncIntegration,
  webSocketApp,
} from '../../generator/model/build';
import { DEFAULTS } from '../../generator/model/defaults';
import type { Runtime } from '../../generator/model/types';
import { chat, machine, orders, sampleApp } from '../helpers/sample-app';

const fn = (props: Partial<Parameters<typeof lambdaFunction>[1]> = {}) =>
  lambdaFunction('Fn', { entry: 'x.ts', ...props });

describe('model factories fill in defaults', () => {
  test('function defaults come from DEFAULTS', () => {
    const made = fn();
    expect(made).toMatchObject({
      handler: DEFAULTS.handler,
      runtime: DEFAULTS.runtime,
      architecture: DEFAULTS.architecture,
      memorySizeMb: DEFAULTS.memorySizeMb,
      timeoutSeconds: DEFAULTS.timeoutSeconds,
    });
    expect(DEFAULTS.runtime).not.toBe('nodejs20.x');
  });

  test('app defaults: route selection on $request.body.action, stage prod', () => {
    const app = sampleApp();
    expect(app.routeSelectionExpression).toBe('$request.body.action');
    expect(app.stage.defaultName).toBe('prod');
  });

  test('grants are deduplicated and sorted, so output does not depend on their order', () => {
    const table = connectionsTable('T');
    const grant = grantTable(table, ['dynamodb:Scan', 'dynamodb:DeleteItem', 'dynamodb:Scan']);
    expect(grant.kind === 'table' ? grant.actions : []).toEqual(['dynamodb:DeleteItem', 'dynamodb:Scan']);
  });

  test.each([
    ['$connect', 'Connect'],
    ['$default', 'Default'],
    ['sendmessage', 'Sendmessage'],
    ['send-message', 'SendMessage'],
    ['chat.join', 'ChatJoin'],
    ['2fa', 'Route2fa'],
  ])('route key %s gets id %s', (key, id) => {
    expect(routeIdFromKey(key)).toBe(id);
  });
});

describe('invalid input fails where it is made, naming the item and what is allowed', () => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      'fails when the runtime is unknown',
      () => fn({ runtime: 'nodejs20.x' as Runtime }),
      /function "Fn" runtime: "nodejs20.x" is not allowed; use "nodejs22.x" or "nodejs24.x"/,
    ],
    [
      'fails when memory is out of range',
      () => fn({ memorySizeMb: 64 }),
      /memorySizeMb: 64 is out of range; expected a whole number of MB from 128 to 10240/,
    ],
    [
      'fails when the timeout is out of range',
      () => fn({ timeoutSeconds: 901 }),
      /timeoutSeconds: 901 is out of range/,
    ],
    [
      'fails when the handler is not an identifier',
      () => fn({ handler: 'index.handler' }),
      /handler: "index.handler" is not allowed/,
    ],
    [
      'fails when an environment variable is reserved',
      () => fn({ environment: { AWS_REGION: 'x' } }),
      /"AWS_REGION" is reserved/,
    ],
    ['fails when the entry is empty', () => fn({ entry: '' }), /entry must be the path/],
    [
      'fails when an id has punctuation',
      () => lambdaFunction('on-connect', { entry: 'x.ts' }),
      /function "on-connect": "on-connect" is not allowed; expected letters and digits/,
    ],
    [
      'fails when a route key starts with an unknown $',
      () => route('$other', lambdaIntegration(chat)),
      /keys starting with \$ are reserved/,
    ],
    [
      'fails when a route key is empty',
      () => route('', lambdaIntegration(chat)),
      /a route key is 1 to 128 characters/,
    ],
    [
      'fails when a route has no integration',
      () => route('x', undefined as never),
      /route "x": has no integration/,
    ],
    [
      'fails when $connect is two-way',
      () => route('$connect', lambdaIntegration(chat), { twoWay: true }),
      /cannot be two-way/,
    ],
    [
      'fails when an integration timeout exceeds 29 s',
      () => lambdaIntegration(chat, { timeoutMillis: 30_000 }),
      /timeoutMillis: 30000 is out of range; expected a whole number of milliseconds from 50 to 29000/,
    ],
    [
      'fails when a request template does not name the state machine',
      () => stepFunctionsSyncIntegration(machine, { requestTemplate: '{}' }),
      /must contain \$\{StateMachineArn\}/,
    ],
    [
      'fails when a definition has no States',
      () => expressStateMachine('M', { definition: { StartAt: 'x' } }),
      /definition must be an ASL object/,
    ],
    [
      'fails when a grant names a non-DynamoDB action',
      () => grantTable(connectionsTable('T'), ['s3:GetObject']),
      /a DynamoDB action/,
    ],
    [
      'fails when a connections grant has an unknown method',
      () => grantConnections(['PUT' as 'POST']),
      /"PUT" is not allowed; use "POST", "GET" or "DELETE"/,
    ],
    [
      'fails when the app has no routes',
      () => webSocketApp({ name: 'a', routes: [] }),
      /list at least one route/,
    ],
    [
      'fails when the app name has a space',
      () => webSocketApp({ name: 'my app', routes: [route('x', orders)] }),
      /app name: "my app" is not allowed/,
    ],
    [
      'fails when the stage name has a slash',
      () => webSocketApp({ name: 'a', stage: { name: 'a/b' }, routes: [route('x', orders)] }),
      /stage name: "a\/b" is not allowed/,
    ],
    [
      'fails when the route selection expression is not a body path',
      () =>
        webSocketApp({
          name: 'a',
          routeSelectionExpression: '$request.header.x',
          routes: [route('x', orders)],
        }),
      /routeSelectionExpression/,
    ],
    [
      'fails when the log retention is not one CloudWatch accepts',
      () => webSocketApp({ name: 'a', stage: { logRetentionDays: 10 }, routes: [route('x', orders)] }),
      /logRetentionDays: 10 is not allowed/,
    ],
    [
      'fails when two routes share a key',
      () => sampleApp([route('chat', orders)]),
      /routes\[3\]: route key "chat" is already used by routes\[1\]/,
    ],
    [
      'fails when two route keys give the same id',
      () => sampleApp([route('Chat', orders)]),
      /route "Chat" gets id "Chat" like route "chat"; pass route\(key, integration, \{ id \}\)/,
    ],
    [
      'fails when two different functions share an id',
      () => sampleApp([route('other', lambdaIntegration(lambdaFunction('Chat', { entry: 'other.ts' })))]),
      /function "Chat": two different functions share this id/,
    ],
  ];
  test.each(cases)('%s', (_name, make, message) => {
    expect(make).toThrow(ModelError);
    expect(make).toThrow(message);
  });

  test('a route with an explicit id resolves an id clash', () => {
    expect(() => sampleApp([route('Chat', orders, { id: 'ChatUpper' })])).not.toThrow();
  });
});
