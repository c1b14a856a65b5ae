/**
 * EXPRESS state machines (SAM) with their log group, and the role API Gateway assumes to start
 * them: allowed `states:StartSyncExecution` on this one machine and nothing else.
 */
import type { StateMachine } from '../model/types';
import { getAtt, ref } from '../template/intrinsics';
import type { Json } from '../template/types';
import type { ResourceCollector } from './collector';
import { assumedBy, policyDocument } from './iam';
import { stateMachineIds } from './ids';

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

export function addStateMachine(
  out: ResourceCollector,
  machine: StateMachine,
  logRetentionDays: number,
): void {
  const ids = stateMachineIds(machine);
  const logging: Record<string, Json> =
    machine.logLevel === 'OFF'
      ? {}
      : {
          Logging: {
            Level: machine.logLevel,
            IncludeExecutionData: false,
            Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: getAtt(ids.logGroup, 'Arn') } }],
          },
          Policies: [
            policyDocument([
              {
                Sid: 'LogDeliveryHasNoResourceLevelPermissions',
                Effect: 'Allow',
                Action: LOG_DELIVERY_ACTIONS,
                Resource: '*',
              },
            ]),
          ],
        };
  out.add(
    ids.stateMachine,
    {
      Type: 'AWS::Serverless::StateMachine',
      Properties: { Type: 'EXPRESS', DefinitionUri: ids.definitionPath, ...logging },
    },
    `State machine ${machine.id}`,
  );
  if (machine.logLevel !== 'OFF') {
    out.add(ids.logGroup, { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: logRetentionDays } });
  }
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
