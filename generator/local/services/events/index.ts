/**
 * EventBridge for `wskit local`: PutEvents to the template's buses and `default`, each event built
 * as EventBridge builds it (version, id, detail-type, source, account, time, region, resources,
 * detail) and matched against the enabled rules of its bus; a matching rule sends each target the
 * input it asks for: functions of the template are invoked (asynchronously, as EventBridge does),
 * queues get an SQS message, topics an SNS message, state machines an execution. PutEvents answers
 * per entry (`FailedEntryCount`, `ErrorCode`), and the task `arn:aws:states:::events:putEvents`
 * fails with `EventBridge.FailedEntry` when an entry fails, as Step Functions reports it.
 */
import { randomUUID } from 'node:crypto';
import type { Json } from '../../../template/types';
import type { LocalApp } from '../../types';
import { bannerLine } from '../delivery-log';
import { matchesPattern } from '../patterns';
import { type LocalService, type RunningService, type ServiceHost, TaskError } from '../types';
import { deliverToTarget, targetName } from './deliver';
import { targetInput } from './input';
import {
  type BusDefinition,
  busName,
  eventsAttribute,
  type RuleDefinition,
  readBuses,
  readRules,
  type Target,
} from './template';

export const eventsService: LocalService = {
  name: 'events',
  resourceTypes: ['AWS::Events::EventBus', 'AWS::Events::Rule'],
  eventTypes: ['EventBridgeRule', 'CloudWatchEvent'],
  ref: (id, resource, ctx) => eventsAttribute(id, resource, 'Ref', ctx) as string,
  getAtt: (id, resource, attribute, ctx) => eventsAttribute(id, resource, attribute, ctx),
  start: async (app, host) => startEvents(app, host),
};

const MAX_ENTRIES = 10;

type Entry = Record<string, unknown>;
type EntryResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

function startEvents(initial: LocalApp, host: ServiceHost): RunningService {
  let buses: BusDefinition[] = [];
  let rules: RuleDefinition[] = [];
  const read = (app: LocalApp) => {
    buses = readBuses(app, host);
    rules = readRules(app, host);
  };
  read(initial);
  const deliveries = new Set<Promise<void>>();

  const put = (entry: Entry): EntryResult => {
    const bus = buses.find((b) => b.name === busName(entry.EventBusName as Json | undefined));
    if (!bus) {
      return {
        ErrorCode: 'NotFoundException',
        ErrorMessage: `Event bus ${String(entry.EventBusName)} does not exist.`,
      };
    }
    for (const field of ['Source', 'DetailType', 'Detail'] as const) {
      if (typeof entry[field] !== 'string' || entry[field] === '') {
        return {
          ErrorCode: 'InvalidArgument',
          ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.`,
        };
      }
    }
    let detail: unknown;
    try {
      detail = JSON.parse(entry.Detail as string);
    } catch {
      detail = undefined;
    }
    if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    }
    const event = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType,
      source: entry.Source,
      account: host.accountId,
      time: (entry.Time ? new Date(String(entry.Time)) : new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: host.region,
      resources: (entry.Resources ?? []) as string[],
      detail,
    };
    for (const rule of rules) {
      if (rule.busName !== bus.name || !matchesPattern(rule.pattern, event)) continue;
      for (const target of rule.targets) {
        const work = deliver(host, bus, rule, target, event).finally(() => deliveries.delete(work));
        deliveries.add(work);
      }
    }
    return { EventId: event.id };
  };
  const putEvents = (entries: Entry[]) => {
    const Entries = entries.map(put);
    return { FailedEntryCount: Entries.filter((e) => 'ErrorCode' in e).length, Entries };
  };

  return {
    actions: {
      'events:PutEvents': async (request) => {
        const entries = (request.Entries ?? []) as Entry[];
        if (entries.length === 0 || entries.length > MAX_ENTRIES) {
          return {
            statusCode: 400,
            body: {
              __type: 'ValidationException',
              message: `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length between 1 and ${MAX_ENTRIES}`,
            },
          };
        }
        return { statusCode: 200, body: putEvents(entries) };
      },
    },
    tasks: {
      'arn:aws:states:::events:putEvents': async (input) => {
        const entries = (((input as Entry).Entries ?? []) as Entry[]).map((entry) => ({
          ...entry,
          ...(entry.Detail !== undefined && typeof entry.Detail !== 'string'
            ? { Detail: JSON.stringify(entry.Detail) }
            : {}),
        }));
        const result = putEvents(entries);
        if (result.FailedEntryCount > 0) {
          throw new TaskError('EventBridge.FailedEntry', JSON.stringify(result));
        }
        return result as unknown as Json;
      },
    },
    environment: { AWS_ENDPOINT_URL_EVENTBRIDGE: host.endpoint },
    get banner() {
      return rules.map((rule) =>
        bannerLine(
          'rule',
          `${rule.busName}/${rule.name}, to ${rule.targets.map(targetName).join(', ') || 'no targets'}`,
        ),
      );
    },
    update: read,
    async close() {
      await Promise.all(deliveries);
    },
  };
}

async function deliver(
  host: ServiceHost,
  bus: BusDefinition,
  rule: RuleDefinition,
  target: Target,
  event: Entry,
) {
  const input = targetInput(target, event, rule);
  await deliverToTarget(host, `events ${bus.name} rule ${rule.name}`, target, input);
}
