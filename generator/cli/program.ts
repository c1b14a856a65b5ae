/**
 * Declares the commands and their options. Each command's behaviour lives in its own module,
 * loaded only when that command runs, so `wskit lint` never pays for the deploy client.
 */
import { Command } from 'commander';
import { version } from '../../package.json';
import { registerDelete, registerDeploy, registerOutputs } from './commands/deploy.args';
import { registerGenerate } from './commands/generate.args';
import { registerLint } from './commands/lint.args';
import { registerLocal } from './commands/local.args';

/** Receives a command's exit status. */
export type Done = (exitCode: number) => void;

export function buildProgram(outcome: { exitCode: number }): Command {
  const program = new Command('wskit')
    .description('Generate, lint, run locally and deploy AWS SAM apps for API Gateway WebSocket APIs')
    .version(version)
    .exitOverride()
    // Commander's own usage errors get the same prefix as ours.
    .configureOutput({ outputError: (message, write) => write(message.replace(/^error: /, 'wskit: ')) })
    .showSuggestionAfterError(true);
  const done: Done = (exitCode) => {
    outcome.exitCode = exitCode;
  };
  for (const register of [
    registerGenerate,
    registerLint,
    registerLocal,
    registerDeploy,
    registerDelete,
    registerOutputs,
  ]) {
    register(program, done);
  }
  return program;
}
