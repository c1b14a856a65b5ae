/**
 * `startLocal`: serves a WebSocket API from its template on loopback, with its Lambda functions,
 * state machines, DynamoDB tables and the `@connections` API, until `close()`.
 *
 * @example
 * const local = await startLocal({ appDir: 'patterns/lambda', port: 0, waitScale: 0 });
 * const ws = new WebSocket(local.url);
 * // ...
 * await local.close();
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { WebSocketServer } from 'ws';
import { packagePath } from '../paths';
import type { Template } from '../template/types';
import { type AwsAccess, startAwsAccess } from './aws-access';
import { ConnectionRegistry } from './connections/registry';
import { describeApp } from './console/describe';
import type { ConsoleOptions } from './console/options';
import { type RunningConsole, startConsole } from './console/server';
import { LOCAL_DEFAULTS } from './defaults';
import { LocalError } from './errors';
import { EventBus } from './events/bus';
import { withRunnableRoutes } from './integrations/availability';
import { type CodeWatcher, FunctionCode } from './lambda/code';
import { LambdaRunner } from './lambda/runner';
import { provideSdk } from './lambda/sdk-provide';
import { createLogger, type Logger } from './log';
import { reloadOnChange } from './reload';
import { accessPolicy, bindsBeyondLoopback } from './server/access';
import { handleUpgrade } from './server/connect';
import type { Gateway } from './server/gateway';
import { loadIamKeyring } from './server/iam-keys';
import { FRAME_LIMIT_BYTES, MESSAGE_LIMIT_BYTES } from './server/quotas';
import { handleHttpRequest } from './server/requests';
import { openSession } from './server/session';
import { handleProtocols } from './server/subprotocol';
import { type RunningServices, startServices } from './services/registry';
import { fireSchedule } from './services/schedules/fire';
import { appFromTemplate } from './template/load-app';
import { loadLocalApp } from './template/load-cdk';
import { accountOf } from './template/resolve';
import type { LocalApp } from './types';
import { urlHost } from './url-host';
import { TemplateCache } from './vtl/render';

export interface StartLocalOptions {
  /** An app folder holding template.yml, the template file itself, or a CDK cloud assembly (`cdk.out`). */
  readonly appDir?: string;
  /** A template as data, with `templateDir` for its relative paths (instead of `appDir`). */
  readonly template?: Template;
  readonly templateDir?: string;
  /** 0 picks a free port. @default 3001 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /**
   * Browser origins allowed to open a WebSocket (or call `@connections`) beyond loopback ones, e.g.
   * `https://app.example.com`; `*` allows any. Clients that send no Origin (CLI, SDK) always may.
   * @default none
   */
  readonly allowOrigins?: readonly string[];
  /**
   * Refuse every AWS call of the handlers to a service wskit does not serve, with an error naming it;
   * otherwise they reach AWS with the developer's own credentials, as with `sam local`.
   * @default false
   */
  readonly offline?: boolean;
  /** A CDK cloud assembly's stack to run, when several have a WebSocket API. */
  readonly stack?: string;
  /**
   * Run scheduled rules and EventBridge Scheduler schedules at their rate or cron; false: they fire
   * only through `fireSchedule` (or `POST /@schedules/<id>`).
   * @default true
   */
  readonly schedules?: boolean;
  /**
   * Credentials files (the AWS credentials file format) whose keys verify SigV4 signatures on
   * `AWS_IAM` handshakes, beside the credentials wskit runs with. @default none
   */
  readonly iamCredentialFiles?: readonly string[];
  /** @default the template's stage name */
  readonly stage?: string;
  /** Multiplies Wait state durations; 0 makes them instant. @default 1 */
  readonly waitScale?: number;
  readonly region?: string;
  /** Values for the template's Parameters, over their defaults (as `sam local --parameter-overrides`). */
  readonly parameterOverrides?: Readonly<Record<string, string>>;
  readonly verbose?: boolean;
  /** Where log lines go. @default nowhere */
  readonly log?: (line: string) => void;
  /** @default 10 minutes */
  readonly idleTimeoutMs?: number;
  /** @default 2 hours */
  readonly maxConnectionMs?: number;
  /**
   * Execution environments (worker threads) one function may run at once; further invocations queue.
   * @default one per CPU core, at least 2
   */
  readonly maxEnvironmentsPerFunction?: number;
  /**
   * Apply changes as they are saved: a changed template or state machine definition is read again
   * (connections stay open), and a function whose code changed (any file it imports; TypeScript is
   * bundled again) gets fresh environments for its next calls; calls already running finish on the old.
   * @default false
   */
  readonly watch?: boolean;
  /**
   * The local console in the browser: connections, frames, function runs, executions, queues and
   * tables, live (`true` for its defaults: port 3002, the last 5000 events).
   * @default false (`wskit local` turns it on unless --no-console)
   */
  readonly console?: boolean | ConsoleOptions;
}

export interface LocalServer {
  /** `ws://<host>:<port>/<stage>` */
  readonly url: string;
  readonly port: number;
  readonly app: LocalApp;
  /** `http://<host>:<port>` of the in-memory DynamoDB, when the template has tables. */
  readonly dynamoEndpoint?: string;
  /** Banner lines of the running services (`label → what it serves`). */
  readonly services: readonly string[];
  /** Which AWS services handlers reach locally, and how they reach the others. */
  readonly awsAccess: { readonly local: readonly string[]; readonly others: string };
  /** Where the keys that verify `AWS_IAM` signatures came from (no secrets). */
  readonly iamKeySources: readonly string[];
  /** `http://<host>:<port>/` of the console, when it runs. */
  readonly consoleUrl?: string;
  /** Connections open right now. */
  connectionCount(): number;
  /**
   * Fires a schedule now (`Function.Event` for a SAM event, else its logical id); settles once its
   * targets have it (a function has run). Throws a LocalError naming the app's schedules if unknown.
   */
  fireSchedule(id: string): Promise<void>;
  /** Closes every socket with 1001, then stops the functions, the state machines and the table server. */
  close(): Promise<void>;
}

export async function startLocal(options: StartLocalOptions): Promise<LocalServer> {
  const {
    port = LOCAL_DEFAULTS.port,
    host = LOCAL_DEFAULTS.host,
    waitScale = LOCAL_DEFAULTS.waitScale,
    verbose = false,
  } = options;
  const loadOptions = {
    ...(options.stage ? { stage: options.stage } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.parameterOverrides ? { parameterOverrides: options.parameterOverrides } : {}),
    ...(options.stack ? { stack: options.stack } : {}),
  };
  const loaded = options.template
    ? appFromTemplate(options.template, options.templateDir ?? process.cwd(), loadOptions)
    : loadLocalApp(options.appDir ?? '.', loadOptions);
  const events = new EventBus();
  const log = createLogger(options.log, verbose, events);
  if (bindsBeyondLoopback(host)) {
    log.line(
      `warning: --host ${host} listens beyond this machine: whoever reaches this port can use the API and its handlers' AWS access`,
    );
  }
  let lambda: LambdaRunner | undefined;
  let sdkAfterChange: ((id: string) => void) | undefined;
  const watcher: CodeWatcher | undefined = options.watch
    ? {
        changed: (id) => {
          log.line(`[${id}] code changed: the next call starts a fresh environment`);
          lambda?.reload(id);
          sdkAfterChange?.(id);
        },
        failed: (id, message) => log.line(`[${id}] ${message}`),
      }
    : undefined;
  const iamKeys = await loadIamKeyring(process.env, options.iamCredentialFiles);
  const code = await FunctionCode.prepare(loaded.functions, loaded.dir, watcher);
  const sdkOptions = { install: !options.offline, log: log.line };
  await provideSdk(code.functions.values(), sdkOptions);
  // An SDK package a changed handler now imports is installed, and the function reloads once more.
  sdkAfterChange = (id) => {
    const fn = code.functions.get(id);
    if (fn) void provideSdk([fn], sdkOptions).then((installed) => installed > 0 && lambda?.reload(id));
  };
  const app: LocalApp = { ...loaded, functions: code.functions };

  const httpServer = createServer();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  }).catch(async (error: unknown) => {
    await code.close();
    throw error;
  });
  const actualPort = (httpServer.address() as AddressInfo).port;
  const endpoint = `http://${urlHost(host)}:${actualPort}`;
  let aws: RunningServices | undefined;
  let access: AwsAccess | undefined;
  try {
    aws = await startServices(app, {
      host,
      endpoint,
      region: app.region,
      accountId: accountOf(app),
      log,
      waitScale,
      schedules: options.schedules ?? true,
      // Services call functions only once running, after the runner below exists.
      invokeFunction: (functionId, event) => (lambda as LambdaRunner).invoke(functionId, event),
    });
    access = await startAwsAccess({ offline: options.offline ?? false, host, log });
    lambda = new LambdaRunner(app.functions, {
      region: app.region,
      apiId: app.apiId,
      environment: aws.environment,
      managementEndpoint: `${endpoint}/${app.stage}`,
      awsEnvironment: access.environment,
      ...(access.offlineEndpoint ? { offlineEndpoint: access.offlineEndpoint } : {}),
      maxEnvironmentsPerFunction: options.maxEnvironmentsPerFunction ?? Math.max(2, availableParallelism()),
      onOutput: (fn, line, requestId) => {
        if (!events.active) return;
        events.emit({
          type: 'function.log',
          at: Date.now(),
          functionId: fn.id,
          line,
          ...(requestId ? { requestId } : {}),
        });
      },
      events,
    });
    const gw: Gateway = {
      app: withRunnableRoutes(app, aws, log),
      services: { lambda, aws, templates: new TemplateCache(), log },
      registry: new ConnectionRegistry(),
      log,
      access: accessPolicy(host, options.allowOrigins),
      quotas: {
        messageLimitBytes: MESSAGE_LIMIT_BYTES,
        frameLimitBytes: FRAME_LIMIT_BYTES,
        idleTimeoutMs: options.idleTimeoutMs ?? LOCAL_DEFAULTS.idleTimeoutMs,
        maxConnectionMs: options.maxConnectionMs ?? LOCAL_DEFAULTS.maxConnectionMs,
      },
      iamKeys,
      pending: new Set(),
    };
    const templateFile = app.templateFile;
    const reloading =
      options.watch && templateFile
        ? reloadOnChange(gw, code, () => loadLocalApp(templateFile, loadOptions))
        : undefined;
    const handlerAccess = access;
    const closeCode = async () => {
      await reloading?.close();
      await code.close();
      await handlerAccess.close();
    };
    const awsAccess = { local: localServices(aws.environment), others: access.others };
    const panel = options.console
      ? await openConsole(gw, options, endpoint).catch(consoleFailed(log))
      : undefined;
    const closeAll = async () => {
      await panel?.close();
      await closeCode();
    };
    return serve(gw, httpServer, closeAll, host, actualPort, awsAccess, panel?.url);
  } catch (error) {
    await lambda?.close();
    await aws?.close();
    await access?.close();
    await code.close();
    await new Promise((resolve) => httpServer.close(resolve));
    throw error;
  }
}

function serve(
  gw: Gateway,
  httpServer: ReturnType<typeof createServer>,
  closeCode: () => Promise<void>,
  host: string,
  port: number,
  awsAccess: LocalServer['awsAccess'],
  consoleUrl?: string,
): LocalServer {
  const { registry, services } = gw;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MESSAGE_LIMIT_BYTES,
    perMessageDeflate: false,
    handleProtocols,
  });
  httpServer.on('request', (request, response) => handleHttpRequest(gw, request, response));
  httpServer.on('upgrade', (request, socket, head) => {
    handleUpgrade(gw, wss, request, socket, head, (ws, connection, info) =>
      openSession(gw, ws, connection, info),
    ).catch((error: unknown) => {
      services.log.line(`upgrade failed: ${(error as Error).stack ?? String(error)}`);
      socket.destroy();
    });
  });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const closed = [...registry.all()].map(
        (connection) =>
          new Promise((resolve) => connection.socket.once('close', resolve).close(1001, 'Going away')),
      );
      await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      for (const connection of registry.all()) connection.socket.terminate();
      // The $disconnect invocations the closes started finish before the functions stop.
      await Promise.allSettled([...gw.pending]);
      const stopped = new Promise((resolve) => httpServer.close(resolve));
      httpServer.closeAllConnections(); // keep-alive @connections clients would hold close() open
      await stopped;
      await services.aws.close();
      await services.lambda.close();
      await closeCode();
    })();
    return closing;
  };
  return {
    url: `ws://${urlHost(host)}:${port}/${gw.app.stage}`,
    port,
    get app() {
      return gw.app;
    },
    ...(services.aws.environment.AWS_ENDPOINT_URL_DYNAMODB
      ? { dynamoEndpoint: services.aws.environment.AWS_ENDPOINT_URL_DYNAMODB }
      : {}),
    services: services.aws.banner,
    awsAccess,
    iamKeySources: gw.iamKeys.sources,
    ...(consoleUrl ? { consoleUrl } : {}),
    connectionCount: () => registry.size,
    fireSchedule: (id) => fireSchedule(services.aws, id),
    close,
  };
}

/** A console that cannot start (its port taken) is reported; the API runs without it. */
const consoleFailed = (log: Logger) => (error: NodeJS.ErrnoException) => {
  if (error instanceof LocalError) throw error; // a bad option is the user's to fix
  const reason =
    error.code === 'EADDRINUSE' ? 'its port is in use (choose one with --console-port)' : error.message;
  log.line(`warning: the console did not start: ${reason}`);
  return undefined;
};

/** The console on its own port, reading the gateway's event bus and describing its app. */
function openConsole(gw: Gateway, options: StartLocalOptions, endpoint: string): Promise<RunningConsole> {
  const dynamo = gw.services.aws.environment.AWS_ENDPOINT_URL_DYNAMODB;
  const endpoints = {
    url: `${endpoint.replace(/^http/, 'ws')}/${gw.app.stage}`,
    connections: `${endpoint}/${gw.app.stage}/@connections/{connectionId}`,
    sdk: endpoint,
    ...(dynamo ? { dynamodb: dynamo } : {}),
  };
  return startConsole(
    {
      host: options.host ?? LOCAL_DEFAULTS.host,
      access: gw.access,
      events: gw.log.events,
      log: gw.log,
      registry: gw.registry,
      app: () => gw.app,
      apiUrl: endpoints.url,
      describe: () => describeApp(gw.app, endpoints),
      ...(dynamo ? { dynamoEndpoint: dynamo } : {}),
      assetsDir: packagePath('dist', 'console'),
    },
    options.console === true ? {} : options.console || {},
  );
}

/** The services handlers reach here: @connections, and each one whose endpoint variable they get. */
function localServices(environment: Readonly<Record<string, string>>): string[] {
  const prefix = 'AWS_ENDPOINT_URL_';
  const named = Object.keys(environment).filter((name) => name.startsWith(prefix));
  return ['execute-api (@connections)', ...named.map((name) => name.slice(prefix.length).toLowerCase())];
}
