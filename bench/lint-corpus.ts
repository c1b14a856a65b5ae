/**
 * A corpus of lint templates for the benchmark: the repository's own lint fixtures and pattern
 * templates (no real-world templates are stored here), repeated with deterministic variations
 * until there are as many as asked. Each copy sits in a folder beside links to its source's
 * sub-folders (statemachine/, functions/), so relative file references resolve as they do in place.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { packagePath } from '../generator/paths';

function sources(): string[] {
  const fixtures = ['broken', 'real'].flatMap((folder) => {
    const dir = packagePath('test', 'fixtures', 'lint', folder);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yml') || f.endsWith('.json'))
      .sort()
      .map((f) => join(dir, f));
  });
  return [
    packagePath('patterns', 'lambda', 'template.yml'),
    packagePath('patterns', 'sfn-sync', 'template.yml'),
    ...fixtures,
  ];
}

/** Variation `n` of a template: a first comment line and 0–4 extra queues (YAML), so no two copies are equal. */
function vary(text: string, n: number, file: string): string {
  if (file.endsWith('.json')) return text.replace(/^\{/, `{"Metadata": {"Copy": ${n}},`);
  const extra = Array.from(
    { length: n % 5 },
    (_, i) =>
      `  BenchQueue${n}x${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: ${30 + i}\n`,
  ).join('');
  const marked = `# corpus copy ${n} of ${basename(file)}\n${text}`;
  return extra && /^Resources:\n/m.test(marked)
    ? marked.replace(/^Resources:\n/m, `Resources:\n${extra}`)
    : marked;
}

/** Writes `count` templates into a fresh folder under the system temp folder and returns their paths. */
export function buildLintCorpus(count: number): string[] {
  const root = join(tmpdir(), 'wskit-bench-lint-corpus');
  rmSync(root, { recursive: true, force: true });
  const all = sources();
  const folders = new Map<string, string>();
  const files: string[] = [];
  for (let n = 0; n < count; n++) {
    const source = all[n % all.length];
    const sourceDir = dirname(source);
    let folder = folders.get(sourceDir);
    if (!folder) {
      folder = join(root, `src${folders.size}`);
      mkdirSync(folder, { recursive: true });
      for (const entry of readdirSync(sourceDir))
        if (statSync(join(sourceDir, entry)).isDirectory())
          symlinkSync(join(sourceDir, entry), join(folder, entry));
      folders.set(sourceDir, folder);
    }
    const name = basename(source).replace(/(\.ya?ml|\.json)$/, `.${n}$1`);
    const file = join(folder, name);
    writeFileSync(file, vary(readFileSync(source, 'utf8'), n, source));
    files.push(file);
  }
  return files;
}
