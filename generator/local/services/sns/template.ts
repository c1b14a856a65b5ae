/**
 * What a template says about SNS: its topics (`AWS::SNS::Topic`, Ref the topic ARN) and their
 * subscriptions, from a topic's own `Subscription` list, `AWS::SNS::Subscription` resources, and
 * SAM's `Events: Type: SNS` on functions, each with its filter policy, scope and raw delivery flag.
 * Subscribers are functions (protocol `lambda`) and queues (`sqs`) of the template; others (http,
 * email, a function or queue outside the template) are listed as not delivered locally.
 */
import type { Json, Resource } from '../../../template/types';
import type { LocalApp } from '../../types';
import { functionByReference } from '../lambda';
import { jsonValue, matchesReference, ownName, resourcesOf } from '../names';
import { localArn } from '../stand-ins';
import type { StandInContext } from '../types';
import type { FilterScope } from './filter-policy';

type Props = Readonly<Record<string, Json>>;

export interface TopicDefinition {
  readonly id: string;
  readonly name: string;
  readonly arn: string;
  readonly fifo: boolean;
}

export type Subscriber =
  | { readonly kind: 'function'; readonly functionId: string }
  | { readonly kind: 'queue'; readonly queueArn: string }
  | { readonly kind: 'elsewhere'; readonly protocol: string; readonly endpoint: string };

export interface SubscriptionDefinition {
  readonly id: string;
  readonly topicId: string;
  readonly arn: string;
  readonly subscriber: Subscriber;
  readonly filterPolicy?: Json;
  readonly filterScope: FilterScope;
  readonly raw: boolean;
}

export function topicName(logicalId: string, props: Props | undefined, stackName: string): string {
  const name = ownName(logicalId, props?.TopicName, stackName);
  return props?.TopicName === undefined && isTrue(props?.FifoTopic) ? `${name}.fifo` : name;
}

/** Ref/GetAtt stand-ins of a topic resource: Ref and TopicArn the ARN, TopicName the name. */
export function topicAttribute(
  logicalId: string,
  resource: Resource,
  attribute: string,
  ctx: StandInContext,
) {
  const props = ctx.resolve((resource.Properties ?? {}) as Json) as Props | undefined;
  const name = topicName(logicalId, props, ctx.stackName);
  if (attribute === 'TopicArn') return localArn(ctx, 'sns', name);
  if (attribute === 'TopicName') return name;
  return undefined;
}

export function readTopics(app: LocalApp, accountId: string): TopicDefinition[] {
  return resourcesOf(app, 'AWS::SNS::Topic').map(([id, { properties }]) => {
    const name = topicName(id, properties, app.stackName);
    return {
      id,
      name,
      arn: localArn({ region: app.region, accountId }, 'sns', name),
      fifo: isTrue(properties.FifoTopic),
    };
  });
}

export function readSubscriptions(
  app: LocalApp,
  topics: readonly TopicDefinition[],
): SubscriptionDefinition[] {
  const subscriptions: SubscriptionDefinition[] = [];
  const add = (
    id: string,
    topicReference: Json | undefined,
    subscriber: Subscriber | undefined,
    props: Props,
  ) => {
    const topic = topics.find((t) => matchesReference(topicReference, t.id, t.arn, t.name));
    if (!topic || !subscriber) return;
    subscriptions.push({
      id,
      topicId: topic.id,
      arn: `${topic.arn}:${id}`,
      subscriber,
      ...(props.FilterPolicy !== undefined ? { filterPolicy: jsonValue(props.FilterPolicy) } : {}),
      filterScope: props.FilterPolicyScope === 'MessageBody' ? 'MessageBody' : 'MessageAttributes',
      raw: isTrue(props.RawMessageDelivery),
    });
  };
  for (const [id, { properties }] of resourcesOf(app, 'AWS::SNS::Topic')) {
    const list = (properties.Subscription ?? []) as Props[];
    list.forEach((entry, index) => {
      add(`${id}.Subscription${index + 1}`, id, subscriber(app, entry.Protocol, entry.Endpoint), {});
    });
  }
  for (const [id, { properties }] of resourcesOf(app, 'AWS::SNS::Subscription')) {
    add(id, properties.TopicArn, subscriber(app, properties.Protocol, properties.Endpoint), properties);
  }
  for (const [id, { properties }] of resourcesOf(app, 'AWS::Serverless::Function')) {
    for (const [name, event] of Object.entries((properties.Events ?? {}) as Record<string, Props>)) {
      if (event.Type !== 'SNS' || !app.functions.has(id)) continue;
      const props = (event.Properties ?? {}) as Props;
      add(`${id}.${name}`, props.Topic, { kind: 'function', functionId: id }, props);
    }
  }
  return subscriptions;
}

function subscriber(
  app: LocalApp,
  protocol: Json | undefined,
  endpoint: Json | undefined,
): Subscriber | undefined {
  const target = String(endpoint ?? '');
  if (protocol === 'lambda') {
    const functionId = functionByReference(app.functions, target);
    if (functionId) return { kind: 'function', functionId };
  }
  if (protocol === 'sqs' && target.startsWith('arn:')) return { kind: 'queue', queueArn: target };
  return { kind: 'elsewhere', protocol: String(protocol), endpoint: target };
}

const isTrue = (value: Json | undefined) => value === true || value === 'true';
