/** SQS queues (each with its dead-letter queue), SNS topics and EventBridge buses. */
import type { EventBus, Queue, Topic } from '../model/types';
import { getAtt, ref, sub } from '../template/intrinsics';
import type { ResourceCollector } from './collector';
import { policyDocument } from './iam';
import { eventBusIds, queueIds, topicIds } from './ids';

/** The longest SQS keeps a message: the dead-letter queue holds failures for inspection that long. */
const FOURTEEN_DAYS_SECONDS = 1_209_600;

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
