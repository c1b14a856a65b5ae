/** Service integrations, queues, topics and buses: each action scoped to its one resource, each wired as AWS documents. */

import { ModelError } from '../../generator/errors';
import {
  connectionsTable,
  eventBridgeEvent,
  eventBus,
  expressStateMachine,
  lambdaFunction,
  lambdaIntegration,
  mockIntegration,
  queue,
  requestAuthorizer,
  route,
  secretParameter,
  serviceIntegration,
  snsEvent,
  sqsEvent,
  standardStateMachine,
  stepFunctionsSyncIntegration,
  topic,
  webSocketApp,
} from '../../generator/model/build';
import { synthesize } from '../../generator/synth/synth';
import type { Json } from '../../generator/template/types';

const definition = { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } };
const props = (template: ReturnType<typeof synthesize>['template'], id: string) =>
  template.Resources[id]?.Properties as Record<string, Json>;

describe('service integrations', () => {
  const messages = queue('Messages');
  const alerts = topic('Alerts');
  const bus = eventBus('Orders');
  const table = connectionsTable('Connections');
  const consumer = lambdaFunction('Consumer', {
    entry: 'consumer.ts',
    events: [
      sqsEvent(messages, { batchSize: 5 }),
      snsEvent(alerts),
      eventBridgeEvent(bus, { source: ['app'] }),
    ],
  });
  const app = webSocketApp({
    name: 'svc',
    routes: [
      route(
        '$connect',
        serviceIntegration('dynamodb:PutItem', table, { requestTemplate: '{"TableName": "${Target}"}' }),
      ),
      route(
        'queue',
        serviceIntegration('sqs:SendMessage', messages, { requestTemplate: 'Action=SendMessage' }),
      ),
      route('publish', serviceIntegration('sns:Publish', alerts, { requestTemplate: 'Action=Publish' })),
      route('put', serviceIntegration('events:PutEvents', bus, { requestTemplate: '{}' }), { twoWay: true }),
    ],
    consumers: [consumer],
  });
  const { template } = synthesize(app);

  test('each role allows its one action on its one resource', () => {
    expect(props(template, 'QueueIntegrationRole').Policies).toEqual([
      expect.objectContaining({
        PolicyDocument: expect.objectContaining({
          Statement: [
            {
              Effect: 'Allow',
              Action: 'sqs:SendMessage',
              Resource: { 'Fn::GetAtt': ['MessagesQueue', 'Arn'] },
            },
          ],
        }),
      }),
    ]);
    const statement = (id: string) =>
      ((props(template, id).Policies as Json[])[0] as { PolicyDocument: { Statement: Json[] } })
        .PolicyDocument.Statement[0];
    expect(statement('PublishIntegrationRole')).toMatchObject({
      Action: 'sns:Publish',
      Resource: { Ref: 'AlertsTopic' },
    });
    expect(statement('ConnectIntegrationRole')).toMatchObject({
      Action: 'dynamodb:PutItem',
      Resource: { 'Fn::GetAtt': ['ConnectionsTable', 'Arn'] },
    });
    expect(statement('PutIntegrationRole')).toMatchObject({
      Action: 'events:PutEvents',
      Resource: { 'Fn::GetAtt': ['OrdersEventBus', 'Arn'] },
    });
  });

  test('SQS is reached by its path with a form body; EventBridge gets its JSON target header', () => {
    expect(props(template, 'QueueIntegration')).toMatchObject({
      IntegrationUri: {
        'Fn::Sub':
          'arn:${AWS::Partition}:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/${MessagesQueue.QueueName}',
      },
      RequestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
    });
    expect(props(template, 'PutIntegration').RequestParameters).toEqual({
      'integration.request.header.X-Amz-Target': "'AWSEvents.PutEvents'",
      'integration.request.header.Content-Type': "'application/x-amz-json-1.1'",
    });
    expect(props(template, 'ConnectIntegration').RequestTemplates).toEqual({
      $default: { 'Fn::Sub': ['{"TableName": "${Target}"}', { Target: { Ref: 'ConnectionsTable' } }] },
    });
  });

  test('a non-proxy $connect answers the handshake through an integration response; two-way routes get both responses', () => {
    expect(template.Resources.ConnectIntegrationResponse).toBeDefined();
    expect(template.Resources.ConnectRouteResponse).toBeUndefined();
    expect(template.Resources.PutRouteResponse).toBeDefined();
    expect(template.Resources.PutIntegrationResponse).toBeDefined();
    expect(template.Resources.QueueIntegrationResponse).toBeUndefined();
  });

  test('the SQS consumer polls through a mapping that reports failed items, allowed on its queue only', () => {
    expect(props(template, 'ConsumerFunctionMessagesQueueMapping')).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': ['MessagesQueue', 'Arn'] },
      BatchSize: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const statements = (
      (props(template, 'ConsumerFunction').Policies as Json[])[0] as { Statement: Record<string, Json>[] }
    ).Statement;
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
      Resource: { 'Fn::GetAtt': ['MessagesQueue', 'Arn'] },
    });
    expect(props(template, 'ConsumerFunction').Events).toEqual({
      AlertsTopicSubscription: { Type: 'SNS', Properties: { Topic: { Ref: 'AlertsTopic' } } },
      OrdersEventBusRule: {
        Type: 'EventBridgeRule',
        Properties: { EventBusName: { Ref: 'OrdersEventBus' }, Pattern: { source: ['app'] } },
      },
    });
  });

  test('every queue has a dead-letter queue it redrives to', () => {
    expect(props(template, 'MessagesQueue').RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': ['MessagesDeadLetterQueue', 'Arn'] },
      maxReceiveCount: 3,
    });
    expect(template.Outputs?.MessagesDeadLetterQueueUrl?.Value).toEqual({ Ref: 'MessagesDeadLetterQueue' });
  });

  test('a STANDARD machine started asynchronously gets no synchronous start role', () => {
    const machine = standardStateMachine('Work', { definition });
    const { template: standard } = synthesize(
      webSocketApp({
        name: 'async',
        routes: [
          route('$default', serviceIntegration('states:StartExecution', machine, { requestTemplate: '{}' })),
        ],
      }),
    );
    expect(props(standard, 'WorkStateMachine').Type).toBe('STANDARD');
    expect(standard.Resources.WorkStateMachineStartRole).toBeUndefined();
  });
});

describe('model checks', () => {
  test('fails when an action is given the wrong kind of target', () => {
    const wrong = () =>
      serviceIntegration('sqs:SendMessage', topic('T') as never, { requestTemplate: 'Action=SendMessage' });
    expect(wrong).toThrow(ModelError);
    expect(wrong).toThrow(/integration "sqs:SendMessage": acts on a queue, got "topic"/);
  });

  test('fails when an action is not supported', () => {
    expect(() =>
      serviceIntegration('sqs:PurgeQueue' as never, queue('Q') as never, { requestTemplate: 'x' }),
    ).toThrow(/not a supported action; use "sqs:SendMessage"/);
  });

  test('fails when StartSyncExecution is pointed at a STANDARD machine', () => {
    const machine = standardStateMachine('Work', { definition });
    expect(() => stepFunctionsSyncIntegration(machine, { requestTemplate: '${StateMachineArn}' })).toThrow(
      /StartSyncExecution runs only EXPRESS state machines/,
    );
    expect(() =>
      stepFunctionsSyncIntegration(expressStateMachine('Fast', { definition }), {
        requestTemplate: '${StateMachineArn}',
      }),
    ).not.toThrow();
  });

  test('fails when a queue setting is out of range or a rule has no pattern', () => {
    expect(() => queue('Q', { maxReceiveCount: 0 })).toThrow(/queue "Q" maxReceiveCount: 0 is out of range/);
    expect(() => sqsEvent(queue('Q'), { batchSize: 0 })).toThrow(/batchSize: 0 is out of range/);
    expect(() => eventBridgeEvent(eventBus('B'), {})).toThrow(/pattern must be a non-empty event pattern/);
  });

  test('a consumer is part of the app through its queue', () => {
    const q = queue('Jobs');
    const fn = lambdaFunction('Worker', { entry: 'w.ts', events: [sqsEvent(q)] });
    const app = webSocketApp({
      name: 'jobs',
      routes: [route('$default', lambdaIntegration(lambdaFunction('Default', { entry: 'd.ts' })))],
      consumers: [fn],
    });
    expect(Object.keys(synthesize(app).template.Resources)).toEqual(
      expect.arrayContaining([
        'WorkerFunction',
        'JobsQueue',
        'JobsDeadLetterQueue',
        'WorkerFunctionJobsQueueMapping',
      ]),
    );
  });
});

describe('the $connect authorizer', () => {
  const authorizerFn = lambdaFunction('Authorizer', {
    entry: 'authorizer.ts',
    environment: { AUTH_TOKEN: secretParameter('AuthToken', 'the token') },
  });
  const app = webSocketApp({
    name: 'guarded',
    routes: [
      route('$connect', mockIntegration()),
      route('$default', lambdaIntegration(lambdaFunction('Default', { entry: 'd.ts' }))),
    ],
    authorizer: requestAuthorizer(authorizerFn, { queryString: 'token' }),
  });
  const { template } = synthesize(app);

  test('guards $connect only, reading the token named by its identity source', () => {
    expect(props(template, 'ConnectRoute')).toMatchObject({
      AuthorizationType: 'CUSTOM',
      AuthorizerId: { Ref: 'ConnectAuthorizer' },
    });
    expect(props(template, 'DefaultRoute').AuthorizationType).toBe('NONE');
    expect(props(template, 'ConnectAuthorizer')).toMatchObject({
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.querystring.token'],
    });
    expect(props(template, 'ConnectIntegration')).toMatchObject({
      IntegrationType: 'MOCK',
      RequestTemplates: { $default: '{"statusCode": 200}' },
    });
  });

  test("lets only this API's authorizer invoke the function, and takes the secret as a NoEcho parameter", () => {
    expect(props(template, 'ConnectAuthorizerPermission').SourceArn).toEqual({
      'Fn::Sub':
        'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebSocketApi}/authorizers/${ConnectAuthorizer}',
    });
    expect(template.Parameters?.AuthToken).toMatchObject({ Type: 'String', NoEcho: true, MinLength: 16 });
    expect(props(template, 'AuthorizerFunction').Environment).toEqual({
      Variables: { AUTH_TOKEN: { Ref: 'AuthToken' } },
    });
  });

  test('fails when the app has no $connect route to guard, or the token has no source', () => {
    expect(() =>
      webSocketApp({
        name: 'x',
        routes: [route('$default', mockIntegration())],
        authorizer: requestAuthorizer(authorizerFn, { header: 'Authorization' }),
      }),
    ).toThrow(/API Gateway authorizes \$connect only; add route\('\$connect', mockIntegration\(\)\)/);
    expect(() => requestAuthorizer(authorizerFn, {})).toThrow(/name the queryString or the header/);
  });
});

describe("SAM's WebSocketApi form", () => {
  const fn = lambdaFunction('Default', { entry: 'd.ts' });

  test('writes the routes in the SAM resource and keeps the route response beside it', () => {
    const { template } = synthesize(
      webSocketApp({
        name: 'sam',
        form: 'sam',
        routes: [route('$default', lambdaIntegration(fn), { twoWay: true })],
      }),
    );
    expect(template.Resources.WebSocketApi?.Type).toBe('AWS::Serverless::WebSocketApi');
    expect(props(template, 'WebSocketApi').Routes).toEqual({
      $default: {
        FunctionArn: { 'Fn::GetAtt': ['DefaultFunction', 'Arn'] },
        IntegrationTimeout: 29000,
        RouteResponseSelectionExpression: '$default',
      },
    });
    expect(props(template, 'DefaultRouteResponse').RouteId).toEqual({ Ref: 'WebSocketApiDefaultRoute' });
    const kinds = Object.values(template.Resources).map((resource) => resource.Type);
    for (const raw of [
      'AWS::ApiGatewayV2::Route',
      'AWS::ApiGatewayV2::Stage',
      'AWS::ApiGatewayV2::Deployment',
    ]) {
      expect(kinds).not.toContain(raw);
    }
  });

  test('fails when a route is not a Lambda route', () => {
    const app = webSocketApp({
      name: 'mixed',
      form: 'sam',
      routes: [
        route('$default', serviceIntegration('sqs:SendMessage', queue('Q'), { requestTemplate: 'x' })),
      ],
    });
    expect(() => synthesize(app)).toThrow(/app form "sam": route \$default is not a Lambda route/);
  });
});
