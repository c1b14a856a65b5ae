/** Lambda functions (SAM), each with its own log group and a policy naming only its own resources. */
import type { EnvironmentValue, EventSource, Grant, LambdaFunction } from '../model/types';
import { getAtt, ref, sub } from '../template/intrinsics';
import type { Json, Parameter } from '../template/types';
import type { ResourceCollector } from './collector';
import { policyDocument, type Statement } from './iam';
import { API_ID, eventBusIds, functionIds, queueIds, STAGE_NAME_PARAMETER, tableIds, topicIds } from './ids';

export function addFunction(out: ResourceCollector, fn: LambdaFunction, logRetentionDays: number): void {
  const ids = functionIds(fn);
  const variables = Object.fromEntries(
    Object.entries(fn.environment).map(([name, value]) => [name, environmentValue(value)]),
  );
  const statements = [...fn.grants.map(grantStatement), ...fn.events.flatMap(pollerStatements)];
  const events = Object.fromEntries(fn.events.flatMap(samEvent));
  out.add(
    ids.function,
    {
      Type: 'AWS::Serverless::Function',
      Properties: {
        ...(fn.description ? { Description: fn.description } : {}),
        CodeUri: `${ids.codeDir}/`,
        Handler: `index.${fn.handler}`,
        Runtime: fn.runtime,
        Architectures: [fn.architecture],
        MemorySize: fn.memorySizeMb,
        Timeout: fn.timeoutSeconds,
        LoggingConfig: { LogGroup: ref(ids.logGroup) },
        ...(Object.keys(variables).length > 0 ? { Environment: { Variables: variables } } : {}),
        ...(statements.length > 0 ? { Policies: [policyDocument(statements)] } : {}),
        ...(Object.keys(events).length > 0 ? { Events: events } : {}),
      },
    },
    `Function ${fn.id}`,
  );
  for (const event of fn.events) if (event.kind === 'sqs') addQueueMapping(out, fn, event);
  out.add(ids.logGroup, { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: logRetentionDays } });
}

function environmentValue(value: EnvironmentValue): Json {
  if (typeof value === 'string') return value;
  if (value.kind === 'tableName') return ref(tableIds(value.table).table);
  if (value.kind === 'secretParameter') return ref(value.name);
  return sub(
    `https://\${${API_ID}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/\${${STAGE_NAME_PARAMETER}}`,
  );
}

/** The NoEcho parameters the functions' environments name, so a secret is given at deploy time and never shown. */
export function secretParameters(functions: readonly LambdaFunction[]): Record<string, Parameter> {
  const parameters: Record<string, Parameter> = {};
  for (const fn of functions) {
    for (const value of Object.values(fn.environment)) {
      if (typeof value === 'string' || value.kind !== 'secretParameter') continue;
      parameters[value.name] = {
        Type: 'String',
        Description: value.description,
        NoEcho: true,
        MinLength: 16,
      };
    }
  }
  return parameters;
}

/** The statement a grant becomes, naming only this app's resource. */
export function grantStatement(grant: Grant): Statement {
  if (grant.kind === 'table') {
    return {
      Effect: 'Allow',
      Action: [...grant.actions],
      Resource: getAtt(tableIds(grant.table).table, 'Arn'),
    };
  }
  // The stage comes from the parameter, not a Ref to the Stage: that would make a dependency cycle
  // (stage → deployment → route → integration → function → role).
  return {
    Effect: 'Allow',
    Action: 'execute-api:ManageConnections',
    Resource: grant.methods.map((method) =>
      sub(
        `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${API_ID}}/\${${STAGE_NAME_PARAMETER}}/${method}/@connections/*`,
      ),
    ),
  };
}

/**
 * SNS and EventBridge events are SAM's: it makes the subscription or rule and a permission scoped to
 * it. SQS is not: SAM's SQS event attaches a managed policy on every queue ("*"), so the mapping is
 * written out with a policy naming this queue only (pollerStatements).
 */
function samEvent(event: EventSource): [string, Json][] {
  if (event.kind === 'sns') {
    const topic = topicIds(event.topic).topic;
    return [
      [
        `${topic}Subscription`,
        {
          Type: 'SNS',
          Properties: {
            Topic: ref(topic),
            ...(event.filterPolicy ? { FilterPolicy: event.filterPolicy } : {}),
          },
        },
      ],
    ];
  }
  if (event.kind === 'eventBridge') {
    const bus = eventBusIds(event.bus).eventBus;
    return [
      [
        `${bus}Rule`,
        { Type: 'EventBridgeRule', Properties: { EventBusName: ref(bus), Pattern: event.pattern } },
      ],
    ];
  }
  return [];
}

/** What Lambda's poller needs on the one queue it reads. */
function pollerStatements(event: EventSource): Statement[] {
  if (event.kind !== 'sqs') return [];
  return [
    {
      Effect: 'Allow',
      Action: ['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
      Resource: getAtt(queueIds(event.queue).queue, 'Arn'),
    },
  ];
}

function addQueueMapping(
  out: ResourceCollector,
  fn: LambdaFunction,
  event: Extract<EventSource, { kind: 'sqs' }>,
) {
  const ids = functionIds(fn);
  const queue = queueIds(event.queue).queue;
  out.add(`${ids.function}${queue}Mapping`, {
    Type: 'AWS::Lambda::EventSourceMapping',
    Properties: {
      EventSourceArn: getAtt(queue, 'Arn'),
      FunctionName: ref(ids.function),
      BatchSize: event.batchSize,
      MaximumBatchingWindowInSeconds: event.maximumBatchingWindowSeconds,
      // Only the messages the handler reports as failed are retried, not the whole batch.
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    },
  });
}
