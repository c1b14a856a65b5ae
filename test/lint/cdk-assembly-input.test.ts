/**
 * `wskit lint` on a CDK app: a cloud assembly (every stack, Stages and nested stacks included) or a
 * CDK project folder (synthesized first). Findings name the stack, the logical id and the construct
 * path a CDK user finds in their code.
 */
import { cpSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { assemblyLintInputs } from '../../generator/lint/cdk-inputs';
import { packagePath } from '../../generator/paths';
import { synthesizedAssembly } from '../helpers/cdk';
import { expectOneLineError, wskit } from '../helpers/cli';

interface JsonFinding {
  readonly file: string;
  readonly code: string;
  readonly severity: string;
  readonly stack?: string;
  readonly logicalId?: string;
  readonly constructPath?: string;
}

let assembly: string;
beforeAll(async () => {
  assembly = await synthesizedAssembly();
}, 120_000);

describe('wskit lint <cdk.out>', () => {
  it('lints every stack template, nested ones included, each named by its stack', () => {
    expect(
      assemblyLintInputs(assembly).map((input) => [
        input.stack,
        basename(input.file).replace(/[0-9A-F]{8}\./, '#.'),
      ]),
    ).toEqual([
      ['Prod/Mock', 'ProdMock#.template.json'],
      ['Chat', 'Chat.template.json'],
      ['StepFunctions', 'StepFunctions.template.json'],
      ['L1', 'L1.template.json'],
      ['Nested', 'Nested.template.json'],
      ['Nested/Handlers', 'NestedHandlers#.nested.template.json'],
      ['Python', 'Python.template.json'],
      ['CustomResources', 'CustomResources.template.json'],
    ]);
  });

  it('gives no error on the test app, and names stack, logical id and construct path', () => {
    const result = wskit(['lint', assembly, '--format', 'json']);
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.status).toBe(4); // warnings only
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'W9102',
        stack: 'CustomResources',
        logicalId: expect.stringMatching(/^SettingCustomResourcePolicy/),
        constructPath: 'CustomResources/Setting/CustomResourcePolicy/Resource',
      }),
    );
    expect(findings.every((f) => f.stack !== undefined)).toBe(true);
  });

  it('puts the stack and construct path on each text line', () => {
    const result = wskit(['lint', assembly]);
    expect(result.stdout).toMatch(
      /CustomResources\.template\.json:\d+:\d+: W9102 .* \[stack CustomResources: SettingCustomResourcePolicy\w+ at CustomResources\/Setting\/CustomResourcePolicy\/Resource\]$/m,
    );
  });
});

describe('wskit lint <one template of cdk.out>', () => {
  it('keeps the path as written and the stack of that template', () => {
    const template = join(basename(assembly), 'CustomResources.template.json');
    const result = wskit(['lint', template, '--format', 'json'], { cwd: dirname(assembly) });
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    expect(new Set(findings.map((f) => `${f.file} ${f.stack}`))).toEqual(
      new Set([`${template} CustomResources`]),
    );
  });
});

describe('wskit lint <CDK project>', () => {
  const project = packagePath('test', 'fixtures', 'cdk', `.wskit-tmp-lint-${process.pid}`);
  beforeAll(() => cpSync(packagePath('test', 'fixtures', 'cdk', 'watch-app'), project, { recursive: true }));
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('refuses --no-synth before a synth wrote the assembly', () => {
    expectOneLineError(
      wskit(['lint', project, '--no-synth']),
      1,
      /its cdk\.out holds no cloud assembly; run without --no-synth/,
    );
  });

  it('synthesizes the project, says so on stderr, and lints its stacks', () => {
    const result = wskit(['lint', project, '--format', 'json']);
    expect(result.stderr).toMatch(/^cdk synth: .*cdk\.out in \d+\.\d s$/m);
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.stack))).toEqual(new Set(['Watched']));
    expect(findings.map((f) => f.file)).toContain(join(project, 'cdk.out', 'Watched.template.json'));
  }, 60_000);
});
