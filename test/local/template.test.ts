/** Template → LocalApp: intrinsics resolved to local stand-ins, routes, functions, machines, tables. */
import { join } from 'node:path';
import { appFromTemplate, loadApp } from '../../generator/local/template/load-app';
import { resolveValue } from '../../generator/local/template/resolve';
import type { Json, Template } from '../../generator/template/types';
import { lambdaAppDir, sfnSyncAppDir, writeApp } from './helpers';

const template: Template = {
  Parameters: { StageName: { Type: 'String', Default: 'prod' }, Flag: { Type: 'String', Default: 'yes' } },
  Conditions: { IsYes: { 'Fn::Equals': [{ Ref: 'Flag' }, 'yes'] } },
  Mappings: { Sizes: { small: { mb: 128 } } },
  Resources: {
    Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'WEBSOCKET' } },
    Machine: {
      Type: 'AWS::Serverless::StateMachine',
      Properties: { Definition: { StartAt: 'A', States: {} } },
    },
    Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
    Named: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'my-table' } },
    Fn: { Type: 'AWS::Serverless::Function', Properties: { CodeUri: 'fn/' } },
    Role: { Type: 'AWS::IAM::Role', Properties: {} },
  },
};
const ctx = {
  template,
  region: 'eu-west-1',
  stackName: 'stack',
  apiId: 'localabcde',
  parameters: { StageName: 'dev', Flag: 'yes' },
};
const resolve = (value: Json) => resolveValue(value, ctx);

describe('intrinsic resolution', () => {
  it.each<[Json, Json]>([
    [{ Ref: 'StageName' }, 'dev'],
    [{ Ref: 'AWS::Region' }, 'eu-west-1'],
    [{ Ref: 'AWS::AccountId' }, '123456789012'],
    [{ Ref: 'Api' }, 'localabcde'],
    [{ Ref: 'Machine' }, 'arn:aws:states:eu-west-1:123456789012:stateMachine:Machine'],
    [{ 'Fn::GetAtt': ['Machine', 'Name'] }, 'Machine'],
    [{ Ref: 'Table' }, 'stack-Table'],
    [{ Ref: 'Named' }, 'my-table'],
    [{ 'Fn::GetAtt': ['Named', 'Arn'] }, 'arn:aws:dynamodb:eu-west-1:123456789012:table/my-table'],
    [{ 'Fn::GetAtt': ['Fn', 'Arn'] }, 'arn:aws:lambda:eu-west-1:123456789012:function:stack-Fn'],
    [{ 'Fn::GetAtt': 'Role.Arn' }, 'arn:aws:iam::123456789012:role/stack-Role'],
    [{ Ref: 'Fn.Alias' }, 'arn:aws:lambda:eu-west-1:123456789012:function:stack-Fn:live'],
    [{ Ref: 'Fn.Version' }, 'arn:aws:lambda:eu-west-1:123456789012:function:stack-Fn:1'],
    [{ 'Fn::GetAtt': ['FnRole', 'Arn'] }, 'arn:aws:iam::123456789012:role/stack-FnRole'],
    [
      { 'Fn::Sub': 'arn:${AWS::Partition}:x:${AWS::Region}:${Api}/${StageName}/${!Literal}' },
      'arn:aws:x:eu-west-1:localabcde/dev/${Literal}',
    ],
    [
      { 'Fn::Sub': ['${A} and ${Fn.Arn}', { A: { Ref: 'Machine' } }] },
      'arn:aws:states:eu-west-1:123456789012:stateMachine:Machine and arn:aws:lambda:eu-west-1:123456789012:function:stack-Fn',
    ],
    [{ 'Fn::Join': ['-', ['a', { Ref: 'StageName' }]] }, 'a-dev'],
    [{ 'Fn::Select': [1, { 'Fn::Split': [',', 'x,y,z'] }] }, 'y'],
    [{ 'Fn::If': ['IsYes', 'on', 'off'] }, 'on'],
    [{ 'Fn::FindInMap': ['Sizes', 'small', 'mb'] }, 128],
    [{ Keep: 1, Drop: { Ref: 'AWS::NoValue' } }, { Keep: 1 }],
    [
      [1, { Ref: 'AWS::NoValue' }, 2],
      [1, 2],
    ],
  ])('%j → %j', (value, expected) => {
    expect(resolve(value)).toEqual(expected);
  });

  it('fails with a clear message on an unknown Ref', () => {
    expect(() => resolve({ Ref: 'Missing' })).toThrow('!Ref Missing: no parameter or resource has that name');
  });
});

describe('loadApp', () => {
  it('reads the lambda example: routes, functions with resolved environment, the table', async () => {
    const app = loadApp(await lambdaAppDir());
    expect(app.stage).toBe('prod');
    expect([...app.routes.keys()].sort()).toEqual(['$connect', '$default', '$disconnect', 'sendmessage']);
    expect(app.routes.get('$default')).toMatchObject({
      twoWay: true,
      integration: { kind: 'lambda-proxy', functionId: 'DefaultFunction' },
    });
    expect(app.routes.get('sendmessage')?.twoWay).toBe(false);
    const fn = app.functions.get('SendMessageFunction');
    expect(fn).toMatchObject({ handler: 'index.handler', timeoutSeconds: 10, memoryMb: 256 });
    expect(fn?.codeDir).toMatch(/functions[/\\]send-message$/);
    expect(fn?.environment.TABLE_NAME).toBe(app.tables[0]?.name);
  });

  it('reads the sfn-sync example: the request template with the machine ARN, the definition from its file', () => {
    const app = loadApp(join(sfnSyncAppDir(), 'template.yml'), { stage: 'beta' });
    expect(app.stage).toBe('beta');
    const integration = app.routes.get('$default')?.integration;
    expect(integration).toMatchObject({ kind: 'aws', action: 'states:StartSyncExecution' });
    const arn = 'arn:aws:states:us-east-1:123456789012:stateMachine:SyncStateMachine';
    expect(integration?.kind === 'aws' && integration.requestTemplates.$default).toContain(
      `"stateMachineArn": "${arn}"`,
    );
    expect(app.stateMachines.get(arn)?.definition).toMatchObject({ StartAt: 'Wait' });
  });

  it('keeps every resource with resolved properties, leaving out those it cannot resolve', () => {
    const app = appFromTemplate(
      {
        Resources: {
          Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'WEBSOCKET' } },
          Queue: {
            Type: 'AWS::SQS::Queue',
            Properties: { QueueName: { 'Fn::Sub': '${AWS::StackName}-jobs' }, VisibilityTimeout: 5 },
          },
          Odd: { Type: 'Custom::Thing', Properties: { Value: { 'Fn::Transform': {} } } },
        },
      },
      '/tmp/shop',
    );
    expect(app.resources.get('Queue')).toEqual({
      type: 'AWS::SQS::Queue',
      properties: { QueueName: 'shop-jobs', VisibilityTimeout: 5 },
    });
    expect(app.resources.has('Odd')).toBe(false);
  });

  it('fails on a template without a WebSocket API, naming what is missing', () => {
    expect(() => appFromTemplate({ Resources: {} }, '.')).toThrow(
      /exactly one AWS::ApiGatewayV2::Api with ProtocolType WEBSOCKET/,
    );
    expect(() => loadApp('/nonexistent/app')).toThrow('/nonexistent/app does not exist');
  });
});

describe('loadApp: bundles', () => {
  it('fails at start when a route function has neither JavaScript nor TypeScript, naming both', () => {
    const dir = writeApp({
      Resources: {
        Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'WEBSOCKET' } },
        Route: {
          Type: 'AWS::ApiGatewayV2::Route',
          Properties: { RouteKey: '$default', Target: 'integrations/Integration' },
        },
        Integration: {
          Type: 'AWS::ApiGatewayV2::Integration',
          Properties: {
            IntegrationType: 'AWS_PROXY',
            IntegrationUri: {
              'Fn::Sub':
                'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations',
            },
          },
        },
        Fn: { Type: 'AWS::Serverless::Function', Properties: { CodeUri: 'src/', Handler: 'app.handler' } },
      },
    });
    expect(() => loadApp(dir)).toThrow(
      /^function Fn: no app\.js \(or app\.ts to bundle\) in \S+src for Handler app\.handler$/,
    );
  });
});
