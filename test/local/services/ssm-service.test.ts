/**
 * A stack that writes a value into an `AWS::SSM::Parameter` its own function reads at run time (an
 * API's URL, as CDK apps often store): the handler's real boto3 call reaches the local Parameter
 * Store and gets the value the template gives, found by the name its Ref hands the function or
 * by path; a name the template lacks is ParameterNotFound. Nothing goes to AWS.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type LocalServer, startLocal } from '../../../generator/local/start-local';
import type { Template } from '../../../generator/template/types';
import { Client, lambdaRoute, websocketApi, writeApp } from '../helpers';

const reader: Template['Resources'][string] = {
  Type: 'AWS::Serverless::Function',
  Properties: {
    CodeUri: 'reader/',
    Handler: 'app.handler',
    Runtime: 'python3.12',
    Environment: { Variables: { URL_PARAMETER: { Ref: 'CallbackUrl' }, LIMIT_PARAMETER: { Ref: 'Limit' } } },
  },
};

const template: Template = {
  Resources: {
    ...websocketApi('settings', 'live'),
    ...lambdaRoute('Api', 'read', 'ReaderFunction', reader),
    CallbackUrl: {
      Type: 'AWS::SSM::Parameter',
      Properties: {
        Name: '/settings/callback-url',
        Type: 'String',
        Value: { 'Fn::Sub': 'https://${Api}.execute-api.${AWS::Region}.amazonaws.com/live' },
      },
    },
    Limit: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: '25' } },
    Deep: {
      Type: 'AWS::SSM::Parameter',
      Properties: { Name: '/settings/deep/level', Type: 'String', Value: 'low' },
    },
  },
};

const FILES = {
  'reader/app.py': `import json, os
import boto3

ssm = boto3.client("ssm")

def handler(event, context):
    name = json.loads(event["body"]).get("name") or os.environ["URL_PARAMETER"]
    try:
        found = ssm.get_parameter(Name=name)["Parameter"]
        many = ssm.get_parameters(Names=[os.environ["LIMIT_PARAMETER"], "/elsewhere"])
        answer = {"name": found["Name"], "value": found["Value"], "arn": found["ARN"],
                  "many": [p["Value"] for p in many["Parameters"]], "invalid": many["InvalidParameters"],
                  "path": [p["Name"] for p in ssm.get_parameters_by_path(Path="/settings")["Parameters"]],
                  "tree": sorted(p["Name"] for p in ssm.get_parameters_by_path(Path="/settings/", Recursive=True)["Parameters"])}
    except ssm.exceptions.ParameterNotFound as error:
        answer = {"error": error.response["Error"]["Code"]}
    return {"statusCode": 200, "body": json.dumps(answer)}
`,
};

describe('SSM service: parameters of the template', () => {
  let server: LocalServer;
  let aws: Server;
  const reached: string[] = [];
  const saved = process.env.AWS_ENDPOINT_URL;
  beforeAll(async () => {
    // Stands in for AWS: anything a handler sends past the local services lands here.
    aws = createServer((request, response) => {
      reached.push(`${request.method} ${request.url}`);
      response.writeHead(500).end();
    });
    await new Promise<void>((resolve) => aws.listen(0, '127.0.0.1', resolve));
    process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${(aws.address() as AddressInfo).port}`;
    server = await startLocal({
      appDir: writeApp(template, FILES),
      port: 0,
      region: 'eu-west-1',
      log: () => {},
    });
  }, 30_000);
  afterAll(async () => {
    await server.close();
    aws.close();
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = saved;
  });

  it('answers GetParameter, GetParameters and GetParametersByPath with the values the template gives', async () => {
    const client = await Client.connect(server.url);
    const answer = JSON.parse(await client.request('{"action": "read"}'));
    await client.close();
    expect(answer).toEqual({
      name: '/settings/callback-url',
      value: `https://${server.app.apiId}.execute-api.eu-west-1.amazonaws.com/live`,
      arn: 'arn:aws:ssm:eu-west-1:123456789012:parameter/settings/callback-url',
      many: ['25'],
      invalid: ['/elsewhere'],
      path: ['/settings/callback-url'],
      tree: ['/settings/callback-url', '/settings/deep/level'],
    });
    expect(reached).toEqual([]);
  });

  it('answers ParameterNotFound for a name the template lacks', async () => {
    const client = await Client.connect(server.url);
    const answer = JSON.parse(await client.request('{"action": "read", "name": "/settings/other"}'));
    await client.close();
    expect(answer).toEqual({ error: 'ParameterNotFound' });
    expect(reached).toEqual([]);
  });
});
