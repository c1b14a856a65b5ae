/**
 * The API as the console's first page shows it: routes with what runs them, authorizers, stage,
 * selection expression, endpoints, functions, state machines (with their definitions, to draw),
 * queues and tables. Secrets stay hidden, as CloudFormation hides them: the value of every `NoEcho`
 * parameter, and any environment variable whose name says it holds a secret, is masked.
 */
import { readQueues } from '../services/sqs/template';
import { accountOf } from '../template/resolve';
import type { LocalApp, LocalIntegration } from '../types';

export const MASK = '****';

/** Variable names that hold secrets by convention (API_KEY, DB_PASSWORD, AUTH_TOKEN, ...). */
const SECRET_NAME = /secret|token|passw|pwd|private|credential|api_?key|access_?key|session/i;

export interface Endpoints {
  readonly url: string;
  readonly connections: string;
  readonly sdk: string;
  readonly dynamodb?: string;
}

export function describeApp(app: LocalApp, endpoints: Endpoints) {
  const secrets = new Set(app.secretValues ?? []);
  return {
    apiId: app.apiId,
    stage: app.stage,
    region: app.region,
    stackName: app.stackName,
    routeSelectionExpression: app.routeSelectionExpression,
    endpoints,
    routes: [...app.routes.values()].map((route) => ({
      routeKey: route.routeKey,
      twoWay: route.twoWay,
      integration: integrationOf(route.integration),
      ...(route.authorizer ? { authorizer: route.authorizer } : {}),
    })),
    functions: [...app.functions.values()].map((fn) => ({
      id: fn.id,
      name: fn.name,
      runtime: fn.runtime ?? '',
      handler: fn.handler,
      timeoutSeconds: fn.timeoutSeconds,
      environment: maskEnvironment(fn.environment, secrets),
    })),
    stateMachines: [...app.stateMachines.values()].map(({ id, arn, name, type, definition }) => ({
      id,
      arn,
      name,
      type,
      definition,
    })),
    tables: app.tables.map((table) => ({ id: table.id, name: table.name })),
    queues: queuesOf(app),
    topics: resourcesOf(app, 'AWS::SNS::Topic'),
    buses: resourcesOf(app, 'AWS::Events::EventBus'),
    rules: resourcesOf(app, 'AWS::Events::Rule'),
  };
}

export function maskEnvironment(
  environment: Readonly<Record<string, string>>,
  secrets: ReadonlySet<string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      SECRET_NAME.test(name) || secrets.has(value) ? MASK : value,
    ]),
  );
}

function integrationOf(integration: LocalIntegration) {
  switch (integration.kind) {
    case 'lambda-proxy':
      return { kind: 'lambda', target: integration.functionId, timeoutMs: integration.timeoutMs };
    case 'aws':
      return {
        kind: 'aws',
        target: integration.functionId ?? integration.action ?? integration.service,
        timeoutMs: integration.timeoutMs,
      };
    case 'mock':
      return { kind: 'mock', target: 'MOCK', timeoutMs: integration.timeoutMs };
    case 'none':
      return { kind: 'none', target: '(no integration)' };
    case 'unavailable':
      return { kind: 'unavailable', target: integration.reason };
  }
}

/** Queues by their local name (what queue events carry), each with its dead-letter queue's name. */
function queuesOf(app: LocalApp): { id: string; name: string; deadLetter?: string }[] {
  const queues = readQueues(app, accountOf(app));
  return queues.map((queue) => {
    const ref = queue.deadLetterReference;
    const target = ref && queues.find((other) => [other.arn, other.url, other.name, other.id].includes(ref));
    return { id: queue.id, name: queue.name, ...(target ? { deadLetter: target.name } : {}) };
  });
}

function resourcesOf(app: LocalApp, type: string): { id: string }[] {
  return [...app.resources].filter(([, resource]) => resource.type === type).map(([id]) => ({ id }));
}
