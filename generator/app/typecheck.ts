/**
 * Full type-check of function sources with the TypeScript compiler, through ts-morph. esbuild only
 * strips types, so without this a type error reaches Lambda. Opt-in (`generate --typecheck`):
 * loading the compiler and resolving types costs seconds, too much for every run.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { BundleError, show } from '../errors';
import type { LambdaFunction } from '../model/types';
import { PACKAGE_ROOT } from '../paths';

export async function typecheckFunctions(
  functions: readonly LambdaFunction[],
  baseDir: string,
): Promise<void> {
  if (functions.length === 0) return;
  const { Project, ts } = await import('ts-morph');
  const roots = typeRoots(baseDir);
  const project = new Project({
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      esModuleInterop: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Preserve,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      typeRoots: roots,
      // Handlers run on Node: its globals (process, Buffer) must be known without an import; wskit's own
      // @types/node is always among the roots.
      types: ['node'],
    },
  });
  const sources = functions.map((fn) => ({
    fn,
    file: project.addSourceFileAtPath(resolve(baseDir, fn.entry)),
  }));
  project.resolveSourceFileDependencies();

  const errors = project
    .getPreEmitDiagnostics()
    .filter((d) => d.getCategory() === ts.DiagnosticCategory.Error);
  const first = errors[0];
  if (first) {
    const file = first.getSourceFile();
    const position = file?.getLineAndColumnAtPos(first.getStart() ?? 0);
    const where =
      file && position
        ? `${relative(baseDir, file.getFilePath())}:${position.line}:${position.column}: `
        : '';
    const message = ts.flattenDiagnosticMessageText(first.compilerObject.messageText, ' ');
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more type errors)` : '';
    throw new BundleError('E_TYPECHECK', `${where}${message}${more}`, file?.getFilePath());
  }
  for (const { fn, file } of sources) {
    const declaration = file.getExportedDeclarations().get(fn.handler)?.[0];
    if (declaration && declaration.getType().getCallSignatures().length === 0) {
      throw new BundleError(
        'E_TYPECHECK',
        `function ${show(fn.id)}: export ${show(fn.handler)} of ${relative(baseDir, file.getFilePath())} is not a function`,
        fn.id,
      );
    }
  }
}

/**
 * `@types` folders of the user's project (nearest above baseDir) and wskit's own (its dependency
 * @types/node, found wherever the install put it: nested, hoisted, or in npx's cache).
 */
function typeRoots(baseDir: string): string[] {
  const roots: string[] = [];
  for (let dir = baseDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '@types');
    if (existsSync(candidate)) {
      roots.push(candidate);
      break;
    }
    if (dirname(dir) === dir) break;
  }
  const own = dirname(
    dirname(createRequire(join(PACKAGE_ROOT, 'package.json')).resolve('@types/node/package.json')),
  );
  if (!roots.includes(own)) roots.push(own);
  return roots;
}
