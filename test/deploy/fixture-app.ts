/** A small app folder in the shape wskit generate writes: two function bundles and a state machine. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const FIXTURE_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Description: fixture
Parameters:
  StageName:
    Type: String
    Default: prod
  EnableAccessLogs:
    Type: String
    Default: "false"
    AllowedValues:
      - "false"
      - "true"
Resources:
  WebSocketApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: !Ref AWS::StackName
      ProtocolType: WEBSOCKET
      RouteSelectionExpression: $request.body.action
  HelloFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: functions/hello/
      Handler: index.handler
      Runtime: nodejs22.x
  WorldFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: functions/world/
      Handler: index.handler
      Runtime: nodejs22.x
  SyncStateMachine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Type: EXPRESS
      DefinitionUri: statemachine/sync.asl.json
Outputs:
  APIEndpoint:
    Description: WebSocket URL
    Value: !Sub wss://\${WebSocketApi}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/\${StageName}
`;

export const FIXTURE_FILES: Record<string, string> = {
  'template.yml': FIXTURE_TEMPLATE,
  'samconfig.toml': `version = 0.1

[default.deploy.parameters]
stack_name = "fixture"
resolve_s3 = true
s3_prefix = "fixture"
capabilities = "CAPABILITY_IAM"
confirm_changeset = true
region = "eu-west-1"
`,
  'functions/hello/index.js': 'exports.handler = async () => ({ statusCode: 200, body: "hello" });\n',
  'functions/world/index.js': 'exports.handler = async () => ({ statusCode: 200, body: "world" });\n',
  'functions/world/lib/util.js': 'module.exports = 1;\n',
  'statemachine/sync.asl.json': '{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}\n',
};

export async function writeApp(files: Record<string, string> = FIXTURE_FILES): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wskit-deploy-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

export const removeApp = (dir: string) => rm(dir, { recursive: true, force: true });
