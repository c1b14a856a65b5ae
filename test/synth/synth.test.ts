import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lintTemplateText } from '../../generator/lint/index';
import { route } from '../../generator/model/build';
import { synthesize } from '../../generator/synth/synth';
import type { Json, Resource, Template } from '../../generator/template/types';
import { toYaml } from '../../generator/template/yaml';
import { PATTERNS } from '../../patterns/index';
import { danglingReferences, references } from '../helpers/references';
import { orders, sampleApp } from '../helpers/sample-app';
import { tempDir } from '../helpers/tmp';

const byType = (template: Template, type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
const resource = (template: Template, id: string): Resource => {
  const found = template.Resources[id];
  if (!found) throw new Error(`no resource ${id}`);
  return found;
};
const props = (template: Template, id: string) => resource(template, id).Properties as Record<string, Json>;

describe('synthesis of each resource kind', () => {
  const { template, files, bundles } = synthesize(sampleApp());

  test('the API is a WEBSOCKET API with the route selection expression', () => {
    expect(props(template, 'WebSocketApi')).toMatchObject({
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: '$request.body.action',
      Name: { Ref: 'AWS::StackName' },
    });
  });

  test('the stage is named by a parameter, throttled, and logs only when the parameter says so', () => {
    const stage = props(template, 'Stage');
    expect(stage.StageName).toEqual({ Ref: 'StageName' });
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingBurstLimit: 500, ThrottlingRateLimit: 1000 });
    expect(stage.AccessLogSettings).toMatchObject({
      'Fn::If': ['AccessLogsEnabled', expect.anything(), { Ref: 'AWS::NoValue' }],
    });
    expect(template.Parameters?.EnableAccessLogs).toMatchObject({
      Default: 'false',
      AllowedValues: ['false', 'true'],
    });
    expect(resource(template, 'AccessLogGroup').Condition).toBe('AccessLogsEnabled');
  });

  test('the deployment depends on every route, integration and response, and the stage uses it', () => {
    const [[deploymentId, deployment] = []] = byType(template, 'AWS::ApiGatewayV2::Deployment');
    const parts = Object.entries(template.Resources)
      .filter(([, r]) => /ApiGatewayV2::(Route|Integration|RouteResponse|IntegrationResponse)$/.test(r.Type))
      .map(([id]) => id)
      .sort();
    expect(parts).toHaveLength(9);
    expect(deployment?.DependsOn).toEqual(parts);
    expect(props(template, 'Stage').DeploymentId).toEqual({ Ref: deploymentId });
  });

  test('a Lambda route: proxy integration and a permission scoped to this API and route key', () => {
    expect(props(template, 'ChatIntegration')).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: {
        'Fn::Sub':
          'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${ChatFunction.Arn}/invocations',
      },
    });
    expect(props(template, 'ChatPermission')).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: { Ref: 'ChatFunction' },
      Principal: 'apigateway.amazonaws.com',
      SourceArn: {
        'Fn::Sub':
          'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebSocketApi}/*/chat',
      },
    });
    expect(props(template, 'ChatRoute')).toMatchObject({
      Target: { 'Fn::Sub': 'integrations/${ChatIntegration}' },
      RouteResponseSelectionExpression: '$default',
    });
    expect(props(template, 'ChatRouteResponse')).toMatchObject({
      RouteResponseKey: '$default',
      RouteId: { Ref: 'ChatRoute' },
    });
    // Proxy integrations answer with the handler's body; no integration response.
    expect(template.Resources.ChatIntegrationResponse).toBeUndefined();
  });

  test('a one-way route has no route response and no selection expression', () => {
    expect(props(template, 'ConnectRoute').RouteResponseSelectionExpression).toBeUndefined();
    expect(template.Resources.ConnectRouteResponse).toBeUndefined();
  });

  test('a Step Functions route: AWS integration, escaped $default template key, role for one machine', () => {
    expect(props(template, 'OrderIntegration')).toMatchObject({
      IntegrationType: 'AWS',
      IntegrationMethod: 'POST',
      IntegrationUri: {
        'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartSyncExecution',
      },
      CredentialsArn: { 'Fn::GetAtt': ['OrdersStateMachineStartRole', 'Arn'] },
      TemplateSelectionExpression: '\\$default',
      RequestTemplates: {
        $default: {
          'Fn::Sub': [
            expect.stringContaining('${StateMachineArn}'),
            { StateMachineArn: { Ref: 'OrdersStateMachine' } },
          ],
        },
      },
    });
    expect(props(template, 'OrderIntegrationResponse')).toMatchObject({
      IntegrationResponseKey: '$default',
      IntegrationId: { Ref: 'OrderIntegration' },
    });
    const role = props(template, 'OrdersStateMachineStartRole');
    expect(role.Policies).toEqual([
      {
        PolicyName: 'StartSyncExecution',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'states:StartSyncExecution', Resource: { Ref: 'OrdersStateMachine' } },
          ],
        },
      },
    ]);
    expect(JSON.stringify(role.AssumeRolePolicyDocument)).toContain('"Service":"apigateway.amazonaws.com"');
  });

  test('the state machine is EXPRESS, logs to its own group, and its definition is written beside the template', () => {
    expect(props(template, 'OrdersStateMachine')).toMatchObject({
      Type: 'EXPRESS',
      DefinitionUri: 'statemachine/orders.asl.json',
      Logging: {
        Level: 'ALL',
        Destinations: [
          {
            CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': ['OrdersStateMachineLogGroup', 'Arn'] } },
          },
        ],
      },
    });
    expect(files).toEqual([
      { path: 'statemachine/orders.asl.json', content: expect.stringContaining('"StartAt": "Done"') },
    ]);
  });

  test('a function: bundle folder as CodeUri, own log group, environment and a policy naming only its resources', () => {
    expect(props(template, 'ChatFunction')).toMatchObject({
      CodeUri: 'functions/chat/',
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      LoggingConfig: { LogGroup: { Ref: 'ChatFunctionLogGroup' } },
      Environment: { Variables: { TABLE_NAME: { Ref: 'ConnectionsTable' }, MODE: 'test' } },
      Policies: [
        {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['dynamodb:PutItem'],
              Resource: { 'Fn::GetAtt': ['ConnectionsTable', 'Arn'] },
            },
            {
              Effect: 'Allow',
              Action: 'execute-api:ManageConnections',
              Resource: [
                {
                  'Fn::Sub':
                    'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebSocketApi}/${StageName}/POST/@connections/*',
                },
              ],
            },
          ],
        },
      ],
    });
    expect(bundles.map((b) => b.codeDir)).toEqual(['functions/chat']);
  });

  test('the table is on-demand, encrypted, with TTL', () => {
    expect(props(template, 'ConnectionsTable')).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'connectionId', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });

  test('outputs: the wss URL, the @connections URL and every ARN, each described', () => {
    expect(template.Outputs?.APIEndpoint?.Value).toEqual({
      'Fn::Sub': 'wss://${WebSocketApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}',
    });
    expect(Object.keys(template.Outputs ?? {})).toEqual(
      expect.arrayContaining([
        'ConnectionsEndpoint',
        'ChatFunctionArn',
        'ConnectionsTableName',
        'OrdersStateMachineArn',
      ]),
    );
    for (const output of Object.values(template.Outputs ?? {})) expect(output.Description).toBeTruthy();
  });
});

describe.each(Object.values(PATTERNS))('pattern $name', (pattern) => {
  const { template, banners } = synthesize(pattern.build({ name: 'demo', options: {} }));
  const text = JSON.stringify(template);

  test('every Ref, GetAtt, Sub variable, DependsOn and Condition target exists', () => {
    expect(references(template).length).toBeGreaterThan(10);
    expect(danglingReferences(template)).toEqual([]);
  });

  test('is partition-aware: no arn:aws or amazonaws.com outside service principals', () => {
    expect(text).not.toMatch(/arn:aws:/);
    expect(text.replace(/"(Principal|Service)":"[a-z-]+\.amazonaws\.com"/g, '')).not.toContain(
      'amazonaws.com',
    );
  });

  test('least privilege: Resource "*" only for log-delivery actions, which have no resource-level permissions', () => {
    const statements = JSON.parse(text, (_key, value) => value).Resources as Record<string, Resource>;
    const wildcard = JSON.stringify(statements).match(/\{[^{}]*"Resource":"\*"[^{}]*\}/g) ?? [];
    for (const statement of wildcard)
      expect(
        JSON.parse(statement).Action.every(
          (a: string) => a.startsWith('logs:') && /Deliver|ResourcePolic|DescribeLogGroups/.test(a),
        ),
      ).toBe(true);
    expect(text).not.toMatch(/"Action":"\*"|"Action":\["\*"\]/);
  });

  test('is deterministic: two syntheses give byte-identical YAML', () => {
    const again = synthesize(pattern.build({ name: 'demo', options: {} }));
    expect(toYaml(again.template, { banners: again.banners })).toBe(toYaml(template, { banners }));
  });
});

describe('redeployment', () => {
  const deploymentIdOf = (template: Template) =>
    Object.keys(template.Resources).find((id) => id.startsWith('Deployment'));

  test('the deployment id changes when a route is added and stays when nothing changes', () => {
    const before = deploymentIdOf(synthesize(sampleApp()).template);
    expect(deploymentIdOf(synthesize(sampleApp()).template)).toBe(before);
    expect(deploymentIdOf(synthesize(sampleApp([route('extra', orders)])).template)).not.toBe(before);
  });

  test('the deployment id changes when a request template changes', () => {
    const sfn = PATTERNS['sfn-sync'];
    const a = sfn?.build({ name: 'demo', options: { response: 'execution', 'on-failure': 'passthrough' } });
    const b = sfn?.build({ name: 'demo', options: { response: 'output', 'on-failure': 'passthrough' } });
    expect(a && deploymentIdOf(synthesize(a).template)).not.toBe(b && deploymentIdOf(synthesize(b).template));
  });
});

test('an app using every kind of model item lints with no finding', () => {
  const { template, banners, files } = synthesize(sampleApp());
  const dir = tempDir();
  for (const file of files) {
    mkdirSync(join(dir, dirname(file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  expect(lintTemplateText(toYaml(template, { banners }), 'template.yml', { baseDir: dir })).toEqual([]);
});
