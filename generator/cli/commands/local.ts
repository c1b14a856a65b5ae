/** `wskit local`: serves the app until Ctrl-C, then closes every socket with 1001 and stops cleanly. */
import { relative } from 'node:path';
import type { LocalServer } from '../../local/start-local';
import { startLocal } from '../../local/start-local';
import type { LocalApp } from '../../local/types';
import type { LocalRequest } from './local.args';

export async function runLocal(request: LocalRequest): Promise<number> {
  const write = (line: string) => process.stdout.write(`${line}\n`);
  const server = await startLocal({
    appDir: request.target,
    port: request.port,
    host: request.host,
    allowOrigins: request.allowOrigins,
    offline: request.offline,
    waitScale: request.waitScale,
    verbose: request.verbose,
    watch: request.watch,
    log: write,
    ...(request.stage ? { stage: request.stage } : {}),
    ...(request.region ? { region: request.region } : {}),
    ...(request.idleTimeoutMs ? { idleTimeoutMs: request.idleTimeoutMs } : {}),
    ...(request.maxConnectionMs ? { maxConnectionMs: request.maxConnectionMs } : {}),
  });
  const lines = banner(server.app, server.url, request.waitScale, request.watch, server.aws);
  for (const line of lines) write(line);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      write('Stopping: closing connections (1001), functions, state machines and tables...');
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

/** What a developer needs to start: the URL, the routes and what runs them, a ready wscat line. */
export function banner(
  app: LocalApp,
  url: string,
  waitScale: number,
  watch = false,
  aws?: LocalServer['aws'],
): string[] {
  const routes = [...app.routes.values()].map((route) => {
    const integration = route.integration;
    const target =
      integration.kind === 'lambda-proxy'
        ? `Lambda ${integration.functionId}`
        : integration.kind === 'mock'
          ? 'MOCK'
          : integration.functionId
            ? `Lambda ${integration.functionId} (non-proxy)`
            : `Step Functions ${integration.action.replace('states:', '')}`;
    const extras = [
      route.twoWay ? 'two-way' : '',
      route.authorizer ? `authorizer ${route.authorizer.name}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `  ${route.routeKey.padEnd(14)} → ${target}${extras ? ` (${extras})` : ''}`;
  });
  return [
    `wskit local: ${url}  (stage ${app.stage}, route selection ${app.routeSelectionExpression})`,
    ...routes,
    `  @connections   → ${url.replace(/^ws/, 'http')}/@connections/{connectionId}`,
    ...(app.tables.length > 0
      ? [`  tables         → ${app.tables.map((t) => t.name).join(', ')} (in memory)`]
      : []),
    ...typescriptLine(app),
    ...(aws
      ? [`  AWS services   → local: ${aws.local.join(', ')}`, `                   any other: ${aws.others}`]
      : []),
    ...(waitScale !== 1 ? [`  Wait states    × ${waitScale}`] : []),
    ...(watch ? ['  watching       → the template, state machine definitions and function code'] : []),
    `Try: wscat -c ${url}`,
    'Ctrl-C stops.',
  ];
}

/** Which functions run from TypeScript bundled at start, and from which files. */
function typescriptLine(app: LocalApp): string[] {
  const bundled = [...app.functions.values()].flatMap((fn) =>
    fn.typescript ? [`${fn.id} (${relative(app.dir, fn.typescript.entry)})`] : [],
  );
  return bundled.length > 0 ? [`  TypeScript     → ${bundled.join(', ')}, bundled with esbuild`] : [];
}
