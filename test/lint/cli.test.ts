/** `wskit lint` on the command line: options, output formats and cfn-lint's exit bitmask. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLintOptions } from '../../generator/cli/commands/lint.args';
import { main } from '../../generator/cli/main';
import { UsageError } from '../../generator/errors';
import { packagePath } from '../../generator/paths';

describe('parseLintOptions', () => {
  it.each([
    [
      ['t.yml'],
      {},
      { templates: ['t.yml'], format: 'text', ignoreChecks: [], aslValidator: false, synth: true },
    ],
    [
      ['a.yml', 'b.json'],
      { format: 'sarif' },
      { templates: ['a.yml', 'b.json'], format: 'sarif', ignoreChecks: [], aslValidator: false, synth: true },
    ],
    [
      ['t.yml'],
      { format: 'json', ignoreChecks: ['W9102,I', ' E3002 '], aslValidator: true },
      {
        templates: ['t.yml'],
        format: 'json',
        ignoreChecks: ['W9102', 'I', 'E3002'],
        aslValidator: true,
        synth: true,
      },
    ],
    [
      ['cdk-app'],
      { synth: false },
      { templates: ['cdk-app'], format: 'text', ignoreChecks: [], aslValidator: false, synth: false },
    ],
  ])('%j %j → %j', (templates, raw, expected) => {
    expect(parseLintOptions(templates, raw)).toEqual(expected);
  });

  it.each([
    [[], {}, /at least one template/],
    [['t.yml'], { format: 'xml' }, /--format "xml" is not supported; use "text", "json" or "sarif"/],
    [['t.yml'], { ignoreChecks: ['no-such-rule'] }, /--ignore-checks "no-such-rule"/],
  ])('rejects %j %j', (templates, raw, message) => {
    expect(() => parseLintOptions(templates, raw)).toThrow(UsageError);
    expect(() => parseLintOptions(templates, raw)).toThrow(message);
  });
});

describe('wskit lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wskit-lint-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const queue = (props: string) =>
    `Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n${props}`;
  const clean = file('clean.yml', queue('      VisibilityTimeout: 30\n'));
  const withError = file('error.yml', queue('      VisibilityTimout: 30\n'));
  const withWarning = file(
    'warning.yml',
    `Parameters:\n  Unused:\n    Type: String\n${queue('      VisibilityTimeout: 30\n')}`,
  );
  const withBoth = file(
    'both.yml',
    `Parameters:\n  Unused:\n    Type: String\n${queue('      VisibilityTimout: 30\n')}`,
  );
  const withInfo = file(
    'info.yml',
    'Resources:\n  Api:\n    Type: AWS::ApiGatewayV2::Stage\n    Properties:\n      ApiId: x\n      StageName: s\n      AutoDeploy: true\n',
  );
  const unparsable = file('bad.yml', 'Resources: [\n');
  let stdout: string[];
  let stderr: string[];

  beforeEach(() => {
    stdout = [];
    stderr = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['clean', [clean], 0],
    ['errors', [withError], 2],
    ['warnings', [withWarning], 4],
    ['errors and warnings', [withBoth], 6],
    ['errors in one file, warnings in another', [withError, withWarning], 6],
    ['information only (does not change the status)', [withInfo], 0],
    ['an unparsable file', [unparsable, clean], 1],
    ['a missing file', [join(dir, 'missing.yml')], 1],
    [
      'both example apps',
      [packagePath('patterns/lambda/template.yml'), packagePath('patterns/sfn-sync/template.yml')],
      0,
    ],
  ])('exits with the cfn-lint bitmask for %s', async (_, files, code) => {
    expect(await main(['lint', ...files])).toBe(code);
  });

  it('prints file:line:column, the code and the message', async () => {
    await main(['lint', withError]);
    expect(stdout.join('')).toBe(
      `${withError}:5:7: E3002 Queue (AWS::SQS::Queue) Properties/VisibilityTimout: unknown property VisibilityTimout (did you mean "VisibilityTimeout"?)\n`,
    );
  });

  it('names the parser line and column for an unparsable file', async () => {
    await main(['lint', unparsable]);
    expect(stderr.join('')).toMatch(/^wskit: .*bad\.yml:\d+:\d+: cannot parse template/);
  });

  it('prints JSON', async () => {
    await main(['lint', '--format', 'json', withBoth]);
    const findings = JSON.parse(stdout.join(''));
    expect(findings.map((f: { code: string }) => f.code)).toEqual(['W2001', 'E3002']);
    expect(findings[1]).toMatchObject({
      file: withBoth,
      severity: 'error',
      path: 'Resources/Queue/Properties/VisibilityTimout',
      line: 8,
      column: 7,
    });
  });

  it('prints SARIF 2.1.0', async () => {
    await main(['lint', '--format', 'sarif', withBoth]);
    const sarif = JSON.parse(stdout.join(''));
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['E3002', 'W2001']);
    expect(run.results[1]).toMatchObject({
      ruleId: 'E3002',
      level: 'error',
      locations: [{ physicalLocation: { region: { startLine: 8, startColumn: 7 } } }],
    });
  });

  it('drops ignored checks, by code or prefix', async () => {
    expect(await main(['lint', '--ignore-checks', 'W2001', withBoth])).toBe(2);
    expect(await main(['lint', '--ignore-checks', 'E', '--ignore-checks', 'W', withBoth])).toBe(0);
  });
});

describe('wskit lint on hostile files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wskit-lint-hostile-'));
  let stderr: string[];

  beforeEach(() => {
    stderr = [];
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['binary data', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]), /binary/],
    ['a 20 MB file', Buffer.alloc(20 * 1024 * 1024, 'a'), /larger than 5 MB/],
    ['a template that is a list', Buffer.from('- a\n- b\n'), /must be a mapping of sections, got a list/],
    ['a folder without a template', undefined, /a folder with no template\.yml/],
  ])('refuses %s with one line and exit status 1', async (name, content, message) => {
    const path = join(dir, name.replace(/\W+/g, '-'));
    if (content) writeFileSync(path, content);
    else mkdirSync(path);
    expect(await main(['lint', path])).toBe(1);
    expect(stderr.join('')).toMatch(message);
    expect(stderr.join('').trim().split('\n')).toHaveLength(1);
  });
});

describe('wskit lint --asl-validator', () => {
  it('passes the option through to the linter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wskit-lint-asl-'));
    const path = join(dir, 'template.yml');
    const definition = JSON.stringify({
      StartAt: 'A',
      States: { A: { Type: 'Pass', End: true, Unknown: 1 } },
    });
    writeFileSync(
      path,
      `Transform: AWS::Serverless-2016-10-31\nResources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Type: EXPRESS\n      Definition: ${definition}\n`,
    );
    const output: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => output.push(String(chunk)) > 0);
    try {
      expect(await main(['lint', path])).toBe(0);
      expect(await main(['lint', '--asl-validator', path])).toBe(2);
      expect(output.join('')).toMatch(/E9018 M: asl-validator rejects/);
    } finally {
      jest.restoreAllMocks();
    }
  });
});
