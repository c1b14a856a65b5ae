/**
 * Parameters without a Default (a VPC's subnets, a security group, an alarm e-mail) matter only on
 * AWS: wskit local starts with a placeholder of each one's type and says how to give a real value.
 */
import { banner } from '../../generator/cli/commands/local';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import type { Template } from '../../generator/template/types';
import { Client, writeApp } from './helpers';

const app: Template = {
  Transform: 'AWS::Serverless-2016-10-31',
  Parameters: {
    SubnetIds: { Type: 'List<AWS::EC2::Subnet::Id>' },
    SecurityGroupId: { Type: 'AWS::EC2::SecurityGroup::Id' },
    AlarmEmail: { Type: 'String' },
    Retries: { Type: 'Number' },
    Tier: { Type: 'String', AllowedValues: ['small', 'large'] },
  },
  Globals: {
    Function: {
      VpcConfig: { SubnetIds: { Ref: 'SubnetIds' }, SecurityGroupIds: [{ Ref: 'SecurityGroupId' }] },
    },
  },
  Resources: {
    Api: {
      Type: 'AWS::Serverless::WebSocketApi',
      Properties: {
        RouteSelectionExpression: '$request.body.action',
        Routes: { $default: { FunctionArn: { 'Fn::GetAtt': ['Echo', 'Arn'] } } },
      },
    },
    DefaultResponse: {
      Type: 'AWS::ApiGatewayV2::RouteResponse',
      Properties: {
        ApiId: { Ref: 'Api' },
        RouteId: { Ref: 'ApiDefaultRoute' },
        RouteResponseKey: '$default',
      },
    },
    Echo: {
      Type: 'AWS::Serverless::Function',
      Properties: {
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Environment: {
          Variables: {
            SUBNET: { 'Fn::Select': [0, { Ref: 'SubnetIds' }] },
            GROUP: { Ref: 'SecurityGroupId' },
            RETRIES: { Ref: 'Retries' },
            TIER: { Ref: 'Tier' },
          },
        },
        InlineCode:
          'exports.handler = async () => ({ statusCode: 200, body: [process.env.SUBNET, process.env.GROUP, process.env.RETRIES, process.env.TIER].join(" ") });',
      },
    },
  },
};

describe('wskit local: parameters without a Default', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocal({ appDir: writeApp(app), port: 0, parameterOverrides: { Retries: '3' } });
  });
  afterAll(() => server.close());

  it('starts, and handlers see a placeholder of each parameter type', async () => {
    const client = await Client.connect(server.url);
    expect(await client.request('hello')).toBe('subnet-0000local sg-0000local 3 small');
    await client.close();
  });

  it('names each parameter without a value in the banner, with how to give one', () => {
    const lines = banner(server.app, server.url);
    for (const name of ['SubnetIds', 'SecurityGroupId', 'AlarmEmail', 'Tier']) {
      expect(lines.filter((line) => line.includes(`--parameter-overrides ${name}=`))).toHaveLength(1);
    }
    expect(lines.join('\n')).not.toContain('--parameter-overrides Retries=');
  });

  it('still refuses an override outside AllowedValues', async () => {
    await expect(
      startLocal({ appDir: writeApp(app), port: 0, parameterOverrides: { Tier: 'huge' } }),
    ).rejects.toThrow(/parameter Tier is "huge"; allowed: small, large/);
  });
});
