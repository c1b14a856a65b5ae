/** Options of `wskit generate`; the behaviour is in ./generate.ts, loaded on demand. */
import { basename, resolve } from 'node:path';
import { Argument, type Command, Option } from 'commander';
import { PATTERNS } from '../../../patterns/index';
import type { GenerateRequest } from '../../app/generate';
import { oneOf, show, UsageError } from '../../errors';
import { RUNTIMES, type Runtime } from '../../model/types';
import type { PatternOption } from '../../pattern';
import { checkRegionFlag, checkStageFlag } from '../flags';

export interface GenerateFlags {
  readonly out: string;
  readonly app?: string;
  readonly name?: string;
  readonly stage?: string;
  readonly runtime?: Runtime;
  readonly region?: string;
  readonly force?: boolean;
  readonly typecheck?: boolean;
  /** Pattern options, by their flag names in camel case (commander's keys). */
  readonly [patternOption: string]: string | boolean | undefined;
}

/** Pattern options by flag name; patterns may share a flag (`--on-failure`) with values of their own. */
const patternFlags = () => {
  const flags = new Map<string, { pattern: string; option: PatternOption }[]>();
  for (const pattern of Object.values(PATTERNS)) {
    for (const option of pattern.options) {
      flags.set(option.name, [...(flags.get(option.name) ?? []), { pattern: pattern.name, option }]);
    }
  }
  return flags;
};

export function registerGenerate(program: Command, run: (request: GenerateRequest) => Promise<void>): void {
  const command = program
    .command('generate')
    .description('write a complete SAM app (template.yml, samconfig.toml, bundled functions, README)')
    .addArgument(new Argument('[pattern]', 'built-in pattern').choices(Object.keys(PATTERNS)))
    .requiredOption('--out <dir>', 'directory to write the app to')
    .option('--app <file.ts>', 'your own TypeScript file that exports default webSocketApp(...)')
    .option('--name <name>', 'app and stack name (default: the --out folder name)')
    .option('--stage <name>', 'default stage name (the StageName parameter)')
    .addOption(new Option('--runtime <runtime>', 'Lambda runtime').choices(RUNTIMES))
    .option('--region <region>', 'AWS region recorded in samconfig.toml')
    .option('--force', 'replace an existing app in --out')
    .option('--typecheck', 'type-check function sources with the TypeScript compiler first (slower)');
  for (const [flag, uses] of patternFlags()) {
    // One line per distinct meaning; an option every pattern shares in the same words is said once.
    const meanings = new Map<string, string[]>();
    for (const { pattern, option } of uses) {
      const meaning = `${option.description}: ${option.values.join(', ')}; default ${option.default}`;
      meanings.set(meaning, [...(meanings.get(meaning) ?? []), pattern]);
    }
    const everyPattern = uses.length === Object.keys(PATTERNS).length && meanings.size === 1;
    const help = [...meanings]
      .map(([meaning, patterns]) => (everyPattern ? meaning : `(${patterns.join(', ')}) ${meaning}`))
      .join('; ');
    command.addOption(new Option(`--${flag} <value>`, help));
  }
  command.action((pattern: string | undefined, flags: GenerateFlags) =>
    run(generateRequest(pattern, flags, ['generate', ...process.argv.slice(3)])),
  );
}

/** Command-line input → a checked generate request. Pure, so it is tested as a table. */
export function generateRequest(
  pattern: string | undefined,
  flags: GenerateFlags,
  argv: readonly string[] = [],
): GenerateRequest {
  if (pattern && flags.app)
    throw new UsageError('E_USAGE', 'pass a pattern or --app <file.ts>, not both', 'pattern');
  if (!pattern && !flags.app) {
    throw new UsageError(
      'E_USAGE',
      `name a pattern (${oneOf(Object.keys(PATTERNS))}) or pass --app <file.ts>`,
      'pattern',
    );
  }
  if (flags.app && (flags.stage || flags.runtime)) {
    throw new UsageError(
      'E_USAGE',
      '--stage and --runtime apply to patterns; set them in your app file instead',
      'app',
    );
  }
  const name = flags.name ?? basename(resolve(flags.out));
  if (!/^[A-Za-z][A-Za-z0-9-]{0,63}$/.test(name)) {
    throw new UsageError(
      'E_USAGE',
      `--name ${show(name)}: use letters, digits and hyphens, starting with a letter, at most 64${flags.name ? '' : ' (it defaults to the --out folder name)'}`,
      'name',
    );
  }
  checkStageFlag(flags.stage);
  checkRegionFlag(flags.region);
  const source = pattern
    ? patternSource(pattern, flags)
    : { kind: 'appFile' as const, file: flags.app as string };
  return {
    source,
    out: flags.out,
    name,
    force: flags.force === true,
    typecheck: flags.typecheck === true,
    commandLine: ['wskit', ...argv].join(' '),
    ...(flags.stage ? { stageName: flags.stage } : {}),
    ...(flags.runtime ? { runtime: flags.runtime } : {}),
    ...(flags.region ? { region: flags.region } : {}),
  };
}

function patternSource(name: string, flags: GenerateFlags): GenerateRequest['source'] {
  const pattern = PATTERNS[name];
  if (!pattern)
    throw new UsageError(
      'E_USAGE',
      `unknown pattern ${show(name)}; use ${oneOf(Object.keys(PATTERNS))}`,
      'pattern',
    );
  for (const [flag, uses] of patternFlags()) {
    if (flags[camelCase(flag)] !== undefined && !uses.some((use) => use.pattern === name)) {
      const owners = uses.map((use) => use.pattern);
      throw new UsageError(
        'E_USAGE',
        `--${flag} applies to the ${owners.join(' and ')} pattern${owners.length > 1 ? 's' : ''} only`,
        flag,
      );
    }
  }
  const options = Object.fromEntries(
    pattern.options.map((option) => {
      const value = String(flags[camelCase(option.name)] ?? option.default);
      if (!option.values.includes(value)) {
        throw new UsageError(
          'E_USAGE',
          `--${option.name} ${show(value)} is not allowed for the ${name} pattern; use ${oneOf(option.values)}`,
          option.name,
        );
      }
      return [option.name, value];
    }),
  );
  return { kind: 'pattern', pattern, options };
}

const camelCase = (flag: string) => flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
