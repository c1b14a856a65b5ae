// Declaration files for the two entry points, so a consumer's compiler reads wskit's public types
// and never type-checks its sources under the consumer's own settings. The compiler emits a
// declaration for every source file it reaches; only those the public types reach are kept, as
// `.d.mts` (the entry points are ES modules) with relative imports spelled `./x.mjs`, which every
// module resolution mode (node10, node16/nodenext, bundler) follows. A public type that names
// another package's types fails the build: a consumer would need that package's types too.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import ts from 'typescript';

const ENTRIES = { index: 'generator/index.ts', 'local/index': 'generator/local/index.ts' };
const SOURCE_ROOT = resolve('generator');

/** Writes `<outDir>/<entry>.d.mts` and the declarations they reach. */
export function buildTypes(outDir) {
  const config = ts.getParsedCommandLineOfConfigFile(
    'tsconfig.json',
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail },
  );
  const options = {
    ...config.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    rootDir: SOURCE_ROOT,
    outDir: '/',
    types: ['node'],
  };
  const program = ts.createProgram(
    Object.values(ENTRIES).map((file) => resolve(file)),
    options,
  );
  const emitted = new Map();
  const result = program.emit(
    undefined,
    (file, text) => {
      emitted.set(
        posix
          .normalize(file)
          .replace(/^\//, '')
          .replace(/\.d\.ts$/, ''),
        text,
      );
    },
    undefined,
    true,
  );
  if (result.diagnostics.length > 0) fail(result.diagnostics[0]);

  const kept = new Map();
  const pending = Object.keys(ENTRIES);
  while (pending.length > 0) {
    const name = pending.pop();
    if (kept.has(name)) continue;
    const text = emitted.get(name);
    if (text === undefined) throw new Error(`build-types: no declaration emitted for ${name}`);
    kept.set(
      name,
      rewriteSpecifiers(name, text, (specifier) => {
        if (!specifier.startsWith('.')) {
          throw new Error(
            `build-types: the public types of ${name} import ${specifier}; keep them self-contained`,
          );
        }
        const target = posix.join(posix.dirname(name), specifier);
        const module = emitted.has(target) ? target : `${target}/index`;
        if (!emitted.has(module))
          throw new Error(`build-types: ${name} imports ${specifier}, which has no declaration`);
        pending.push(module);
        const path = posix.relative(posix.dirname(name), module);
        return `${path.startsWith('.') ? path : `./${path}`}.mjs`;
      }),
    );
  }
  for (const [name, text] of kept) {
    const file = join(outDir, `${name}.d.mts`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** Replaces each module specifier (imports, re-exports, `import("...")` types) with `map(specifier)`. */
function rewriteSpecifiers(name, text, map) {
  const file = ts.createSourceFile(`${name}.d.ts`, text, ts.ScriptTarget.Latest, true);
  const literals = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      literals.push(node.moduleSpecifier);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      literals.push(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = text;
  for (const literal of literals.sort((a, b) => b.getStart() - a.getStart())) {
    out = `${out.slice(0, literal.getStart())}'${map(literal.text)}'${out.slice(literal.getEnd())}`;
  }
  return out;
}

function fail(diagnostic) {
  const where = diagnostic.file
    ? `${relative('.', diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `
    : '';
  throw new Error(`build-types: ${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
}
