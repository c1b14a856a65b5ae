/**
 * State machines (SAM) with their log group and the policies their grants name; for those started
 * synchronously, the role API Gateway assumes: `states:StartSyncExecution` on this one machine only.
 */
import type { StateMachine } from '../model/types';
import { getAtt, ref, sub } from '../template/intrinsics';
import type { Json } from '../template/types';
import type { ResourceCollector } from './collector';
import { grantStatement } from './functions';
import { assumedBy, policyDocument, type Statement } from './iam';
import { API_ID, STAGE_NAME_PARAMETER, stateMachineIds } from './ids';

/** CloudWatch Logs delivery actions have no resource-level permissions; AWS documents `*` for them. */
const LOG_DELIVERY_ACTIONS = [
  'logs:CreateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:DescribeLogGroups',
  'logs:DescribeResourcePolicies',
  'logs:GetLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:UpdateLogDelivery',
];

/**
 * What a definition may name with `${...}`: the @connections endpoint of this API and stage, for
 * `apigateway:invoke` tasks that answer clients, and the partition their Resource ARNs are in.
 */
const CONNECTIONS_SUBSTITUTIONS: Record<string, Json> = {
  ApiEndpoint: sub(`\${${API_ID}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}`),
  StageName: ref(STAGE_NAME_PARAMETER),
  Partition: ref('AWS::Partition'),
};

export function addStateMachine(
  out: ResourceCollector,
  machine: StateMachine,
  logRetentionDays: number,
  startedSynchronously: boolean,
): void {
  const ids = stateMachineIds(machine);
  const logs = machine.logLevel !== 'OFF';
  const statements: Statement[] = [
    ...machine.grants.map(grantStatement),
    ...(logs
      ? [
          {
            Sid: 'LogDeliveryHasNoResourceLevelPermissions',
            Effect: 'Allow' as const,
            Action: LOG_DELIVERY_ACTIONS,
            Resource: '*',
          },
        ]
      : []),
  ];
  const answersClients = machine.grants.some((grant) => grant.kind === 'connections');
  out.add(
    ids.stateMachine,
    {
      Type: 'AWS::Serverless::StateMachine',
      Properties: {
        Type: machine.type,
        DefinitionUri: ids.definitionPath,
        ...(answersClients ? { DefinitionSubstitutions: CONNECTIONS_SUBSTITUTIONS } : {}),
        ...(logs
          ? {
              Logging: {
                Level: machine.logLevel,
                IncludeExecutionData: false,
                Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: getAtt(ids.logGroup, 'Arn') } }],
              },
            }
          : {}),
        ...(statements.length > 0 ? { Policies: [policyDocument(statements)] } : {}),
      },
    },
    `State machine ${machine.id}`,
  );
  if (logs) {
    out.add(ids.logGroup, { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: logRetentionDays } });
  }
  if (!startedSynchronously) return;
  out.add(ids.startRole, {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: `Lets API Gateway start synchronous executions of ${ids.stateMachine}`,
      AssumeRolePolicyDocument: assumedBy('apigateway.amazonaws.com'),
      Policies: [
        {
          PolicyName: 'StartSyncExecution',
          PolicyDocument: policyDocument([
            { Effect: 'Allow', Action: 'states:StartSyncExecution', Resource: ref(ids.stateMachine) },
          ]),
        },
      ],
    },
  });
}
