/**
 * What a template says about EventBridge: its buses (`AWS::Events::EventBus`, Ref the name, plus
 * the account's `default` bus) and the rules with an event pattern on them (`AWS::Events::Rule`,
 * SAM's `Events: Type: EventBridgeRule` and `CloudWatchEvent`), with their targets and the input
 * each target gets. Scheduled rules (ScheduleExpression only) have no pattern: schedules/ runs them.
 */
import type { Json, Resource } from '../../../template/types';
import type { LocalApp } from '../../types';
import { functionByReference } from '../lambda';
import { jsonValue, ownName, resourcesOf } from '../names';
import { localArn } from '../stand-ins';
import type { StandInContext } from '../types';
import type { TargetInput } from './input';

type Props = Readonly<Record<string, Json>>;
type Place = { readonly region: string; readonly accountId: string };

export const DEFAULT_BUS = 'default';

export interface BusDefinition {
  readonly id?: string;
  readonly name: string;
  readonly arn: string;
}

/** A target: a function of the template, or another service's resource by ARN (queue, topic, machine). */
export type Target = TargetInput & { readonly id: string } & (
    | { readonly kind: 'function'; readonly functionId: string }
    | { readonly kind: 'arn'; readonly arn: string; readonly messageGroupId?: string }
  );

export interface RuleDefinition {
  readonly id: string;
  readonly name: string;
  readonly arn: string;
  readonly busName: string;
  readonly pattern: Json;
  readonly targets: readonly Target[];
}

export const busArn = (name: string, place: Place) => localArn(place, 'events', `event-bus/${name}`);

export function ruleArn(busName: string, name: string, place: Place) {
  return localArn(place, 'events', busName === DEFAULT_BUS ? `rule/${name}` : `rule/${busName}/${name}`);
}

/** Ref/GetAtt stand-ins: a bus's Ref and Name are its name, a rule's Ref its name; Arn for both. */
export function eventsAttribute(
  logicalId: string,
  resource: Resource,
  attribute: string,
  ctx: StandInContext,
) {
  const props = (ctx.resolve((resource.Properties ?? {}) as Json) ?? {}) as Props;
  if (resource.Type === 'AWS::Events::EventBus') {
    const name = ownName(logicalId, props.Name, ctx.stackName);
    if (attribute === 'Name' || attribute === 'Ref') return name;
    return attribute === 'Arn' ? busArn(name, ctx) : undefined;
  }
  const name = ownName(logicalId, props.Name, ctx.stackName);
  if (attribute === 'Ref') return name;
  return attribute === 'Arn' ? ruleArn(busName(props.EventBusName), name, ctx) : undefined;
}

export function readBuses(app: LocalApp, place: Place): BusDefinition[] {
  const buses = resourcesOf(app, 'AWS::Events::EventBus').map(([id, { properties }]) => {
    const name = ownName(id, properties.Name, app.stackName);
    return { id, name, arn: busArn(name, place) };
  });
  return [{ name: DEFAULT_BUS, arn: busArn(DEFAULT_BUS, place) }, ...buses];
}

export function readRules(app: LocalApp, place: Place): RuleDefinition[] {
  const rules: RuleDefinition[] = [];
  for (const [id, { properties: props }] of resourcesOf(app, 'AWS::Events::Rule')) {
    if (props.EventPattern === undefined || props.State === 'DISABLED') continue;
    const name = ownName(id, props.Name, app.stackName);
    const bus = busName(props.EventBusName);
    const targets = ((props.Targets ?? []) as Props[]).map((target) => resourceTarget(app, target));
    rules.push({
      id,
      name,
      arn: ruleArn(bus, name, place),
      busName: bus,
      pattern: jsonValue(props.EventPattern),
      targets,
    });
  }
  for (const [fnId, { properties }] of resourcesOf(app, 'AWS::Serverless::Function')) {
    for (const [event, definition] of Object.entries((properties.Events ?? {}) as Record<string, Props>)) {
      if (definition.Type !== 'EventBridgeRule' && definition.Type !== 'CloudWatchEvent') continue;
      const props = (definition.Properties ?? {}) as Props;
      if (props.Pattern === undefined || props.State === 'DISABLED' || props.Enabled === false) continue;
      if (!app.functions.has(fnId)) continue;
      // SAM names the rule's resource <Function><Event>.
      const id = `${fnId}${event}`;
      const name = ownName(id, props.RuleName, app.stackName);
      const bus = busName(props.EventBusName);
      const target = (props.Target ?? {}) as Props;
      rules.push({
        id,
        name,
        arn: ruleArn(bus, name, place),
        busName: bus,
        pattern: jsonValue(props.Pattern),
        targets: [
          {
            id: String(target.Id ?? `${id}LambdaTarget`),
            kind: 'function',
            functionId: fnId,
            ...inputOf(props),
          },
        ],
      });
    }
  }
  return rules;
}

export function resourceTarget(app: LocalApp, target: Props): Target {
  const arn = String(target.Arn ?? '');
  const functionId = arn.includes(':lambda:') ? functionByReference(app.functions, arn) : undefined;
  const base = { id: String(target.Id ?? arn), ...inputOf(target) };
  if (functionId) return { ...base, kind: 'function', functionId };
  const groupId = (target.SqsParameters as Props | undefined)?.MessageGroupId;
  return { ...base, kind: 'arn', arn, ...(groupId !== undefined ? { messageGroupId: String(groupId) } : {}) };
}

export function inputOf(props: Props): TargetInput {
  const transformer = props.InputTransformer as Props | undefined;
  return {
    ...(typeof props.Input === 'string' ? { input: props.Input } : {}),
    ...(typeof props.InputPath === 'string' ? { inputPath: props.InputPath } : {}),
    ...(transformer
      ? {
          transformer: {
            pathsMap: (transformer.InputPathsMap ?? {}) as Record<string, string>,
            template: String(transformer.InputTemplate ?? ''),
          },
        }
      : {}),
  };
}

/** A bus named by name or ARN; none is the `default` bus. */
export function busName(reference: Json | undefined): string {
  if (typeof reference !== 'string' || reference === '') return DEFAULT_BUS;
  return reference.includes(':event-bus/') ? (reference.split(':event-bus/')[1] as string) : reference;
}
