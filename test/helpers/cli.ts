/** Runs the built `wskit` binary as a real process, as a user would. */
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { packagePath } from '../../generator/paths';

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `env`, when given, replaces the environment (to test a machine without some setting). */
export function wskit(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const result = spawnSync(process.execPath, [packagePath('bin', 'wskit.mjs'), ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...(options.env ?? process.env), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A user mistake is reported on one line with no stack trace. */
export function expectOneLineError(result: CliResult, exitCode: number, message: RegExp): void {
  expect(result.status).toBe(exitCode);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

/**
 * Runs an ES module source in a fresh node process at the package root (where `wskit` names this
 * package), with `args` as its process.argv[1...]; resolves with what it printed, trimmed.
 */
export async function runModule(source: string, args: readonly string[] = []): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', source, ...args],
    { cwd: packagePath(), timeout: 20_000 },
  );
  return stdout.trim();
}

export interface LocalCli {
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** The URL of the banner's `Try: wscat -c` line; rejects if the process exits before printing it. */
  readonly url: Promise<string>;
}

/** `wskit local` as a real process; `env`, when given, replaces the environment. */
export function startLocalCli(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): LocalCli {
  const child = spawn(process.execPath, [packagePath('bin', 'wskit.mjs'), 'local', ...args], {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { ...(options.env ?? process.env), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Try: wscat -c (\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', () => reject(new Error(`wskit local exited early:\n${output}`)));
  });
  return { child, output: () => output, url };
}
