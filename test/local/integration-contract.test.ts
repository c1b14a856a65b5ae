/** Every integration kind wskit local runs passes the same contract (see integration-contract.ts). */
import { BEHAVIOUR_PREAMBLE, runIntegrationContract } from './integration-contract';

const FUNCTION = `exports.handler = async (event) => {
  const behave = event.queryStringParameters?.behave ?? event.behave ?? JSON.parse(event.body || '{}').behave ?? 'ok';
  if (behave === 'slow') await new Promise((resolve) => setTimeout(resolve, 2000));
  if (behave === 'fail') throw new Error('asked to fail');
  if (behave === 'status') return { statusCode: 403 };
  return { statusCode: 200, body: JSON.stringify({ ok: true }) };
};
`;

const contractFunction = {
  ContractFunction: {
    Type: 'AWS::Serverless::Function',
    Properties: { CodeUri: 'fn/', Handler: 'index.handler', Runtime: 'nodejs22.x' },
  },
};
const functionUri = {
  'Fn::Sub':
    'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${ContractFunction.Arn}/invocations',
};
const serviceUri = (service: string, action: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:${service}:action/${action}`,
});
const mapped = (template: unknown) => ({
  IntegrationType: 'AWS',
  IntegrationMethod: 'POST',
  TemplateSelectionExpression: '\\$default',
  RequestTemplates: { $default: template },
});

const machine = {
  ContractMachine: {
    Type: 'AWS::Serverless::StateMachine',
    Properties: {
      Type: 'EXPRESS',
      Definition: {
        StartAt: 'Which',
        States: {
          Which: {
            Type: 'Choice',
            Choices: [{ Variable: '$.behave', StringEquals: 'slow', Next: 'Slow' }],
            Default: 'Done',
          },
          Slow: { Type: 'Wait', Seconds: 2, Next: 'Done' },
          Done: { Type: 'Pass', End: true },
        },
      },
    },
  },
};
/** `status` names a machine that does not exist: Step Functions answers 400. */
const startTemplate = {
  'Fn::Sub': `${BEHAVIOUR_PREAMBLE}#if($b == 'status')#set($arn = '\${ContractMachine}-missing')#{else}#set($arn = '\${ContractMachine}')#end
{"stateMachineArn": "$arn", "input": "{\\"behave\\": \\"$b\\"}"}`,
};

runIntegrationContract({
  name: 'Lambda proxy',
  resources: contractFunction,
  files: { 'fn/index.js': FUNCTION },
  integration: { IntegrationType: 'AWS_PROXY', IntegrationUri: functionUri },
  mapped: false,
  connectStatus: 403,
  skip: { 'regex-keys': 'proxy integrations take no integration responses' },
});

runIntegrationContract({
  name: 'Lambda (non-proxy)',
  resources: contractFunction,
  files: { 'fn/index.js': FUNCTION },
  integration: { ...mapped(`${BEHAVIOUR_PREAMBLE}{"behave": "$b"}`), IntegrationUri: functionUri },
  mapped: true,
  connectStatus: 200,
  skip: {
    'regex-keys': 'the function answers API Gateway with 200 whatever its result',
    'connect-status': 'the function answers API Gateway with 200 whatever its result',
  },
});

runIntegrationContract({
  name: 'Step Functions StartSyncExecution',
  resources: machine,
  integration: { ...mapped(startTemplate), IntegrationUri: serviceUri('states', 'StartSyncExecution') },
  mapped: true,
  connectStatus: 400,
});

runIntegrationContract({
  name: 'Step Functions StartExecution',
  resources: machine,
  integration: { ...mapped(startTemplate), IntegrationUri: serviceUri('states', 'StartExecution') },
  mapped: true,
  connectStatus: 400,
  skip: { timeout: 'StartExecution answers at once' },
});

runIntegrationContract({
  name: 'DynamoDB',
  resources: {
    ContractTable: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      },
    },
  },
  integration: {
    ...mapped({
      'Fn::Sub': `${BEHAVIOUR_PREAMBLE}{"TableName": "#if($b == 'status')Missing#{else}\${ContractTable}#end", "Item": {"id": {"S": "$context.requestId"}}}`,
    }),
    IntegrationUri: serviceUri('dynamodb', 'PutItem'),
  },
  mapped: true,
  connectStatus: 400,
  skip: { timeout: 'the local table server answers at once; nothing makes it slow' },
});

runIntegrationContract({
  name: 'MOCK',
  integration: {
    ...mapped(`${BEHAVIOUR_PREAMBLE}{"statusCode": #if($b == 'status')403#{else}200#end}`),
    IntegrationType: 'MOCK',
  },
  mapped: true,
  connectStatus: 403,
  skip: { timeout: 'MOCK calls nothing' },
});
