import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { examplePatterns, exampleRequest, PATTERN_SOURCE_FILES } from '../../generator/app/examples';
import { type GenerateRequest, generate } from '../../generator/app/generate';
import { BundleError, ModelError, UsageError } from '../../generator/errors';
import { packagePath } from '../../generator/paths';
import { parseYaml } from '../../generator/template/yaml';
import { PATTERNS } from '../../patterns/index';
import { tempDir } from '../helpers/tmp';

/** Every file below dir, relative, sorted, with its bytes. */
function tree(dir: string, skip: readonly string[] = []): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (skip.includes(relative(dir, path))) continue;
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

const sfnSync = PATTERNS['sfn-sync'] as NonNullable<(typeof PATTERNS)['sfn-sync']>;
const patternRequest = (
  out: string,
  options: Record<string, string> = {},
  extra: Partial<GenerateRequest> = {},
): GenerateRequest => ({
  ...exampleRequest(sfnSync, out),
  source: {
    kind: 'pattern',
    pattern: sfnSync,
    options: { response: 'execution', 'on-failure': 'passthrough', ...options },
  },
  ...extra,
});

describe.each(examplePatterns())('the committed example of $name', (pattern) => {
  test('is exactly what generate writes (run `npm run examples` after changing the generator)', async () => {
    const out = join(tempDir(), pattern.name);
    await generate(exampleRequest(pattern, out));
    expect(tree(packagePath('patterns', pattern.name), PATTERN_SOURCE_FILES)).toEqual(tree(out));
  });
});

test('generating twice gives byte-identical apps, bundles included', async () => {
  const lambda = PATTERNS.lambda as NonNullable<(typeof PATTERNS)['lambda']>;
  const [a, b] = [join(tempDir(), 'a'), join(tempDir(), 'b')];
  await generate({ ...exampleRequest(lambda, a), name: 'same' });
  await generate({ ...exampleRequest(lambda, b), name: 'same' });
  expect(Object.keys(tree(a))).toContain('functions/send-message/index.js');
  expect(tree(a)).toEqual(tree(b));
});

test('a lambda app lists what it wrote; sfn-sync writes its definition and no functions', async () => {
  const out = join(tempDir(), 'sfn');
  const result = await generate(patternRequest(out));
  expect(result.files).toEqual([
    'README.md',
    'samconfig.toml',
    'statemachine/sfn-sync.asl.json',
    'template.yml',
  ]);
  expect(JSON.parse(readFileSync(join(out, 'statemachine/sfn-sync.asl.json'), 'utf8')).States.Wait).toEqual({
    Type: 'Wait',
    Seconds: 3,
    End: true,
  });
});

describe('sfn-sync options', () => {
  const responseOf = async (options: Record<string, string>) => {
    const out = join(tempDir(), 'app');
    await generate(patternRequest(out, options));
    const template = parseYaml(readFileSync(join(out, 'template.yml'), 'utf8')) as {
      Resources: Record<string, { Properties: Record<string, unknown> }>;
    };
    return template.Resources.DefaultIntegrationResponse?.Properties;
  };

  test('by default the StartSyncExecution response passes through untouched', async () => {
    expect(await responseOf({})).toEqual({
      ApiId: { Ref: 'WebSocketApi' },
      IntegrationId: { Ref: 'DefaultIntegration' },
      IntegrationResponseKey: '$default',
    });
  });

  test.each([
    [{ response: 'output' }, '#set($reply = "output")\n#set($onFailure = "passthrough")'],
    [{ 'on-failure': 'error' }, '#set($reply = "execution")\n#set($onFailure = "error")'],
  ])('%j adds a response template that starts with its settings', async (options, header) => {
    const properties = await responseOf(options);
    expect(properties?.TemplateSelectionExpression).toBe('\\$default');
    const templates = properties?.ResponseTemplates as Record<string, string> | undefined;
    expect(templates?.$default?.startsWith(header)).toBe(true);
  });
});

describe('the output directory', () => {
  test('fails when it is not empty and --force is not given, leaving it untouched', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    await expect(generate(patternRequest(out, {}, { force: false }))).rejects.toThrow(UsageError);
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });

  test('--force replaces a previous app', async () => {
    const out = join(tempDir(), 'app');
    await generate(patternRequest(out));
    writeFileSync(join(out, 'leftover.txt'), 'old');
    await generate(patternRequest(out, {}, { force: true }));
    expect(existsSync(join(out, 'leftover.txt'))).toBe(false);
    expect(existsSync(join(out, 'template.yml'))).toBe(true);
  });

  test('--force refuses a directory that is not an app', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'thesis.tex'), 'precious');
    await expect(generate(patternRequest(out, {}, { force: true }))).rejects.toThrow(
      /only replaces an app directory/,
    );
    expect(readdirSync(out)).toEqual(['thesis.tex']);
  });
});

describe('--app: a user TypeScript file', () => {
  function writeUserApp(handlerSource: string): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'echo.ts'), handlerSource);
    writeFileSync(
      join(dir, 'app.ts'),
      [
        "import { lambdaFunction, lambdaIntegration, route, webSocketApp } from 'wskit';",
        "const echo = lambdaFunction('Echo', { entry: 'src/echo.ts', runtime: 'nodejs24.x' });",
        "export default webSocketApp({ name: 'echo', stage: { name: 'dev' }, routes: [route('$default', lambdaIntegration(echo), { twoWay: true })] });",
      ].join('\n'),
    );
    return dir;
  }
  const appRequest = (dir: string, out: string): GenerateRequest => ({
    source: { kind: 'appFile', file: join(dir, 'app.ts') },
    out,
    name: 'echo',
    force: false,
    commandLine: 'wskit generate --app app.ts --out echo',
  });

  test('builds the app it exports, with its function bundled from a path relative to the file', async () => {
    const dir = writeUserApp(
      'export const handler = async (event: { body?: string }) => ({ statusCode: 200, body: event.body });',
    );
    const out = join(dir, 'out');
    await generate(appRequest(dir, out));
    const template = readFileSync(join(out, 'template.yml'), 'utf8');
    expect(template).toContain('Runtime: nodejs24.x');
    expect(template).toContain('Default: dev');
    const bundle = require(join(out, 'functions/echo/index.js'));
    await expect(bundle.handler({ body: 'ping' })).resolves.toEqual({ statusCode: 200, body: 'ping' });
  });

  test('fails when the handler is not exported, and writes nothing', async () => {
    const dir = writeUserApp('export const main = async () => ({ statusCode: 200 });');
    const out = join(dir, 'out');
    const attempt = generate(appRequest(dir, out));
    await expect(attempt).rejects.toThrow(BundleError);
    await expect(attempt).rejects.toThrow(
      'function "Echo": src/echo.ts does not export "handler" (it exports "main")',
    );
    expect(readdirSync(dir).sort()).toEqual(['app.ts', 'src']);
  });

  test('fails with the model error when the file builds an invalid app', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'app.ts'),
      "import { lambdaFunction } from 'wskit';\nexport default lambdaFunction('Bad', { entry: 'x.ts', runtime: 'python3.12' as never });",
    );
    await expect(generate(appRequest(dir, join(dir, 'out')))).rejects.toThrow(ModelError);
  });

  test('fails when the file exports no app', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.ts'), 'export const nothing = 1;');
    await expect(generate(appRequest(dir, join(dir, 'out')))).rejects.toThrow(/must `export default` an app/);
  });
});

describe('--typecheck', () => {
  const userApp = (handler: string) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'fn.ts'), handler);
    writeFileSync(
      join(dir, 'app.ts'),
      "import { lambdaFunction, lambdaIntegration, route, webSocketApp } from 'wskit';\n" +
        "export default webSocketApp({ name: 'tc', routes: [route('$default', lambdaIntegration(lambdaFunction('Fn', { entry: 'fn.ts' })))] });",
    );
    return (): Promise<unknown> =>
      generate({
        source: { kind: 'appFile', file: join(dir, 'app.ts') },
        out: join(dir, 'out'),
        name: 'tc',
        force: false,
        typecheck: true,
        commandLine: 'x',
      });
  };

  test('passes for the lambda pattern handlers', async () => {
    const lambda = PATTERNS.lambda as NonNullable<(typeof PATTERNS)['lambda']>;
    await expect(
      generate({ ...exampleRequest(lambda, join(tempDir(), 'app')), typecheck: true }),
    ).resolves.toBeDefined();
  });

  test('fails on a type error with file:line:column, and writes nothing', async () => {
    const run = userApp(
      "export const handler = async () => {\n  const count: number = 'three';\n  return { statusCode: count };\n};\n",
    );
    await expect(run()).rejects.toThrow(/^fn\.ts:2:9: Type 'string' is not assignable to type 'number'\.$/);
  });

  test('fails when the handler export is not a function', async () => {
    await expect(userApp('export const handler = 42;\n')()).rejects.toThrow(
      'function "Fn": export "handler" of fn.ts is not a function',
    );
  });
});

test('refuses to write an app whose template has lint errors, naming the first one', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'request.vtl'), readFileSync(packagePath('templates', 'sfn-sync-request.vtl')));
  writeFileSync(
    join(dir, 'app.ts'),
    [
      "import { readFileSync } from 'node:fs';",
      "import { expressStateMachine, route, stepFunctionsSyncIntegration, webSocketApp } from 'wskit';",
      "const machine = expressStateMachine('Broken', { definition: { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } } });",
      "const requestTemplate = readFileSync(`${__dirname}/request.vtl`, 'utf8');",
      "export default webSocketApp({ name: 'broken', routes: [route('$default', stepFunctionsSyncIntegration(machine, { requestTemplate }), { twoWay: true })] });",
    ].join('\n'),
  );
  const attempt = generate({
    source: { kind: 'appFile', file: join(dir, 'app.ts') },
    out: join(dir, 'out'),
    name: 'broken',
    force: false,
    commandLine: 'x',
  });
  await expect(attempt).rejects.toThrow(ModelError);
  await expect(attempt).rejects.toThrow(
    /^the generated template has lint errors, so nothing was written: template\.yml:\d+:\d+ E9017 .*"Nowhere"/,
  );
  expect(readdirSync(dir).sort()).toEqual(['app.ts', 'request.vtl']);
});
