/**
 * SQS for `wskit local`: the template's queues (`AWS::SQS::Queue`) with their URL as Ref and Arn,
 * QueueName and QueueUrl as attributes; the SQS API as actions (`sqs:SendMessage`...); the
 * functions subscribed to a queue (SAM `Events: Type: SQS` or `AWS::Lambda::EventSourceMapping`)
 * fed as Lambda feeds them; and the Step Functions task `arn:aws:states:::sqs:sendMessage`.
 */
import type { Json } from '../../../template/types';
import type { LocalApp } from '../../types';
import { bannerLine } from '../delivery-log';
import { type LocalService, type RunningService, type ServiceHost, TaskError } from '../types';
import { queueDoesNotExist, sendInput, sqsActions } from './actions';
import { SqsEventSource } from './event-source';
import type { QueueObserver } from './queue';
import { QueueSet } from './queues';
import { type QueueDefinition, queueAttribute, readEventSources, readQueues } from './template';

export const sqsService: LocalService = {
  name: 'sqs',
  resourceTypes: ['AWS::SQS::Queue'],
  eventTypes: ['SQS'],
  ref: (id, resource, ctx) => queueAttribute(id, resource, 'QueueUrl', ctx) as string,
  getAtt: (id, resource, attribute, ctx) => queueAttribute(id, resource, attribute, ctx),
  start: async (app, host) => startSqs(app, host),
};

/** Runs the app's queues and event sources; `now` is the queues' clock. */
export function startSqs(app: LocalApp, host: ServiceHost, now: () => number = Date.now): RunningService {
  let queues = new QueueSet(readQueues(app, host.accountId), now);
  queues.observe(queueEvents(host));
  let sources = startEventSources(app, host, queues);
  return {
    actions: sqsActions(() => queues),
    // Handlers' SDK calls reach the emulator's AWS endpoint, never SQS itself.
    environment: { AWS_ENDPOINT_URL_SQS: host.endpoint },
    tasks: {
      'arn:aws:states:::sqs:sendMessage': async (input) => {
        const request = input as Record<string, Json>;
        const queue = typeof request.QueueUrl === 'string' ? queues.find(request.QueueUrl) : undefined;
        if (!queue) throw new TaskError(`SQS.${queueDoesNotExist.code}Exception`, queueDoesNotExist.message);
        const sent = queues.send(queue, sendInput(request));
        if ('failure' in sent) throw new TaskError(`SQS.${sent.code}Exception`, sent.message);
        return { ...sent, SdkHttpMetadata: { HttpStatusCode: 200 }, SdkResponseMetadata: {} } as Json;
      },
    },
    get banner() {
      return bannerLines(queues.all(), app, sources.mappings);
    },
    update(next) {
      // Queues keep their messages only while the template keeps them the same.
      void sources.stop();
      app = next;
      queues = new QueueSet(readQueues(next, host.accountId), now, queues);
      queues.observe(queueEvents(host));
      sources = startEventSources(next, host, queues);
    },
    close: () => sources.stop(),
  };
}

/** Queue messages on the event bus, while someone listens; bodies for a detailed listener. */
function queueEvents(host: ServiceHost): QueueObserver {
  const events = host.log.events;
  return (queue, action, message) => {
    if (!events.active) return;
    events.emit({
      type: 'queue.message',
      at: Date.now(),
      queue,
      messageId: message.id,
      action,
      receiveCount: message.receiveCount,
      ...(events.detailed ? { body: message.body } : {}),
    });
  };
}

function startEventSources(app: LocalApp, host: ServiceHost, queues: QueueSet) {
  const mappings = readEventSources(app, queues.all()).filter((mapping) => mapping.enabled);
  const running = mappings.map(
    (mapping) =>
      new SqsEventSource(mapping, queues.byId(mapping.queueId) as NonNullable<ReturnType<QueueSet['byId']>>, {
        queues,
        region: app.region,
        log: host.log,
        functionName: mapping.functionId,
        invoke: (functionId, event) => host.invokeFunction(functionId, event),
      }),
  );
  return { mappings, stop: async () => void (await Promise.all(running.map((source) => source.stop()))) };
}

function bannerLines(
  queues: readonly QueueDefinition[],
  app: LocalApp,
  mappings: ReturnType<typeof readEventSources>,
): string[] {
  return queues.map((queue) => {
    const consumers = mappings
      .filter((m) => m.queueId === queue.id)
      .map((m) => app.functions.get(m.functionId)?.id);
    const dlq = queue.deadLetterReference
      ? `, dead letters after ${queue.redrive?.maxReceiveCount} receives`
      : '';
    const to = consumers.length ? `, to ${consumers.join(', ')}` : '';
    return bannerLine('queue', `${queue.name}${queue.fifo ? ' (FIFO)' : ''}${to}${dlq}`);
  });
}
