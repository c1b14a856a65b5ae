/**
 * No import circle among the project's source files. Type-only and dynamic imports count: a circle
 * of any kind means two modules cannot be read, changed or loaded one without the other.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { packagePath } from '../../generator/paths';

const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The project file a relative specifier names, trying the extensions the bundler and tsc try. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base,
    ...['.ts', '.mts', '.js', '.mjs', '.cjs'].map((ext) => base + ext),
    join(base, 'index.ts'),
  ];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map((entry) => resolveImport(file, entry.fileName));
    graph.set(
      file,
      targets.filter((target): target is string => target !== undefined && SOURCE.test(target)),
    );
  }
  return graph;
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('imports', () => {
  it('form no circle among the project sources', () => {
    const root = packagePath();
    const files = ['bin', 'generator', 'functions', 'patterns', 'scripts', 'bench'].flatMap((dir) =>
      sourceFiles(join(root, dir)).filter(
        (file) => !/\/patterns\/[^/]+\/(functions|statemachine)\//.test(file),
      ),
    );
    expect(files.length).toBeGreaterThan(200);
    const named = circles(importGraph(files)).map((circle) => circle.map((file) => relative(root, file)));
    expect(named).toEqual([]);
  });

  it('finds a circle made of type-only and dynamic imports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wskit-circles-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B;\n");
      writeFileSync(join(dir, 'b.ts'), "export type B = string;\nexport const load = () => import('./a');\n");
      writeFileSync(join(dir, 'c.ts'), "import './a';\n");
      const files = ['a.ts', 'b.ts', 'c.ts'].map((name) => join(dir, name));
      expect(circles(importGraph(files)).map((circle) => circle.map((file) => relative(dir, file)))).toEqual([
        ['a.ts', 'b.ts'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
