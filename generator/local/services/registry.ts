/**
 * The services the emulator runs, in one list, and what is running of them: started together,
 * asked together (which service answers `sqs:SendMessage`, serves a Task resource, gives a
 * resource type's stand-ins), updated together under `--watch`, closed together.
 *
 * A new service is one module and one line in `LOCAL_SERVICES`.
 */
import { LocalError } from '../errors';
import type { LocalApp } from '../types';
import { apigatewayService } from './apigateway';
import { dynamodbService } from './dynamodb';
import { eventsService } from './events';
import { lambdaService } from './lambda';
import { schedulesService } from './schedules';
import { snsService } from './sns';
import { sqsService } from './sqs';
import { ssmService } from './ssm';
import { statesService } from './states';
import { taskKey } from './task-keys';
import type { LocalService, RunningService, ServiceAction, ServiceHost, TaskHandler } from './types';

export { LAMBDA_FUNCTION_TASK, taskKey } from './task-keys';

/** Every service, in start order. Services whose `update` can refuse a change come first. */
export const LOCAL_SERVICES: readonly LocalService[] = [
  statesService,
  lambdaService,
  dynamodbService,
  apigatewayService,
  sqsService,
  snsService,
  eventsService,
  schedulesService,
  ssmService,
];

/** The service that runs resources of this type, if any. */
export function serviceOfType(
  type: string,
  services: readonly LocalService[] = LOCAL_SERVICES,
): LocalService | undefined {
  return services.find((service) => service.resourceTypes.includes(type));
}

/** What every service gets at start, minus what the registry itself answers (`action`, `task`). */
export type HostOptions = Omit<ServiceHost, 'action' | 'task'>;

export interface RunningServices {
  /** The action `<service>:<Action>` (`sqs:SendMessage`) of the running service that answers it. */
  action(name: string): ServiceAction | undefined;
  /** The handler of a Task resource (`arn:aws:states:::sqs:sendMessage.waitForTaskToken`). */
  task(resource: string): TaskHandler | undefined;
  /** The environment handlers get: every service's endpoint variables. */
  readonly environment: Readonly<Record<string, string>>;
  /** Start banner lines of every service. */
  readonly banner: readonly string[];
  /** Gives every service the changed app; a service that refuses throws, and the ones after it keep the old. */
  update(app: LocalApp): void;
  close(): Promise<void>;
}

/** Starts every service; if one fails, those already started close and the error is thrown. */
export async function startServices(
  app: LocalApp,
  options: HostOptions,
  services: readonly LocalService[] = LOCAL_SERVICES,
): Promise<RunningServices> {
  const running: RunningService[] = [];
  const actions = new Map<string, ServiceAction>();
  const tasks = new Map<string, TaskHandler>();
  const host: ServiceHost = {
    ...options,
    action: (name) => actions.get(name),
    task: (resource) => tasks.get(taskKey(resource)),
  };
  try {
    for (const service of services) {
      const started = await service.start(app, host);
      running.push(started);
      for (const [name, action] of Object.entries(started.actions ?? {})) {
        if (actions.has(name)) throw duplicate('action', name, service.name);
        actions.set(name, action);
      }
      for (const [resource, handler] of Object.entries(started.tasks ?? {})) {
        if (tasks.has(resource)) throw duplicate('task resource', resource, service.name);
        tasks.set(resource, handler);
      }
    }
  } catch (error) {
    await Promise.allSettled(running.map((service) => service.close()));
    throw error;
  }
  return {
    action: host.action,
    task: host.task,
    environment: Object.assign({}, ...running.map((service) => service.environment ?? {})),
    banner: [...running.flatMap((service) => service.banner ?? []), ...undeliveredEvents(app, services)],
    update(next) {
      for (const service of running) service.update?.(next);
    },
    async close() {
      await Promise.allSettled(running.map((service) => service.close()));
    },
  };
}

/**
 * Banner lines for the function event sources no service delivers (a schedule, a Kinesis stream,
 * another API): the function still runs for what calls it, but that source never does.
 */
function undeliveredEvents(app: LocalApp, services: readonly LocalService[]): string[] {
  const delivered = new Set(services.flatMap((service) => service.eventTypes ?? []));
  return [...app.resources].flatMap(([id, resource]) => {
    if (resource.type !== 'AWS::Serverless::Function' || !app.functions.has(id)) return [];
    const events = resource.properties.Events;
    if (events === null || typeof events !== 'object' || Array.isArray(events)) return [];
    return Object.entries(events).flatMap(([name, event]) => {
      const type = (event as { Type?: unknown } | null)?.Type;
      return typeof type === 'string' && !delivered.has(type)
        ? [`event source   → ${id}.${name} (${type}) does not run locally`]
        : [];
    });
  });
}

function duplicate(what: string, name: string, service: string) {
  return new LocalError('E_LOCAL_SERVICE', `${what} ${name} is claimed twice (again by ${service})`, service);
}
