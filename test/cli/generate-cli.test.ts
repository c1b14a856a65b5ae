import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATTERNS } from '../../patterns/index';
import { expectOneLineError, wskit } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

describe('wskit generate as a process', () => {
  test('writes a complete app and says what to do next', () => {
    const cwd = tempDir();
    const result = wskit(['generate', 'lambda', '--out', 'chat', '--region', 'eu-west-1'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('cd chat && sam deploy --guided');
    expect(readdirSync(join(cwd, 'chat')).sort()).toEqual([
      'README.md',
      'functions',
      'samconfig.toml',
      'template.yml',
    ]);
    expect(readdirSync(cwd)).toEqual(['chat']);
  });

  test('--help lists the patterns and their options', () => {
    const result = wskit(['generate', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/choices: "lambda", "sfn-sync"/);
    expect(result.stdout).toContain('--on-failure <value>');
  });

  test.each([
    [
      'an unknown pattern',
      ['generate', 'kafka', '--out', 'x'],
      new RegExp(
        `^wskit: command-argument value 'kafka' is invalid for argument 'pattern'\\. Allowed choices are ${Object.keys(PATTERNS).join(', ')}\\.$`,
      ),
    ],
    [
      'an unknown runtime',
      ['generate', 'lambda', '--out', 'x', '--runtime', 'nodejs20.x'],
      /^wskit: option '--runtime <runtime>' argument 'nodejs20\.x' is invalid\. Allowed choices are nodejs22\.x, nodejs24\.x/,
    ],
    [
      'a bad stage name',
      ['generate', 'sfn-sync', '--out', 'x', '--stage', 'a/b'],
      /^wskit: --stage "a\/b": use letters/,
    ],
    [
      'a bad option value',
      ['generate', 'sfn-sync', '--out', 'x', '--response', 'all'],
      /^wskit: --response "all" is not allowed for the sfn-sync pattern; use "execution" or "output"$/,
    ],
    ['a missing --out', ['generate', 'lambda'], /required option '--out <dir>' not specified/],
    [
      'a missing app file',
      ['generate', '--app', 'nope.ts', '--out', 'x'],
      /^wskit: --app nope\.ts: file does not exist$/,
    ],
  ])('fails on %s: one line, exit 2, nothing written', (_name, args, message) => {
    const cwd = tempDir();
    expectOneLineError(wskit(args, { cwd }), 2, message);
    expect(readdirSync(cwd)).toEqual([]);
  });

  test('fails on a non-empty --out without --force, leaving it as it was', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'keep.txt'), 'mine');
    expectOneLineError(
      wskit(['generate', 'lambda', '--out', '.'], { cwd }),
      2,
      /^wskit: --out \.: directory is not empty; pass --force/,
    );
    expect(readdirSync(cwd)).toEqual(['keep.txt']);
    expect(existsSync(join(cwd, 'template.yml'))).toBe(false);
  });
});
