/**
 * Builds the program: each `*.args.ts` module declares a command's options and parses them into a
 * request; each command module runs one. Only this file joins the two, loading a command's module
 * when it runs, so `wskit lint` never pays for the deploy client and the imports run one way.
 */
import { Command } from 'commander';
import { version } from '../../package.json';
import { registerDelete, registerDeploy, registerOutputs } from './commands/deploy.args';
import { registerGenerate } from './commands/generate.args';
import { registerLint } from './commands/lint.args';
import { registerLocal } from './commands/local.args';

/** Receives a command's exit status. */
type Done = (exitCode: number) => void;

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
  registerGenerate(program, async (request) =>
    done(await (await import('./commands/generate')).runGenerate(request)),
  );
  registerLint(program, async (options) => done(await (await import('./commands/lint')).runLint(options)));
  registerLocal(program, async (request) => done(await (await import('./commands/local')).runLocal(request)));
  registerDeploy(program, async (flags) => done(await (await import('./commands/deploy')).runDeploy(flags)));
  registerDelete(program, async (args) => done(await (await import('./commands/delete')).runDelete(args)));
  registerOutputs(program, async (args) => done(await (await import('./commands/outputs')).runOutputs(args)));
  return program;
}
