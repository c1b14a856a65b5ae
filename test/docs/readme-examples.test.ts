/**
 * The README's library examples are code a user copies: each `ts` block of "The library API" is
 * type-checked against the library's sources, so the README and the API cannot drift apart.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { packagePath } from '../../generator/paths';

/** The `ts` blocks of one README section, each named by its `// file.ts` first line or by its order. */
function sectionExamples(readme: string, heading: string): { name: string; code: string }[] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match, index) => {
    const code = match[1] as string;
    const named = /^\/\/ ([\w-]+\.ts)\n/.exec(code);
    return { name: named?.[1] ?? `example-${index}.ts`, code };
  });
}

function typeErrors(dir: string, files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    resolveJsonModule: true,
    skipLibCheck: true,
    baseUrl: packagePath(),
    paths: { wskit: ['generator/index.ts'] },
    typeRoots: [packagePath('node_modules', '@types')],
    types: ['node'],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file?.fileName.startsWith(dir))
    .map((diagnostic) => {
      const where = diagnostic.file?.fileName.slice(dir.length + 1);
      return `${where}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
}

describe('README: The library API', () => {
  it('type-checks every example against the library', () => {
    const examples = sectionExamples(readFileSync(packagePath('README.md'), 'utf8'), 'The library API');
    expect(examples.map((example) => example.name)).toContain('my-app.ts');
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const dir = mkdtempSync(join(tmpdir(), 'wskit-readme-'));
    try {
      const files = examples.map(({ name, code }) => {
        writeFileSync(join(dir, name), code);
        return join(dir, name);
      });
      expect(typeErrors(dir, files)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails on an example that misuses the API', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wskit-readme-'));
    try {
      const file = join(dir, 'wrong.ts');
      writeFileSync(
        file,
        "import { synthesize, toYaml, webSocketApp } from 'wskit';\ntoYaml(synthesize(webSocketApp({ name: 'x', routes: [] })));\n",
      );
      expect(typeErrors(dir, [file]).join('\n')).toMatch(/TS2345/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
