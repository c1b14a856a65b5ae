/** The cloud assembly reader, on the test app as the real aws-cdk-lib synthesizes it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  assemblyOf,
  constructPath,
  nestedStackTemplates,
  readAssembly,
  readStackTemplate,
  resourceAsset,
} from '../../generator/template/cdk-assembly';
import { synthesizedAssembly } from '../helpers/cdk';

let dir: string;
beforeAll(async () => {
  dir = await synthesizedAssembly();
}, 120_000);

const stack = (name: string) => {
  const found = readAssembly(dir).find((s) => s.displayName === name);
  if (!found) throw new Error(`no stack ${name}`);
  return { ...found, template: readStackTemplate(found.templateFile) };
};
const resourceAt = (template: ReturnType<typeof stack>['template'], path: string) => {
  const found = Object.values(template.Resources).find((r) => constructPath(r) === path);
  if (!found) throw new Error(`no resource at ${path}`);
  return found;
};

describe('readAssembly', () => {
  it("lists the manifest's stacks, those of a Stage's nested assembly included", () => {
    expect(readAssembly(dir).map((s) => [s.displayName, s.stackName, basename(s.templateFile)])).toEqual([
      ['Prod/Mock', 'Prod-Mock', expect.stringMatching(/^ProdMock[0-9A-F]{8}\.template\.json$/)],
      ['Chat', 'Chat', 'Chat.template.json'],
      ['StepFunctions', 'StepFunctions', 'StepFunctions.template.json'],
      ['L1', 'L1', 'L1.template.json'],
      ['Nested', 'Nested', 'Nested.template.json'],
      ['Python', 'Python', 'Python.template.json'],
      ['CustomResources', 'CustomResources', 'CustomResources.template.json'],
    ]);
  });

  it('reads the environment: agnostic stacks have no account or region', () => {
    expect(stack('Python')).toMatchObject({ account: '111111111111', region: 'eu-west-1' });
    expect(stack('Chat')).not.toHaveProperty('account');
    expect(stack('Chat')).not.toHaveProperty('region');
    expect(stack('Prod/Mock').dir).toBe(join(dir, 'assembly-Prod'));
  });

  it('refuses a manifest that is not JSON, naming the file', () => {
    const broken = mkdtempSync(join(tmpdir(), 'wskit-assembly-'));
    writeFileSync(join(broken, 'manifest.json'), '{');
    expect(() => readAssembly(broken)).toThrow(
      expect.objectContaining({
        code: 'E_CDK_ASSEMBLY',
        message: expect.stringMatching(/manifest.json is not a cloud assembly manifest/),
      }),
    );
  });
});

describe('assets and nested stacks', () => {
  it('finds a nested stack template by its aws:asset:path', () => {
    const nested = stack('Nested');
    expect(nestedStackTemplates(nested.template, nested.dir)).toEqual([
      {
        logicalId: expect.stringMatching(/^HandlersNestedStackHandlersNestedStackResource/),
        templateFile: expect.stringMatching(/NestedHandlers\w+\.nested\.template\.json$/),
      },
    ]);
  });

  it('tells folder, zip and image assets apart, with the property they fill', () => {
    const custom = stack('CustomResources');
    const l1 = stack('L1');
    const python = stack('Python');
    expect(resourceAsset(resourceAt(custom.template, 'CustomResources/Echo/Resource'), custom.dir)).toEqual({
      kind: 'folder',
      path: expect.stringMatching(/\/asset\.[0-9a-f]{64}$/),
      property: 'Code',
    });
    expect(resourceAsset(resourceAt(l1.template, 'L1/Echo/Resource'), l1.dir)).toMatchObject({
      kind: 'zip',
      path: expect.stringMatching(/\/asset\.[0-9a-f]{64}\.zip$/),
    });
    expect(
      resourceAsset(resourceAt(custom.template, 'CustomResources/Image/Resource'), custom.dir),
    ).toMatchObject({
      kind: 'image',
      property: 'Code.ImageUri',
    });
    expect(resourceAsset(resourceAt(python.template, 'Python/Greeting/Resource'), python.dir)).toMatchObject({
      kind: 'folder',
      property: 'Content',
    });
    expect(
      resourceAsset(resourceAt(custom.template, 'CustomResources/Api/Resource'), custom.dir),
    ).toBeUndefined();
  });

  it('knows a template file inside an assembly, and a folder that is none', () => {
    expect(assemblyOf(stack('Chat').templateFile)).toBe(dir);
    expect(assemblyOf(dir)).toBe(dir);
    expect(assemblyOf(tmpdir())).toBeUndefined();
  });
});
