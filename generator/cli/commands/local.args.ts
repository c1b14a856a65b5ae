/** Options of `wskit local`; the behaviour is in ./local.ts, loaded on demand. */
import type { Command } from 'commander';
import { show, UsageError } from '../../errors';
import { LOCAL_DEFAULTS } from '../../local/defaults';
import { originOf } from '../../local/server/access';
import { checkRegionFlag, checkStageFlag } from '../flags';

export interface LocalFlags {
  readonly port?: string;
  readonly host?: string;
  readonly allowOrigin?: readonly string[];
  readonly stage?: string;
  readonly waitScale?: string;
  readonly region?: string;
  readonly verbose?: boolean;
  readonly watch?: boolean;
  readonly offline?: boolean;
  /** False with `--no-schedules`. */
  readonly schedules?: boolean;
  readonly idleTimeout?: string;
  readonly maxConnectionDuration?: string;
  readonly parameterOverrides?: readonly string[];
  readonly stack?: string;
  readonly synth?: boolean;
  readonly iamCredentials?: readonly string[];
  /** False with --no-console. */
  readonly console?: boolean;
  readonly consolePort?: string;
}

/** Checked options of `wskit local`. */
export interface LocalRequest {
  readonly target: string;
  readonly port: number;
  readonly host: string;
  /** Browser origins allowed beyond loopback ones (`*`: any). */
  readonly allowOrigins: readonly string[];
  readonly stage?: string;
  readonly waitScale: number;
  readonly region?: string;
  readonly verbose: boolean;
  readonly watch: boolean;
  /** Refuse handlers' calls to AWS services wskit does not serve. */
  readonly offline: boolean;
  /** Run schedules at their rate or cron (`--no-schedules`: only when fired). */
  readonly schedules: boolean;
  readonly idleTimeoutMs?: number;
  readonly maxConnectionMs?: number;
  readonly parameterOverrides?: Readonly<Record<string, string>>;
  /** A CDK app's stack, when several have a WebSocket API. */
  readonly stack?: string;
  /** In a CDK project: run its synth first (`--no-synth`: use the cdk.out as it is). */
  readonly synth: boolean;
  /** Credentials files whose keys verify AWS_IAM handshakes. */
  readonly iamCredentialFiles?: readonly string[];
  /** The console's port, or false with --no-console. */
  readonly console: false | { readonly port: number };
}

export function registerLocal(program: Command, run: (request: LocalRequest) => Promise<void>): void {
  program
    .command('local')
    .description(
      'run the WebSocket API of a SAM app or CDK app on this machine (Lambda, Step Functions, DynamoDB, SQS, SNS, EventBridge)',
    )
    .argument(
      '[app]',
      'app folder holding template.yml, the template file, a CDK project (cdk.json) or its cdk.out',
      '.',
    )
    .option('--port <port>', 'port to listen on (0: any free port)', String(LOCAL_DEFAULTS.port))
    .option('--host <host>', 'address to listen on (beyond loopback: a warning)', LOCAL_DEFAULTS.host)
    .option(
      '--allow-origin <origin>',
      'also accept WebSockets from pages of this origin, e.g. https://app.example.com (repeat, or *: any; default: loopback origins only)',
      (value: string, previous: string[] = []) => [...previous, ...value.split(',')],
    )
    .option('--stage <name>', "stage name (default: the template's)")
    .option(
      '--wait-scale <factor>',
      'multiply Wait state durations (0: instant)',
      String(LOCAL_DEFAULTS.waitScale),
    )
    .option('--region <region>', "region in local ARNs and the functions' AWS_REGION", LOCAL_DEFAULTS.region)
    .option(
      '--idle-timeout <seconds>',
      `close idle connections after this long (default ${LOCAL_DEFAULTS.idleTimeoutMs / 1000})`,
    )
    .option(
      '--max-connection-duration <seconds>',
      `close connections after this long (default ${LOCAL_DEFAULTS.maxConnectionMs / 1000})`,
    )
    .option(
      '--parameter-overrides <pairs...>',
      'template parameter values: Key=Value Key2=Value2 (or ParameterKey=Key,ParameterValue=Value)',
    )
    .option('--stack <name>', 'the CDK stack to run, when several have a WebSocket API')
    .option('--no-synth', 'in a CDK project: use its cdk.out as it is, without running the synth')
    .option(
      '--iam-credentials <file>',
      'verify AWS_IAM handshakes signed with the keys of this AWS credentials file too (repeat; default: the credentials wskit runs with)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--watch', 'apply changes to the template, state machine definitions and function code on save')
    .option(
      '--offline',
      "refuse handlers' calls to AWS services wskit does not serve (default: they use your AWS credentials, as with sam local)",
    )
    .option(
      '--no-schedules',
      'do not run scheduled rules and EventBridge Scheduler schedules on their own (POST /@schedules/<id> still fires one)',
    )
    .option(
      '--no-console',
      'do not serve the local console (the browser view of connections, frames, runs...)',
    )
    .option(
      '--console-port <port>',
      `port of the local console (default ${LOCAL_DEFAULTS.consolePort}; any free port when --port is 0)`,
    )
    .option('--verbose', 'also log rendered templates, Lambda events and state machine traces')
    .action((target: string, flags: LocalFlags) => run(localRequest(target, flags)));
}

/** Command-line input → a checked local request. Pure, so it is tested as a table. */
export function localRequest(target: string | undefined, flags: LocalFlags): LocalRequest {
  const port = integer('--port', flags.port ?? String(LOCAL_DEFAULTS.port), 0, 65_535);
  const waitScale = number('--wait-scale', flags.waitScale ?? String(LOCAL_DEFAULTS.waitScale));
  checkStageFlag(flags.stage);
  checkRegionFlag(flags.region);
  const seconds = (flag: string, value: string | undefined) =>
    value === undefined ? undefined : positive(flag, value) * 1000;
  const idleTimeoutMs = seconds('--idle-timeout', flags.idleTimeout);
  const maxConnectionMs = seconds('--max-connection-duration', flags.maxConnectionDuration);
  const allowOrigins = (flags.allowOrigin ?? []).map((value) => allowedOrigin(value.trim()));
  const parameterOverrides = flags.parameterOverrides
    ? parseParameterOverrides(flags.parameterOverrides)
    : undefined;
  return {
    target: target ?? '.',
    port,
    host: flags.host ?? LOCAL_DEFAULTS.host,
    allowOrigins,
    waitScale,
    verbose: flags.verbose === true,
    watch: flags.watch === true,
    synth: flags.synth !== false,
    offline: flags.offline === true,
    schedules: flags.schedules !== false,
    console: flags.console === false ? false : { port: consolePort(flags.consolePort, port) },
    ...(flags.stage ? { stage: flags.stage } : {}),
    ...(flags.region ? { region: flags.region } : {}),
    ...(idleTimeoutMs !== undefined ? { idleTimeoutMs } : {}),
    ...(maxConnectionMs !== undefined ? { maxConnectionMs } : {}),
    ...(parameterOverrides ? { parameterOverrides } : {}),
    ...(flags.stack ? { stack: flags.stack } : {}),
    ...(flags.iamCredentials?.length ? { iamCredentialFiles: flags.iamCredentials } : {}),
  };
}

/** `--port 0` (tests, several apps at once) asks for free ports: the console's too, unless given. */
function consolePort(value: string | undefined, apiPort: number): number {
  if (value !== undefined) return integer('--console-port', value, 0, 65_535);
  return apiPort === 0 ? 0 : LOCAL_DEFAULTS.consolePort;
}

function allowedOrigin(value: string): string {
  const origin = value === '*' ? value : originOf(value);
  if (origin === undefined) {
    throw new UsageError(
      'E_USAGE',
      `--allow-origin ${show(value)}: expected an origin such as https://app.example.com or http://localhost:5173, or *`,
      '--allow-origin',
    );
  }
  return origin;
}

/**
 * `--parameter-overrides` as `sam local` reads it: `Key=Value` pairs, or CloudFormation's
 * `ParameterKey=Key,ParameterValue=Value`, separated by spaces (in one argument or several).
 */
export function parseParameterOverrides(args: readonly string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const pair of args.flatMap((arg) => arg.trim().split(/\s+/)).filter(Boolean)) {
    const long = /^ParameterKey=([^,]+),ParameterValue=(.*)$/.exec(pair);
    const short = /^([A-Za-z0-9]+)=(.*)$/.exec(pair);
    const [, key, value] = long ?? short ?? [];
    if (key === undefined || value === undefined) {
      throw new UsageError(
        'E_USAGE',
        `--parameter-overrides ${show(pair)}: expected Key=Value or ParameterKey=Key,ParameterValue=Value`,
        '--parameter-overrides',
      );
    }
    overrides[key] = value;
  }
  return overrides;
}

function integer(flag: string, value: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    throw new UsageError(
      'E_USAGE',
      `${flag} ${show(value)}: expected a whole number from ${min} to ${max}`,
      flag,
    );
  }
  return parsed;
}

function number(flag: string, value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) {
    throw new UsageError('E_USAGE', `${flag} ${show(value)}: expected a number of 0 or more`, flag);
  }
  return parsed;
}

function positive(flag: string, value: string): number {
  const parsed = number(flag, value);
  if (parsed === 0)
    throw new UsageError('E_USAGE', `${flag} ${show(value)}: expected more than 0 seconds`, flag);
  return parsed;
}
