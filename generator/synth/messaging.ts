/** SQS queues (each with its dead-letter queue), SNS topics and EventBridge buses. */
import type { EventBus, Queue, Topic } from '../model/types';
import { equals, getAtt, ref, sub } from '../template/intrinsics';
import type { Json, Parameter } from '../template/types';
import type { ResourceCollector } from './collector';
import { policyDocument } from './iam';
import { eventBusIds, queueIds, topicIds } from './ids';

/** The longest SQS keeps a message: the dead-letter queue holds failures for inspection that long. */
const FOURTEEN_DAYS_SECONDS = 1_209_600;

export const ALARMS_PARAMETER = 'EnableAlarms';
export const ALARMS_CONDITION = 'AlarmsEnabled';

/** The switch for dead-letter alarms: off by default, since an alarm costs money and needs someone to tell. */
export const alarmParameters = (): Record<string, Parameter> => ({
  [ALARMS_PARAMETER]: {
    Type: 'String',
    Description: 'Alarm when a dead-letter queue holds messages (add your own alarm actions)',
    Default: 'false',
    AllowedValues: ['false', 'true'],
  },
});

export const alarmConditions = (): Record<string, Json> => ({
  [ALARMS_CONDITION]: equals(ref(ALARMS_PARAMETER), 'true'),
});

export function addQueue(out: ResourceCollector, queue: Queue): void {
  const ids = queueIds(queue);
  out.add(
    ids.queue,
    {
      Type: 'AWS::SQS::Queue',
      Properties: {
        SqsManagedSseEnabled: true,
        VisibilityTimeout: queue.visibilityTimeoutSeconds,
        RedrivePolicy: {
          deadLetterTargetArn: getAtt(ids.deadLetterQueue, 'Arn'),
          maxReceiveCount: queue.maxReceiveCount,
        },
      },
    },
    `Queue ${queue.id}`,
  );
  out.add(ids.deadLetterQueue, {
    Type: 'AWS::SQS::Queue',
    Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: FOURTEEN_DAYS_SECONDS },
  });
  out.add(`${ids.deadLetterQueue}Alarm`, {
    Type: 'AWS::CloudWatch::Alarm',
    Condition: ALARMS_CONDITION,
    Properties: {
      AlarmDescription: sub(
        `Messages of \${${ids.queue}.QueueName} failed ${queue.maxReceiveCount} times and wait in its dead-letter queue`,
      ),
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: getAtt(ids.deadLetterQueue, 'QueueName') }],
      Statistic: 'Maximum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
    },
  });
  if (queue.topics.length === 0) return;
  for (const topic of queue.topics) {
    out.add(`${ids.queue}${topicIds(topic).topic}Subscription`, {
      Type: 'AWS::SNS::Subscription',
      Properties: {
        TopicArn: ref(topicIds(topic).topic),
        Protocol: 'sqs',
        Endpoint: getAtt(ids.queue, 'Arn'),
        RawMessageDelivery: true,
      },
    });
  }
  // SNS may deliver into the queue only from this app's topics.
  out.add(`${ids.queue}Policy`, {
    Type: 'AWS::SQS::QueuePolicy',
    Properties: {
      Queues: [ref(ids.queue)],
      PolicyDocument: policyDocument([
        {
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: getAtt(ids.queue, 'Arn'),
          Condition: {
            ArnEquals: { 'aws:SourceArn': queue.topics.map((topic) => ref(topicIds(topic).topic)) },
          },
        },
      ]),
    },
  });
}

export function addTopic(out: ResourceCollector, topic: Topic): void {
  // Encrypted at rest with the AWS managed key: nothing to manage, and publishers need no key grant.
  out.add(
    topicIds(topic).topic,
    { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: 'alias/aws/sns' } },
    `Topic ${topic.id}`,
  );
}

export function addEventBus(out: ResourceCollector, bus: EventBus): void {
  out.add(
    eventBusIds(bus).eventBus,
    // A bus needs a name; the stack's keeps two stacks of one app apart.
    { Type: 'AWS::Events::EventBus', Properties: { Name: sub(`\${AWS::StackName}-${bus.id}`) } },
    `Event bus ${bus.id}`,
  );
}
