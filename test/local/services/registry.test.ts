/** The service registry: one list started, asked, updated and closed together. */
import { silentLogger } from '../../../generator/local/log';
import { startServices, taskKey } from '../../../generator/local/services/registry';
import type { LocalService } from '../../../generator/local/services/types';
import { appFromTemplate } from '../../../generator/local/template/load-app';
import { resolveValue } from '../../../generator/local/template/resolve';
import type { Template } from '../../../generator/template/types';

const template: Template = {
  Resources: {
    Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'a', ProtocolType: 'WEBSOCKET' } },
    Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
  },
};
const app = appFromTemplate(template, '/tmp/registry-app');
const host = {
  host: '127.0.0.1',
  endpoint: 'http://127.0.0.1:1',
  region: 'us-east-1',
  accountId: '123456789012',
  log: silentLogger,
  waitScale: 0,
  invokeFunction: async () => ({ ok: true as const, result: null, requestId: 'r' }),
};

function fakeService(name: string, closed: string[], actions: string[] = []): LocalService {
  return {
    name,
    resourceTypes: [],
    start: async () => ({
      actions: Object.fromEntries(
        actions.map((action) => [action, async () => ({ statusCode: 200, body: { from: name } })]),
      ),
      tasks: { [`arn:aws:states:::${name}:doIt`]: async () => ({ task: name }) },
      environment: { [`AWS_ENDPOINT_URL_${name.toUpperCase()}`]: `http://${name}` },
      close: async () => {
        closed.push(name);
      },
    }),
  };
}

describe('the service registry', () => {
  it('names in the banner the function event sources no service delivers', async () => {
    const withEvents = appFromTemplate(
      {
        Resources: {
          ...template.Resources,
          Worker: {
            Type: 'AWS::Serverless::Function',
            Properties: {
              Handler: 'index.handler',
              InlineCode: 'exports.handler = async () => {};',
              Events: {
                Jobs: { Type: 'SQS', Properties: { Queue: { 'Fn::GetAtt': ['Queue', 'Arn'] } } },
                Clicks: {
                  Type: 'Kinesis',
                  Properties: { Stream: 'arn:aws:kinesis:us-east-1:123456789012:stream/c' },
                },
                Nightly: { Type: 'Schedule', Properties: { Schedule: 'rate(1 day)' } },
              },
            },
          },
        },
      },
      '/tmp/registry-app',
    );
    const delivering: LocalService = { ...fakeService('queues', []), eventTypes: ['SQS'] };
    const running = await startServices(withEvents, host, [delivering]);
    expect(running.banner).toEqual([
      'event source   → Worker.Clicks (Kinesis) does not run locally',
      'event source   → Worker.Nightly (Schedule) does not run locally',
    ]);
    await running.close();
  });

  it('finds actions and Task handlers across services and merges their environments', async () => {
    const closed: string[] = [];
    const running = await startServices(app, host, [
      fakeService('one', closed, ['one:Get']),
      fakeService('two', closed, ['two:Put']),
    ]);
    expect(await running.action('two:Put')?.({})).toEqual({ statusCode: 200, body: { from: 'two' } });
    expect(running.action('three:Put')).toBeUndefined();
    expect(await running.task('arn:aws-cn:states:::one:doIt.waitForTaskToken')?.({}, {} as never)).toEqual({
      task: 'one',
    });
    expect(running.environment).toEqual({
      AWS_ENDPOINT_URL_ONE: 'http://one',
      AWS_ENDPOINT_URL_TWO: 'http://two',
    });
    await running.close();
    expect(closed.sort()).toEqual(['one', 'two']);
  });

  it('fails when two services claim one action, closing the services already started', async () => {
    const closed: string[] = [];
    await expect(
      startServices(app, host, [fakeService('one', closed, ['x:Do']), fakeService('two', closed, ['x:Do'])]),
    ).rejects.toMatchObject({ code: 'E_LOCAL_SERVICE' });
    expect(closed).toEqual(['one', 'two']);
  });

  it('keys Task resources without their pattern suffix, and every Lambda function ARN alike', () => {
    expect(taskKey('arn:aws:states:::states:startExecution.sync:2')).toBe(
      'arn:aws:states:::states:startExecution',
    );
    expect(taskKey('arn:aws-us-gov:lambda:us-east-1:123456789012:function:Fn:prod')).toBe(
      'arn:aws:lambda:::function',
    );
  });
});

describe('stand-ins come from the services', () => {
  const ctx = {
    template: {
      Resources: {
        Table: {
          Type: 'AWS::DynamoDB::Table',
          Properties: { TableName: { 'Fn::Sub': '${AWS::StackName}-t' } },
        },
        Machine: { Type: 'AWS::Serverless::StateMachine', Properties: {} },
      },
    } as Template,
    region: 'eu-west-1',
    stackName: 'stack',
    apiId: 'abc',
    parameters: {},
  };

  it('gives a table its name and ARN, a state machine its ARN and name', () => {
    expect(resolveValue({ Ref: 'Table' }, ctx)).toBe('stack-t');
    expect(resolveValue({ 'Fn::GetAtt': ['Table', 'Arn'] }, ctx)).toBe(
      'arn:aws:dynamodb:eu-west-1:123456789012:table/stack-t',
    );
    expect(resolveValue({ 'Fn::Sub': '${Machine.Name}' }, ctx)).toBe('Machine');
  });

  it('fails on an attribute the service does not have, naming the resource and attribute', () => {
    expect(() => resolveValue({ 'Fn::GetAtt': ['Table', 'Nope'] }, ctx)).toThrow(
      '!GetAtt Table.Nope: AWS::DynamoDB::Table has no attribute Nope in wskit local',
    );
  });
});
