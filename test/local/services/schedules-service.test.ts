/**
 * Schedules through the service contract: the four template forms, what each target receives
 * (EventBridge's scheduled event through Input/InputPath/InputTransformer, Scheduler's Input as is
 * with its context attributes), firing on their own at their rate and cron on a fake clock, off
 * with `schedules: false`, firing on demand, and a bad expression reported alone. Functions are
 * recorded by the host (the delivery to a real function is in test/local/scheduled-broadcast.test.ts);
 * queues are the real SQS service.
 */
import type { RunningServices } from '../../../generator/local/services/registry';
import { schedulesService } from '../../../generator/local/services/schedules';
import { sqsService } from '../../../generator/local/services/sqs';
import { loadApp } from '../../../generator/local/template/load-app';
import { LOCAL_ACCOUNT_ID } from '../../../generator/local/template/resolve';
import type { Template } from '../../../generator/template/types';
import { writeApp } from '../helpers';
import { samFunction, startTestServices } from './host';

const template = {
  Transform: 'AWS::Serverless-2016-10-31',
  Resources: {
    Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'WEBSOCKET' } },
    Jobs: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'jobs' } },
    Ticker: samFunction('ticker', {
      EveryMinute: { Type: 'Schedule', Properties: { Schedule: 'rate(1 minute)' } },
      Quarterly: {
        Type: 'ScheduleV2',
        Properties: {
          ScheduleExpression: 'cron(0/15 * * * ? *)',
          Input: '{"at": "<aws.scheduler.scheduled-time>", "by": "<aws.scheduler.schedule-arn>"}',
        },
      },
      Off: { Type: 'Schedule', Properties: { Schedule: 'rate(1 minute)', Enabled: false } },
    }),
    Reporter: samFunction('reporter'),
    NightlyRule: {
      Type: 'AWS::Events::Rule',
      Properties: {
        Name: 'nightly',
        ScheduleExpression: 'cron(0 2 * * ? *)',
        Targets: [
          {
            Id: 'report',
            Arn: { 'Fn::GetAtt': ['Reporter', 'Arn'] },
            InputTransformer: {
              InputPathsMap: { time: '$.time', kind: '$.detail-type' },
              InputTemplate: '{"report": "<kind> at <time>", "rule": "<aws.events.rule-name>"}',
            },
          },
          { Id: 'queue', Arn: { 'Fn::GetAtt': ['Jobs', 'Arn'] }, InputPath: '$.resources' },
        ],
      },
    },
    Cleanup: {
      Type: 'AWS::Scheduler::Schedule',
      Properties: {
        ScheduleExpression: 'rate(7 minutes)',
        EndDate: '2026-12-06T02:00:00Z',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: { 'Fn::GetAtt': ['Jobs', 'Arn'] },
          RoleArn: 'arn:aws:iam::123456789012:role/r',
          Input: 'clean up',
        },
      },
    },
    Later: {
      Type: 'AWS::Scheduler::Schedule',
      Properties: {
        ScheduleExpression: 'cron(0/5 * * * ? *)',
        StartDate: '2026-12-06T02:01:00Z',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: { 'Fn::GetAtt': ['Jobs', 'Arn'] },
          RoleArn: 'arn:aws:iam::123456789012:role/r',
          Input: 'later',
        },
      },
    },
    Broken: {
      Type: 'AWS::Events::Rule',
      Properties: {
        ScheduleExpression: 'rate(1 minutes)',
        Targets: [{ Id: 'r', Arn: { 'Fn::GetAtt': ['Reporter', 'Arn'] } }],
      },
    },
  },
} as unknown as Template;

interface Invocation {
  readonly functionId: string;
  readonly event: Record<string, unknown>;
  readonly at: string;
}

async function start(schedules: boolean) {
  const invocations: Invocation[] = [];
  const app = loadApp(writeApp(template), { region: 'us-east-1' });
  const running = await startTestServices(app, [sqsService, schedulesService], {
    schedules,
    invokeFunction: async (functionId, event) => {
      invocations.push({ functionId, event: event as Record<string, unknown>, at: new Date().toISOString() });
      return { ok: true, result: null, requestId: 'r' };
    },
  });
  return { services: running.services, invocations, close: running.close };
}

const action = (services: RunningServices, name: string) =>
  services.action(name) as NonNullable<ReturnType<RunningServices['action']>>;

const received = async (services: RunningServices) => {
  const { body } = await action(services, 'sqs:GetQueueUrl')({ QueueName: 'jobs' });
  const answer = await action(
    services,
    'sqs:ReceiveMessage',
  )({ QueueUrl: body.QueueUrl, MaxNumberOfMessages: 10 });
  return ((answer.body.Messages ?? []) as { Body: string }[]).map((message) => message.Body);
};

describe('schedules', () => {
  afterEach(() => jest.useRealTimers());

  it('fire on their own at their rate and cron (UTC), each target getting what AWS sends', async () => {
    jest.useFakeTimers({
      now: new Date('2026-12-06T01:50:30Z'),
      doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'],
    });
    const { services, invocations, close } = await start(true);
    await jest.advanceTimersByTimeAsync(15 * 60_000);
    const at = (id: string) => invocations.filter((i) => i.functionId === id).map((i) => i.at);
    // Every minute from the start, not the disabled one; the quarter hours; 02:00 for the nightly rule.
    expect(at('Ticker').filter((time) => time.endsWith(':30.000Z'))).toHaveLength(15);
    expect(at('Ticker').filter((time) => time.endsWith(':00.000Z'))).toEqual(['2026-12-06T02:00:00.000Z']);
    expect(at('Reporter')).toEqual(['2026-12-06T02:00:00.000Z']);
    const scheduled = invocations.find((i) => i.functionId === 'Ticker')?.event;
    expect(scheduled).toEqual({
      version: '0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: LOCAL_ACCOUNT_ID,
      time: '2026-12-06T01:51:30Z',
      region: 'us-east-1',
      resources: [expect.stringMatching(/^arn:aws:events:us-east-1:\d{12}:rule\/\S+-TickerEveryMinute$/)],
      detail: {},
    });
    expect(
      invocations.find((i) => i.at === '2026-12-06T02:00:00.000Z' && i.functionId === 'Ticker')?.event,
    ).toEqual({
      at: '2026-12-06T02:00:00Z',
      by: `arn:aws:scheduler:us-east-1:${LOCAL_ACCOUNT_ID}:schedule/default/TickerQuarterly`,
    });
    expect(invocations.find((i) => i.functionId === 'Reporter')?.event).toEqual({
      report: 'Scheduled Event at 2026-12-06T02:00:00Z',
      rule: 'nightly',
    });
    // The rule's queue target got the resources; Scheduler's got its Input as is, at 7 minutes and
    // not at 14, after its EndDate; the one starting at 02:01 first fires at 02:05.
    expect(await received(services)).toEqual([
      'clean up',
      `["arn:aws:events:us-east-1:${LOCAL_ACCOUNT_ID}:rule/nightly"]`,
      'later',
    ]);
    await close();
  });

  it('with schedules off, fire only when asked; a bad expression is reported alone', async () => {
    jest.useFakeTimers({
      now: new Date('2026-12-06T01:50:30Z'),
      doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'],
    });
    const { services, invocations, close } = await start(false);
    await jest.advanceTimersByTimeAsync(15 * 60_000);
    expect(invocations).toEqual([]);
    const fire = action(services, 'schedules:Fire');
    expect((await fire({ id: 'Ticker.Off' })).statusCode).toBe(200);
    expect(invocations.map((i) => i.functionId)).toEqual(['Ticker']);
    expect(await fire({ id: 'Broken' })).toEqual({
      statusCode: 400,
      body: {
        __type: 'ValidationException',
        message: 'rate(1 minutes): the unit is minute for 1 and minutes otherwise',
      },
    });
    expect(await fire({ id: 'Nope' })).toEqual({
      statusCode: 404,
      body: {
        __type: 'ResourceNotFoundException',
        message:
          'no schedule "Nope"; this app\'s schedules: NightlyRule, Broken, Cleanup, Later, Ticker.EveryMinute, Ticker.Quarterly, Ticker.Off',
      },
    });
    expect(services.banner.filter((line) => line.startsWith('schedule'))).toEqual([
      'schedule       → NightlyRule cron(0 2 * * ? *) (UTC), off (--no-schedules), to Reporter, sqs jobs; fire now: curl -X POST http://127.0.0.1:9/@schedules/NightlyRule',
      'schedule       → Broken cannot run: rate(1 minutes): the unit is minute for 1 and minutes otherwise, to Reporter',
      'schedule       → Cleanup rate(7 minutes), off (--no-schedules), to sqs jobs; fire now: curl -X POST http://127.0.0.1:9/@schedules/Cleanup',
      'schedule       → Later cron(0/5 * * * ? *) (UTC), off (--no-schedules), to sqs jobs; fire now: curl -X POST http://127.0.0.1:9/@schedules/Later',
      'schedule       → Ticker.EveryMinute rate(1 minute), off (--no-schedules), to Ticker; fire now: curl -X POST http://127.0.0.1:9/@schedules/Ticker.EveryMinute',
      'schedule       → Ticker.Quarterly cron(0/15 * * * ? *) (UTC), off (--no-schedules), to Ticker; fire now: curl -X POST http://127.0.0.1:9/@schedules/Ticker.Quarterly',
      'schedule       → Ticker.Off disabled, to Ticker; fire now: curl -X POST http://127.0.0.1:9/@schedules/Ticker.Off',
    ]);
    await close();
  });
});
