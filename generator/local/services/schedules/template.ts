/**
 * What a template says about schedules, in the four forms apps write them:
 * - `AWS::Events::Rule` with a `ScheduleExpression`: its Targets, with Input, InputPath or
 *   InputTransformer applied to the scheduled event;
 * - SAM's function event `Type: Schedule`, which SAM turns into such a rule (`<Function><Event>`)
 *   targeting the function, with its `Input`;
 * - `AWS::Scheduler::Schedule` (EventBridge Scheduler): one Target whose `Input` is sent as is,
 *   between its StartDate and EndDate;
 * - SAM's `Type: ScheduleV2`, which SAM turns into such a schedule, named `<Function><Event>`.
 * A schedule is enabled unless `State: DISABLED` (or, for SAM's Schedule, `Enabled: false`).
 */
import type { Json, Resource } from '../../../template/types';
import type { LocalApp } from '../../types';
import { inputOf, resourceTarget, ruleArn, type Target } from '../events/template';
import { ownName, resourcesOf } from '../names';
import { localArn } from '../stand-ins';
import type { StandInContext } from '../types';

type Props = Readonly<Record<string, Json>>;
type Place = { readonly region: string; readonly accountId: string };

export interface ScheduleDefinition {
  /** How it is named in the banner and fired: `Function.Event` for SAM events, else the logical id. */
  readonly id: string;
  /** `rule` sends EventBridge's scheduled event; `scheduler` sends the target's Input as is. */
  readonly kind: 'rule' | 'scheduler';
  readonly arn: string;
  readonly expression: string;
  /** Scheduler's `ScheduleExpressionTimezone`. */
  readonly timeZone?: string;
  readonly enabled: boolean;
  /** Scheduler's `StartDate` and `EndDate`: it fires only between them. */
  readonly startDate?: Date;
  readonly endDate?: Date;
  readonly targets: readonly Target[];
}

export const DEFAULT_GROUP = 'default';

export const scheduleArn = (group: string, name: string, place: Place) =>
  localArn(place, 'scheduler', `schedule/${group}/${name}`);

/** Ref/GetAtt stand-ins of an `AWS::Scheduler::Schedule`: Ref is its name; Arn. */
export function schedulerAttribute(id: string, resource: Resource, attribute: string, ctx: StandInContext) {
  const props = (ctx.resolve((resource.Properties ?? {}) as Json) ?? {}) as Props;
  const name = ownName(id, props.Name, ctx.stackName);
  if (attribute === 'Ref') return name;
  return attribute === 'Arn' ? scheduleArn(groupOf(props), name, ctx) : undefined;
}

export function readSchedules(app: LocalApp, place: Place): ScheduleDefinition[] {
  const found: ScheduleDefinition[] = [];
  for (const [id, { properties: props }] of resourcesOf(app, 'AWS::Events::Rule')) {
    if (typeof props.ScheduleExpression !== 'string') continue;
    const name = ownName(id, props.Name, app.stackName);
    found.push({
      id,
      kind: 'rule',
      arn: ruleArn('default', name, place),
      expression: props.ScheduleExpression,
      enabled: props.State !== 'DISABLED',
      targets: ((props.Targets ?? []) as Props[]).map((target) => resourceTarget(app, target)),
    });
  }
  for (const [id, { properties: props }] of resourcesOf(app, 'AWS::Scheduler::Schedule')) {
    const target = (props.Target ?? {}) as Props;
    found.push({
      ...schedulerFields(props, ownName(id, props.Name, app.stackName), place),
      id,
      // Read as a rule's target is: Arn, Input, SqsParameters' MessageGroupId.
      targets: [resourceTarget(app, { ...target, Id: id })],
    });
  }
  for (const [fnId, { properties }] of resourcesOf(app, 'AWS::Serverless::Function')) {
    if (!app.functions.has(fnId)) continue;
    for (const [event, definition] of Object.entries((properties.Events ?? {}) as Record<string, Props>)) {
      const props = (definition.Properties ?? {}) as Props;
      // SAM names the rule or schedule it makes <Function><Event>.
      const logicalId = `${fnId}${event}`;
      const target = { id: `${logicalId}LambdaTarget`, kind: 'function', functionId: fnId } as const;
      if (definition.Type === 'Schedule' && typeof props.Schedule === 'string') {
        found.push({
          id: `${fnId}.${event}`,
          kind: 'rule',
          arn: ruleArn('default', ownName(logicalId, props.Name, app.stackName), place),
          expression: props.Schedule,
          enabled: props.Enabled !== false && props.State !== 'DISABLED',
          targets: [{ ...target, ...inputOf(props) }],
        });
      } else if (definition.Type === 'ScheduleV2' && typeof props.ScheduleExpression === 'string') {
        const name = typeof props.Name === 'string' ? props.Name : logicalId;
        found.push({
          ...schedulerFields(props, name, place),
          id: `${fnId}.${event}`,
          targets: [{ ...target, ...(typeof props.Input === 'string' ? { input: props.Input } : {}) }],
        });
      }
    }
  }
  return found;
}

function schedulerFields(props: Props, name: string, place: Place) {
  return {
    kind: 'scheduler' as const,
    arn: scheduleArn(groupOf(props), name, place),
    expression: String(props.ScheduleExpression ?? ''),
    ...(typeof props.ScheduleExpressionTimezone === 'string'
      ? { timeZone: props.ScheduleExpressionTimezone }
      : {}),
    enabled: props.State !== 'DISABLED',
    ...dateOf('startDate', props.StartDate),
    ...dateOf('endDate', props.EndDate),
  };
}

/** `{ startDate: Date }` from an ISO 8601 date-time, or nothing. */
function dateOf(key: 'startDate' | 'endDate', value: Json | undefined) {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? {} : { [key]: new Date(time) };
}

const groupOf = (props: Props) => (typeof props.GroupName === 'string' ? props.GroupName : DEFAULT_GROUP);
