/**
 * SNS for `wskit local`: the template's topics (Ref and TopicArn the ARN), Publish and PublishBatch
 * to them, and delivery to their subscribers as SNS delivers: functions get the SNS → Lambda event
 * (`Records[0].Sns`), queues get the JSON envelope SNS writes (or the bare message and its
 * attributes with RawMessageDelivery), each subscription only the messages its filter policy
 * accepts. Publish answers at once; deliveries run after it, one log line each. `MessageStructure:
 * json` picks each protocol's message. The Step Functions task `arn:aws:states:::sns:publish`
 * publishes the same way. Errors are SNS's: `NotFound` (404) for a topic the template lacks.
 */
import { randomUUID } from 'node:crypto';
import type { Json } from '../../../template/types';
import type { LocalApp } from '../../types';
import { bannerLine, logDelivery } from '../delivery-log';
import { snsJsonShape } from '../query-shapes';
import { queueUrlOfArn } from '../sqs/template';
import {
  type LocalService,
  type RunningService,
  type ServiceHost,
  type ServiceResponse,
  TaskError,
} from '../types';
import { matchesFilterPolicy, type SnsAttribute } from './filter-policy';
import { envelope, lambdaRecord, messageFor, type Publication } from './messages';
import {
  readSubscriptions,
  readTopics,
  type SubscriptionDefinition,
  type TopicDefinition,
  topicAttribute,
} from './template';

export const snsService: LocalService = {
  name: 'sns',
  resourceTypes: ['AWS::SNS::Topic'],
  eventTypes: ['SNS'],
  ref: (id, resource, ctx) => topicAttribute(id, resource, 'TopicArn', ctx) as string,
  getAtt: (id, resource, attribute, ctx) => topicAttribute(id, resource, attribute, ctx),
  start: async (app, host) => startSns(app, host),
};

type Request = Record<string, unknown>;

const failure = (statusCode: number, type: string, message: string): ServiceResponse => ({
  statusCode,
  body: { __type: type, message },
});
const topicNotFound = failure(404, 'NotFound', 'Topic does not exist');

/** What Publish answers for a message: its id, and on a FIFO topic its sequence number. */
const answerOf = (published: Publication) => ({
  MessageId: published.messageId,
  ...(published.sequenceNumber !== undefined ? { SequenceNumber: published.sequenceNumber } : {}),
});

function startSns(initial: LocalApp, host: ServiceHost): RunningService {
  let topics = readTopics(initial, host.accountId);
  let subscriptions = readSubscriptions(initial, topics);
  const deliveries = new Set<Promise<void>>();
  // SNS's FIFO sequence numbers: 20 digits, growing with each message of a topic.
  const sequences = new Map<string, bigint>();
  const nextSequence = (topic: TopicDefinition) => {
    const next = (sequences.get(topic.id) ?? 10_000_000_000_000_000_000n) + 1n;
    sequences.set(topic.id, next);
    return String(next);
  };

  /** Checks and accepts one message; deliveries start after the caller has its answer. */
  const publish = (request: Request, topic: TopicDefinition): Publication | ServiceResponse => {
    const message = request.Message;
    if (typeof message !== 'string' || message.length === 0) {
      return failure(400, 'InvalidParameter', 'Invalid parameter: Empty message');
    }
    if (topic.fifo && request.MessageGroupId === undefined) {
      return failure(
        400,
        'InvalidParameter',
        'Invalid parameter: The MessageGroupId parameter is required for FIFO topics',
      );
    }
    const publication: Publication = {
      messageId: randomUUID(),
      topic,
      message,
      attributes: (request.MessageAttributes ?? {}) as Record<string, SnsAttribute>,
      timestamp: new Date().toISOString(),
      ...(typeof request.Subject === 'string' ? { subject: request.Subject } : {}),
      ...(typeof request.MessageStructure === 'string' ? { structure: request.MessageStructure } : {}),
      ...(request.MessageGroupId !== undefined ? { groupId: String(request.MessageGroupId) } : {}),
      ...(request.MessageDeduplicationId !== undefined
        ? { deduplicationId: String(request.MessageDeduplicationId) }
        : {}),
      ...(topic.fifo ? { sequenceNumber: nextSequence(topic) } : {}),
    };
    for (const subscription of subscriptions) {
      if (subscription.topicId !== topic.id) continue;
      const work = deliver(host, publication, subscription).finally(() => deliveries.delete(work));
      deliveries.add(work);
    }
    return publication;
  };
  const findTopic = (request: Request) => {
    const arn = request.TopicArn ?? request.TargetArn;
    return topics.find((topic) => topic.arn === arn);
  };

  return {
    actions: {
      'sns:Publish': async (raw) => {
        const request = snsJsonShape(raw);
        const topic = findTopic(request);
        if (!topic) return topicNotFound;
        const published = publish(request, topic);
        return 'statusCode' in published ? published : { statusCode: 200, body: answerOf(published) };
      },
      'sns:PublishBatch': async (raw) => {
        const request = snsJsonShape(raw);
        const topic = findTopic(request);
        if (!topic) return topicNotFound;
        const Successful: Request[] = [];
        const Failed: Request[] = [];
        for (const entry of (request.PublishBatchRequestEntries ?? []) as Request[]) {
          const published = publish(entry, topic);
          if ('statusCode' in published) {
            Failed.push({
              Id: entry.Id,
              Code: published.body.__type,
              Message: published.body.message,
              SenderFault: true,
            });
          } else {
            Successful.push({ Id: entry.Id, ...answerOf(published) });
          }
        }
        return { statusCode: 200, body: { Successful, Failed } };
      },
    },
    tasks: {
      'arn:aws:states:::sns:publish': async (input) => {
        const request = { ...(input as Request) };
        if (request.Message !== undefined && typeof request.Message !== 'string') {
          request.Message = JSON.stringify(request.Message);
        }
        const topic = findTopic(request);
        if (!topic) throw new TaskError('SNS.NotFoundException', 'Topic does not exist');
        const published = publish(request, topic);
        if ('statusCode' in published) {
          throw new TaskError(`SNS.${published.body.__type}Exception`, String(published.body.message));
        }
        return {
          ...answerOf(published),
          SdkHttpMetadata: { HttpStatusCode: 200 },
          SdkResponseMetadata: {},
        } as Json;
      },
    },
    environment: { AWS_ENDPOINT_URL_SNS: host.endpoint },
    get banner() {
      return bannerLines(topics, subscriptions);
    },
    update(next) {
      topics = readTopics(next, host.accountId);
      subscriptions = readSubscriptions(next, topics);
    },
    async close() {
      await Promise.all(deliveries);
    },
  };
}

async function deliver(host: ServiceHost, publication: Publication, subscription: SubscriptionDefinition) {
  const { subscriber } = subscription;
  if (subscriber.kind === 'elsewhere') return;
  const { message, attributes } = publication;
  if (!matchesFilterPolicy(subscription.filterPolicy, subscription.filterScope, message, attributes)) return;
  const started = Date.now();
  const source = `sns ${publication.topic.name}`;
  if (subscriber.kind === 'function') {
    const event = { Records: [lambdaRecord(publication, subscription)] };
    host.log.detail(`${source} → ${subscriber.functionId} event`, event);
    const outcome = await host.invokeFunction(subscriber.functionId, event);
    const status = outcome.ok ? 'ok' : `error ${outcome.error.errorType}: ${outcome.error.errorMessage}`;
    logDelivery(host.log, source, subscriber.functionId, status, started);
    return;
  }
  const send = host.action('sqs:SendMessage');
  const queueUrl = queueUrlOfArn(subscriber.queueArn);
  const queueName = queueUrl.split('/').at(-1) as string;
  if (!send) {
    logDelivery(host.log, source, `queue ${queueName}`, 'not delivered: no local SQS', started);
    return;
  }
  const answer = await send({
    QueueUrl: queueUrl,
    MessageBody: subscription.raw ? messageFor(publication, 'sqs') : JSON.stringify(envelope(publication)),
    ...(subscription.raw && Object.keys(attributes).length ? { MessageAttributes: attributes } : {}),
    ...(publication.groupId !== undefined ? { MessageGroupId: publication.groupId } : {}),
    ...(publication.groupId !== undefined
      ? { MessageDeduplicationId: publication.deduplicationId ?? publication.messageId }
      : {}),
  });
  const status =
    answer.statusCode === 200 ? 'ok' : `error ${String(answer.body.__type)}: ${String(answer.body.message)}`;
  logDelivery(host.log, source, `queue ${queueName}`, status, started);
}

function bannerLines(topics: readonly TopicDefinition[], subscriptions: readonly SubscriptionDefinition[]) {
  return topics.map((topic) => {
    const targets = subscriptions
      .filter((s) => s.topicId === topic.id)
      .map(({ subscriber: s, filterPolicy }) => {
        const name =
          s.kind === 'function'
            ? s.functionId
            : s.kind === 'queue'
              ? `queue ${s.queueArn.split(':').at(-1)}`
              : `${s.protocol} ${s.endpoint} (not delivered locally)`;
        return filterPolicy === undefined ? name : `${name} (filtered)`;
      });
    return bannerLine('topic', `${topic.name}${targets.length ? `, to ${targets.join(', ')}` : ''}`);
  });
}
