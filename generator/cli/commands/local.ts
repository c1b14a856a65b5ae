/** `wskit local`: serves the app until Ctrl-C, then closes every socket with 1001 and stops cleanly. */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { watchCdkSources } from '../../local/cdk-watch';
import { LocalError } from '../../local/errors';
import { boto3Line, pythonLine, runtimeOf } from '../../local/lambda/runtimes';
import { routeFunctionIds } from '../../local/route-functions';
import type { LocalServer } from '../../local/start-local';
import { startLocal } from '../../local/start-local';
import type { LocalApp, LocalIntegration } from '../../local/types';
import { MANIFEST_FILE } from '../../template/cdk-assembly';
import { type CdkProject, readCdkProject } from '../../template/cdk-project';
import { synthesizeAndSay } from '../cdk-synth';
import type { LocalRequest } from './local.args';

export async function runLocal(request: LocalRequest): Promise<number> {
  const write = (line: string) => process.stdout.write(`${line}\n`);
  const project = readCdkProject(resolve(request.target));
  if (project) await prepareAssembly(project, request.synth, write);
  const server = await startLocal({
    appDir: project ? project.outDir : request.target,
    port: request.port,
    host: request.host,
    allowOrigins: request.allowOrigins,
    offline: request.offline,
    schedules: request.schedules,
    waitScale: request.waitScale,
    verbose: request.verbose,
    watch: request.watch,
    log: write,
    console: request.console,
    ...(request.stage ? { stage: request.stage } : {}),
    ...(request.region ? { region: request.region } : {}),
    ...(request.idleTimeoutMs ? { idleTimeoutMs: request.idleTimeoutMs } : {}),
    ...(request.maxConnectionMs ? { maxConnectionMs: request.maxConnectionMs } : {}),
    ...(request.parameterOverrides ? { parameterOverrides: request.parameterOverrides } : {}),
    ...(request.stack ? { stack: request.stack } : {}),
    ...(request.iamCredentialFiles ? { iamCredentialFiles: request.iamCredentialFiles } : {}),
  });
  const sources = project && request.watch && request.synth ? watchCdkSources(project, write) : undefined;
  const lines = banner(server.app, server.url, {
    waitScale: request.waitScale,
    watch: request.watch,
    dynamoEndpoint: server.dynamoEndpoint,
    awsAccess: server.awsAccess,
    services: server.services,
    iamKeySources: server.iamKeySources,
    consoleUrl: server.consoleUrl,
    watchCdkSources: sources !== undefined,
  });
  for (const line of lines) write(line);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      write('Stopping: closing connections (1001), functions, state machines and tables...');
      void Promise.all([server.close(), sources?.close()]).then(() => resolve());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

/** A CDK project's cloud assembly: synthesized now, or (`--no-synth`) the one already there. */
async function prepareAssembly(project: CdkProject, synth: boolean, write: (line: string) => void) {
  if (synth) return synthesizeAndSay(project, write);
  if (!existsSync(join(project.outDir, MANIFEST_FILE))) {
    const outDir = relative(process.cwd(), project.outDir) || '.';
    throw new LocalError(
      'E_LOCAL_NO_TEMPLATE',
      `--no-synth: ${outDir} holds no cloud assembly; run without --no-synth`,
    );
  }
}

/** What the banner tells beyond the app itself: the run's settings and what the server found. */
export interface BannerFacts {
  /** @default 1 */
  readonly waitScale?: number;
  readonly watch?: boolean;
  readonly dynamoEndpoint?: string;
  readonly awsAccess?: LocalServer['awsAccess'];
  /** What the local services announce (SDK endpoint, queues, topics, buses, schedules). */
  readonly services?: readonly string[];
  /** Where the keys that verify `AWS_IAM` signatures came from. */
  readonly iamKeySources?: readonly string[];
  /** The browser console's address, when it runs. */
  readonly consoleUrl?: string;
  /** A CDK project's sources are watched, and synthesized again on change. */
  readonly watchCdkSources?: boolean;
}

/** What a developer needs to start: the URL, the routes and what runs them, a ready wscat line. */
export function banner(app: LocalApp, url: string, facts: BannerFacts = {}): string[] {
  const {
    waitScale = 1,
    watch = false,
    dynamoEndpoint,
    awsAccess: aws,
    services = [],
    iamKeySources = [],
    consoleUrl,
    watchCdkSources = false,
  } = facts;
  const routes = [...app.routes.values()].map((route) => {
    const target = routeTarget(route.integration);
    const extras = [
      route.twoWay ? 'two-way' : '',
      route.authorizer ? `authorizer ${route.authorizer.name}` : '',
      route.iam ? 'AWS_IAM' : '',
      route.apiKeyRequired ? 'API key' : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `  ${route.routeKey.padEnd(14)} → ${target}${extras ? ` (${extras})` : ''}`;
  });
  return [
    `wskit local: ${url}  (stage ${app.stage}, route selection ${app.routeSelectionExpression})`,
    ...routes,
    ...unrunnableLines(app),
    ...placeholderLines(app),
    ...customResourceLines(app),
    ...remoteLayerLines(app),
    `  @connections   → ${url.replace(/^ws/, 'http')}/@connections/{connectionId}`,
    ...tableLines(app, dynamoEndpoint),
    ...typescriptLine(app),
    ...(aws
      ? [`  AWS services   → local: ${aws.local.join(', ')}`, `                   any other: ${aws.others}`]
      : []),
    ...pythonLines(app),
    ...iamLines(app, iamKeySources),
    ...services.map((line) => `  ${line}`),
    ...(waitScale !== 1 ? [`  Wait states    × ${waitScale}`] : []),
    ...(watch ? ['  watching       → the template, state machine definitions and function code'] : []),
    ...(watchCdkSources
      ? ["  watching       → the CDK app's sources (cdk.json watch): cdk synth again on change"]
      : []),
    ...(consoleUrl ? [`Console: ${consoleUrl}`] : []),
    `Try: wscat -c ${url}`,
    'Ctrl-C stops.',
  ];
}

/** How `AWS_IAM` handshakes are checked, once: whose keys verify, and that other keys are taken on trust. */
function iamLines(app: LocalApp, sources: readonly string[]): string[] {
  if (![...app.routes.values()].some((route) => route.iam)) return [];
  const verified =
    sources.length > 0 ? `verified for the keys of ${sources.join(', ')}` : 'no keys known to verify';
  return [
    `  AWS_IAM        → SigV4 ${verified}; any other key is accepted unverified when well-formed and in date (IAM cannot be asked locally)`,
  ];
}

/** Parameters that run with a placeholder, one line each, with how to give a real value. */
function placeholderLines(app: LocalApp): string[] {
  return (app.placeholderParameters ?? []).map(
    (name) =>
      `  parameter      ${name} has no value: runs with a placeholder; give one with --parameter-overrides ${name}=...`,
  );
}

/** Custom resources, whose providers run on deploy only: what reads their attributes gets placeholders. */
function customResourceLines(app: LocalApp): string[] {
  const resources = app.customResources ?? [];
  if (resources.length === 0) return [];
  const named = resources.map((resource) => `${resource.id} (${resource.type})`).join(', ');
  return [
    `  not run        custom resources ${named}: their providers do not run, their attributes are placeholders`,
  ];
}

/** Layers that are not local folders (a published layer's ARN), once each, with who runs without them. */
function remoteLayerLines(app: LocalApp): string[] {
  const users = new Map<string, string[]>();
  for (const fn of app.functions.values()) {
    for (const layer of fn.remoteLayers ?? []) users.set(layer, [...(users.get(layer) ?? []), fn.id]);
  }
  return [...users].map(
    ([layer, ids]) => `  layer          ${layer} is not available locally: ${ids.join(', ')} run without it`,
  );
}

/** What runs a route, in a few words; for a route that cannot run here, why. */
function routeTarget(integration: LocalIntegration): string {
  switch (integration.kind) {
    case 'lambda-proxy':
      return `Lambda ${integration.functionId}`;
    case 'mock':
      return 'MOCK';
    case 'none':
      return 'no integration (optional on $connect: the handshake needs only its authorizer)';
    case 'unavailable':
      return `cannot run locally (answers Internal server error): ${integration.reason}`;
    case 'aws':
      return integration.functionId
        ? `Lambda ${integration.functionId} (non-proxy)`
        : (integration.action ?? `${integration.service} (the request names the action)`);
  }
}

/** Where the in-memory tables are, each table's local name, and a command to look inside. */
function tableLines(app: LocalApp, endpoint: string | undefined): string[] {
  if (app.tables.length === 0) return [];
  if (!endpoint) return [`  tables         → ${app.tables.map((t) => t.name).join(', ')} (in memory)`];
  return [
    `  DynamoDB       → ${endpoint} (in memory)`,
    ...app.tables.flatMap((table) => [
      `    ${table.id} → ${table.name}`,
      `      aws dynamodb scan --endpoint-url ${endpoint} --table-name ${table.name}`,
    ]),
  ];
}

/** Which functions run from TypeScript bundled at start, and from which files. */
function typescriptLine(app: LocalApp): string[] {
  const bundled = [...app.functions.values()].flatMap((fn) =>
    fn.typescript ? [`${fn.id} (${relative(app.dir, fn.typescript.entry)})`] : [],
  );
  return bundled.length > 0 ? [`  TypeScript     → ${bundled.join(', ')}, bundled with esbuild`] : [];
}

/** Which local Python runs the Python functions. */
function pythonLines(app: LocalApp): string[] {
  const line = pythonLine(app.functions.values());
  const boto3 = boto3Line(app.functions.values());
  return [...(line ? [`  Python         → ${line}`] : []), ...(boto3 ? [`                   ${boto3}`] : [])];
}

/** Routes whose function's runtime cannot run here: they answer Internal server error, and why. */
function unrunnableLines(app: LocalApp): string[] {
  const lines = [...app.routes.values()].flatMap((route) =>
    routeFunctionIds(route).flatMap((id) => {
      const fn = app.functions.get(id);
      const choice = fn && runtimeOf(fn);
      return choice && !choice.ok ? [`    ${route.routeKey.padEnd(14)} ${id}: ${choice.reason}`] : [];
    }),
  );
  const behindRoutes = new Set([...app.routes.values()].flatMap(routeFunctionIds));
  // Functions behind no route (queue consumers, schedule targets...) fail each delivery alike.
  const others = [...app.functions.values()].flatMap((fn) => {
    const choice = behindRoutes.has(fn.id) ? undefined : runtimeOf(fn);
    return choice && !choice.ok ? [`    ${fn.id}: ${choice.reason}`] : [];
  });
  return [
    ...(lines.length > 0 ? ['  cannot run here (these routes answer Internal server error):', ...lines] : []),
    ...(others.length > 0 ? ['  cannot run here (each call fails with the reason):', ...others] : []),
  ];
}
