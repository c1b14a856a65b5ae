/**
 * Event sources that fire on their own: scheduled EventBridge rules and EventBridge Scheduler
 * schedules (template.ts) run their targets at their rate or cron, as AWS does, through the same
 * delivery as rules matching events (events/deliver.ts). A rule's targets get the event EventBridge
 * sends on a schedule (`detail-type: Scheduled Event`, `source: aws.events`, the rule's ARN in
 * `resources`, `detail: {}`) through their Input, InputPath or InputTransformer; a Scheduler
 * target gets its Input as is (`{}` without one), with Scheduler's `<aws.scheduler.*>` context
 * attributes filled in.
 *
 * With `schedules: false` (`--no-schedules`) nothing fires on its own. Either way the action
 * `schedules:Fire` (reached at `POST /@schedules/<id>` and `LocalServer.fireSchedule`) fires one
 * now and answers once its targets have it, which is what tests and demos want. A schedule whose
 * expression AWS would refuse is reported alone; the others run.
 */
import { randomUUID } from 'node:crypto';
import type { Json } from '../../../template/types';
import { LocalError } from '../../errors';
import type { LocalApp } from '../../types';
import { bannerLine } from '../delivery-log';
import { deliverToTarget, targetName } from '../events/deliver';
import { targetInput } from '../events/input';
import type { LocalService, RunningService, ServiceHost, ServiceResponse } from '../types';
import { parseSchedule, type Timing } from './expression';
import { readSchedules, type ScheduleDefinition, schedulerAttribute } from './template';

export const schedulesService: LocalService = {
  name: 'schedules',
  resourceTypes: ['AWS::Scheduler::Schedule'],
  eventTypes: ['Schedule', 'ScheduleV2'],
  ref: (id, resource, ctx) => schedulerAttribute(id, resource, 'Ref', ctx) as string,
  getAtt: (id, resource, attribute, ctx) => schedulerAttribute(id, resource, attribute, ctx),
  start: async (app, host) => startSchedules(app, host),
};

/** The action that fires a schedule now: `{ "id": "TickFunction.Tick" }`. */
export const FIRE_ACTION = 'schedules:Fire';

/** setTimeout's longest delay; a later time is reached in several waits. */
const MAX_DELAY_MS = 2 ** 31 - 1;

interface Armed {
  readonly schedule: ScheduleDefinition;
  readonly timing?: Timing;
  /** Why it cannot run, when its expression is not one AWS accepts. */
  readonly problem?: string;
  timer?: NodeJS.Timeout;
}

function startSchedules(initial: LocalApp, host: ServiceHost): RunningService {
  const startedAt = new Date();
  const onTheirOwn = host.schedules !== false;
  let armed: Armed[] = [];
  const deliveries = new Set<Promise<void>>();

  const fire = (schedule: ScheduleDefinition, time: Date): Promise<void> => {
    const work = Promise.all(
      schedule.targets.map((target) =>
        deliverToTarget(host, `schedule ${schedule.id}`, target, payload(schedule, target, time, host)),
      ),
    ).then(() => {});
    const tracked = work.finally(() => deliveries.delete(tracked));
    deliveries.add(tracked);
    return tracked;
  };

  const arm = (entry: Armed, after: Date) => {
    const { startDate, endDate } = entry.schedule;
    const next = entry.timing?.next(
      startDate && startDate > after ? new Date(startDate.getTime() - 1) : after,
    );
    if (!next || (endDate && next > endDate)) return;
    const wait = next.getTime() - Date.now();
    entry.timer = setTimeout(
      () => {
        if (wait > MAX_DELAY_MS) return arm(entry, after);
        void fire(entry.schedule, next);
        arm(entry, next);
      },
      Math.max(0, Math.min(wait, MAX_DELAY_MS)),
    );
    entry.timer.unref();
  };

  const read = (app: LocalApp) => {
    const next = armable(app, host, startedAt);
    for (const entry of armed) clearTimeout(entry.timer);
    armed = next;
    if (!onTheirOwn) return;
    for (const entry of armed) if (entry.schedule.enabled) arm(entry, new Date());
  };
  read(initial);

  return {
    actions: {
      [FIRE_ACTION]: async (request) => {
        const entry = armed.find((candidate) => candidate.schedule.id === request.id);
        const refusal = fireRefusal(request.id, entry, armed);
        if (refusal || !entry) return refusal as ServiceResponse;
        await fire(entry.schedule, new Date());
        return { statusCode: 200, body: { id: entry.schedule.id, targets: entry.schedule.targets.length } };
      },
    },
    get banner() {
      return armed.map((entry) => bannerOf(entry, onTheirOwn, host.endpoint));
    },
    update: read,
    async close() {
      for (const entry of armed) clearTimeout(entry.timer);
      await Promise.all(deliveries);
    },
  };
}

/** The app's schedules with their timing parsed; one AWS would refuse carries why. */
function armable(app: LocalApp, host: ServiceHost, startedAt: Date): Armed[] {
  return readSchedules(app, host).map((schedule): Armed => {
    try {
      const timing = parseSchedule(schedule.expression, {
        startedAt,
        oneTime: schedule.kind === 'scheduler',
        ...(schedule.timeZone ? { timeZone: schedule.timeZone } : {}),
      });
      return { schedule, timing };
    } catch (error) {
      if (!(error instanceof LocalError)) throw error;
      return { schedule, problem: error.message };
    }
  });
}

/** Why a schedule cannot be fired now (unknown, or not one AWS accepts), as the API would answer. */
function fireRefusal(
  id: unknown,
  entry: Armed | undefined,
  armed: readonly Armed[],
): ServiceResponse | undefined {
  if (!entry) {
    const known = armed.map((candidate) => candidate.schedule.id).join(', ') || 'none';
    const message = `no schedule ${JSON.stringify(id)}; this app's schedules: ${known}`;
    return { statusCode: 404, body: { __type: 'ResourceNotFoundException', message } };
  }
  return entry.problem
    ? { statusCode: 400, body: { __type: 'ValidationException', message: entry.problem } }
    : undefined;
}

/** `schedule       → Ticker.Tick rate(1 minute), to Ticker; fire now: curl -X POST <endpoint>/@schedules/Ticker.Tick` */
function bannerOf({ schedule, problem }: Armed, onTheirOwn: boolean, endpoint: string): string {
  const zone = schedule.expression.startsWith('rate(') ? '' : ` (${schedule.timeZone ?? 'UTC'})`;
  const state = problem
    ? `cannot run: ${problem}`
    : !schedule.enabled
      ? 'disabled'
      : `${schedule.expression}${zone}${onTheirOwn ? '' : ', off (--no-schedules)'}`;
  const targets = schedule.targets.map(targetName).join(', ') || 'no targets';
  const fire = problem ? '' : `; fire now: curl -X POST ${endpoint}/@schedules/${schedule.id}`;
  return bannerLine('schedule', `${schedule.id} ${state}, to ${targets}${fire}`);
}

/** What a target receives when the schedule fires at `time`. */
function payload(
  schedule: ScheduleDefinition,
  target: ScheduleDefinition['targets'][number],
  time: Date,
  host: ServiceHost,
): unknown {
  const at = time.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (schedule.kind === 'rule') {
    const event = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: host.accountId,
      time: at,
      region: host.region,
      resources: [schedule.arn],
      detail: {},
    };
    return targetInput(target, event, { name: schedule.arn.split('/').at(-1) as string, arn: schedule.arn });
  }
  const attributes: Record<string, string> = {
    'aws.scheduler.schedule-arn': schedule.arn,
    'aws.scheduler.scheduled-time': at,
    'aws.scheduler.execution-id': randomUUID(),
    'aws.scheduler.attempt-number': '1',
  };
  const text = (target.input ?? '{}').replace(
    /<(aws\.scheduler\.[a-z-]+)>/g,
    (whole, name: string) => attributes[name] ?? whole,
  );
  if (target.kind !== 'function') return text;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}
