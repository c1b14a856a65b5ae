/**
 * Where the SAM translator accepts more than its own schema says, the translator decides: a
 * template using these properties transforms and deploys, so they are known properties. Found by
 * comparing each class's `property_types` in the translator's source (1.110.0) with the schema's
 * models, and by reading how the generators take nested settings.
 *
 * Sources (samtranslator/model/...):
 * - api/api_generator.py `_set_endpoint_configuration`: EndpointConfiguration takes `VpcEndpointIds`
 *   as well as `VPCEndpointIds` (not both).
 * - sam_resources.py `SamWebSocketApi.property_types`: `FailOnWarnings`.
 * - eventsources/push.py `CloudWatchEvent` (which `EventBridgeRule` extends): RuleName,
 *   DeadLetterConfig, RetryPolicy, Target, InputTransformer; `Schedule`: RuleName; `SNS`:
 *   RedrivePolicy; `Api` and `HttpApi`: Stage (the translator sets it itself).
 * - eventsources/pull.py `PullEventSource.property_types`: every pull source (SQS, Kinesis,
 *   DynamoDB, MQ, MSK, DocumentDB) takes every setting of the EventSourceMapping it makes.
 * - stepfunctions/events.py `CloudWatchEvent`: as for functions, and State.
 */
import type { PropSpec, ResourceSpec, TypeSpec } from '../spec-types';
import { sortKeys } from './sam';

export interface SamAcceptance {
  readonly type: string;
  /** A property type of the SAM resource (`EndpointConfiguration`), or `''` for its Properties. */
  readonly at: string;
  readonly names: readonly string[];
  /** Where each name's type comes from: a property type of the same resource, or an AWS resource type. */
  readonly like?: { readonly def: string } | { readonly aws: string };
  /** A property named otherwise in the `like` source (`VpcEndpointIds` is `VPCEndpointIds`). */
  readonly alias?: Readonly<Record<string, string>>;
}

const FUNCTION = 'AWS::Serverless::Function';
const STATE_MACHINE = 'AWS::Serverless::StateMachine';
const EVENT_RULE_EXTRAS = ['RuleName', 'DeadLetterConfig', 'RetryPolicy', 'Target', 'InputTransformer'];
const PULL_SETTINGS = ['BatchSize', 'StartingPosition', 'StartingPositionTimestamp', 'Enabled']
  .concat(['MaximumBatchingWindowInSeconds', 'MaximumRetryAttempts', 'BisectBatchOnFunctionError'])
  .concat(['MaximumRecordAgeInSeconds', 'DestinationConfig', 'ParallelizationFactor', 'Topics', 'Queues'])
  .concat(['SourceAccessConfigurations', 'SecretsManagerKmsKeyId', 'TumblingWindowInSeconds'])
  .concat([
    'FunctionResponseTypes',
    'KafkaBootstrapServers',
    'FilterCriteria',
    'KmsKeyArn',
    'ConsumerGroupId',
  ])
  .concat([
    'ScalingConfig',
    'ProvisionedPollerConfig',
    'SchemaRegistryConfig',
    'MetricsConfig',
    'LoggingConfig',
  ]);
const ESM = { aws: 'AWS::Lambda::EventSourceMapping' };
const PULL_EVENTS = ['SQS', 'Kinesis', 'DynamoDB', 'MQ', 'MSK', 'DocumentDB'];

export const SAM_ACCEPTS: readonly SamAcceptance[] = [
  {
    type: 'AWS::Serverless::Api',
    at: 'EndpointConfiguration',
    names: ['VpcEndpointIds'],
    like: { def: 'EndpointConfiguration' },
    alias: { VpcEndpointIds: 'VPCEndpointIds' },
  },
  {
    type: 'AWS::Serverless::WebSocketApi',
    at: '',
    names: ['FailOnWarnings'],
    like: { aws: 'AWS::ApiGatewayV2::Api' },
  },
  {
    type: FUNCTION,
    at: 'CloudWatchEventProperties',
    names: EVENT_RULE_EXTRAS,
    like: { def: 'EventBridgeRuleEventProperties' },
  },
  { type: FUNCTION, at: 'EventsScheduleProperties', names: ['RuleName'] },
  { type: FUNCTION, at: 'SNSEventProperties', names: ['RedrivePolicy'] },
  { type: FUNCTION, at: 'ApiEventProperties', names: ['Stage'] },
  { type: FUNCTION, at: 'HttpApiEventProperties', names: ['Stage'] },
  ...PULL_EVENTS.map((event) => ({
    type: FUNCTION,
    at: `${event}EventProperties`,
    names: PULL_SETTINGS,
    like: ESM,
  })),
  {
    type: STATE_MACHINE,
    at: 'CloudWatchEventProperties',
    names: [...EVENT_RULE_EXTRAS, 'State'],
    like: { def: 'EventBridgeRuleEventProperties' },
  },
  { type: STATE_MACHINE, at: 'ApiEventProperties', names: ['Stage'] },
];

type Mutable = Record<string, { p: Record<string, PropSpec>; d: Record<string, Record<string, PropSpec>> }>;

/** Adds what the translator accepts to the SAM specs, typed like their source where it is a plain type. */
export function applySamAcceptances(
  sam: Record<string, ResourceSpec>,
  aws: Readonly<Record<string, ResourceSpec>>,
): void {
  const specs = sam as unknown as Mutable;
  for (const entry of SAM_ACCEPTS) {
    const spec = specs[entry.type];
    const target = entry.at === '' ? spec?.p : spec?.d[entry.at];
    if (!target) throw new Error(`SAM_ACCEPTS: ${entry.type} has no ${entry.at || 'Properties'}`);
    for (const name of entry.names) {
      if (target[name]) continue;
      target[name] = { t: typeOf(entry, entry.alias?.[name] ?? name, spec.d, aws) };
    }
    if (entry.at !== '') spec.d[entry.at] = sortKeys(target);
    else spec.p = sortKeys(target);
  }
}

function typeOf(
  entry: SamAcceptance,
  name: string,
  defs: Record<string, Record<string, PropSpec>>,
  aws: Readonly<Record<string, ResourceSpec>>,
): TypeSpec {
  const like = entry.like;
  const t = !like ? undefined : 'def' in like ? defs[like.def]?.[name]?.t : aws[like.aws]?.p[name]?.t;
  // A named property type belongs to the source's own definitions: any value, as SAM checks it.
  return t === undefined || JSON.stringify(t).includes('"#') || (typeof t === 'string' && t.startsWith('#'))
    ? 'json'
    : t;
}
