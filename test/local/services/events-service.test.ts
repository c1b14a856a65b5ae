/**
 * The EventBridge service through its contract: PutEvents to a template bus and to `default`,
 * rules with patterns delivering to a function (SAM and `AWS::Events::Rule` forms) and a queue,
 * with Input, InputPath and InputTransformer; per-entry errors as PutEvents gives them.
 */
import { eventsService } from '../../../generator/local/services/events';
import { targetInput } from '../../../generator/local/services/events/input';
import { sqsService } from '../../../generator/local/services/sqs';
import { TaskError } from '../../../generator/local/services/types';
import { loadApp } from '../../../generator/local/template/load-app';
import type { Template } from '../../../generator/template/types';
import { eventually, writeApp } from '../helpers';
import { recorded, recorder, samFunction, startTestServices, type TestServices } from './host';

const template = {
  Transform: 'AWS::Serverless-2016-10-31',
  Resources: {
    Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'WEBSOCKET' } },
    Orders: { Type: 'AWS::Events::EventBus', Properties: { Name: 'orders' } },
    Shipping: { Type: 'AWS::SQS::Queue', Properties: {} },
    Billing: samFunction('billing', {
      Paid: {
        Type: 'EventBridgeRule',
        Properties: {
          EventBusName: { Ref: 'Orders' },
          Pattern: { source: [{ prefix: 'shop.' }], detail: { total: [{ numeric: ['>', 0] }] } },
        },
      },
    }),
    Greeter: samFunction('greeter'),
    GreetRule: {
      Type: 'AWS::Events::Rule',
      Properties: {
        EventPattern: { 'detail-type': [{ 'equals-ignore-case': 'user signed up' }] },
        Targets: [
          {
            Id: 'greet',
            Arn: { 'Fn::GetAtt': ['Greeter', 'Arn'] },
            InputTransformer: {
              InputPathsMap: { name: '$.detail.name', plan: '$.detail.plan' },
              InputTemplate: '{"text": "Welcome, <name>!", "plan": <plan>, "rule": "<aws.events.rule-name>"}',
            },
          },
        ],
      },
    },
    ShipRule: {
      Type: 'AWS::Events::Rule',
      Properties: {
        EventBusName: { 'Fn::GetAtt': ['Orders', 'Arn'] },
        EventPattern: { 'detail-type': ['Order Paid'], detail: { shipping: [{ exists: true }] } },
        Targets: [{ Id: 'ship', Arn: { 'Fn::GetAtt': ['Shipping', 'Arn'] }, InputPath: '$.detail.shipping' }],
      },
    },
  },
} as unknown as Template;

describe('EventBridge service', () => {
  let dir: string;
  let running: TestServices;
  const stack = () => dir.split('/').at(-1) as string;
  const call = (name: string, request: Record<string, unknown>) => {
    const action = running.services.action(name);
    if (!action) throw new Error(`no action ${name}`);
    return action(request);
  };
  const seen = (folder: string) => recorded(dir, folder);

  beforeAll(async () => {
    dir = writeApp(template, { 'billing/index.js': recorder(), 'greeter/index.js': recorder() });
    running = await startTestServices(loadApp(dir, { region: 'us-east-1' }), [sqsService, eventsService]);
  });
  afterAll(() => running.close());

  it('delivers an event on a template bus to the rules it matches: the whole event, and a part to a queue', async () => {
    const answer = await call('events:PutEvents', {
      Entries: [
        {
          EventBusName: 'orders',
          Source: 'shop.orders',
          DetailType: 'Order Paid',
          Detail: JSON.stringify({ id: 'o-1', total: 30, shipping: { city: 'Lyon' } }),
        },
        {
          EventBusName: 'orders',
          Source: 'shop.orders',
          DetailType: 'Order Paid',
          Detail: '{"id": "o-2", "total": 0}',
        },
      ],
    });
    expect(answer.body).toMatchObject({
      FailedEntryCount: 0,
      Entries: [{ EventId: expect.any(String) }, {}],
    });
    expect(await eventually(async () => seen('billing').length === 1)).toBe(true);
    expect(seen('billing')[0]).toEqual({
      version: '0',
      id: (answer.body.Entries as { EventId: string }[])[0]?.EventId,
      'detail-type': 'Order Paid',
      source: 'shop.orders',
      account: '123456789012',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      region: 'us-east-1',
      resources: [],
      detail: { id: 'o-1', total: 30, shipping: { city: 'Lyon' } },
    });
    let bodies: string[] = [];
    const shipped = await eventually(async () => {
      const received = await call('sqs:ReceiveMessage', {
        QueueUrl: `https://sqs.us-east-1.amazonaws.com/123456789012/${stack()}-Shipping`,
      });
      bodies = [...bodies, ...((received.body.Messages ?? []) as { Body: string }[]).map((m) => m.Body)];
      return bodies.length > 0;
    });
    expect(shipped).toBe(true);
    expect(bodies).toEqual(['{"city":"Lyon"}']);
  });

  it('sends a target the input its transformer builds, for events on its own bus only', async () => {
    await call('events:PutEvents', {
      Entries: [
        { EventBusName: 'orders', Source: 'auth', DetailType: 'User Signed Up', Detail: '{"name": "Bob"}' },
      ],
    });
    await call('events:PutEvents', {
      Entries: [
        {
          Source: 'auth',
          DetailType: 'User Signed Up',
          Detail: '{"name": "Ann \\"A\\"", "plan": {"tier": 2}}',
        },
      ],
    });
    expect(await eventually(async () => seen('greeter').length === 1)).toBe(true);
    expect(seen('greeter')[0]).toEqual({
      text: 'Welcome, Ann "A"!',
      plan: { tier: 2 },
      rule: `${stack()}-GreetRule`,
    });
  });

  it('answers each entry: a bus the template lacks and a Detail that is not a JSON object fail alone', async () => {
    const answer = await call('events:PutEvents', {
      Entries: [
        { EventBusName: 'nope', Source: 's', DetailType: 't', Detail: '{}' },
        { Source: 's', DetailType: 't', Detail: '[1]' },
        { Source: 's', DetailType: 't', Detail: '{}' },
      ],
    });
    expect(answer.body).toEqual({
      FailedEntryCount: 2,
      Entries: [
        { ErrorCode: 'NotFoundException', ErrorMessage: 'Event bus nope does not exist.' },
        { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
        { EventId: expect.any(String) },
      ],
    });
    const task = running.services.task('arn:aws:states:::events:putEvents');
    await expect(
      task?.(
        { Entries: [{ EventBusName: 'nope', Source: 's', DetailType: 't', Detail: {} }] },
        { resource: 'arn:aws:states:::events:putEvents', stateName: 'Put' },
      ),
    ).rejects.toBeInstanceOf(TaskError);
  });

  it('lists its rules and their targets in the banner', () => {
    expect(running.services.banner).toEqual(
      expect.arrayContaining([
        `rule           → default/${stack()}-GreetRule, to Greeter`,
        `rule           → orders/${stack()}-ShipRule, to sqs ${stack()}-Shipping`,
        `rule           → orders/${stack()}-BillingPaid, to Billing`,
      ]),
    );
  });
});

describe('target input', () => {
  const event = { time: '2026-12-01T00:00:00Z', detail: { id: 'o-1', items: [1, 2] } };
  const rule = { name: 'r', arn: 'arn:aws:events:us-east-1:123456789012:rule/r' };
  it.each<[string, Parameters<typeof targetInput>[0], unknown]>([
    ['the whole event', {}, event],
    ['Input, as given', { input: '{"fixed": true}' }, { fixed: true }],
    ['InputPath', { inputPath: '$.detail.items' }, [1, 2]],
    [
      'a transformer into text',
      {
        transformer: {
          pathsMap: { id: '$.detail.id' },
          template: '"Order <id> at <aws.events.event.ingestion-time>"',
        },
      },
      'Order o-1 at 2026-12-01T00:00:00Z',
    ],
    [
      'a transformer placing JSON and a missing path',
      {
        transformer: {
          pathsMap: { items: '$.detail.items', gone: '$.detail.nope' },
          template: '{"items": <items>, "gone": <gone>}',
        },
      },
      { items: [1, 2], gone: null },
    ],
  ])('%s', (_name, target, expected) => {
    expect(targetInput(target, event, rule)).toEqual(expected);
  });
});
